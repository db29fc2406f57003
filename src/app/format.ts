/** Formatting shared by every view. Inputs are simulated seconds unless named otherwise. */
import { visible } from './visible.ts';

/** `h:mm:ss` of elapsed simulated time (e.g. 4521 → "1:15:21"). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`;
}

/** `m:ss` of a short span (e.g. 134 → "2:14"); hours roll into minutes. */
export function mmss(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Minutes with one decimal and the unit (e.g. 135 → "2.3 min"). */
export function minutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

/** A fraction as a whole percentage (e.g. 0.644 → "64%"). */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Speed factor as shown on the control (0.25 → "¼×", 16 → "16×"). */
export function speedLabel(speed: number | 'max'): string {
  if (speed === 'max') return 'As fast as possible';
  if (speed === 0.25) return '¼×';
  if (speed === 0.5) return '½×';
  return `${speed}×`;
}

/** Capitalised dish or kind name (e.g. "steak" → "Steak"). */
export function title(name: string): string {
  // Names can come from a user's scenario: show control and direction characters as given (docs/bad-input.md).
  const shown = visible(name);
  return shown.length > 0 ? shown[0]!.toUpperCase() + shown.slice(1) : shown;
}

/**
 * A duration in words with its units (e.g. 18 → "18 s", 250 → "4 min 10 s", 3900 → "1 h 5 min"):
 * never a bare "0:18" that reads as minutes beside a clock. Seconds in, rounded to whole seconds.
 */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return r > 0 ? `${m} min ${r} s` : `${m} min`;
}
