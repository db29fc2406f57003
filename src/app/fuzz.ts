import { runTransfers } from '../sim/worlds/transfer.ts';
import { PARTY_STATES } from '../sim/index.ts';
import { SPEEDS, type SimStore } from './simStore.ts';
import type { SessionStore } from './session.ts';
import { ArgumentError } from './args.ts';

/** Deterministic pseudo-random numbers in [0, 1) from a seed (mulberry32: small, fast, enough for choosing actions). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The invariants a fuzzed page must keep, as sentences naming what broke (empty: all hold):
 * every party that arrived is in exactly one state; every role's working + blocked + idle
 * time sums to 1 (since opening and over the rolling window); no order was served twice (the
 * engine throws if one is, which stops the run with an error notice); simulated time never
 * runs past the service's end.
 */
export function brokenInvariants(store: SimStore, label = ''): string[] {
  const s = store.getState();
  const out: string[] = [];
  const at = `${label ? `${label} ` : ''}at ${s.snapshot.time.toFixed(1)} s`;
  const accounted = PARTY_STATES.reduce((n, st) => n + s.snapshot.partyCounts[st], 0);
  if (accounted !== s.snapshot.partiesArrived) out.push(`${at}: ${s.snapshot.partiesArrived} parties arrived but ${accounted} are accounted for`);
  for (const [name, split] of [...Object.entries(s.stats.summary.utilisation), ...Object.entries(s.stats.rolling.utilisation).map(([k, v]) => [`${k} (rolling)`, v] as const)]) {
    const sum = split.working + split.blocked + split.idle;
    if (Math.abs(sum - 1) > 1e-9) out.push(`${at}: ${name} utilisation sums to ${sum}`);
  }
  for (const n of s.notices) if (n.tone === 'error' && /stopped|invariant/.test(n.text)) out.push(`${at}: ${n.text}`);
  if (s.snapshot.time > s.scenario.durationSeconds + 1e-9) out.push(`${at}: past the end of the service (${s.scenario.durationSeconds} s)`);
  return out;
}

/** Money conserved in the transfer lesson's world, for random options: sentences naming breaks. */
export function transferBroken(random: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const duration = pick([0, 60, 600, 3600]);
  const from = Math.floor(random() * duration);
  let run;
  try {
    run = runTransfers({
      seed: Math.floor(random() * 1e6),
      mode: pick(['strong', 'eventual'] as const),
      durationSeconds: duration,
      transfersPerHour: pick([0, 1, 90, 3600, -5]),
      amount: pick([0.01, 100, 1e6, -1]),
      savingsOutage: random() < 0.5 ? null : { fromSeconds: from, toSeconds: from + Math.floor(random() * 900) },
    });
  } catch (e) {
    // Refused options are fine when refused loudly (RangeError with a message).
    return e instanceof RangeError && e.message.length > 0 ? [] : [`transfer world: ${String(e)}`];
  }
  return run.samples.filter((x) => Math.abs(x.checking + x.savings + x.inFlight - run.total) > 1e-6).map((x) => `transfer world at ${x.t} s: ${x.checking} + ${x.savings} + ${x.inFlight} ≠ ${run.total}`);
}

/** Bytes a user might import by mistake (or on purpose), for the log import. */
function randomImport(random: () => number): string {
  const kinds = [
    () => String.fromCharCode(...Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 65536))),
    () => JSON.stringify([{ specversion: '1.0', id: String(random()), source: '/x', type: 'DishReady', kind: 'event', topic: 'pass', offset: Math.floor(random() * 10) - 3, time: '1970-01-01T00:00:00Z' }]),
    () => '[' + '['.repeat(Math.floor(random() * 300)),
    () => JSON.stringify({ a: random() }),
    () => '',
    () => '[]',
  ];
  return kinds[Math.floor(random() * kinds.length)]!();
}

/** What a refused call must leave as it was: the run, its setup and the view. */
export function fingerprintOf(session: SessionStore): string {
  const v = session.getState();
  const one = (st: SimStore | null) => {
    if (!st) return null;
    const s = st.getState();
    return [s.snapshot.time, s.generation, s.presetName, s.mode, s.speed, s.playing, s.lesson?.id ?? null, s.tourStep, s.running, s.edited, s.stats.summary.served, s.eventLog().entries.length, s.imported?.name ?? null];
  };
  return JSON.stringify([v.compare, v.presenter, v.narrate, v.shortcutsOpen, v.keyOpen, one(v.primary), one(v.twin)]);
}

/** Arguments of every type and shape, for calling the console API wrongly (and sometimes rightly). */
const JUNK: readonly unknown[] = [
  undefined, null, Number.NaN, Infinity, -Infinity, -1, 0, 0.5, 3, 1e9, -0, '', 'xyz', 'sync', 'max', '__proto__', 'constructor',
  '\u202Eevil', 'x'.repeat(100_000), {}, [], [1, 2], () => 1, true, false, Symbol('s'), 10n, { toString: () => { throw new Error('boom'); } },
  { type: 'setMode', mode: 'xyz' }, { type: 'setMode', mode: 'async' }, { type: 'admitParty', dishes: Array.from({ length: 100_000 }, () => 'steak') },
  { type: 'admitParty', dishes: [] }, { type: 'setArrivalRate', ratePerHour: 1e9 }, { type: 'setArrivalRate', ratePerHour: -5 }, { type: 'nope' },
  { type: 'setStock', dish: '__proto__', portions: 1.5 }, { type: 'addSubscriber', name: 'constructor' }, { type: 'consumerDown', group: {} },
  { __proto__: { type: 'injectPoison' } }, Object.create(null) as object,
];
/** The console API's methods with arguments (store and session), for random calls. */
const STORE_METHODS = ['setSpeed', 'setMode', 'loadPreset', 'setParam', 'notice', 'dismissNotice', 'withdrawNotice', 'command', 'seek', 'startLesson', 'startLessonById', 'goToStep', 'importLog'] as const;
const SESSION_METHODS = ['setCompare', 'setPresenter', 'setNarrate', 'setShortcutsOpen', 'setKeyOpen', 'nudgeSpeed'] as const;
/** Methods whose every valid call moves the run itself (the frame loop's and the twin's): called only with arguments of the wrong type. */
const INTERNAL_METHODS = ['tick', 'syncTo', 'restart', 'onInput', 'onAction', 'setFrameBudget'] as const;

export interface Fuzzer {
  /** Do `n` random actions and check the invariants after each. */
  run(n: number): void;
  /** Actions done so far. */
  readonly actions: number;
  /** Invariants broken so far (first 50), with the action that broke them. */
  readonly broken: readonly string[];
  /** Console calls refused with an ArgumentError so far (each checked to have changed nothing). */
  readonly refused: number;
}

/**
 * The `?fuzz` driver (as in PhET simulations): with a seed, presses random controls through
 * the same actions the page's buttons use, changes random parameters (in and out of range,
 * and garbage text), switches modes, scenarios, lessons, compare and presenter, imports random
 * bytes, advances random frames, and fuzzes the transfer lesson's world; after every action it
 * checks {@link brokenInvariants} on each restaurant on screen. `extra` adds page-level
 * actions (clicking random DOM controls).
 */
export function createFuzzer(session: SessionStore, seed: number, extra: ((random: () => number) => void)[] = []): Fuzzer {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const broken: string[] = [];
  let actions = 0;
  let refused = 0;
  const p = () => session.getState().primary.getState();
  const presets = ['friday-rush', 'understaffed', 'slow-steak', 'quiet-lunch', 'kitchen-fire', 'no-such-preset'];
  const values = [-1, 0, 1, 2, 3, 7, 40, 41, 240, 1e9, Number.NaN, 'abc', '1e400', '0x10', ' 5 ', '', '<b>x</b>'];
  const groups = ['billing', 'analytics', 'notifications', 'loyalty', 'runners', 'nobody'];
  const lessons = ['sync-vs-async', 'events-vs-commands', 'fan-out', 'cqrs', 'contracts', 'no-such-lesson'];
  const act: (() => void)[] = [
    () => p().togglePlay(),
    () => p().step(),
    () => p().reset(),
    () => p().setSpeed(pick(SPEEDS)),
    () => p().setMode(pick(['sync', 'async'] as const)),
    () => session.getState().toggleMode(),
    () => session.getState().setCompare(!session.getState().compare),
    () => session.getState().setPresenter(!session.getState().presenter),
    () => session.getState().setNarrate(!session.getState().narrate),
    () => p().loadPreset(pick(presets)),
    () => p().setParam(pick(['ratePerHour', 'tables', 'waiters', 'runners', 'seed'] as const), pick(values) as number | string),
    () => p().setParam('station', pick(values) as number | string, pick(['grill', 'stove', 'cold', 'wok'])),
    () => p().importLog(randomImport(random), 'fuzz.json'),
    () => p().closeImport(),
    () => p().command(pick([{ type: 'consumerDown', group: pick(groups) }, { type: 'consumerUp', group: pick(groups) }, { type: 'setIdempotency', on: random() < 0.5 }, { type: 'injectPoison' }, { type: 'setStock', dish: pick(['steak', 'salad', 'nothing']), portions: pick([0, 3, null]) }] as const)),
    () => p().startLessonById(pick(lessons)),
    () => p().endLesson(),
    () => p().goToStep(Math.floor(random() * 8) - 1),
    () => p().tick(pick([0, 0.016, 0.05, 0.1, 5, -1, Number.NaN])),
    () => p().seek(random() * 3 * 3600),
    // The console API, with random arguments of random types.
    () => {
      const args = Array.from({ length: Math.floor(random() * 4) }, () => pick(JUNK));
      const m = pick(STORE_METHODS);
      (p()[m] as (...a: unknown[]) => unknown)(...args);
    },
    () => {
      const m = pick(SESSION_METHODS);
      (session.getState()[m] as (...a: unknown[]) => unknown)(pick(JUNK));
    },
    () => {
      const m = pick(INTERNAL_METHODS);
      const wrong = JUNK.filter((v) => typeof v !== 'number' && typeof v !== 'function' && typeof v !== 'object');
      (p()[m] as (...a: unknown[]) => unknown)(pick(wrong), pick(wrong), pick(wrong), pick(wrong));
    },
    () => {
      for (const m of transferBroken(random)) if (broken.length < 50) broken.push(m);
    },
    ...extra.map((f) => () => f(random)),
  ];
  return {
    run(n) {
      for (let i = 0; i < n; i++) {
        const which = Math.floor(random() * act.length);
        const before = fingerprintOf(session);
        try {
          act[which]!();
        } catch (e) {
          if (!(e instanceof ArgumentError)) {
            if (broken.length < 50) broken.push(`action ${actions + 1} (#${which}): threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
          } else {
            refused++;
            if (fingerprintOf(session) !== before && broken.length < 50) broken.push(`action ${actions + 1} (#${which}): refused (${e.message}) but the page changed`);
            if (!/^\w+\(\w+\): .+\. Nothing changed\.$/s.test(e.message) && broken.length < 50) broken.push(`action ${actions + 1} (#${which}): unclear error "${e.message}"`);
          }
        }
        actions++;
        const s = session.getState();
        const found = [...brokenInvariants(s.primary, s.twin ? 'synchronous' : ''), ...(s.twin ? brokenInvariants(s.twin, 'asynchronous') : [])];
        if (s.twin && s.twin.getState().snapshot.time !== s.primary.getState().snapshot.time) found.push('compare mode: the two restaurants are out of step');
        for (const m of found) if (broken.length < 50) broken.push(`action ${actions} (#${which}): ${m}`);
      }
    },
    get actions() {
      return actions;
    },
    get broken() {
      return broken;
    },
    get refused() {
      return refused;
    },
  };
}
