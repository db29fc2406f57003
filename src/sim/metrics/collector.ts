import { SampleBuffer, TimeAverage, TrailingSamples } from './stats.ts';
import type { Mode } from '../scenario.ts';
import { nameRecord } from '../names.ts';
import { ROLES, type Activity, type LatencySummary, type MetricsSeries, type MetricsSummary, type ModeFigures, type Role, type RollingFigures, type UtilisationSplit } from './figures.ts';

export * from './figures.ts';

const ACTIVITIES: readonly Activity[] = ['working', 'blocked', 'idle'];

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
  /** Recent dishes' latencies, parties' waits and door waits, for the series' rolling p95s. */
  private readonly recentLatency: TrailingSamples;
  private readonly recentWait: TrailingSamples;
  private readonly recentDoor: TrailingSamples;
  /** Whether the recent values above are kept (only the series' samples read them). */
  private readonly trailing: boolean;
  private readonly customer = {
    seated: new SampleBuffer(),
    orderTaken: new SampleBuffer(),
    firstDish: new SampleBuffer(),
    lastDish: new SampleBuffer(),
    walkedOut: new SampleBuffer(),
  };
  /** Per mode: dishes served (latency), parties' waits and walk-outs inside the window. */
  private readonly perMode: Record<Mode, { latency: SampleBuffer; wait: SampleBuffer; walkedOut: number }> = {
    sync: { latency: new SampleBuffer(), wait: new SampleBuffer(), walkedOut: 0 },
    async: { latency: new SampleBuffer(), wait: new SampleBuffer(), walkedOut: 0 },
  };

  /**
   * @param opts.rollingWindowSeconds trailing window of the series' throughput; rounded to a
   *   whole number of `sampleIntervalSeconds`.
   * @param opts.trailing keep the recent values the series' rolling p95s are drawn from
   *   (default true); a run that never calls {@link sample} needs none of them.
   */
  constructor(opts: {
    warmupSeconds: number;
    sampleIntervalSeconds: number;
    rollingWindowSeconds: number;
    mode: Mode;
    dishes: string[];
    trailing?: boolean;
  }) {
    this.warmup = opts.warmupSeconds;
    this.trailing = opts.trailing ?? true;
    this.rollingSamples = Math.max(1, Math.round(opts.rollingWindowSeconds / opts.sampleIntervalSeconds));
    const rollingSeconds = this.rollingSamples * opts.sampleIntervalSeconds;
    this.recentLatency = new TrailingSamples(rollingSeconds);
    this.recentWait = new TrailingSamples(rollingSeconds);
    this.recentDoor = new TrailingSamples(rollingSeconds);
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
      t: [], mode: [], served: [], throughputPerHour: [], latencyP95: [], customerWaitP95: [], doorWaitP95: [], door: [], kitchenTickets: [], pass: [],
      ordersInSystem: [], walkedOut: [], waitersBlocked: [], waitersWorking: [], runnersBlocked: [],
      runnersWorking: [], cooksWorking: [], floorStaffBlocked: [],
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

  /** A party waiting at the door since `arrivedAt` gave up at `t`. */
  onWalkedOut(t: number, arrivedAt: number): void {
    this.walkedOutTotal++;
    if (t < this.warmup) return;
    this.walkedOutInWindow++;
    this.customer.walkedOut.push(t - arrivedAt);
    this.perMode[this.mode].walkedOut++;
  }

  /** A party that arrived at `arrivedAt` sat down at a table at `t`. */
  onSeated(t: number, arrivedAt: number): void {
    if (this.trailing) this.recentDoor.push(t, t - arrivedAt);
    if (t >= this.warmup) this.customer.seated.push(t - arrivedAt);
  }

  /** A waiter finished taking the order of a party that arrived at `arrivedAt`. */
  onOrderTaken(t: number, arrivedAt: number): void {
    if (t >= this.warmup) this.customer.orderTaken.push(t - arrivedAt);
  }

  /** The first of a party's dishes reached its table. */
  onFirstDish(t: number, arrivedAt: number): void {
    if (t >= this.warmup) this.customer.firstDish.push(t - arrivedAt);
  }

  /** The last of a party's dishes reached its table: its wait is over. */
  onLastDish(t: number, arrivedAt: number): void {
    const wait = t - arrivedAt;
    if (this.trailing) this.recentWait.push(t, wait);
    if (t < this.warmup) return;
    this.customer.lastDish.push(wait);
    this.perMode[this.mode].wait.push(wait);
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
    if (this.trailing) this.recentLatency.push(t, latencySeconds);
    if (t < this.warmup) return;
    this.servedInWindow++;
    this.latency.push(latencySeconds);
    this.perMode[this.mode].latency.push(latencySeconds);
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
    s.latencyP95.push(this.recentLatency.quantile(t, 0.95));
    s.customerWaitP95.push(this.recentWait.quantile(t, 0.95));
    s.doorWaitP95.push(this.recentDoor.quantile(t, 0.95));
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
    s.floorStaffBlocked.push(this.activity.waiters.blocked.current + this.activity.runners.blocked.current);
    for (const role of ROLES) for (const a of ACTIVITIES) this.areaHistory[role][a].push(this.activity0[role][a].integral(t));
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
    let floorBlocked = 0;
    let floorTotal = 0;
    for (const role of ROLES) {
      const area = ACTIVITIES.map((a) => this.activity0[role][a].integral(t) - (ts.length > 0 ? this.areaHistory[role][a][lo]! : 0));
      const total = area[0]! + area[1]! + area[2]!;
      if (role !== 'cooks') {
        floorBlocked += area[1]!;
        floorTotal += total;
      }
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
    const floorStaff = {
      blocked: floorTotal > 0 ? floorBlocked / floorTotal : 0,
      blockedNow: now.waiters.blocked + now.runners.blocked,
      headcount: this.headcount.waiters + this.headcount.runners,
    };
    return { windowSeconds: span, served, throughputPerHour: span > 0 ? (served * 3600) / span : 0, utilisation, now, floorStaff };
  }

  /** Summary over [warmupSeconds, t]. */
  summary(t: number): MetricsSummary {
    const windowSeconds = Math.max(0, t - this.warmup);
    const perHour = (n: number) => (windowSeconds > 0 ? (n * 3600) / windowSeconds : 0);
    const counted = (b: SampleBuffer) => ({ ...latencyOf(b), parties: b.count });
    const latency = latencyOf(this.latency);
    // A dish's buffer gets every latency pushed to the overall one while it is the only dish.
    const perDish: MetricsSummary['perDish'] = nameRecord(
      [...this.perDish].map(([dish, buf]) => [dish, { served: buf.count, latencySeconds: this.perDish.size === 1 ? { ...latency } : latencyOf(buf) }]),
    );
    const utilisation = {} as Record<Role, UtilisationSplit>;
    let floorBlocked = 0;
    let floorTotal = 0;
    for (const role of ROLES) {
      const area = ACTIVITIES.map((a) => this.activity[role][a].integral(t));
      const total = area[0]! + area[1]! + area[2]!;
      if (role !== 'cooks') {
        floorBlocked += area[1]!;
        floorTotal += total;
      }
      utilisation[role] =
        total > 0
          ? { working: area[0]! / total, blocked: area[1]! / total, idle: area[2]! / total }
          : { working: 0, blocked: 0, idle: 1 };
    }
    const lambda = windowSeconds > 0 ? this.orderedInWindow / windowSeconds : 0;
    const customerSeconds = {
      seated: counted(this.customer.seated),
      orderTaken: counted(this.customer.orderTaken),
      firstDish: counted(this.customer.firstDish),
      lastDish: counted(this.customer.lastDish),
      walkedOut: counted(this.customer.walkedOut),
    };
    return {
      simulatedSeconds: t,
      windowSeconds,
      served: this.servedInWindow,
      throughputPerHour: perHour(this.servedInWindow),
      latencySeconds: latency,
      perDish,
      utilisation,
      walkedOut: this.walkedOutInWindow,
      partiesArrived: this.arrivedInWindow,
      meanQueues: { door: this.door.mean(t), kitchenTickets: this.tickets.mean(t), pass: this.pass.mean(t) },
      littlesLaw: { L: this.inSystem.mean(t), lambda, W: this.latency.mean() },
      customerSeconds,
      floorStaffBlocked: floorTotal > 0 ? floorBlocked / floorTotal : 0,
      byMode: this.byMode(t, latency, customerSeconds.lastDish),
    };
  }

  /**
   * Seconds of [warmup, t] spent in each mode, and what happened in each (from {@link modeSpans}).
   * In a run that never changed mode, its mode's buffers got exactly what the overall latency
   * and the parties' last-dish waits got: their figures (`latency`, `wait`) are reused.
   */
  private byMode(t: number, latency: LatencySummary, wait: LatencySummary): Partial<Record<Mode, ModeFigures>> {
    const seconds: Partial<Record<Mode, number>> = {};
    for (const [i, span] of this.modeSpans.entries()) {
      const end = this.modeSpans[i + 1]?.t ?? t;
      const from = Math.max(span.t, this.warmup);
      if (end > from) seconds[span.mode] = (seconds[span.mode] ?? 0) + (end - from);
    }
    const out: Partial<Record<Mode, ModeFigures>> = {};
    for (const mode of ['sync', 'async'] as const) {
      const m = this.perMode[mode];
      const one = this.modeSpans.length === 1 && mode === this.mode;
      const s = seconds[mode] ?? 0;
      if (s === 0 && m.latency.count === 0 && m.wait.count === 0 && m.walkedOut === 0) continue;
      out[mode] = {
        seconds: s,
        served: m.latency.count,
        throughputPerHour: s > 0 ? (m.latency.count * 3600) / s : 0,
        latencySeconds: one ? { ...latency } : latencyOf(m.latency),
        customerWaitSeconds: one ? { mean: wait.mean, p50: wait.p50, p95: wait.p95, max: wait.max } : latencyOf(m.wait),
        walkedOut: m.walkedOut,
      };
    }
    return out;
  }
}

/** Mean, p50, p95 (nearest rank) and maximum of a buffer, its unit; all 0 when empty. */
function latencyOf(b: SampleBuffer): LatencySummary {
  return { mean: b.mean(), p50: b.quantile(0.5), p95: b.quantile(0.95), max: b.max() };
}
