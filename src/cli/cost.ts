import { capacityBound, meanDishesPerParty, meanOf, SUBSCRIBER_DEFAULTS, type Mode, type Scenario } from '../sim/index.ts';

/**
 * The CLI's cost guard (docs/bad-input.md, "CLI"): an estimate of a run's wall time and
 * peak memory from everything that costs, so a run it cannot finish in about a minute or
 * within 1 GB is refused before it starts, naming what to lower.
 *
 * The constants were measured on the project's machine (2 cores, Node 20, under the load
 * of a shared machine; `npm run bench` prints the figures they come from), rounded up:
 * - each party that arrives: 50 µs (its draws, its records, the door);
 * - each dish served: 110 µs (190 µs with `--events`, which writes its 4 or so messages), plus 0.1 µs for every waiter, runner and station (the floor and
 *   the kitchen look for a free one), plus 15 µs for every subscriber group that reads it
 *   (as many as its members can handle: the rest stays unread in the log, 600 bytes each);
 * - each time-series sample (only `--format csv` samples): 25 µs and 1,050 bytes (the row, its
 *   CSV text and the garbage of building it);
 * - each waiter, runner and station at start-up: 150 µs; each fault: 10 µs per station it
 *   takes down; start-up of Node and the engine: 0.5 s and 150 MB;
 * - memory that stays: 50 bytes a dish and 100 a party (the figures' samples), 100 bytes a
 *   dish for each billing group and a party for each loyalty or tracker group (their
 *   records), and about 1.3 kB for each party waiting at the door when more arrive than the
 *   restaurant can serve (at most those who arrive within three mean patiences, if any).
 * Nothing of the run's log is held: `--events` streams it to its file. Wall times on a
 * shared machine vary about twofold with its load; the figures above are from a loaded one.
 */

/** What a run is estimated to cost; `dishes` summed over the modes. */
export interface RunCost {
  /** Expected dishes ordered (arrival rate × length × mean dishes per party × modes). */
  dishes: number;
  /** Estimated wall time, seconds. */
  seconds: number;
  /** Estimated peak memory, bytes. */
  bytes: number;
  /** The biggest share of the time, or of the memory when that is what is over. */
  main: CostPart;
  /** Each part of the time (seconds) and of the memory (bytes). */
  parts: Record<CostPart, { seconds: number; bytes: number }>;
}

/** The things a run's cost comes from, each with what to lower (see {@link refusal}). */
export type CostPart = 'dishes' | 'staff' | 'subscribers' | 'samples' | 'backlog' | 'faults';

/** Longest estimated run the CLI starts, seconds of wall time. */
export const MAX_RUN_SECONDS = 60;
/** Largest estimated peak memory the CLI accepts, bytes. */
export const MAX_RUN_BYTES = 1024 ** 3;

const US = 1e-6;
const START_SECONDS = 0.5;
const START_BYTES = 150e6;
/** A message kept in the log (its envelope, data and strings), bytes. */
const MESSAGE_BYTES = 600;
/** A consumer group's delivery time before processing (the bus's default), seconds. */
const DELIVERY_SECONDS = 0.5;

/**
 * Estimate the cost of running `s` in each of `modes` for its `durationSeconds`.
 * `format: 'csv'` samples the time series (one row per `sampleIntervalSeconds`); `events`
 * costs nothing in memory (streamed) and is counted in the time of each message.
 */
export function estimateRun(s: Scenario, modes: readonly Mode[], opts: { format: 'json' | 'csv'; events: boolean }): RunCost {
  const parts: RunCost['parts'] = {
    dishes: { seconds: 0, bytes: 0 },
    staff: { seconds: 0, bytes: 0 },
    subscribers: { seconds: 0, bytes: 0 },
    samples: { seconds: 0, bytes: 0 },
    backlog: { seconds: 0, bytes: 0 },
    faults: { seconds: 0, bytes: 0 },
  };
  const hours = s.durationSeconds / 3600;
  const perParty = meanDishesPerParty(s);
  const parties = s.arrivals.ratePerHour * hours;
  const dishesPerMode = parties * perParty;
  const stations = s.kitchen.stations.reduce((t, st) => t + st.count, 0);
  const actors = s.staff.waiters + s.staff.runners + stations;
  // Each subscriber group: its kind, and how many events an hour its members can handle.
  const groups = new Map<string, { kind: Scenario['subscribers'][number]['name']; perHour: number }>();
  for (const x of s.subscribers) {
    const g = groups.get(x.group) ?? { kind: x.name, perHour: 0 };
    g.perHour += 3600 / (DELIVERY_SECONDS + Math.max(1e-3, meanOf(x.processingSeconds)));
    groups.set(x.group, g);
  }
  const kinds = [...groups.values()].map((g) => g.kind);
  const billing = kinds.filter((k) => k === 'billing').length;
  const perPartyRecords = kinds.filter((k) => k === 'loyalty' || k === 'tracker').length;
  const samples = opts.format === 'csv' ? Math.floor(s.durationSeconds / s.sampleIntervalSeconds) + 1 : 0;
  const stationsOf = (name: string) => s.kitchen.stations.find((st) => st.kind === name)?.count ?? 1;
  const faulted = s.faults.reduce((t, f) => t + stationsOf(f.station), 0) + s.consumerFaults.length;

  for (const mode of modes) {
    // Dishes cost when served: more arriving than the restaurant can serve (its capacity
    // bound) wait at the door, unless they give up (then at most those who arrive within
    // about three mean patiences wait).
    const bound = capacityBound(s, mode).boundPerHour;
    const servedParties = Number.isFinite(bound) ? Math.min(parties, (bound / perParty) * hours) : parties;
    const served = servedParties * perParty;
    let waiting = parties - servedParties;
    if (s.patienceSeconds) waiting = Math.min(waiting, (s.arrivals.ratePerHour * 3 * meanOf(s.patienceSeconds)) / 3600);
    parts.dishes.seconds += parties * 50 * US + served * (110 + (opts.events ? 80 : 0)) * US;
    parts.dishes.bytes += served * 50 + servedParties * 100;
    parts.staff.seconds += served * 0.1 * actors * US + actors * 150 * US;
    parts.backlog.bytes += waiting * (1000 + 300 * perParty);
    // Each group handles an event per dish on its topic (sync publishes no DishReady on the
    // pass), as fast as its members can; what it has not read yet stays in the log.
    let unread = 0;
    for (const g of groups.values()) {
      if (mode === 'sync' && SUBSCRIBER_DEFAULTS[g.kind].topic === 'pass') continue;
      const handled = Math.min(served, g.perHour * hours);
      parts.subscribers.seconds += handled * 15 * US;
      unread = Math.max(unread, served - handled);
    }
    parts.subscribers.bytes += served * 100 * billing + servedParties * 100 * perPartyRecords + unread * MESSAGE_BYTES;
    parts.samples.seconds += samples * 25 * US;
    parts.samples.bytes += samples * 1050;
    parts.faults.seconds += faulted * 10 * US;
  }
  let seconds = START_SECONDS;
  let bytes = START_BYTES;
  for (const p of Object.values(parts)) {
    seconds += p.seconds;
    bytes += p.bytes;
  }
  const overTime = seconds / MAX_RUN_SECONDS >= bytes / MAX_RUN_BYTES;
  const names = Object.keys(parts) as CostPart[];
  const main = names.reduce((a, b) => (overTime ? parts[b].seconds > parts[a].seconds : parts[b].bytes > parts[a].bytes) ? b : a);
  return { dishes: dishesPerMode * modes.length, seconds, bytes, main, parts };
}

const WHAT: Record<CostPart, string> = {
  dishes: 'the dishes',
  staff: 'the size of the staff and the kitchen',
  subscribers: 'the subscriber groups',
  samples: 'the time-series samples',
  backlog: 'the queue at the door',
  faults: 'the faults',
};
const LOWER: Record<CostPart, string> = {
  dishes: 'lower --minutes, the arrival rate or the dishes per party',
  staff: 'lower --minutes or the arrival rate, or have fewer waiters, runners and stations',
  subscribers: 'lower --minutes or the arrival rate, or have fewer subscriber groups',
  samples: 'give a larger sampleIntervalSeconds or a shorter --minutes, or leave out --format csv',
  backlog: "lower the arrival rate to what the restaurant can serve, give its customers a patienceSeconds, or lower --minutes",
  faults: 'have fewer faults',
};

/**
 * The one-line refusal of a run over {@link MAX_RUN_SECONDS} or {@link MAX_RUN_BYTES}, naming
 * the estimate and what to lower; null when the run may start.
 */
export function refusal(c: RunCost): string | null {
  if (c.seconds <= MAX_RUN_SECONDS && c.bytes <= MAX_RUN_BYTES) return null;
  const mb = Math.round(c.bytes / 1e6).toLocaleString('en');
  const s = Math.round(c.seconds).toLocaleString('en');
  const dishes = Math.round(c.dishes).toLocaleString('en');
  return `this run is too big for the CLI: about ${s} s and ${mb} MB on this machine (at most about ${MAX_RUN_SECONDS} s and ${MAX_RUN_BYTES / 1024 ** 2} MB), for ${dishes} expected dishes, mostly for ${WHAT[c.main]}: ${LOWER[c.main]}`;
}
