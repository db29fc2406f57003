/**
 * Two-letter codes for the dishes of a menu, unique within it, so a dish badge never relies
 * on colour alone ("S" was salad, soup and steak). The code is the dish's initial and, when
 * that pair is taken, the next letter of its name that makes it unique ("Salad" Sa, "Soup"
 * So, "Steak" St; "Sauce" after "Salad" becomes Su). A name without two usable letters gets
 * its initial and a digit. Pure: the same menu always gets the same codes.
 *
 * @param dishes dish names in menu order (the first keeps the most natural code).
 * @returns dish name → code (capital then lower-case letter or digit).
 */
export function dishCodes(dishes: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const dish of dishes) {
    if (out.has(dish)) continue;
    const letters = dish.toLowerCase().replace(/[^a-z0-9]/g, '');
    const first = letters[0] ?? 'd';
    const words = dish.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const candidates: string[] = [];
    // Initials of a two-word name first ("fish pie" Fp), then the name's own letters in order.
    if (words.length > 1) candidates.push(first + words[1]![0]!);
    for (const ch of letters.slice(1)) candidates.push(first + ch);
    for (let d = 1; d <= 9; d++) candidates.push(first + String(d));
    // Any letter pair at all, for a menu that crowds out every natural one.
    for (const a of 'abcdefghijklmnopqrstuvwxyz') for (const b of 'abcdefghijklmnopqrstuvwxyz0123456789') candidates.push(a + b);
    const pick = candidates.find((c) => !taken.has(c))!;
    taken.add(pick);
    out.set(dish, pick[0]!.toUpperCase() + pick.slice(1));
  }
  return out;
}
