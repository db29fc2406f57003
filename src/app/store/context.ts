// What every slice of a simulation store shares (docs/architecture.md, "The page's stores"):
// the store's get and set, the options it was made with, and the few steps several slices
// take: say something, refuse a wrong argument, guard the engine, refresh the snapshot and
// figures, build a new restaurant, tell a partner what was done.
import type { Mode, Restaurant, RestaurantCommand, Scenario } from '../../sim/index.ts';
import type { Params } from '../params.ts';
import type { Notice, SimState, SimStoreOptions, StoreAction } from './types.ts';

export type SetState = (partial: Partial<SimState> | ((s: SimState) => Partial<SimState>)) => void;

export interface StoreContext {
  set: SetState;
  get: () => SimState;
  opts: SimStoreOptions;
  /** Wall clock, milliseconds. */
  wallNow: () => number;
  /** The running restaurant. */
  r(): Restaurant;
  /** Show a notice; `key` defaults to the text (see `Notice.key`). */
  notify(tone: Notice['tone'], text: string, key?: string): void;
  /** Refuse a console call's wrong argument: a notice, then an `ArgumentError` (docs/bad-input.md, "The console API"). */
  refuse(call: string, problem: string): never;
  /** Run `fn` against the engine; on an engine error pause and say so, leaving the page alive. Returns whether it ran through. */
  guarded(fn: () => void): boolean;
  /** Sample the snapshot, and with `withStats` the figures and the log's length. */
  refresh(withStats: boolean): void;
  /**
   * Build a new restaurant from `base` with `params` in `mode` and make it the running one
   * (time 0, same seed ⇒ same customers). If the engine refuses, the old one keeps running,
   * with a notice. Returns whether it was built.
   */
  rebuild(base: Scenario, params: Params, presetName: string, mode: Mode): boolean;
  /** Send a user action to the running restaurant, journal it (./run.ts) and tell the listeners. @throws the engine's error. */
  input(c: RestaurantCommand): void;
  /** Tell the store's listeners (a compare partner) what was just done. */
  emit(a: StoreAction): void;
  /** Set `playing`, telling the listeners when it changes. */
  setPlaying(playing: boolean, patch?: Partial<SimState>): void;
}

/** Notice keys that more than one module uses. */
export const KEYS = {
  over: 'service-over',
  engine: 'engine-stopped',
  rebuild: 'rebuild-failed',
  replay: 'replay-failed',
  import: 'import',
} as const;

/** The notice saying the service is over, after `seconds` of simulated time. */
export const overText = (seconds: number) => `The service is over after ${Math.round(seconds / 60)} simulated minutes. Reset to run it again.`;
