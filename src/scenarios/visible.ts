/**
 * User text made visible as given (docs/bad-input.md, "What is shown is what was given").
 *
 * Text that a user gives the page (a link's values, an imported message's type or topic, a
 * scenario's names) may hold characters that draw nothing or reorder what is drawn around
 * them: C0 and C1 controls, the bidirectional embeddings, overrides and isolates (U+202A–E,
 * U+2066–9), the marks U+200E / U+200F / U+061C, zero-width characters, U+FEFF and lone
 * surrogate halves. `visible` replaces each with a visible `⟨U+XXXX⟩` so the reader sees
 * exactly which character was there and no text can be reordered by it. Show the result in
 * an element with `unicode-bidi: isolate` (class `user-text`) so that right-to-left letters,
 * which are legitimate, stay inside their own run.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** True when `visible(text)` would change something. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

// Controls, bidi formatting characters, zero-width characters and the BOM; lone surrogates
// (a high half not followed by a low one, or a low half not preceded by a high one).
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
