import type { Activity, MetricsSeries, MetricsSummary, RollingFigures } from '../metrics/collector.ts';
import type { CapacityBound } from '../metrics/theory.ts';
import type { StaffRole } from '../machines/floorStaffMachine.ts';
import type { MachineInterpreter } from '../machines/actors.ts';
import type { DeliveryStatus, Envelope, GroupView } from '../bus/bus.ts';
import type { SubscriberKind } from '../bus/subscribers.ts';
import type { Distribution } from '../kernel/distributions.ts';
import type { Mode, Scenario } from '../scenario.ts';
import type { NameRecord } from '../names.ts';

/** The restaurant's public shapes: what `createRestaurant` returns and what it shows. */

/** States of a customer party (a plain record moved along by staff and timers). */
export type PartyState =
  | 'waitingForTable'
  | 'seated'
  | 'ordering'
  | 'waitingForFood'
  | 'eating'
  | 'paying'
  | 'left'
  | 'walkedOut';

/** States of one ordered dish (a ticket). `ordered`: taken, the ticket not yet in the kitchen. */
export type TicketState = 'ordered' | 'queued' | 'cooking' | 'atPass' | 'carrying' | 'served';

export const PARTY_STATES: readonly PartyState[] = [
  'waitingForTable', 'seated', 'ordering', 'waitingForFood', 'eating', 'paying', 'left', 'walkedOut',
];
export const TICKET_STATES: readonly TicketState[] = ['ordered', 'queued', 'cooking', 'atPass', 'carrying', 'served'];

/** A party as the UI and tests see it. Times in simulated seconds. */
export interface PartyView {
  id: number;
  state: PartyState;
  arrivedAt: number;
  table: number | null;
  tickets: number[];
  /** When the party gives up waiting at the door, or null (no patience limit / seated). */
  walksOutAt: number | null;
}

/** A dish order as the UI and tests see it. */
export interface TicketView {
  id: number;
  partyId: number;
  dish: string;
  station: string;
  state: TicketState;
  protocol: Mode;
  /** When the waiter finished taking the order (latency starts), or null before. */
  orderedAt: number | null;
}

/** A spot on the floor: a table number (1…tables), the pass, or the staff's starting spot. */
export type Place = number | 'pass' | 'home';

/**
 * A waiter or runner. `legSeconds` is the length of the current timed state, from `since`.
 * The state starts at `from` and ends at `to` (the same place unless the state is a walk:
 * walkingToTable, walkingToKitchen, walkingToPass, carryingDish), so a view can place the
 * person at any moment as `from + (to − from) · (now − since) / legSeconds`.
 */
export interface StaffView {
  id: string;
  role: StaffRole;
  state: string;
  activity: Activity;
  since: number;
  legSeconds: number;
  partyId: number | null;
  ticketId: number | null;
  from: Place;
  to: Place;
}

/** A kitchen station. `legSeconds`: length of the current cooking or plating state, from `since`. */
export interface StationView {
  id: string;
  kind: string;
  state: string;
  since: number;
  ticketId: number | null;
  cookSeconds: number;
  legSeconds: number;
  /** Out of service (a scenario fault or a manual `stationDown`). */
  down: boolean;
}

/** Everything a frame needs, copied out of the engine (safe to keep). */
export interface RestaurantSnapshot {
  time: number;
  mode: Mode;
  parties: PartyView[];
  tickets: TicketView[];
  staff: StaffView[];
  stations: StationView[];
  /** Party ids waiting at the door, first in line first. */
  door: number[];
  /** Ticket ids queued per station kind, next to cook first (prototype-free: see `src/sim/names.ts`). */
  kitchenQueues: NameRecord<number[]>;
  partyCounts: Record<PartyState, number>;
  ticketCounts: Record<TicketState, number>;
  partiesArrived: number;
  ticketsCreated: number;
  /** The Poisson arrival rate now in force, parties per hour. */
  arrivalRatePerHour: number;
  consumers: ConsumersView;
}

/**
 * The bus's consumers as a view shows them: every consumer group (the runners and the
 * subscribers) with offsets and lag, and what the subscribers have done. Money in cents.
 */
export interface ConsumersView {
  groups: (GroupView & { kind: SubscriberKind | 'runners' })[];
  /** Whether subscribers skip a redelivered event id (the toggle of the failures lesson). */
  idempotent: boolean;
  billing: { chargedCents: number; expectedCents: number; charges: number; openBills: number };
  notifications: { sent: number; last: string | null };
  analytics: { dishesCounted: number };
  loyalty: { points: number };
  /** PlaceOrder commands the kitchen rejected (out of a dish). */
  rejectedOrders: number;
  /** Portions left per dish, in menu order; null = no limit (prototype-free: see `src/sim/names.ts`). */
  stock: NameRecord<number | null>;
  /** The DishReady shape the kitchen publishes now. */
  contract: 'v1' | 'v1-extra' | 'v2';
  /** Whether the sync-over-async anti-pattern is switched on. */
  syncOverAsync: boolean;
}

/** Things a user (or a lesson) can do to a running restaurant. */
export type RestaurantCommand =
  | { type: 'setMode'; mode: Mode }
  /**
   * A party walks in now, besides the scheduled arrivals (lessons, tests). `dishes` (menu
   * names) fixes what it orders instead of drawing from the menu.
   */
  | { type: 'admitParty'; dishes?: string[] }
  /**
   * Change the Poisson arrival rate from now on, parties per hour (≥ 0, finite; throws
   * RangeError otherwise). The wait for the next party is redrawn at the new rate.
   */
  | { type: 'setArrivalRate'; ratePerHour: number }
  | { type: 'stationDown'; station: string }
  | { type: 'stationUp'; station: string }
  /**
   * Add a subscriber of kind `name` to consumer group `group` (default: its name); a new group
   * reads from the log end, or from its start with `from: 'earliest'`. A second subscriber in
   * an existing group becomes another member sharing its events.
   * @throws Error if the group holds another kind, or is "runners".
   */
  | { type: 'addSubscriber'; name: SubscriberKind; group?: string; processingSeconds?: Distribution; from?: 'earliest' | 'latest' }
  /** Remove a subscriber group and its offsets. @throws Error if there is no such group. */
  | { type: 'removeSubscriber'; group: string }
  /** A subscriber group crashes (in-flight and uncommitted work lost) / comes back (re-reads from its committed offset). */
  | { type: 'consumerDown'; group: string }
  | { type: 'consumerUp'; group: string }
  /** Subscribers skip an event id they already handled (on) or apply it again (off). */
  | { type: 'setIdempotency'; on: boolean }
  /** Publish a DishReady no consumer can read (schema v2), to watch retries and the dead-letter topic. */
  | { type: 'injectPoison' }
  /**
   * The DishReady shape the kitchen publishes from now on: `v1` {ticketId, dish, table};
   * `v1-extra`, the same plus an optional `allergens` field (still v1); `v2` {ticketId,
   * dishCode, table}, which drops `dish`. Strict consumers dead-letter v2; the tolerant
   * reader (notifications) and the upcaster (analytics) keep working.
   */
  | { type: 'setContract'; version: 'v1' | 'v1-extra' | 'v2' }
  /**
   * Anti-pattern, blocking until an event is processed: in async mode, orders taken from now
   * on still go to the kitchen as PlaceOrder and come back as DishReady, but their waiter
   * walks to the pass and blocks until every DishReady of the order (sync timing).
   */
  | { type: 'setSyncOverAsync'; on: boolean }
  /** Anti-pattern, a command disguised as an event: publish `SendEmailToCustomer` on the `emails` topic. */
  | { type: 'publishDisguisedCommand' }
  /** Portions left of a dish (null: no limit). At 0 the kitchen rejects PlaceOrder for it. */
  | { type: 'setStock'; dish: string; portions: number | null };

/** The report of a run: metrics over the window after warm-up plus the mode's capacity bound. */
export interface RunSummary extends MetricsSummary {
  scenario: string;
  seed: number;
  mode: Mode;
  capacity: CapacityBound;
}

/** A running restaurant. All times are simulated seconds. */
export interface Restaurant {
  readonly scenario: Scenario;
  /** Current simulated time. */
  readonly now: number;
  readonly mode: Mode;
  /** Timers fired so far (the simulation's discrete events). */
  readonly eventsFired: number;
  /** Fire everything due up to `timeSeconds`, then stop there. */
  runUntil(timeSeconds: number): void;
  /** Advance to the next simulation event; returns its time, or null if nothing is pending. */
  step(): number | null;
  send(command: RestaurantCommand): void;
  snapshot(): RestaurantSnapshot;
  /** Observe every bus message (commands and events); returns an unsubscribe function. */
  subscribe(listener: (message: Envelope) => void): () => void;
  summary(): RunSummary;
  /**
   * Throughput and utilisation over the trailing `windowSeconds` of simulated time (or since
   * time 0 when shorter), exact between samples: what a live display shows.
   */
  rolling(windowSeconds: number): RollingFigures;
  /** Where an event stands for each consumer group of its topic, group name → status (commands: empty; prototype-free). */
  deliveryOf(msg: Pick<Envelope, 'topic' | 'offset' | 'type' | 'kind'>): NameRecord<DeliveryStatus>;
  /** Each group's lag at every sample time. */
  readonly lagSeries: ReadonlyMap<string, { t: number[]; lag: number[] }>;
  /** Consumer groups reading events of `type` on `topic`. */
  readersOf(topic: string, type: string): string[];
  /** A read model's table of counts (projection kinds), keys sorted, prototype-free; null if there is no such group. */
  projection(group: string): NameRecord<number> | null;
  /** Why a command was rejected (e.g. "out of steak"), or null if it was accepted. */
  rejectionOf(id: string): string | null;
  /** A retained message of the log, or undefined once trimmed. */
  messageAt(topic: string, offset: number): Envelope | undefined;
  readonly series: MetricsSeries;
  readonly modeSpans: readonly { t: number; mode: Mode }[];
  /** Broken conservation rules (empty when all hold). */
  checkInvariants(): string[];
}

/** Options for {@link createRestaurant}. */
export interface RestaurantOptions {
  /** Messages kept per topic beyond what consumer groups still need (default 0, as a headless run needs). */
  retainMessages?: number;
  /** Trailing window of the series' rolling throughput, seconds (default 900). */
  rollingWindowSeconds?: number;
  /**
   * What is sampled every `sampleIntervalSeconds` (default `'all'`):
   * - `'all'`: the metrics time series (`series`, which `rolling()` reads) and each consumer
   *   group's lag (`lagSeries`), as the page shows them;
   * - `'metrics'`: `series` only (`lagSeries` stays empty), as `npm run sim -- --format csv` needs;
   * - `'none'`: nothing (`series` and `lagSeries` stay empty and `rolling()` covers no
   *   window), as the CLI's JSON report needs. Memory then no longer grows with the run's
   *   length, only with the dishes served (docs/bad-input.md, "CLI").
   * Sampling only reads the restaurant: `summary()` is the same whatever is sampled (tested).
   */
  sampling?: 'all' | 'metrics' | 'none';
  /**
   * The interpreter of the waiters', runners' and stations' machines (default `'xstate'`,
   * which the page keeps so XState's inspection tools can attach): `'compiled'` runs the
   * same definitions through a transition table compiled at start-up, as the `sim` command
   * does. The event log and summary are byte for byte the same (src/sim/machines/actors.ts).
   */
  machines?: MachineInterpreter;
}
