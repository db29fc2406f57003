// Values the store computes from its slices instead of storing them (docs/architecture.md,
// "The page's stores"): the mode, the scenario running, whether the service is over, the
// Setup changes waiting for Reset, the restaurant's generation.
import type { StateCreator } from 'zustand/vanilla';
import { pendingChanges, type Params } from '../params.ts';
import type { Derived, SimSources, SimState } from './types.ts';

/** `pendingChanges`, the same array while `running` and `edited` are the same objects (selectors compare by identity). */
function pendingOf(): (running: Params, edited: Params) => string[] {
  let last: { running: Params; edited: Params; out: string[] } | null = null;
  return (running, edited) => {
    if (last && last.running === running && last.edited === edited) return last.out;
    const out = pendingChanges(running, edited);
    last = { running, edited, out: last && same(last.out, out) ? last.out : out };
    return last.out;
  };
}
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A function computing {@link Derived} from the sources, for one store (it remembers the last `pending`). */
export function deriver(): (s: SimSources) => Derived {
  const pending = pendingOf();
  return (s) => {
    const scenario = s.run.scenario;
    // `snapshot` is whatever a console caller set; the restaurant itself is the fallback.
    const snap = s.snapshot as Partial<SimState['snapshot']> | null | undefined;
    const mode = snap?.mode === 'sync' || snap?.mode === 'async' ? snap.mode : s.run.restaurant.mode;
    const time = typeof snap?.time === 'number' ? snap.time : s.run.restaurant.now;
    return { mode, scenario, finished: time >= scenario.durationSeconds, pending: pending(s.running, s.edited), generation: s.run.generation };
  };
}

/**
 * Zustand middleware: after every change (the store's own actions and any `setState` from
 * outside), the {@link Derived} fields are computed again from the new state. A patch that
 * names a derived field has that field overwritten: they cannot be set.
 */
export function computed(creator: StateCreator<SimState, [], [], SimSources>): StateCreator<SimState> {
  return (set, get, api) => {
    const derive = deriver();
    const withDerived = (s: SimState): SimState => {
      const d = derive(s);
      const unchanged = s.mode === d.mode && s.scenario === d.scenario && s.finished === d.finished && s.pending === d.pending && s.generation === d.generation;
      return unchanged ? s : { ...s, ...d };
    };
    const setDerived: typeof set = (partial, replace?: boolean) => {
      set((s) => {
        const patch = typeof partial === 'function' ? partial(s) : partial;
        return withDerived(replace ? (patch as SimState) : { ...s, ...patch });
      }, true as never);
    };
    api.setState = setDerived;
    const sources = creator(setDerived, get, api);
    return { ...sources, ...derive(sources) };
  };
}
