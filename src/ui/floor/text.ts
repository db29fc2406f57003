/**
 * Text on the floor, measured before it is drawn, so the layout can decide what fits and
 * never overlaps two labels (docs/visual-language.md, "Legible everywhere").
 *
 * The floor is drawn in CSS pixels (its SVG viewBox is the stage's own size), so a font
 * size here is the size the reader sees.
 */

/** Font sizes on the floor, CSS pixels: `small` is the least any text may be. */
export interface TypeScale {
  /** Table numbers, timers, dish codes, station words: the smallest text on the stage. */
  small: number;
  /** Table states, counts. */
  main: number;
  /** Zone and kind headings. */
  head: number;
}

/** Normal view: nothing under 12 px at any window size. */
export const TYPE_NORMAL: TypeScale = { small: 12, main: 13, head: 15 };
/** Presenter mode: nothing under 16 px, read from the back of a room. */
export const TYPE_PRESENTER: TypeScale = { small: 16, main: 17, head: 19 };

/** A type scale `k` times larger (never smaller than `base`). */
export function scaleType(base: TypeScale, k: number): TypeScale {
  const f = Math.max(1, k);
  return { small: Math.round(base.small * f), main: Math.round(base.main * f), head: Math.round(base.head * f) };
}

// Advance widths in em of the widest common UI face (DejaVu Sans, Debian's system-ui), bold;
// regular text is about 10% narrower. Over-estimating is safe: a label gets a little more room.
const WIDE = new Set('MWmw@%');
const NARROW = new Set('iljtfrI.,:;!|\'’ ');
function advance(ch: string): number {
  if (WIDE.has(ch)) return 1.0;
  if (NARROW.has(ch)) return 0.38;
  if (ch >= '0' && ch <= '9') return 0.7;
  if (ch >= 'A' && ch <= 'Z') return 0.78;
  if (ch >= 'a' && ch <= 'z') return 0.66;
  // Symbols (✓ ✗ ⚠ ×, arrows): about an em.
  return ch.charCodeAt(0) > 0x2000 ? 0.9 : 0.7;
}

/**
 * Width of `text` in CSS pixels at `size` px, bold unless `bold` is false: an upper estimate
 * for the system sans-serif faces (within a few percent of DejaVu Sans, wider than Segoe UI,
 * Roboto and Helvetica).
 */
export function textWidth(text: string, size: number, bold = true): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * size * (bold ? 1 : 0.92);
}

/** Height of a line box for text of `size` px (ascent to descent): what a label occupies. */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.2);
}

/**
 * A duration as the floor shows it, always with its unit: "45 s" under a minute, "12 min"
 * under an hour (whole minutes: at 1× a simulated minute passes each second, so it ticks),
 * then "1 h 05". Input in simulated seconds; negative counts as 0.
 */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  const h = Math.floor(s / 3600);
  return `${h} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

/** The widest text {@link shortDuration} produces below 10 hours (for room to reserve). */
export const WIDEST_DURATION = '59 min';
