import type { Mode } from '../sim/index.ts';
import type { SimStore } from './simStore.ts';

/** A user action at a simulated time (seconds), as a determinism check replays it. */
export type ScriptedAction = { t: number; mode: Mode } | { t: number; ratePerHour: number };

/**
 * The recorded session every preset is replayed with: mode switches and a live parameter edit
 * at fixed simulated times, then on to {@link SCRIPT_END}.
 */
export const SCRIPT: readonly ScriptedAction[] = [
  { t: 20 * 60, mode: 'async' },
  { t: 50 * 60, ratePerHour: 48 },
  { t: 75 * 60, mode: 'sync' },
  { t: 100 * 60, mode: 'async' },
];
/** Simulated seconds each scripted run lasts. */
export const SCRIPT_END = 2 * 3600;

/**
 * Load `preset` into `store` (from its seed, at time 0, synchronous), replay `script` at its
 * times and run to `end`; returns the event log as the exported CloudEvents batch, whose bytes
 * must be the same wherever it runs (Node or a browser). Throws if the preset is unknown.
 */
export function scriptedLog(store: SimStore, preset: string, script: readonly ScriptedAction[] = SCRIPT, end = SCRIPT_END): string {
  store.getState().loadPreset(preset);
  if (store.getState().presetName !== preset) throw new Error(`unknown preset ${preset}`);
  const st = store.getState();
  st.restart(st.base, st.running, preset, 'sync');
  for (const a of [...script].sort((x, y) => x.t - y.t)) {
    store.getState().syncTo(a.t, false);
    if ('mode' in a) store.getState().setMode(a.mode);
    else store.getState().setParam('ratePerHour', a.ratePerHour);
  }
  store.getState().syncTo(end, true);
  return store.getState().exportLog();
}
