// The words as a reader sees them, read from the rendered page: every glossary term shown
// in visible text must be marked (a dotted-underline term in the same block); no duration
// may read as a bare "0:18" (an m:ss beside an h:mm:ss clock); and each "Floor staff
// blocked" tile must say as many are blocked now as its floor draws with red rings.

/**
 * Read the page in the browser (a page.evaluate callback: it uses only browser globals).
 * Returns a list of problems, each a sentence naming the text.
 * Text inside buttons, form controls, options, SVG drawings, the log's rows (data: message
 * kinds and types) and the glossary itself is not prose, and is skipped.
 */
export function readWords(): string[] {
  const problems: string[] = [];
  const g = window.orderUp.glossary;
  const pattern = new RegExp(g.pattern, g.flags);
  const SKIP = 'button, select, option, input, textarea, svg, [role="tab"], [role="radio"], label, .glossary-dialog, .log-row, .ticker, kbd, code, .term-tip, [hidden], .visually-hidden, .clock, [aria-hidden="true"]';
  const BLOCK = 'p, li, td, th, dt, dd, h1, h2, h3, h4, summary, caption, figcaption, legend, .big, .mini, .part-title, .step-text, [role="group"], div';
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return false;
    }
    return true;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seenProblem = new Set<string>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent ?? '';
    if (!el || !text.trim() || el.closest(SKIP) || !visible(el)) continue;
    const block = el.closest(BLOCK) ?? el;
    const snippet = (block.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 90);
    if (!el.closest('.term')) {
      for (const m of text.matchAll(pattern)) {
        const id = g.forms[m[0].toLowerCase()] ?? '';
        if (block.querySelector(`.term[data-term="${id}"]`)) continue;
        const key = `${id}|${snippet}`;
        if (seenProblem.has(key)) continue;
        seenProblem.add(key);
        problems.push(`term "${m[0]}" has no definition in: "${snippet}"`);
      }
    }
    // An m:ss duration (not part of an h:mm:ss clock time).
    for (const m of text.matchAll(/(?<![\d:.])\d{1,2}:\d{2}(?![\d:])/g)) problems.push(`bare duration "${m[0]}" (say "18 s" or "4 min 10 s") in: "${snippet}"`);
  }
  // The blocked tile against the red rings of its floor.
  for (const tile of document.querySelectorAll('[role="group"][aria-label="Floor staff blocked"]')) {
    if (!visible(tile)) continue;
    const m = /(\d+) of (\d+)/.exec(tile.textContent ?? '');
    if (!m) {
      problems.push(`the blocked tile says no count: "${tile.textContent}"`);
      continue;
    }
    const side = tile.closest('.compare-side') ?? document;
    const floor = side.querySelector('section.floor');
    if (!floor) continue;
    const rings = floor.querySelectorAll('.person.blocked').length;
    if (Number(m[1]) !== rings) problems.push(`the blocked tile says ${m[1]} of ${m[2]} now, the floor draws ${rings} blocked`);
  }
  return problems;
}
