// The simulation store's state, in slices (docs/architecture.md, "The page's stores"). Each
// slice's fields and actions are declared here; each is built in its own module beside this
// one, from the shared context of ./context.ts. Derived values (./derived.ts) are computed
// from the slices after every change; no action writes them.
import type { StoreApi } from 'zustand/vanilla';
import type { CapacityBound, MetricsSummary, Mode, Restaurant, RestaurantCommand, RestaurantSnapshot, RollingFigures, Scenario } from '../../sim/index.ts';
import type { EventLog } from '../eventLog.ts';
import type { Lesson } from '../../scenarios/lessons.ts';
import type { PARAM_SPECS, Params } from '../params.ts';
import type { RecentMessage, Run } from './run.ts';

export { RECENT_MESSAGES, RETAINED_PER_TOPIC, type RecentMessage } from './run.ts';

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
/** Trailing window of the live throughput and utilisation figures, simulated seconds. */
export const ROLLING_WINDOW_SECONDS = 900;
/** How often the figures and charts refresh, wall-clock seconds (a few hertz is plenty to read). */
export const STATS_EVERY_SECONDS = 0.25;
/** Notices shown at once (a new one replaces the oldest; one key is never shown twice). */
export const MAX_NOTICES = 4;
/** Longest notice text, characters (a longer one is cut with an ellipsis). */
export const MAX_NOTICE_CHARS = 600;

/** A message to the user about their input or the run (shown in a polite status region). */
export interface Notice {
  id: number;
  /**
   * What the notice is about: a newer notice with the same key replaces it (the end of the
   * service is said once, a second clamp of one parameter replaces the first). A notice given
   * without a key is keyed by its text.
   */
  key: string;
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

/**
 * What a store did at the user's (or a caller's) request, as its partner in compare mode
 * must do it too (`onAction`): the session's lockstep replays these through the twin's own
 * actions. `advanced`: the clock moved to `time` (simulated seconds), `withStats` when the
 * figures were refreshed with it.
 */
export type StoreAction =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: Speed }
  | { type: 'command'; command: RestaurantCommand }
  | { type: 'rebuilt'; base: Scenario; params: Params; presetName: string }
  | { type: 'seek'; seconds: number }
  | { type: 'advanced'; time: number; withStats: boolean };

/** Playback: the clock, its speed, and the frame driver (./playback.ts). */
export interface PlaybackSlice {
  playing: boolean;
  speed: Speed;
  /**
   * When the machine cannot keep up with the set speed within {@link FRAME_BUDGET_MS}: the
   * simulated minutes per wall second achieved over the last figures refresh; null while it
   * keeps up (within 10%), when paused, or at "as fast as possible".
   */
  effectiveSpeed: number | null;
  /** Milliseconds of each frame the simulation may use (compare mode halves it: two restaurants run). */
  frameBudgetMs: number;
  /** Playing stops by itself at this simulated time (a tour step's runUntil), or null. */
  pauseAt: number | null;
  /** Sampled once per frame. */
  snapshot: RestaurantSnapshot;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Pause and advance to the next simulation event. */
  step(): void;
  setSpeed(speed: Speed): void;
  /** The simulation's share of each frame, milliseconds (compare mode halves it: two restaurants run). */
  setFrameBudget(ms: number): void;
  /** Advance by a wall-clock frame of `wallSeconds` (the frame loop calls this; tests call it directly). */
  tick(wallSeconds: number): void;
  /**
   * Advance to simulated time `seconds` (a lockstep partner follows its leader this way;
   * never goes back). `withStats` also refreshes the figures. Stops at the service's end.
   */
  syncTo(seconds: number, withStats: boolean): void;
}

/** Parameters: the scenario, its Setup values, and the restaurant built from them (./parameters.ts). */
export interface ParametersSlice {
  presetName: string;
  /** The preset as loaded, before the user's parameters. */
  base: Scenario;
  /** Parameters the restaurant runs with, and the ones being edited (differ until Reset). */
  running: Params;
  edited: Params;
  /**
   * The running restaurant with what it needs beside it (its live log, recent messages, the
   * journal of the user's actions), replaced whole when a new restaurant replaces the old one.
   */
  run: Run;
  /** Rebuild the restaurant from the preset with the edited parameters (same seed ⇒ same customers). */
  reset(): void;
  setMode(mode: Mode): void;
  /** Load a preset by name (keeps mode and speed). Unknown names leave everything as it is, with a notice. */
  loadPreset(name: string): void;
  /** Edit a numeric parameter; out-of-range values are clamped with a notice. `station` needs `kind`. */
  setParam(key: keyof typeof PARAM_SPECS, raw: number | string, kind?: string): void;
  /**
   * Start again from time 0 with `base` and `params` in `mode` (compare mode builds both of
   * its restaurants this way). Keeps speed and playing; ends any lesson.
   */
  restart(base: Scenario, params: Params, presetName: string, mode: Mode): void;
  /** The running engine (for charts reading its series, and tests). */
  restaurant(): Restaurant;
}

/** Metrics: the figures refreshed a few times a second (./metrics.ts). */
export interface MetricsSlice {
  stats: LiveStats;
  /** The live run's time series as CSV. */
  exportCsv(): string;
}

/** The message log: the live one, an imported one, and import/export (./log.ts). */
export interface LogSlice {
  /** Messages the live log had taken (kept and dropped) at the last figures refresh: views redraw when it grows. */
  logged: number;
  /** An imported log being viewed instead of the live one, or null. */
  imported: { name: string; count: number } | null;
  /** The imported log itself, while `imported` says one is viewed. */
  importedLog: EventLog | null;
  /**
   * An import under way (docs/bad-input.md, "Imports"): the file's name (as given; show
   * through `visible`), what it is doing, and how far it is, 0…1. Null when none is.
   */
  importing: { name: string; phase: 'reading' | 'checking'; fraction: number } | null;
  /** Asks the view to open the event log (optionally filtered); `n` grows with each request (tour steps). */
  logRequest: { n: number; filterType: string | null };
  /** Recent bus messages, oldest first (not reactive: read inside a frame). */
  recentMessages(): readonly RecentMessage[];
  /** The log the view shows: the imported one if any, else the live one. */
  eventLog(): EventLog;
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
}

/** Replay: the user's actions as a journal, time travel, and what a partner follows (./replay.ts). */
export interface ReplaySlice {
  /**
   * Send a command to the running restaurant (consumer controls, stock). An engine error
   * (e.g. no such group) becomes a notice; the run goes on.
   */
  command(c: RestaurantCommand): void;
  /**
   * Travel in time: rebuild the run from the seed and replay the user's actions up to
   * `seconds` (event sourcing). Actions recorded after that moment are replayed again as
   * time passes, unless a new action starts a new timeline.
   */
  seek(seconds: number): void;
  /**
   * Call `listener` with every command the user sends to the running restaurant, as it is
   * sent. Returns the unsubscribe function.
   */
  onInput(listener: (c: RestaurantCommand) => void): () => void;
  /** Call `listener` with every {@link StoreAction} as it is done (compare mode's lockstep). Returns the unsubscribe function. */
  onAction(listener: (a: StoreAction) => void): () => void;
}

/** Lesson: the running lesson and its tour (./lesson.ts). */
export interface LessonSlice {
  /** The running lesson, or null in free play. */
  lesson: Lesson | null;
  /** -1: the lesson's introduction and prediction; 0…n-1: a tour step; n: the summary. */
  tourStep: number;
  /** Start a lesson: load its scenario, mode and seed, show its introduction. */
  startLesson(lesson: Lesson): void;
  /** Start a shipped lesson by id; an unknown id leaves everything as it is, with a notice. */
  startLessonById(id: string): void;
  endLesson(): void;
  /** Go to a tour step (its actions are applied on the way in). */
  goToStep(step: number): void;
}

/** Notices: messages to the user, by key (./notices.ts). */
export interface NoticesSlice {
  notices: Notice[];
  /** Show a notice; one with the same `key` (default: the text) is replaced. */
  notice(tone: Notice['tone'], text: string, key?: string): void;
  /** Take a notice away by its id (the user's Dismiss). */
  dismissNotice(id: number): void;
  /** Take back the notice with this key, if it shows (compare mode's, when it ends). */
  withdrawNotice(key: string): void;
}

/**
 * Values computed from the slices after every change (./derived.ts); no action writes them,
 * so they cannot disagree with what they are computed from.
 */
export interface Derived {
  /** The running restaurant's mode, as last sampled (`snapshot.mode`). */
  mode: Mode;
  /** What the running restaurant was built from (`run.scenario`). */
  scenario: Scenario;
  /** The service's end (scenario duration) has been reached. */
  finished: boolean;
  /** Names of edited parameters that wait for Reset (`pendingChanges(running, edited)`). */
  pending: string[];
  /** Grows by one whenever a new restaurant replaces the old one (views reset their own state): `run.generation`. */
  generation: number;
}

/** The sources of truth: what actions read and write. */
export type SimSources = PlaybackSlice & ParametersSlice & MetricsSlice & LogSlice & ReplaySlice & LessonSlice & NoticesSlice;
/** One simulation's state: the slices and what is derived from them. */
export type SimState = SimSources & Derived;
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
