/**
 * Fuzzed restaurant runs for the engine's equivalence tests: a preset's scenario perturbed
 * (staff, stations, tables, arrival rate, mode, subscribers) and a random stream of user
 * commands at random simulated times, all from one seed, so the same seed always gives the
 * same run. The behaviour-pin test (`src/app/pinned.test.ts`) fixes the SHA-256 of each
 * run's log and summary, so a refactor of the engine that changes behaviour fails.
 */
import { createRestaurant } from '../restaurant/restaurant.ts';
import type { RestaurantCommand, RestaurantOptions } from '../restaurant/types.ts';
import type { Envelope } from '../bus/bus.ts';
import type { Scenario } from '../scenario.ts';
import { SUBSCRIBER_KINDS } from '../bus/subscribers.ts';

/** Deterministic numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fuzzed run: the scenario and the commands (each at a simulated time, seconds). */
export interface FuzzPlan {
  scenario: Scenario;
  commands: { t: number; command: RestaurantCommand }[];
}

/** Perturb `base` and draw commands from `seed`; durations are cut to at most 2 simulated hours. */
export function fuzzPlan(base: Scenario, seed: number): FuzzPlan {
  const r = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const durationSeconds = Math.min(base.durationSeconds, 7200);
  const scenario: Scenario = {
    ...base,
    seed: int(1, 1e6),
    mode: pick(['sync', 'async'] as const),
    durationSeconds,
    warmupSeconds: Math.min(base.warmupSeconds, durationSeconds / 4),
    tables: int(1, 30),
    arrivals: { ...base.arrivals, ratePerHour: int(0, 90) },
    staff: { waiters: int(1, 6), runners: int(1, 5) },
    kitchen: { ...base.kitchen, stations: base.kitchen.stations.map((st) => ({ ...st, count: int(1, 4) })) },
    subscribers: r() < 0.5 ? base.subscribers : [...base.subscribers, { name: pick(SUBSCRIBER_KINDS), group: `fuzz-${seed}`, processingSeconds: { dist: 'exponential', mean: int(1, 60) } }],
  };
  const dishes = base.menu.map((m) => m.dish);
  const kinds = base.kitchen.stations.map((st) => st.kind);
  const commands: FuzzPlan['commands'] = [];
  for (let i = 0, n = int(0, 14); i < n; i++) {
    const t = Math.floor(r() * durationSeconds);
    const which = int(0, 11);
    const command: RestaurantCommand =
      which === 0 ? { type: 'setMode', mode: pick(['sync', 'async'] as const) }
      : which === 1 ? { type: 'admitParty', dishes: r() < 0.5 ? undefined : [pick(dishes), pick(dishes)] }
      : which === 2 ? { type: 'setArrivalRate', ratePerHour: int(0, 120) }
      : which === 3 ? { type: 'stationDown', station: `${pick(kinds)}-1` }
      : which === 4 ? { type: 'stationUp', station: `${pick(kinds)}-1` }
      : which === 5 ? { type: 'setIdempotency', on: r() < 0.5 }
      : which === 6 ? { type: 'injectPoison' }
      : which === 7 ? { type: 'setContract', version: pick(['v1', 'v1-extra', 'v2'] as const) }
      : which === 8 ? { type: 'setSyncOverAsync', on: r() < 0.5 }
      : which === 9 ? { type: 'publishDisguisedCommand' }
      : which === 10 ? { type: 'setStock', dish: pick(dishes), portions: r() < 0.3 ? null : int(0, 5) }
      : { type: 'addSubscriber', name: pick(SUBSCRIBER_KINDS), group: `late-${i}` };
    commands.push({ t, command });
  }
  commands.sort((a, b) => a.t - b.t);
  return { scenario, commands };
}

/** What a fuzzed run produced: its whole message log and summary, as JSON text; or the error it threw. */
export interface FuzzResult {
  log: string;
  summary: string;
  error: string | null;
}

/**
 * Run `plan` to its end: commands are sent at their times (a command the engine refuses is
 * recorded in the log text as `refused: <message>`). Throws nothing.
 */
export function runPlan(plan: FuzzPlan, options: RestaurantOptions = {}): FuzzResult {
  const messages: (Envelope | string)[] = [];
  try {
    const r = createRestaurant(plan.scenario, options);
    r.subscribe((m) => messages.push(m));
    for (const { t, command } of plan.commands) {
      r.runUntil(t);
      try {
        r.send(command);
      } catch (e) {
        messages.push(`refused: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    r.runUntil(plan.scenario.durationSeconds);
    return { log: JSON.stringify(messages), summary: JSON.stringify(r.summary()), error: null };
  } catch (e) {
    return { log: JSON.stringify(messages), summary: '', error: e instanceof Error ? e.message : String(e) };
  }
}
