import { describe } from '../scenarios/commands.ts';

export { describe };

/**
 * A call on the page's console API (`window.orderUp`, the stores' methods) with an argument
 * of the wrong type or outside what the page offers (docs/bad-input.md, "The console API").
 * Thrown before anything changes; the message names the method, the argument, what it
 * expects and what it got, e.g. `setMode(mode): expected "sync" or "async", got "xyz"`.
 */
export class ArgumentError extends TypeError {
  constructor(
    /** The method and argument, e.g. `setMode(mode)`. */
    readonly call: string,
    /** What was wrong, e.g. `expected "sync" or "async", got "xyz"`. */
    readonly problem: string,
  ) {
    super(`${call}: ${problem}. Nothing changed.`);
    this.name = 'ArgumentError';
  }
}

/**
 * The refusal a store's method makes of a wrong argument: say it with `notice` (the page
 * shows "Refused …") and throw the {@link ArgumentError}, before anything changes.
 */
export function refuser(notice: (text: string) => void): (call: string, problem: string) => never {
  return (call, problem) => {
    const e = new ArgumentError(call, problem);
    notice(`Refused ${e.message}`);
    throw e;
  };
}

/** True for a finite number (not NaN, not ±Infinity, not a numeric string). */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `expected <what>, got <v as describe() shows it>`. */
export const expected = (what: string, v: unknown): string => `expected ${what}, got ${describe(v)}`;
