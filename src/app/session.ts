import { createStore, type StoreApi } from 'zustand/vanilla';
import { FRAME_BUDGET_MS, SPEEDS, type SimStore, type StoreAction } from './simStore.ts';
import { linkNotice, type LinkSetup } from './link.ts';
import { expected, refuser } from './args.ts';
import { nameRecord, type Mode } from '../sim/index.ts';

/**
 * The page's view around its simulations: the primary restaurant (always there), and in
 * compare mode an asynchronous twin that follows it in lockstep; presenter mode; narration;
 * the shortcuts dialog. One per page (a Zustand vanilla store, like the simulations).
 */
export interface SessionState {
  /** The restaurant every control drives (synchronous, on the left, in compare mode). */
  primary: SimStore;
  /** Compare mode's asynchronous restaurant, or null when not comparing. */
  twin: SimStore | null;
  compare: boolean;
  presenter: boolean;
  /** Whether the screen-reader narration speaks notable events. */
  narrate: boolean;
  shortcutsOpen: boolean;
  /** Whether the floor's key shows every glyph (else only the dish codes); null: the view decides by the room it has. */
  keyOpen: boolean | null;

  /**
   * Compare on: both restaurants restart at time 0 from the primary's scenario, parameters and
   * seed (so they serve the same customers), the primary synchronous and the twin
   * asynchronous; from then on the twin copies the primary's clock, speed, playing state and
   * every command except mode switches. Refused, with a notice, while a lesson runs.
   */
  setCompare(on: boolean): void;
  setPresenter(on: boolean): void;
  setNarrate(on: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setKeyOpen(open: boolean): void;
  /** One step up (+1) or down (−1) the speed ladder of {@link SPEEDS}. */
  nudgeSpeed(direction: 1 | -1): void;
  /** Switch the primary's mode; in compare mode says why it cannot. */
  toggleMode(): void;
}

export type SessionStore = StoreApi<SessionState>;

/** The key of the notice about entering compare mode (it goes when compare mode does). */
const COMPARING = 'compare';

/**
 * Link `twin` to `leader`: whatever the leader does (play, pause, speed, a new restaurant, a
 * seek, a user command, the clock moving on) the twin does too, through its own public
 * actions, except mode switches: it keeps its own mode. Errors the twin reports reach the
 * leader's notices. The twin starts again from the leader's setup in `twinMode`, at the
 * leader's time and speed. Returns the function that unlinks them.
 */
export function followInLockstep(leader: SimStore, twin: SimStore, twinMode: Mode = twin.getState().mode): () => void {
  const t = () => twin.getState();
  const follow = (a: StoreAction) => {
    switch (a.type) {
      case 'play':
        return t().play();
      case 'pause':
        return t().pause();
      case 'speed':
        return t().setSpeed(a.speed);
      case 'rebuilt':
        // A new restaurant (Reset, a scenario, a restart): the twin is rebuilt from the same setup.
        return t().restart(a.base, a.params, a.presetName, t().mode);
      case 'seek':
        // Travelling in time: the twin replays its own past.
        return t().seek(a.seconds);
      case 'command':
        if (a.command.type !== 'setMode') t().command(a.command);
        return;
      case 'advanced':
        return t().syncTo(a.time, a.withStats);
    }
  };
  const offActions = leader.getState().onAction(follow);
  const offErrors = twin.subscribe((s, prev) => {
    for (const n of s.notices) if (n.tone === 'error' && !prev.notices.some((p) => p.id === n.id)) leader.getState().notice('error', `Asynchronous restaurant: ${n.text}`, `twin:${n.key}`);
  });
  // Start from where the leader is.
  const l = leader.getState();
  t().restart(l.base, l.running, l.presetName, twinMode);
  t().setSpeed(l.speed);
  t().syncTo(l.snapshot.time, true);
  if (l.playing) t().play();
  return () => {
    offActions();
    offErrors();
  };
}

/**
 * Create the session around `primary`. `makeTwin` builds a fresh simulation store for
 * compare mode (same presets and lessons as the primary).
 */
export function createSession(primary: SimStore, makeTwin: () => SimStore): SessionStore {
  let unlink: (() => void) | null = null;
  /** A console caller's wrong argument: said in the page and thrown (docs/bad-input.md); nothing changes. */
  const refuse = refuser((text) => primary.getState().notice('warning', text));
  const flag = (call: string, v: unknown) => {
    if (typeof v !== 'boolean') refuse(call, expected('true or false', v));
  };
  const session = createStore<SessionState>()((set, get) => ({
    primary,
    twin: null,
    compare: false,
    presenter: false,
    narrate: true,
    shortcutsOpen: false,
    keyOpen: null,

    setCompare(on) {
      flag('setCompare(on)', on);
      if (on === get().compare) return;
      const p = primary.getState();
      if (!on) {
        unlink?.();
        unlink = null;
        p.setFrameBudget(FRAME_BUDGET_MS);
        set({ compare: false, twin: null });
        primary.getState().withdrawNotice(COMPARING);
        return;
      }
      if (p.lesson) {
        p.notice('info', 'Compare mode is for free play: choose “Free play” in the Lesson menu first.');
        return;
      }
      // Both start again anyway: Setup changes waiting for Reset apply to both now.
      const pending = p.pending;
      const twin = makeTwin();
      p.restart(p.base, p.edited, p.presetName, 'sync');
      unlink = followInLockstep(primary, twin, 'async');
      // The twin does the primary's simulated span again each frame: half the budget each.
      p.setFrameBudget(FRAME_BUDGET_MS / 2);
      set({ compare: true, twin });
      p.notice(
        'info',
        `Comparing: both restaurants started again at opening with the same customers, synchronous on the left, asynchronous on the right${pending.length > 0 ? `, with your changes to ${pending.join(', ')}` : ''}.`,
        COMPARING,
      );
    },
    setPresenter(on) {
      flag('setPresenter(on)', on);
      set({ presenter: on });
    },
    setNarrate(on) {
      flag('setNarrate(on)', on);
      set({ narrate: on });
    },
    setShortcutsOpen(open) {
      flag('setShortcutsOpen(open)', open);
      set({ shortcutsOpen: open });
    },
    setKeyOpen(open) {
      flag('setKeyOpen(open)', open);
      set({ keyOpen: open });
    },
    nudgeSpeed(direction) {
      if (direction !== 1 && direction !== -1) refuse('nudgeSpeed(direction)', expected('1 (faster) or -1 (slower)', direction));
      const p = primary.getState();
      const i = SPEEDS.indexOf(p.speed);
      const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + direction))]!;
      if (next !== p.speed) p.setSpeed(next);
    },
    toggleMode() {
      const p = primary.getState();
      if (get().compare) {
        p.notice('info', 'In compare mode the left restaurant is synchronous and the right one asynchronous. Press C to leave compare mode.');
        return;
      }
      p.setMode(p.mode === 'sync' ? 'async' : 'sync');
    },
  }));
  // A lesson drives one restaurant: starting one leaves compare mode.
  primary.subscribe((s, prev) => {
    if (s.lesson && !prev.lesson && session.getState().compare) session.getState().setCompare(false);
  });
  return session;
}

/** The setup a link should carry now: the primary's running parameters and the view. */
export function setupOf(session: SessionStore): LinkSetup {
  const v = session.getState();
  const p = v.primary.getState();
  const view = { speed: p.speed, compare: v.compare, presenter: v.presenter, paused: !p.playing };
  if (p.lesson) return { scenario: null, lesson: p.lesson.id, params: {}, stations: nameRecord(), mode: null, ...view };
  const r = p.running;
  return {
    scenario: p.presetName,
    lesson: null,
    params: { seed: r.seed, ratePerHour: r.ratePerHour, tables: r.tables, waiters: r.waiters, runners: r.runners },
    stations: nameRecord(Object.entries(r.stations)),
    mode: p.mode,
    ...view,
  };
}

/**
 * Apply a link's setup (from {@link parseLink}) to a freshly opened page: lesson or scenario,
 * parameters (then one Reset so they all take effect), mode, speed, compare, presenter, and
 * play unless it says paused or opens a lesson (which waits for the learner's prediction). `problems` and settings the scenario cannot take (an unknown
 * station kind) become one notice; nothing here throws.
 */
export function applyLink(session: SessionStore, setup: LinkSetup, problems: readonly string[]): void {
  const all = [...problems];
  const p = () => session.getState().primary.getState();
  if (setup.lesson) p().startLessonById(setup.lesson);
  else {
    if (setup.scenario && setup.scenario !== p().presetName) p().loadPreset(setup.scenario);
    const { ratePerHour, ...resetParams } = setup.params;
    for (const [k, v] of Object.entries(resetParams)) p().setParam(k as keyof typeof resetParams, v);
    for (const [kind, n] of Object.entries(setup.stations)) {
      if (Object.hasOwn(p().edited.stations, kind)) p().setParam('station', n, kind);
      else all.push(`stations ${kind}:${n} (this kitchen has no ${kind} station)`);
    }
    if (ratePerHour !== undefined) {
      // The rate is part of the setup a Reset builds from, and applies live.
      p().setParam('ratePerHour', ratePerHour);
    }
    if (p().pending.length > 0 || ratePerHour !== undefined) p().reset();
    if (setup.mode && setup.mode !== p().mode && !setup.compare) p().restart(p().base, p().running, p().presetName, setup.mode);
  }
  if (setup.speed !== null) p().setSpeed(setup.speed);
  if (setup.compare) {
    session.getState().setCompare(true);
    // Opened that way, nothing was restarted: the notice saying so would only cover the charts.
    session.getState().primary.getState().withdrawNotice(COMPARING);
  }
  if (setup.presenter) session.getState().setPresenter(true);
  if (all.length > 0) p().notice('warning', linkNotice(all, setup.lesson !== null));
  // A lesson waits for the learner's prediction and its tour; anything else plays unless paused.
  if (!setup.paused && !setup.lesson) p().play();
}
