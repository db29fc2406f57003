/**
 * The shapes of the engine's figures (docs/metrics.md): the summary a run reports, the
 * rolling figures the page shows, and the time series it charts. Collected by
 * the `MetricsCollector` (`collector.ts`).
 */
import type { Mode } from '../scenario.ts';
import type { NameRecord } from '../names.ts';

/** Roles whose time is split into working / blocked / idle. */
export type Role = 'waiters' | 'cooks' | 'runners';
export type Activity = 'working' | 'blocked' | 'idle';
export const ROLES: readonly Role[] = ['waiters', 'cooks', 'runners'];

/** Fractions of a role's staff-time, summing to 1 (all idle for a role with nobody in it). */
export interface UtilisationSplit {
  working: number;
  blocked: number;
  idle: number;
}

/** Mean, median, 95th percentile and maximum of order→served latency, simulated seconds. */
export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * The customer's side of a visit, simulated seconds from the party's arrival at the door.
 * Each is counted when it happens inside the measurement window:
 * - `seated`: arrival → seated at a table (the door wait; 0 for a party seated at once);
 * - `orderTaken`: arrival → a waiter finished taking the order;
 * - `firstDish` / `lastDish`: arrival → the first / the last of its dishes on the table.
 *   `lastDish` is **the customer's wait**: what the party feels, door included;
 * - `walkedOut`: arrival → giving up at the door, for the parties that walked out.
 */
export interface CustomerTimes {
  seated: LatencySummary & { parties: number };
  orderTaken: LatencySummary & { parties: number };
  firstDish: LatencySummary & { parties: number };
  lastDish: LatencySummary & { parties: number };
  walkedOut: LatencySummary & { parties: number };
}

/**
 * What happened while the restaurant ran in one mode (its time in that mode inside the
 * measurement window): dishes served and their latency, parties fully served and their
 * wait, walk-outs. Used to split "since opening" figures after a live switch.
 */
export interface ModeFigures {
  /** Simulated seconds of the measurement window spent in this mode. */
  seconds: number;
  served: number;
  throughputPerHour: number;
  latencySeconds: LatencySummary;
  customerWaitSeconds: LatencySummary;
  walkedOut: number;
}

/**
 * Summary over the measurement window [warmupSeconds, now]. Units: seconds, dishes per hour.
 * `littlesLaw`: L = time-average number of dishes ordered but not yet served, `lambda` =
 * dishes ordered per simulated second, `W` = mean latency in seconds; L ≈ λ·W.
 */
export interface MetricsSummary {
  simulatedSeconds: number;
  windowSeconds: number;
  served: number;
  throughputPerHour: number;
  latencySeconds: LatencySummary;
  /**
   * Dish name → dishes served and their latency, in menu order (a dish served but not on the
   * menu, last). Prototype-free: every dish name, `__proto__` included, is an own key
   * (docs/bad-input.md, "Names are data").
   */
  perDish: NameRecord<{ served: number; latencySeconds: { mean: number; p50: number; p95: number; max: number } }>;
  utilisation: Record<Role, UtilisationSplit>;
  walkedOut: number;
  partiesArrived: number;
  meanQueues: { door: number; kitchenTickets: number; pass: number };
  littlesLaw: { L: number; lambda: number; W: number };
  /** Arrival → seated, order taken, first and last dish, walk-out (see {@link CustomerTimes}). */
  customerSeconds: CustomerTimes;
  /**
   * Share of floor-staff time (waiters and runners together) spent blocked at the pass, in
   * [0, 1]: in sync, runners take orders and block like waiters.
   */
  floorStaffBlocked: number;
  /** The window split by the mode the restaurant ran in (one entry unless it was switched live). */
  byMode: Partial<Record<Mode, ModeFigures>>;
}

/**
 * Figures over a trailing window of simulated time, for live displays. `windowSeconds` is
 * the span actually covered: it starts at a sample time, so it lies between the requested
 * window minus one sample interval and the requested window (shorter early in a run).
 * `utilisation` splits each role's staff-time in the window; `now` holds instantaneous
 * head counts per role and activity.
 */
export interface RollingFigures {
  windowSeconds: number;
  served: number;
  throughputPerHour: number;
  utilisation: Record<Role, UtilisationSplit>;
  now: Record<Role, Record<Activity, number>>;
  /**
   * Floor staff (waiters and runners together): share of their time in the window spent
   * blocked at the pass, and how many are blocked now of how many there are.
   */
  floorStaff: { blocked: number; blockedNow: number; headcount: number };
}

/**
 * Time series sampled every `sampleIntervalSeconds` of simulated time, as columns of equal
 * length. `throughputPerHour` is over the trailing `rollingWindowSeconds`; the counts
 * (`waitersBlocked`...) are instantaneous at the sample time.
 */
export interface MetricsSeries {
  rollingWindowSeconds: number;
  t: number[];
  mode: Mode[];
  served: number[];
  throughputPerHour: number[];
  /**
   * 95th percentile (nearest rank) of order→served latency, simulated seconds, over the dishes
   * served in the same trailing window as `throughputPerHour`; 0 when none was served.
   */
  latencyP95: number[];
  /**
   * 95th percentile (nearest rank) of the customer's wait (arrival → last dish), simulated
   * seconds, over the parties whose last dish arrived in the trailing window; 0 when none.
   */
  customerWaitP95: number[];
  /** 95th percentile of the door wait (arrival → seated) over the parties seated in the trailing window. */
  doorWaitP95: number[];
  door: number[];
  kitchenTickets: number[];
  pass: number[];
  ordersInSystem: number[];
  walkedOut: number[];
  waitersBlocked: number[];
  waitersWorking: number[];
  runnersBlocked: number[];
  runnersWorking: number[];
  cooksWorking: number[];
  /** Waiters and runners blocked at the pass (the red rings on the floor). */
  floorStaffBlocked: number[];
}
