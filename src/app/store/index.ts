// A simulation store (docs/architecture.md, "The page's stores"): one Zustand vanilla store
// per simulation, built from slices (playback, parameters, metrics, log, replay, lesson,
// notices) that share one context, with the derived values computed after every change.
import { createStore } from 'zustand/vanilla';
import type { Mode, RestaurantCommand, Scenario } from '../../sim/index.ts';
import { refuser } from '../args.ts';
import { withParams, type Params } from '../params.ts';
import { KEYS, type StoreContext } from './context.ts';
import { computed } from './derived.ts';
import { lessonSlice } from './lesson.ts';
import { logSlice } from './log.ts';
import { metricsSlice, statsTaker } from './metrics.ts';
import { notifier, noticesSlice } from './notices.ts';
import { parametersSlice } from './parameters.ts';
import { playbackSlice } from './playback.ts';
import { actionListeners, replaySlice } from './replay.ts';
import { sendInput, startRun } from './run.ts';
import type { SimSources, SimState, SimStore, SimStoreOptions } from './types.ts';

export * from './types.ts';
export type { Run, JournalEntry } from './run.ts';

/**
 * One store per simulation (Zustand vanilla, so compare mode can hold two). It owns the
 * restaurant, maps wall time to simulated time (1× = one simulated minute per second, frames
 * clamped to {@link MAX_FRAME_SECONDS}), samples a snapshot once per frame and the figures a
 * few times a second. Errors from the engine pause the run with a notice; they never escape.
 * @throws Error if `initialPreset` is not a preset (a programming error, not user input).
 */
export function createSimStore(opts: SimStoreOptions): SimStore {
  const base = opts.loadPreset(opts.initialPreset);
  const first = startRun(base, base.mode, 0);
  const statsOf = statsTaker();
  const { listeners, emit } = actionListeners();

  return createStore<SimState>()(
    computed((set, get) => {
      const notify = notifier(set);
      const refuse = refuser((text) => notify('warning', text));
      const r = () => get().run.restaurant;
      const setPlaying: StoreContext['setPlaying'] = (playing, patch = {}) => {
        const was = get().playing;
        set({ ...patch, playing });
        if (was !== playing) emit({ type: playing ? 'play' : 'pause' });
      };
      const ctx: StoreContext = {
        set,
        get,
        opts,
        wallNow: opts.now ?? (() => performance.now()),
        r,
        notify,
        refuse,
        emit,
        setPlaying,
        guarded(fn) {
          try {
            fn();
            return true;
          } catch (e) {
            setPlaying(false);
            notify('error', `The simulation stopped: ${e instanceof Error ? e.message : String(e)}. Reset to start again.`, KEYS.engine);
            return false;
          }
        },
        refresh(withStats) {
          const patch: Partial<SimState> = { snapshot: r().snapshot() };
          if (withStats) {
            patch.stats = statsOf(r());
            patch.logged = get().run.log.entries.length + get().run.log.dropped;
          }
          set(patch);
        },
        input(c: RestaurantCommand) {
          sendInput(get().run, c);
          emit({ type: 'command', command: c });
        },
        rebuild(base: Scenario, params: Params, presetName: string, mode: Mode) {
          const old = get().run;
          let run;
          try {
            run = startRun(withParams(base, params), mode, old.generation + 1);
          } catch (e) {
            notify('error', `Could not build that restaurant: ${e instanceof Error ? e.message : String(e)}. The previous one keeps running.`, KEYS.rebuild);
            return false;
          }
          old.detach();
          set((st) => ({
            // A new restaurant: notices about the old one no longer apply.
            notices: st.notices.filter((n) => n.key === KEYS.rebuild || n.key === KEYS.replay),
            presetName,
            base,
            running: params,
            edited: params,
            run,
            pauseAt: null,
            snapshot: run.restaurant.snapshot(),
            stats: statsOf(run.restaurant),
            logged: 0,
          }));
          emit({ type: 'rebuilt', base, params, presetName });
          return true;
        },
      };
      const sources: SimSources = {
        ...noticesSlice(ctx),
        ...playbackSlice(ctx, first),
        ...parametersSlice(ctx, base, first),
        ...metricsSlice(ctx, statsOf(first.restaurant)),
        ...logSlice(ctx),
        ...replaySlice(ctx, listeners),
        ...lessonSlice(ctx),
      };
      return sources;
    }),
  );
}
