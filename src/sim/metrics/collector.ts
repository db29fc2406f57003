import { SampleBuffer, TimeAverage } from './stats.ts';
import type { Mode } from '../scenario.ts';

/** Roles whose time is split into working / blocked / idle. */
export type Role = 'waiters' | 'cooks' | 'runners';
export type Activity = 'working' | 'blocked' | 'idle';
export const ROLES: readonly Role[] = ['waiters', 'cooks', 'runners'];
const ACTIVITIES: readonly Activity[] = ['working', 'blocked', 'idle'];

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
  perDish: Record<string, { served: number; latencySeconds: { mean: number; p50: number; p95: number; max: number } }>;
  utilisation: Record<Role, UtilisationSplit>;
  walkedOut: number;
  partiesArrived: number;
  meanQueues: { door: number; kitchenTickets: number; pass: number };
  littlesLaw: { L: number; lambda: number; W: number };
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
}

/**
 * Collects the engine's metrics as it runs. The restaurant calls the `on*` methods at the
 * moment things happen (simulated seconds); summary figures count only what happens after
 * `warmupSeconds`, time series cover the whole run.
 */
export class MetricsCollector {
  private readonly warmup: number;
  private servedTotal = 0;
  private servedInWindow = 0;
  private orderedInWindow = 0;
  private arrivedInWindow = 0;
  private walkedOutTotal = 0;
  private walkedOutInWindow = 0;
  private readonly latency = new SampleBuffer();
  private readonly perDish = new Map<string, SampleBuffer>();
  private readonly inSystem: TimeAverage;
  private readonly door: TimeAverage;
  private readonly tickets: TimeAverage;
  private readonly pass: TimeAverage;
  private readonly activity: Record<Role, Record<Activity, TimeAverage>>;
  /** The same activity areas integrated from time 0, for rolling windows. */
  private readonly activity0: Record<Role, Record<Activity, TimeAverage>>;
  /** Cumulative activity areas at each sample time (role, activity) → column. */
  private readonly areaHistory: Record<Role, Record<Activity, number[]>>;
  private readonly headcount: Record<Role, number> = { waiters: 0, cooks: 0, runners: 0 };
  readonly series: MetricsSeries;
  /** Mode changes as [time, mode] pairs, the first at time 0 (for shading charts). */
  readonly modeSpans: { t: number; mode: Mode }[] = [];
  private mode: Mode;
  private readonly rollingSamples: number;
  /** Serve times and latencies of recent dishes (a queue from `recentHead`), for `latencyP95`. */
  private recentServedAt: number[] = [];
  private recentLatency: number[] = [];
  private recentHead = 0;
  private readonly rollingSeconds: number;

  /**
   * @param opts.rollingWindowSeconds trailing window of the series' throughput; rounded to a
   *   whole number of `sampleIntervalSeconds`.
   */
  constructor(opts: {
    warmupSeconds: number;
    sampleIntervalSeconds: number;
    rollingWindowSeconds: number;
    mode: Mode;
    dishes: string[];
  }) {
    this.warmup = opts.warmupSeconds;
    this.rollingSamples = Math.max(1, Math.round(opts.rollingWindowSeconds / opts.sampleIntervalSeconds));
    this.rollingSeconds = this.rollingSamples * opts.sampleIntervalSeconds;
    this.mode = opts.mode;
    this.modeSpans.push({ t: 0, mode: opts.mode });
    const ta = () => new TimeAverage(this.warmup);
    this.inSystem = ta();
    this.door = ta();
    this.tickets = ta();
    this.pass = ta();
    this.activity = {
      waiters: { working: ta(), blocked: ta(), idle: ta() },
      cooks: { working: ta(), blocked: ta(), idle: ta() },
      runners: { working: ta(), blocked: ta(), idle: ta() },
    };
    const t0 = () => new TimeAverage(0);
    this.activity0 = {
      waiters: { working: t0(), blocked: t0(), idle: t0() },
      cooks: { working: t0(), blocked: t0(), idle: t0() },
      runners: { working: t0(), blocked: t0(), idle: t0() },
    };
    this.areaHistory = {
      waiters: { working: [], blocked: [], idle: [] },
      cooks: { working: [], blocked: [], idle: [] },
      runners: { working: [], blocked: [], idle: [] },
    };
    for (const d of opts.dishes) this.perDish.set(d, new SampleBuffer());
    this.series = {
      rollingWindowSeconds: opts.rollingWindowSeconds,
      t: [], mode: [], served: [], throughputPerHour: [], latencyP95: [], door: [], kitchenTickets: [], pass: [],
      ordersInSystem: [], walkedOut: [], waitersBlocked: [], waitersWorking: [], runnersBlocked: [],
      runnersWorking: [], cooksWorking: [],
    };
  }

  /** A member of `role` joins, starting idle. */
  onStaffAdded(t: number, role: Role): void {
    this.headcount[role]++;
    this.activity[role].idle.add(t, 1);
    this.activity0[role].idle.add(t, 1);
  }

  /** A staff member's activity changes. */
  onActivity(t: number, role: Role, from: Activity, to: Activity): void {
    if (from === to) return;
    this.activity[role][from].add(t, -1);
    this.activity[role][to].add(t, 1);
    this.activity0[role][from].add(t, -1);
    this.activity0[role][to].add(t, 1);
  }

  onPartyArrived(t: number): void {
    if (t >= this.warmup) this.arrivedInWindow++;
  }

  onWalkedOut(t: number): void {
    this.walkedOutTotal++;
    if (t >= this.warmup) this.walkedOutInWindow++;
  }

  /** `n` dishes were ordered (the waiter finished taking the order). */
  onOrdered(t: number, n: number): void {
    this.inSystem.add(t, n);
    if (t >= this.warmup) this.orderedInWindow += n;
  }

  /** A dish reached its table, `latencySeconds` after it was ordered. */
  onServed(t: number, dish: string, latencySeconds: number): void {
    this.inSystem.add(t, -1);
    this.servedTotal++;
    this.recentServedAt.push(t);
    this.recentLatency.push(latencySeconds);
    if (t < this.warmup) return;
    this.servedInWindow++;
    this.latency.push(latencySeconds);
    let buf = this.perDish.get(dish);
    if (!buf) this.perDish.set(dish, (buf = new SampleBuffer()));
    buf.push(latencySeconds);
  }

  onQueues(t: number, door: number, kitchenTickets: number, pass: number): void {
    if (door !== this.door.current) this.door.set(t, door);
    if (kitchenTickets !== this.tickets.current) this.tickets.set(t, kitchenTickets);
    if (pass !== this.pass.current) this.pass.set(t, pass);
  }

  onModeChanged(t: number, mode: Mode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.modeSpans.push({ t, mode });
  }

  /** Record one row of the time series at time `t`. */
  sample(t: number): void {
    const s = this.series;
    let rolling = 0;
    if (s.t.length > 0) {
      const i = Math.max(0, s.t.length - this.rollingSamples);
      const span = t - s.t[i]!;
      rolling = span > 0 ? ((this.servedTotal - s.served[i]!) * 3600) / span : 0;
    }
    s.t.push(t);
    s.mode.push(this.mode);
    s.served.push(this.servedTotal);
    s.throughputPerHour.push(rolling);
    s.latencyP95.push(this.recentP95(t));
    s.door.push(this.door.current);
    s.kitchenTickets.push(this.tickets.current);
    s.pass.push(this.pass.current);
    s.ordersInSystem.push(this.inSystem.current);
    s.walkedOut.push(this.walkedOutTotal);
    s.waitersBlocked.push(this.activity.waiters.blocked.current);
    s.waitersWorking.push(this.activity.waiters.working.current);
    s.runnersBlocked.push(this.activity.runners.blocked.current);
    s.runnersWorking.push(this.activity.runners.working.current);
    s.cooksWorking.push(this.activity.cooks.working.current);
    for (const role of ROLES) for (const a of ACTIVITIES) this.areaHistory[role][a].push(this.activity0[role][a].integral(t));
  }

  /** p95 latency of the dishes served in (t − rolling window, t]; drops older ones. */
  private recentP95(t: number): number {
    const start = t - this.rollingSeconds;
    while (this.recentHead < this.recentServedAt.length && this.recentServedAt[this.recentHead]! <= start) this.recentHead++;
    if (this.recentHead > 4096 && this.recentHead * 2 > this.recentServedAt.length) {
      this.recentServedAt = this.recentServedAt.slice(this.recentHead);
      this.recentLatency = this.recentLatency.slice(this.recentHead);
      this.recentHead = 0;
    }
    const n = this.recentServedAt.length - this.recentHead;
    if (n === 0) return 0;
    const sorted = this.recentLatency.slice(this.recentHead).sort((a, b) => a - b);
    return sorted[Math.min(n, Math.max(1, Math.ceil(0.95 * n))) - 1]!;
  }

  /** Figures over the trailing `windowSeconds` up to time `t` (≥ the last sample time). */
  rolling(t: number, windowSeconds: number): RollingFigures {
    const ts = this.series.t;
    // The earliest sample inside the window, by binary search; never the sample at t itself.
    let lo = 0;
    let hi = ts.length - 1;
    const start = t - windowSeconds;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && ts[lo]! >= t) lo--;
    const t0 = ts.length > 0 ? ts[lo]! : t;
    const span = Math.max(0, t - t0);
    const served = this.servedTotal - (ts.length > 0 ? this.series.served[lo]! : 0);
    const utilisation = {} as Record<Role, UtilisationSplit>;
    const now = {} as Record<Role, Record<Activity, number>>;
    for (const role of ROLES) {
      const area = ACTIVITIES.map((a) => this.activity0[role][a].integral(t) - (ts.length > 0 ? this.areaHistory[role][a][lo]! : 0));
      const total = area[0]! + area[1]! + area[2]!;
      utilisation[role] =
        total > 0
          ? { working: area[0]! / total, blocked: area[1]! / total, idle: area[2]! / total }
          : { working: 0, blocked: 0, idle: 1 };
      now[role] = {
        working: this.activity[role].working.current,
        blocked: this.activity[role].blocked.current,
        idle: this.activity[role].idle.current,
      };
    }
    return { windowSeconds: span, served, throughputPerHour: span > 0 ? (served * 3600) / span : 0, utilisation, now };
  }

  /** Summary over [warmupSeconds, t]. */
  summary(t: number): MetricsSummary {
    const windowSeconds = Math.max(0, t - this.warmup);
    const perHour = (n: number) => (windowSeconds > 0 ? (n * 3600) / windowSeconds : 0);
    const lat = (b: SampleBuffer) => ({ mean: b.mean(), p50: b.quantile(0.5), p95: b.quantile(0.95), max: b.max() });
    const perDish: MetricsSummary['perDish'] = {};
    for (const [dish, buf] of this.perDish) perDish[dish] = { served: buf.count, latencySeconds: lat(buf) };
    const utilisation = {} as Record<Role, UtilisationSplit>;
    for (const role of ROLES) {
      const area = ACTIVITIES.map((a) => this.activity[role][a].integral(t));
      const total = area[0]! + area[1]! + area[2]!;
      utilisation[role] =
        total > 0
          ? { working: area[0]! / total, blocked: area[1]! / total, idle: area[2]! / total }
          : { working: 0, blocked: 0, idle: 1 };
    }
    const lambda = windowSeconds > 0 ? this.orderedInWindow / windowSeconds : 0;
    return {
      simulatedSeconds: t,
      windowSeconds,
      served: this.servedInWindow,
      throughputPerHour: perHour(this.servedInWindow),
      latencySeconds: lat(this.latency),
      perDish,
      utilisation,
      walkedOut: this.walkedOutInWindow,
      partiesArrived: this.arrivedInWindow,
      meanQueues: { door: this.door.mean(t), kitchenTickets: this.tickets.mean(t), pass: this.pass.mean(t) },
      littlesLaw: { L: this.inSystem.mean(t), lambda, W: this.latency.mean() },
    };
  }
}
