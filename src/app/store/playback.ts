// Playback (docs/architecture.md, "The page's stores"): wall time → simulated time. 1× is
// one simulated minute per wall second; a frame is clamped to MAX_FRAME_SECONDS, and the
// simulation's share of it to the frame budget, so a slow machine runs slower, never freezes.
import { expected, isFiniteNumber } from '../args.ts';
import { KEYS, overText, type StoreContext } from './context.ts';
import { advanceTo, type Run } from './run.ts';
import {
  MAX_FRAME_SECONDS,
  MAX_SPEED_BUDGET_MS,
  SIM_SECONDS_PER_WALL_SECOND,
  SPEEDS,
  STATS_EVERY_SECONDS,
  FRAME_BUDGET_MS,
  type PlaybackSlice,
} from './types.ts';

/** Simulated seconds advanced between two looks at the frame budget. */
const SLICE_SECONDS = 30;

/** The playback slice, starting at the first restaurant's time 0. */
export function playbackSlice(ctx: StoreContext, first: Run): PlaybackSlice {
  const { set, get, r, notify, refuse, guarded, refresh, emit, setPlaying } = ctx;
  /** Wall seconds, and simulated seconds advanced by frames, since the figures last refreshed (the achieved speed). */
  const sinceStats = { wall: 0, sim: 0 };
  const over = () => notify('info', overText(r().scenario.durationSeconds), KEYS.over);
  /** Bring the snapshot (and with `withStats` the figures) to now, and tell a partner where the clock is. */
  const settle = (withStats: boolean) => {
    if (withStats) sinceStats.wall = sinceStats.sim = 0;
    refresh(withStats);
    emit({ type: 'advanced', time: r().now, withStats });
  };

  return {
    playing: false,
    speed: 1,
    effectiveSpeed: null,
    frameBudgetMs: FRAME_BUDGET_MS,
    pauseAt: null,
    snapshot: first.restaurant.snapshot(),

    play() {
      if (get().finished) return over();
      setPlaying(true);
    },
    pause() {
      setPlaying(false, { effectiveSpeed: null });
      // The figures refresh a few times a second while playing: bring them to this moment.
      settle(true);
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    step() {
      setPlaying(false);
      if (get().finished) return over();
      const run = get().run;
      guarded(() => {
        if (run.replayed < run.journal.length && run.journal[run.replayed]!.t <= run.restaurant.now) advanceTo(run, run.restaurant.now);
        run.restaurant.step();
      });
      settle(true);
      if (get().finished) over();
    },
    setSpeed(speed) {
      if (!SPEEDS.includes(speed)) refuse('setSpeed(speed)', expected(`one of ${SPEEDS.map((v) => JSON.stringify(v)).join(', ')} (kept ${String(get().speed)}×)`, speed));
      set({ speed });
      emit({ type: 'speed', speed });
    },
    setFrameBudget(ms) {
      if (!isFiniteNumber(ms) || ms <= 0 || ms > 1000) refuse('setFrameBudget(ms)', expected('a number of milliseconds above 0 and up to 1000', ms));
      set({ frameBudgetMs: ms });
    },
    tick(wallSeconds) {
      if (!isFiniteNumber(wallSeconds)) refuse('tick(wallSeconds)', expected('a finite number of wall-clock seconds', wallSeconds));
      const st = get();
      // Paused, nothing moves: no snapshot, no store update, no re-render.
      if (!st.playing || st.finished) return;
      const dt = Math.min(Math.max(0, wallSeconds), MAX_FRAME_SECONDS);
      sinceStats.wall += dt;
      const run = st.run;
      const engine = run.restaurant;
      const end = engine.scenario.durationSeconds;
      const limit = Math.min(end, st.pauseAt ?? Infinity);
      const before = engine.now;
      guarded(() => {
        const start = ctx.wallNow();
        if (st.speed === 'max') {
          while (engine.now < limit && ctx.wallNow() - start < MAX_SPEED_BUDGET_MS) advanceTo(run, Math.min(limit, engine.now + 60));
        } else {
          const target = Math.min(limit, engine.now + dt * SIM_SECONDS_PER_WALL_SECOND * st.speed);
          // In slices, within the frame budget: a machine that cannot keep up runs slower, never freezes.
          while (engine.now < target) {
            advanceTo(run, Math.min(target, engine.now + SLICE_SECONDS));
            if (ctx.wallNow() - start > st.frameBudgetMs) break;
          }
        }
      });
      sinceStats.sim += engine.now - before;
      const due = sinceStats.wall >= STATS_EVERY_SECONDS;
      if (due && st.speed !== 'max' && engine.now < limit) {
        const achieved = sinceStats.sim / sinceStats.wall / SIM_SECONDS_PER_WALL_SECOND;
        const shown = achieved < st.speed * 0.9 ? Math.round(achieved * 10) / 10 : null;
        if (shown !== st.effectiveSpeed) set({ effectiveSpeed: shown });
      }
      const ended = engine.now >= end;
      const stopped = ended || (st.pauseAt !== null && engine.now >= st.pauseAt);
      if (stopped) setPlaying(false, { pauseAt: null });
      // A stop (the tour's pause, the end of service) brings the figures and the log to this
      // moment, so every panel agrees with the floor while it stands still.
      settle(due || stopped || !get().playing);
      if (ended) over();
    },
    syncTo(seconds, withStats) {
      if (typeof seconds !== 'number') refuse('syncTo(seconds)', expected('a number of simulated seconds', seconds));
      if (typeof withStats !== 'boolean') refuse('syncTo(withStats)', expected('true or false', withStats));
      const run = get().run;
      const end = run.restaurant.scenario.durationSeconds;
      const target = Math.min(end, Number.isFinite(seconds) ? seconds : 0);
      if (target <= run.restaurant.now && !withStats) return;
      if (target > run.restaurant.now) guarded(() => advanceTo(run, target));
      const ended = run.restaurant.now >= end;
      if (ended) setPlaying(false);
      settle(withStats || ended);
    },
  };
}
