import { Scheduler } from '../kernel/scheduler.ts';
import { createStreams, type RandomStream, type StreamName } from '../kernel/rng.ts';
import { Bus } from '../bus/bus.ts';
import { MetricsCollector, type Activity, type Role } from '../metrics/collector.ts';
import type { Mode, Scenario } from '../scenario.ts';
import { PARTY_STATES, TICKET_STATES, type PartyState, type RestaurantOptions, type TicketState } from './types.ts';
import type { Timer } from '../kernel/scheduler.ts';
import type { Kitchen } from './kitchen.ts';
import type { Floor } from './floor.ts';
import type { Dining } from './dining.ts';
import type { Consumers } from './consumers.ts';
import type { Teaching } from './teaching.ts';
import type { Faults } from './faults.ts';
import { createDraws, type Draws } from './draws.ts';
import { IdTable } from '../kernel/idTable.ts';

/**
 * What every part of the restaurant shares (docs/architecture.md, "The restaurant in
 * modules"): the scenario, the simulated clock, the random streams, the bus, the metrics,
 * the mode, the parties and tickets in play with their counts by state, and the first
 * error an actor raised. Each concern (kitchen, floor, dining, consumers, teaching) is a
 * module with its own state, built on a `Core` and reaching the others through `Parts`.
 */

/** A party of customers from the door to leaving (the engine's own record; `PartyView` is what is shown). */
export interface Party {
  id: number;
  /** `order-<id>`: the correlation id of every message about its order (built once). */
  correlationid: string;
  state: PartyState;
  /** Simulated seconds. */
  arrivedAt: number;
  table: number | null;
  tickets: Ticket[];
  /** Drawn on arrival, simulated seconds. */
  takeSeconds: number;
  eatSeconds: number;
  paySeconds: number;
  patienceSeconds: number | null;
  patienceTimer: Timer | null;
  walksOutAt: number | null;
  /** The waiter (or runner) who took its order. */
  staffId: string | null;
  /** Dishes not yet on its table. */
  unserved: number;
  /** Sync-over-async (the anti-pattern): the order is sent as messages, but its waiter blocks at the pass until every DishReady. */
  waitsForEvent: boolean;
}

/** One ordered dish. */
export interface Ticket {
  id: number;
  /** `dish-<id>`: the subject of every message about it (built once). */
  subject: string;
  party: Party;
  dish: string;
  /** The station kind that cooks it. */
  station: string;
  cookSeconds: number;
  state: TicketState;
  /** The protocol its order was taken under. */
  protocol: Mode;
  /** When its order was taken (latency starts), simulated seconds; NaN before. */
  orderedAt: number;
  /** The last message about it: the causation of the next. */
  lastMessageId: string | null;
  /** Offset of its DishReady on the pass, for the runners' commit; −1 before. */
  readyOffset: number;
  /** Its place in its kitchen queue (a counter, set when the kitchen accepts it), kept when it is handed back. */
  queuedSeq: number;
}

/** Something whose state the views draw and whose time goes to a role's utilisation: a member of staff or a station. */
export interface Tracked {
  activity: Activity;
  state: string;
  /** When the current state began, simulated seconds. */
  since: number;
}

/** The parts of the restaurant, each reaching the others only through their interfaces. */
export interface Parts {
  kitchen: Kitchen;
  floor: Floor;
  dining: Dining;
  consumers: Consumers;
  teaching: Teaching;
  faults: Faults;
}

/** The shared state and helpers of one restaurant; see the module comment. */
export interface Core {
  readonly s: Scenario;
  readonly options: RestaurantOptions;
  readonly scheduler: Scheduler;
  readonly streams: Record<StreamName, RandomStream>;
  readonly bus: Bus;
  readonly metrics: MetricsCollector;
  readonly draw: Draws;
  /**
   * The other parts, filled in by `createRestaurant` as it builds them: a part may call
   * another from its handlers (at run time), never while it is being built.
   */
  readonly parts: Parts;
  /** The protocol new orders are taken under (changed live by `setMode`). */
  mode: Mode;
  /** Parties in the restaurant (arrived, not yet left or walked out), by id (kernel/idTable.ts: ids come in order). */
  readonly parties: IdTable<Party>;
  /** Tickets of those parties once their order is taken, by id. */
  readonly tickets: IdTable<Ticket>;
  readonly partyCounts: Record<PartyState, number>;
  readonly ticketCounts: Record<TicketState, number>;
  partiesArrived: number;
  ticketsCreated: number;
  setPartyState(p: Party, state: PartyState): void;
  setTicketState(t: Ticket, state: TicketState): void;
  /** Tell the metrics the queues' lengths now: the door, the kitchen's tickets, the dishes at the pass. */
  reportQueues(): void;
  /** Follow `who`'s state for the views and its role's working / blocked / idle time. */
  track(who: Tracked, state: string, role: Role, activityOf: (state: string) => Activity): void;
  /** Keep an actor's error, to be rethrown by {@link Core.check}. */
  fail(e: unknown): void;
  /** Throw the first error an actor raised, if any: a broken run never reports as a good one. */
  check(): void;
}

/** Build the shared core of a restaurant for scenario `s`. */
export function createCore(s: Scenario, options: RestaurantOptions): Core {
  const scheduler = new Scheduler();
  const metrics = new MetricsCollector({
    warmupSeconds: s.warmupSeconds,
    sampleIntervalSeconds: s.sampleIntervalSeconds,
    rollingWindowSeconds: options.rollingWindowSeconds ?? 900,
    mode: s.mode,
    dishes: s.menu.map((m) => m.dish),
    // Without sampling nothing reads the recent values the series' rolling p95s come from.
    trailing: (options.sampling ?? 'all') !== 'none',
  });
  const bus = new Bus(() => scheduler.now, {
    retain: options.retainMessages ?? 0,
    schedule: (d, fn) => {
      const timer = scheduler.schedule(d, fn);
      return () => scheduler.cancel(timer);
    },
  });
  const partyCounts = Object.fromEntries(PARTY_STATES.map((k) => [k, 0])) as Record<PartyState, number>;
  const ticketCounts = Object.fromEntries(TICKET_STATES.map((k) => [k, 0])) as Record<TicketState, number>;
  // XState catches an error thrown inside an actor and stops the actor; keep the first one
  // and rethrow it from runUntil/step.
  let failure: unknown = null;
  const streams = createStreams(s.seed);
  const parts = {} as Parts;
  return {
    s,
    options,
    scheduler,
    streams,
    bus,
    metrics,
    draw: createDraws(s, streams),
    parts,
    mode: s.mode,
    parties: new IdTable(),
    tickets: new IdTable(),
    partyCounts,
    ticketCounts,
    partiesArrived: 0,
    ticketsCreated: 0,
    setPartyState(p, state) {
      partyCounts[p.state]--;
      partyCounts[state]++;
      p.state = state;
    },
    setTicketState(t, state) {
      ticketCounts[t.state]--;
      ticketCounts[state]++;
      t.state = state;
    },
    reportQueues() {
      metrics.onQueues(scheduler.now, parts.dining.doorLength, parts.kitchen.queuedTickets, ticketCounts.atPass);
    },
    track(who, state, role, activityOf) {
      if (state === who.state) return;
      who.state = state;
      who.since = scheduler.now;
      const a = activityOf(state);
      metrics.onActivity(scheduler.now, role, who.activity, a);
      who.activity = a;
    },
    fail(e) {
      failure ??= e;
    },
    check() {
      if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
    },
  };
}

/**
 * Message sources built once per name (`/floor/waiter-1`), not once per message: a lookup
 * by the name itself needs no new string.
 */
export function sourceOf(prefix: string): (name: string) => string {
  const built = new Map<string, string>();
  return (name) => {
    let v = built.get(name);
    if (v === undefined) built.set(name, (v = `${prefix}${name}`));
    return v;
  };
}
