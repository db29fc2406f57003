import type { Distribution } from './kernel/distributions.ts';
import type { SubscriberKind } from './bus/subscribers.ts';

/** Most dishes one party orders: a larger draw is capped here (the schema rejects more). */
export const MAX_DISHES_PER_PARTY = 50;

/** The two protocols the restaurant can run. */
export type Mode = 'sync' | 'async';

/** One dish on the menu: the station kind that cooks it, its share of orders, its cook time. */
export interface MenuItem {
  dish: string;
  /** Station kind (e.g. `grill`); must match a kitchen station kind. */
  station: string;
  /** Relative weight among menu items (normalised over the menu). */
  share: number;
  cookSeconds: Distribution;
  /** Menu price in dollars (what billing charges). */
  price: number;
  /** Portions left, or null for no limit: at 0 the kitchen rejects PlaceOrder for it. */
  stock: number | null;
}

/** A subscriber of the restaurant's events (see `src/sim/bus/subscribers.ts`). */
export interface Subscriber {
  name: SubscriberKind;
  /** Consumer group: subscribers sharing a group split its events. */
  group: string;
  processingSeconds: Distribution;
}

/** A consumer group's crash: down at `downAtSeconds`, back (re-reading from its committed offset) at `upAtSeconds`. */
export interface ConsumerFault {
  group: string;
  downAtSeconds: number;
  upAtSeconds: number;
}

/** A station fault: `station` is a station id (`grill-1`) or a kind (`grill`: every station of it). */
export interface Fault {
  station: string;
  downAtSeconds: number;
  upAtSeconds: number;
}

/**
 * A complete, validated restaurant scenario, as the engine consumes it. Produced by
 * `parseScenario` in `src/scenarios` from JSON (which fills defaults); the engine trusts it.
 * All durations are distributions in simulated seconds.
 */
export interface Scenario {
  name: string;
  /** One-line summary and what to watch, for people. */
  description: string;
  watch: string;
  seed: number;
  /** Length of the run, simulated seconds. */
  durationSeconds: number;
  /** Summary metrics ignore everything before this, simulated seconds. */
  warmupSeconds: number;
  /** Time-series sampling interval, simulated seconds. */
  sampleIntervalSeconds: number;
  mode: Mode;
  arrivals: { kind: 'poisson'; ratePerHour: number };
  tables: number;
  /** How long a party waits at the door before walking out; null: forever. */
  patienceSeconds: Distribution | null;
  staff: { waiters: number; runners: number };
  kitchen: { stations: { kind: string; count: number }[] };
  menu: MenuItem[];
  /** Dishes a party orders (sampled, rounded, at least 1). */
  dishesPerParty: Distribution;
  timings: {
    takeOrderSeconds: Distribution;
    walkSeconds: Distribution;
    eatSeconds: Distribution;
    /** Async: entering the ticket (the PlaceOrder command) before the waiter is free. */
    submitTicketSeconds: Distribution;
    /** Station time after cooking, before the dish is at the pass. */
    plateSeconds: Distribution;
    /** Paying the bill after eating, before the table is free. */
    payingSeconds: Distribution;
  };
  faults: Fault[];
  subscribers: Subscriber[];
  consumerFaults: ConsumerFault[];
}
