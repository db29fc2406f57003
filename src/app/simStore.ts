import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  capacityBound,
  createRestaurant,
  ownValue,
  withName,
  type CapacityBound,
  type Envelope,
  type MetricsSummary,
  type Mode,
  type Restaurant,
  type RestaurantCommand,
  type RestaurantSnapshot,
  type RollingFigures,
  type Scenario,
} from '../sim/index.ts';
import { title } from './format.ts';
import { EventLog, entryOfEnvelope, cloudEventOf } from './eventLog.ts';
import { batchChunks, batchJson, MAX_BATCH_BYTES } from '../scenarios/cloudevents.ts';
import { collectInSlices, importInSlices, readText, type SlicedJob } from './importJob.ts';
import { visible } from './visible.ts';
import { seriesCsv } from '../scenarios/csv.ts';
import type { Lesson, TourAction } from '../scenarios/lessons.ts';
import { clampParam, PARAM_SPECS, pageProblem, paramsOf, paramsProblem, pendingChanges, withParams, type ParamSpec, type Params } from './params.ts';
import { describe, expected, isFiniteNumber, refuser } from './args.ts';
import { checkCommand } from '../scenarios/commands.ts';
import { parseScenario } from '../scenarios/schema.ts';
import { parseLesson } from '../scenarios/lesson.ts';
import { runTourAction } from '../scenarios/tourActions.ts';

/** Playback speeds: simulated minutes per wall-clock second, or as fast as the machine goes. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 'max'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Simulated seconds per wall-clock second at 1× (one simulated minute per second). */
export const SIM_SECONDS_PER_WALL_SECOND = 60;
/** Longest wall-clock frame the driver honours, seconds: a hidden tab never causes a jump (PhET's constrainDt). */
export const MAX_FRAME_SECONDS = 0.1;
/** Wall-clock budget per frame at "as fast as possible", milliseconds. */
export const MAX_SPEED_BUDGET_MS = 12;
/**
 * Wall-clock budget for the simulation's share of a frame at a set speed, milliseconds. When a
 * frame's simulated span takes longer, the rest is dropped: the clock falls behind the speed
 * asked for (and the page says so) rather than the page freezing.
 */
export const FRAME_BUDGET_MS = 12;
/** Simulated seconds advanced between two looks at the frame budget. */
const SLICE_SECONDS = 30;
/** Trailing window of the live throughput and utilisation figures, simulated seconds. */
export const ROLLING_WINDOW_SECONDS = 900;
/** How often the figures and charts refresh, wall-clock seconds (a few hertz is plenty to read). */
export const STATS_EVERY_SECONDS = 0.25;
/** Messages the page's bus keeps per topic beyond what consumers need (a new read model replays them). */
export const RETAINED_PER_TOPIC = 20_000;
/** Messages kept for the floor's animations and the ticker. */
export const RECENT_MESSAGES = 64;
/** Notices shown at once (a new one replaces the oldest; the same text is never shown twice). */
export const MAX_NOTICES = 4;
/** Longest notice text, characters (a longer one is cut with an ellipsis). */
export const MAX_NOTICE_CHARS = 600;

/** A message to the user about their input or the run (shown in a polite status region). */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** Figures refreshed a few times a second (not per frame). Units: seconds, dishes per hour. */
export interface LiveStats {
  time: number;
  /** Since opening (the live page measures from time 0: no warm-up). */
  summary: MetricsSummary;
  /** Over the last {@link ROLLING_WINDOW_SECONDS}. */
  rolling: RollingFigures;
  /** The current mode's capacity bound (queueing network bottleneck, see `capacityBound`). */
  capacity: CapacityBound;
  /** Capacity bound of each mode, to draw the bound line of whichever mode was running. */
  capacityByMode: Record<Mode, number>;
  /** Length of `series` when these stats were taken (charts redraw when it grows). */
  seriesLength: number;
}

/** A message as the floor and ticker draw it. */
export interface RecentMessage {
  id: string;
  kind: Envelope['kind'];
  type: string;
  topic: string;
  time: number;
  subject: string;
  source: string;
  /** Station kind a PlaceOrder goes to or a DishReady comes from, or null. */
  station: string | null;
  /** Protocol of the order the message belongs to (`data.protocol`), if it says. */
  protocol: Mode | null;
  table: number | null;
}

export interface SimState {
  presetName: string;
  /** The preset as loaded, before the user's parameters. */
  base: Scenario;
  /** What the running restaurant was built from. */
  scenario: Scenario;
  /** Parameters the restaurant runs with, and the ones being edited (differ until Reset). */
  running: Params;
  edited: Params;
  /** Names of edited parameters that wait for Reset. */
  pending: string[];
  mode: Mode;
  playing: boolean;
  speed: Speed;
  /** The service's end (scenario duration) has been reached. */
  finished: boolean;
  /**
   * When the machine cannot keep up with the set speed within {@link FRAME_BUDGET_MS}: the
   * simulated minutes per wall second achieved over the last figures refresh; null while it
   * keeps up (within 10%), when paused, or at "as fast as possible".
   */
  effectiveSpeed: number | null;
  /** Milliseconds of each frame the simulation may use (compare mode halves it: two restaurants run). */
  frameBudgetMs: number;
  /** Sampled once per frame. */
  snapshot: RestaurantSnapshot;
  stats: LiveStats;
  notices: Notice[];
  /** Bumped whenever a new restaurant replaces the old one (views reset their own state). */
  generation: number;
  /** Bumped when the log view should redraw (with the figures, a few times a second). */
  logVersion: number;
  /** An imported log being viewed instead of the live one, or null. */
  imported: { name: string; count: number } | null;
  /**
   * An import under way (docs/bad-input.md, "Imports"): the file's name (as given; show
   * through `visible`), what it is doing, and how far it is, 0…1. Null when none is.
   */
  importing: { name: string; phase: 'reading' | 'checking'; fraction: number } | null;
  /** The running lesson, or null in free play. */
  lesson: Lesson | null;
  /** -1: the lesson's introduction and prediction; 0…n-1: a tour step; n: the summary. */
  tourStep: number;
  /** Playing stops by itself at this simulated time (a tour step's runUntil), or null. */
  pauseAt: number | null;
  /** Asks the view to open the event log (optionally filtered); bumped by tour steps. */
  logRequest: { n: number; filterType: string | null };

  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Pause and advance to the next simulation event. */
  step(): void;
  /** Rebuild the restaurant from the preset with the edited parameters (same seed ⇒ same customers). */
  reset(): void;
  setSpeed(speed: Speed): void;
  setMode(mode: Mode): void;
  /** Load a preset by name (keeps mode and speed). Unknown names leave everything as it is, with a notice. */
  loadPreset(name: string): void;
  /** Edit a numeric parameter; out-of-range values are clamped with a notice. `station` needs `kind`. */
  setParam(key: keyof typeof PARAM_SPECS, raw: number | string, kind?: string): void;
  dismissNotice(id: number): void;
  /** Show a notice (for views: a file too large to read, say). */
  notice(tone: Notice['tone'], text: string): void;
  /** Advance by a wall-clock frame of `wallSeconds` (the frame loop calls this; tests call it directly). */
  tick(wallSeconds: number): void;
  /** Recent bus messages, oldest first (not reactive: read inside a frame). */
  recentMessages(): readonly RecentMessage[];
  /** The running engine (for charts reading its series, and tests). */
  restaurant(): Restaurant;
  /** The log the view shows: the imported one if any, else the live one. */
  eventLog(): EventLog;
  /**
   * Send a command to the running restaurant (consumer controls, stock). An engine error
   * (e.g. no such group) becomes a notice; the run goes on.
   */
  command(c: RestaurantCommand): void;
  /**
   * View a CloudEvents batch (a file, or its text) instead of the live log. It is read,
   * checked and indexed in slices of a few milliseconds (progress in `importing`), so the
   * page stays responsive; the simulation and the log being viewed stay as they are until
   * the whole batch is good. A bad file gets a notice naming its first problem (entry, field,
   * line); a cancelled or failed import changes nothing. A small batch is done before this
   * returns. Starting an import cancels one under way. Resolves to whether it was imported;
   * never rejects.
   */
  importLog(source: string | Blob, name: string): Promise<boolean>;
  /** Stop the import under way, if any: nothing changes. */
  cancelImport(): void;
  /** Back to the live log. */
  closeImport(): void;
  /** The viewed log as a CloudEvents JSON batch. */
  exportLog(): string;
  /**
   * The viewed log as a CloudEvents JSON batch file, written in slices so a large log does
   * not freeze the page. Resolves to null (with a notice saying why) when it cannot be
   * written; never rejects.
   */
  exportLogFile(): Promise<Blob | null>;
  /** The live run's time series as CSV. */
  exportCsv(): string;
  /**
   * Travel in time: rebuild the run from the seed and replay the user's actions up to
   * `seconds` (event sourcing). Actions recorded after that moment are replayed again as
   * time passes, unless a new action starts a new timeline.
   */
  seek(seconds: number): void;
  /** Start a lesson: load its scenario, mode and seed, show its introduction. */
  startLesson(lesson: Lesson): void;
  /** Start a shipped lesson by id; an unknown id leaves everything as it is, with a notice. */
  startLessonById(id: string): void;
  endLesson(): void;
  /** Go to a tour step (its actions are applied on the way in). */
  goToStep(step: number): void;
  /**
   * Advance to simulated time `seconds` (a lockstep partner follows its leader this way;
   * never goes back). `withStats` also refreshes the figures. Stops at the service's end.
   */
  syncTo(seconds: number, withStats: boolean): void;
  /**
   * Start again from time 0 with `base` and `params` in `mode` (compare mode builds both of
   * its restaurants this way). Keeps speed and playing; ends any lesson.
   */
  restart(base: Scenario, params: Params, presetName: string, mode: Mode): void;
  /**
   * Call `listener` with every command the user sends to the running restaurant, as it is
   * sent (compare mode forwards them to the other restaurant). Returns the unsubscribe function.
   */
  onInput(listener: (c: RestaurantCommand) => void): () => void;
}

export type SimStore = StoreApi<SimState>;

/** What the store needs from the outside world: presets and a wall clock. */
export interface SimStoreOptions {
  presetNames: readonly string[];
  loadPreset: (name: string) => Scenario;
  initialPreset: string;
  /** Wall clock in milliseconds (for "as fast as possible" budgets); defaults to performance.now. */
  now?: () => number;
  /** Loads a shipped lesson by id (throws for an unknown one). */
  loadLesson?: (id: string) => Lesson;
}

/**
 * One store per simulation (Zustand vanilla, so compare mode can hold two). It owns the
 * restaurant, maps wall time to simulated time (1× = one simulated minute per second, frames
 * clamped to {@link MAX_FRAME_SECONDS}), samples a snapshot once per frame and the figures a
 * few times a second. Errors from the engine pause the run with a notice; they never escape.
 * @throws Error if `initialPreset` is not a preset (a programming error, not user input).
 */
export function createSimStore(opts: SimStoreOptions): SimStore {
  const wallNow = opts.now ?? (() => performance.now());
  let r: Restaurant;
  let unsubscribe: () => void = () => {};
  const recent: RecentMessage[] = [];
  let sinceStats = 0;
  /** Simulated seconds advanced by frames since the last figures refresh. */
  let simSinceStats = 0;
  let nextNotice = 1;
  let stationOfDish = new Map<string, string>();
  let liveLog = new EventLog();
  /** What the user did to the running restaurant, with when: the inputs a replay re-applies. */
  let inputs: { t: number; c: RestaurantCommand }[] = [];
  let nextInput = 0;
  let startMode: Mode = 'sync';
  let importedLog: EventLog | null = null;
  /** The import under way: cancelling it ends it with nothing changed. */
  let importJob: { cancel(): void } | null = null;
  let loggedAtLastRefresh = -1;
  const inputListeners = new Set<(c: RestaurantCommand) => void>();

  const attach = (scenario: Scenario, mode: Mode): Restaurant => {
    unsubscribe();
    startMode = mode;
    inputs = [];
    nextInput = 0;
    recent.length = 0;
    // The live page measures from opening: no warm-up window.
    // The page keeps some history on the bus, so a projection added later can replay from offset 0.
    const restaurant = createRestaurant({ ...scenario, mode, warmupSeconds: 0 }, { retainMessages: RETAINED_PER_TOPIC });
    stationOfDish = new Map(scenario.menu.map((m) => [m.dish, m.station]));
    const log = new EventLog();
    liveLog = log;
    unsubscribe = restaurant.subscribe((m) => {
      log.push(entryOfEnvelope(m));
      const data = (m.data ?? {}) as { dish?: string; table?: number; protocol?: Mode };
      recent.push({
        id: m.id,
        kind: m.kind,
        type: m.type,
        topic: m.topic,
        time: restaurant.now,
        subject: m.subject ?? '',
        source: m.source,
        station: data.dish ? (stationOfDish.get(data.dish) ?? null) : null,
        table: typeof data.table === 'number' ? data.table : null,
        protocol: data.protocol === 'sync' || data.protocol === 'async' ? data.protocol : null,
      });
      if (recent.length > RECENT_MESSAGES) recent.splice(0, recent.length - RECENT_MESSAGES);
    });
    return restaurant;
  };

  // The bound depends only on the scenario: computed once per restaurant, not per refresh
  // (meanDishesPerParty integrates the dish-count distribution).
  let bounds: Record<Mode, CapacityBound> | null = null;
  let boundsFor: Scenario | null = null;
  const statsOf = (restaurant: Restaurant): LiveStats => {
    const s = restaurant.scenario;
    if (boundsFor !== s || !bounds) {
      bounds = { sync: capacityBound(s, 'sync'), async: capacityBound(s, 'async') };
      boundsFor = s;
    }
    return {
      time: restaurant.now,
      summary: restaurant.summary(),
      rolling: restaurant.rolling(ROLLING_WINDOW_SECONDS),
      capacity: bounds[restaurant.mode],
      capacityByMode: { sync: bounds.sync.boundPerHour, async: bounds.async.boundPerHour },
      seriesLength: restaurant.series.t.length,
    };
  };

  const base0 = opts.loadPreset(opts.initialPreset);
  r = attach(base0, base0.mode);
  const params0 = paramsOf(base0);

  return createStore<SimState>()((set, get) => {
    const notify = (tone: Notice['tone'], text: string) =>
      set((st) => ({ notices: [...st.notices.filter((n) => n.text !== text).slice(-(MAX_NOTICES - 1)), { id: nextNotice++, tone, text }] }));

    /**
     * Refuse a call with a wrong argument (docs/bad-input.md, "The console API"): say so in
     * the page and throw an {@link ArgumentError}; nothing has changed.
     */
    const refuse = refuser((text) => notify('warning', text));

    /** Run `fn` against the engine; on an engine error pause and say so, leaving the page alive. */
    const guarded = (fn: () => void): boolean => {
      try {
        fn();
        return true;
      } catch (e) {
        set({ playing: false });
        notify('error', `The simulation stopped: ${e instanceof Error ? e.message : String(e)}. Reset to start again.`);
        return false;
      }
    };

    /** Send a user action to the engine and remember it for replays (a new action ends any replayed future). */
    const sendInput = (c: RestaurantCommand) => {
      inputs.length = nextInput;
      r.send(c);
      inputs.push({ t: r.now, c });
      nextInput = inputs.length;
      for (const l of inputListeners) l(c);
    };
    /** Advance to `target`, re-applying recorded actions at their times on the way. */
    const advanceTo = (target: number) => {
      while (nextInput < inputs.length && inputs[nextInput]!.t <= target) {
        const { t, c } = inputs[nextInput++]!;
        r.runUntil(t);
        r.send(c);
      }
      r.runUntil(target);
    };

    const guardedCommand = (c: RestaurantCommand) => {
      try {
        sendInput(c);
      } catch (e) {
        notify('warning', e instanceof Error ? e.message : String(e));
      }
      refresh(true);
    };

    /** One tour action, as the learner would do it by hand (the handlers: src/scenarios/tourActions.ts). */
    const applyTourAction = (a: TourAction) => {
      const st = get();
      runTourAction(
        {
          setMode: (mode) => st.setMode(mode),
          setSpeed: (speed) => st.setSpeed(speed === 'max' ? 'max' : (SPEEDS.find((x) => x === speed) ?? 8)),
          play: () => st.play(),
          pause: () => st.pause(),
          reset: () => st.reset(),
          runUntil: (seconds) => {
            if (r.now >= seconds) return;
            set({ pauseAt: seconds });
            st.play();
          },
          openLog: (filterType) => set({ logRequest: { n: st.logRequest.n + 1, filterType } }),
          command: guardedCommand,
        },
        a,
      );
    };

    const refresh = (withStats: boolean) => {
      const patch: Partial<SimState> = { snapshot: r.snapshot() };
      if (withStats) {
        patch.stats = statsOf(r);
        sinceStats = 0;
        simSinceStats = 0;
        const logged = liveLog.entries.length + liveLog.dropped;
        if (logged !== loggedAtLastRefresh) {
          loggedAtLastRefresh = logged;
          patch.logVersion = get().logVersion + 1;
        }
      }
      set(patch);
    };

    const rebuild = (base: Scenario, params: Params, presetName: string, mode: Mode = get().mode) => {
      const scenario = withParams(base, params);
      const prev = r;
      try {
        r = attach(scenario, mode);
      } catch (e) {
        r = prev;
        notify('error', `Could not build that restaurant: ${e instanceof Error ? e.message : String(e)}. The previous one keeps running.`);
        return;
      }
      set((st) => ({
        // A new restaurant: notices about the old one no longer apply.
        notices: st.notices.filter((n) => n.tone === 'error' && n.text.startsWith('Could not')),
        presetName,
        base,
        scenario,
        mode,
        running: params,
        edited: params,
        pending: [],
        finished: false,
        pauseAt: null,
        generation: st.generation + 1,
        snapshot: r.snapshot(),
        stats: statsOf(r),
      }));
    };

    return {
      presetName: opts.initialPreset,
      base: base0,
      scenario: base0,
      running: params0,
      edited: params0,
      pending: [],
      mode: base0.mode,
      playing: false,
      speed: 1,
      finished: false,
      effectiveSpeed: null,
      frameBudgetMs: FRAME_BUDGET_MS,
      snapshot: r.snapshot(),
      stats: statsOf(r),
      notices: [],
      generation: 0,
      logVersion: 0,
      imported: null,
      importing: null,
      lesson: null,
      tourStep: -1,
      pauseAt: null,
      logRequest: { n: 0, filterType: null },

      play() {
        if (get().finished) {
          notify('info', `The service is over after ${Math.round(r.scenario.durationSeconds / 60)} simulated minutes. Reset to run it again.`);
          return;
        }
        set({ playing: true });
      },
      pause() {
        set({ playing: false, effectiveSpeed: null });
        // The figures refresh a few times a second while playing: bring them to this moment.
        refresh(true);
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      step() {
        set({ playing: false });
        const over = () => notify('info', `The service is over after ${Math.round(r.scenario.durationSeconds / 60)} simulated minutes. Reset to run it again.`);
        if (get().finished) return over();
        guarded(() => {
          if (nextInput < inputs.length && inputs[nextInput]!.t <= r.now) advanceTo(r.now);
          const t = r.step();
          if (t === null || t >= r.scenario.durationSeconds) set({ finished: t !== null });
        });
        if (get().finished) over();
        refresh(true);
      },
      reset() {
        const st = get();
        rebuild(st.base, st.edited, st.presetName);
      },
      setSpeed(speed) {
        if (!SPEEDS.includes(speed)) refuse('setSpeed(speed)', expected(`one of ${SPEEDS.map((v) => JSON.stringify(v)).join(', ')} (kept ${String(get().speed)}×)`, speed));
        set({ speed });
      },
      setMode(mode) {
        if (mode !== 'sync' && mode !== 'async') refuse('setMode(mode)', expected('"sync" or "async"', mode));
        if (guarded(() => sendInput({ type: 'setMode', mode }))) set({ mode });
        refresh(true);
      },
      loadPreset(name) {
        if (typeof name !== 'string') refuse('loadPreset(name)', expected('a scenario name', name));
        if (!opts.presetNames.includes(name)) refuse('loadPreset(name)', `there is no scenario called ${describe(name)} (kept ${get().presetName})`);
        let base: Scenario;
        try {
          base = opts.loadPreset(name);
        } catch (e) {
          notify('error', `Scenario ${name} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        const discarded = get().pending;
        rebuild(base, paramsOf(base), name);
        if (discarded.length > 0) notify('info', `Loaded ${name} with its own setup; your changes to ${discarded.join(', ')} were not applied.`);
      },
      setParam(key, raw, kind) {
        if (typeof key !== 'string' || !Object.hasOwn(PARAM_SPECS, key)) refuse('setParam(key)', expected(`one of ${Object.keys(PARAM_SPECS).join(', ')}`, key));
        if (typeof raw !== 'number' && typeof raw !== 'string') refuse('setParam(value)', expected('a number or the text of one', raw));
        if (key === 'station' && typeof kind !== 'string') refuse('setParam(kind)', expected('a station kind of this kitchen', kind));
        const st = get();
        const spec: ParamSpec = PARAM_SPECS[key];
        const label = key === 'station' ? `${title(kind ?? '?')} stations` : spec.label;
        if (key === 'station' && (kind === undefined || !Object.hasOwn(st.edited.stations, kind))) {
          notify('warning', `There is no ${visible(String(kind).slice(0, 40))} station in this kitchen.`);
          return;
        }
        // Own entries only: a kind may be named `constructor` (docs/bad-input.md, "Names are data").
        const current = key === 'station' ? (ownValue(st.edited.stations, kind!) ?? 1) : (st.edited[key] as number);
        const { value, message } = clampParam(spec, label, raw, current);
        if (message) notify('warning', message);
        const edited: Params =
          key === 'station' ? { ...st.edited, stations: withName(st.edited.stations, kind!, value) } : { ...st.edited, [key]: value };
        if (key === 'ratePerHour') {
          if (!guarded(() => sendInput({ type: 'setArrivalRate', ratePerHour: value }))) return;
          set({ edited, running: { ...st.running, ratePerHour: value } });
          refresh(true);
          return;
        }
        set({ edited, pending: pendingChanges(st.running, edited) });
      },
      notice(tone, text) {
        if (tone !== 'info' && tone !== 'warning' && tone !== 'error') refuse('notice(tone)', expected('"info", "warning" or "error"', tone));
        if (typeof text !== 'string') refuse('notice(text)', expected('text', text));
        notify(tone, text.length > MAX_NOTICE_CHARS ? `${text.slice(0, MAX_NOTICE_CHARS)}…` : text);
      },
      dismissNotice(id) {
        if (!isFiniteNumber(id)) refuse('dismissNotice(id)', expected('a notice id (a number)', id));
        set((st) => ({ notices: st.notices.filter((n) => n.id !== id) }));
      },
      tick(wallSeconds) {
        if (!isFiniteNumber(wallSeconds)) refuse('tick(wallSeconds)', expected('a finite number of wall-clock seconds', wallSeconds));
        const st = get();
        // Paused, nothing moves: no snapshot, no store update, no re-render.
        if (!st.playing || st.finished) return;
        const dt = Math.min(Math.max(0, Number.isFinite(wallSeconds) ? wallSeconds : 0), MAX_FRAME_SECONDS);
        sinceStats += dt;
        const end = r.scenario.durationSeconds;
        const limit = Math.min(end, st.pauseAt ?? Infinity);
        const before = r.now;
        guarded(() => {
          const start = wallNow();
          if (st.speed === 'max') {
            while (r.now < limit && wallNow() - start < MAX_SPEED_BUDGET_MS) advanceTo(Math.min(limit, r.now + 60));
          } else {
            const target = Math.min(limit, r.now + dt * SIM_SECONDS_PER_WALL_SECOND * st.speed);
            // In slices, within the frame budget: a machine that cannot keep up runs slower, never freezes.
            while (r.now < target) {
              advanceTo(Math.min(target, r.now + SLICE_SECONDS));
              if (wallNow() - start > st.frameBudgetMs) break;
            }
          }
        });
        simSinceStats += r.now - before;
        if (sinceStats >= STATS_EVERY_SECONDS && st.speed !== 'max' && r.now < limit) {
          const achieved = simSinceStats / sinceStats / SIM_SECONDS_PER_WALL_SECOND;
          const shown = achieved < st.speed * 0.9 ? Math.round(achieved * 10) / 10 : null;
          if (shown !== st.effectiveSpeed) set({ effectiveSpeed: shown });
        }
        if (st.pauseAt !== null && r.now >= st.pauseAt && r.now < end) set({ playing: false, pauseAt: null });
        if (r.now >= end) {
          set({ finished: true, playing: false });
          notify('info', `The service is over after ${Math.round(end / 60)} simulated minutes. Reset to run it again.`);
        }
        // A stop (the tour's pause, the end of service) brings the figures and the log to this
        // moment, so every panel agrees with the floor while it stands still.
        refresh(sinceStats >= STATS_EVERY_SECONDS || get().finished || !get().playing);
      },
      recentMessages: () => recent,
      restaurant: () => r,
      eventLog: () => importedLog ?? liveLog,
      command(c) {
        let checked: ReturnType<typeof checkCommand>;
        try {
          checked = checkCommand(c);
        } catch (e) {
          // A getter or proxy that throws while its fields are read.
          return refuse('command(c)', `its fields could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'an error'})`);
        }
        if (!checked.ok) return refuse('command(c)', checked.problem);
        const cmd = checked.command;
        // The same rules as the page's own controls: the arrival rate through its slider's
        // range (and Setup shows it), the mode through the mode switch.
        if (cmd.type === 'setArrivalRate') return get().setParam('ratePerHour', cmd.ratePerHour);
        if (cmd.type === 'setMode') return get().setMode(cmd.mode);
        guardedCommand(cmd);
      },
      importLog(source, name) {
        if (typeof source !== 'string' && !(typeof Blob !== 'undefined' && source instanceof Blob)) refuse('importLog(text)', expected("a file's text or the file", source));
        if (typeof name !== 'string') refuse('importLog(name)', expected("the file's name", name));
        get().cancelImport();
        const shown = visible(name.slice(0, 60));
        const refuseImport = (why: string) => notify('error', `${shown} was not imported: ${why}. The simulation is untouched.`);
        return new Promise<boolean>((resolve) => {
          let over = false;
          let job: SlicedJob | null = null;
          const finish = (ok: boolean) => {
            over = true;
            if (importJob === handle) importJob = null;
            if (get().importing) set({ importing: null });
            resolve(ok);
          };
          const handle = {
            cancel() {
              if (over) return;
              job?.cancel();
              if (!over) {
                notify('info', `The import of ${shown} was cancelled; nothing changed.`);
                finish(false);
              }
            },
          };
          importJob = handle;
          const start = (text: string | readonly string[]) => {
            if (over) return;
            let lastShown = -1;
            job = importInSlices(
              text,
              (fraction) => {
                // A redraw per percent, not per slice.
                if (Math.floor(fraction * 100) === lastShown) return;
                lastShown = Math.floor(fraction * 100);
                set({ importing: { name, phase: 'checking', fraction } });
              },
              (outcome) => {
                if (over) return;
                if (outcome.ok) {
                  const log = outcome.log;
                  importedLog = log;
                  set((st) => ({ imported: { name: name.slice(0, 80), count: log.entries.length }, logVersion: st.logVersion + 1 }));
                  notify('info', `Viewing ${log.entries.length.toLocaleString('en')} imported messages from ${shown}. The simulation keeps running.`);
                  finish(true);
                } else if (!outcome.cancelled) {
                  refuseImport(outcome.reason);
                  finish(false);
                }
              },
              { now: wallNow },
            );
          };
          if (typeof source === 'string') return start(source);
          if (source.size > MAX_BATCH_BYTES) {
            refuseImport(`it is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB`);
            return finish(false);
          }
          set({ importing: { name, phase: 'reading', fraction: 0 } });
          let lastRead = 0;
          const reading = (fraction: number) => {
            if (Math.floor(fraction * 100) === lastRead) return;
            lastRead = Math.floor(fraction * 100);
            set({ importing: { name, phase: 'reading', fraction } });
          };
          // The checking starts in a task of its own, after the one that joined the text.
          readText(source, reading, () => over).then((text) => text !== null && void setTimeout(() => start(text), 0), (e: unknown) => {
            if (over) return;
            refuseImport(`could not read it (${e instanceof Error ? e.message : String(e)})`);
            finish(false);
          });
        });
      },
      cancelImport() {
        importJob?.cancel();
      },
      closeImport() {
        importedLog = null;
        set((st) => ({ imported: null, logVersion: st.logVersion + 1 }));
      },
      seek(seconds) {
        if (!isFiniteNumber(seconds)) refuse('seek(seconds)', expected('a finite number of simulated seconds', seconds));
        const st = get();
        const target = Math.min(Math.max(0, Number.isFinite(seconds) ? seconds : 0), st.scenario.durationSeconds);
        const kept = inputs;
        const mode = startMode;
        try {
          r = attach(st.scenario, mode);
        } catch (e) {
          notify('error', `Could not replay: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        inputs = kept;
        nextInput = 0;
        guarded(() => advanceTo(target));
        set((s2) => ({ playing: false, pauseAt: null, finished: target >= st.scenario.durationSeconds, mode: r.mode, generation: s2.generation + 1 }));
        refresh(true);
      },
      startLesson(given) {
        let lesson: Lesson;
        try {
          if (typeof given !== 'object' || given === null || typeof (given as Partial<Lesson>).scenario !== 'object') throw new Error(expected('a lesson (an object with a scenario)', given));
          lesson = parseLesson(given, opts.loadPreset);
        } catch (e) {
          return refuse('startLesson(lesson)', e instanceof Error ? e.message : String(e));
        }
        set({ lesson, tourStep: -1, pauseAt: null, playing: false, speed: 8, mode: lesson.scenario.mode });
        rebuild(lesson.scenario, paramsOf(lesson.scenario), lesson.scenario.name);
      },
      startLessonById(id) {
        if (!opts.loadLesson) return;
        if (typeof id !== 'string') refuse('startLessonById(id)', expected('a lesson id', id));
        let lesson: Lesson;
        try {
          lesson = opts.loadLesson(id);
        } catch (e) {
          return refuse('startLessonById(id)', `${e instanceof Error ? e.message : String(e)} (kept what was running)`);
        }
        get().startLesson(lesson);
      },
      endLesson() {
        set({ lesson: null, tourStep: -1, pauseAt: null });
      },
      goToStep(step) {
        if (!isFiniteNumber(step)) refuse('goToStep(step)', expected('a step number', step));
        const { lesson } = get();
        if (!lesson) return;
        const i = Math.max(-1, Math.min(lesson.tour.length, Math.floor(step)));
        set({ tourStep: i });
        if (i >= 0 && i < lesson.tour.length) for (const a of lesson.tour[i]!.actions) applyTourAction(a);
      },
      syncTo(seconds, withStats) {
        if (typeof seconds !== 'number') refuse('syncTo(seconds)', expected('a number of simulated seconds', seconds));
        if (typeof withStats !== 'boolean') refuse('syncTo(withStats)', expected('true or false', withStats));
        const end = r.scenario.durationSeconds;
        const target = Math.min(end, Number.isFinite(seconds) ? seconds : 0);
        if (target <= r.now && !withStats) return;
        if (target > r.now) guarded(() => advanceTo(target));
        if (r.now >= end && !get().finished) set({ finished: true, playing: false });
        refresh(withStats || get().finished);
      },
      restart(base, params, presetName, mode) {
        if (typeof presetName !== 'string') refuse('restart(presetName)', expected('a scenario name', presetName));
        if (mode !== 'sync' && mode !== 'async') refuse('restart(mode)', expected('"sync" or "async"', mode));
        let scenario: Scenario;
        try {
          scenario = parseScenario(base);
        } catch (e) {
          return refuse('restart(base)', e instanceof Error ? e.message : String(e));
        }
        const unfit = pageProblem(scenario);
        if (unfit) refuse('restart(base)', unfit);
        let problem: string | null;
        try {
          problem = paramsProblem(params, scenario);
        } catch (e) {
          problem = `its fields could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'an error'})`;
        }
        if (problem) refuse('restart(params)', problem);
        set({ lesson: null, tourStep: -1 });
        // The validated copy, with the schema's defaults filled in (what the engine trusts).
        rebuild(scenario, params, presetName, mode);
      },
      onInput(listener) {
        if (typeof listener !== 'function') refuse('onInput(listener)', expected('a function', listener));
        inputListeners.add(listener);
        return () => inputListeners.delete(listener);
      },
      exportLog: () => batchJson((importedLog ?? liveLog).entries.map(cloudEventOf)),
      exportLogFile() {
        const entries = (importedLog ?? liveLog).entries.slice();
        return new Promise((resolve) => {
          collectInSlices<Blob>(
            batchChunks(entries, cloudEventOf),
            (result) => {
              if (result && 'parts' in result) return resolve(new Blob(result.parts, { type: 'application/cloudevents-batch+json' }));
              const why = result ? (result.error instanceof Error ? result.error.message : String(result.error)) : 'cancelled';
              notify('error', `The log could not be exported: ${why}. Nothing was written.`);
              resolve(null);
            },
            { now: wallNow },
            // Each part encoded in its own slice: the Blob of Blobs at the end only links them.
            (text) => new Blob([text]),
          );
        });
      },
      exportCsv: () => seriesCsv([{ run: r.mode, series: r.series }]),
    };
  });
}
