import { useSim } from '../SimProvider.tsx';
import { TimeChart, MODE_TINT, type Line } from './TimeChart.tsx';
import { duration, minutes, percent, title } from '../../app/format.ts';
import { ROLLING_WINDOW_SECONDS, type SimState } from '../../app/simStore.ts';
import { BLOCKED, ROLE_COLOUR } from '../floor/palette.ts';
import { ExportButtons } from './ExportButtons.tsx';
import type { Role, UtilisationSplit } from '../../sim/index.ts';
import { G } from '../Term.tsx';

/** A big number: its name, its value with unit, and one line of context. */
function BigNumber({ name, value, unit, detail, tone }: { name: string; value: string; unit: string; detail: string; tone?: 'bad' | 'good' }) {
  const id = `big-${name.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`big ${tone ?? ''}`} role="group" aria-labelledby={id}>
      <div id={id} className="big-name">
        <G>{name}</G>
      </div>
      <div className="big-value">
        {value}
        {unit && <span className="big-unit"> {unit}</span>}
      </div>
      <div className="big-detail">
        <G>{detail}</G>
      </div>
    </div>
  );
}

const ROLE_LABEL: Record<Role, string> = { waiters: 'Waiters', runners: 'Runners', cooks: 'Cooks' };
const ROLE_FILL: Record<Role, string> = { waiters: ROLE_COLOUR.waiter, runners: ROLE_COLOUR.runner, cooks: ROLE_COLOUR.cook };

/** Stacked working / blocked / idle bar of one role (fractions of its staff-time). */
function UtilisationBar({ role, split, headcount }: { role: Role; split: UtilisationSplit; headcount: number }) {
  const text = `${percent(split.working)} working, ${percent(split.blocked)} blocked, ${percent(split.idle)} idle`;
  return (
    <div className="util-row" role="group" aria-label={`${ROLE_LABEL[role]} utilisation`}>
      <div className="util-name">
        {ROLE_LABEL[role]} <span className="muted">×{headcount}</span>
      </div>
      <div className="util-bar" role="img" aria-label={text}>
        <span style={{ width: `${split.working * 100}%`, background: ROLE_FILL[role] }} />
        <span className="blocked" style={{ width: `${split.blocked * 100}%`, background: BLOCKED }} />
        <span style={{ width: `${split.idle * 100}%` }} className="idle" />
      </div>
      <div className="util-text">{text}</div>
    </div>
  );
}

const bound = (s: SimState) => s.restaurant().series.mode.map((m) => {
  const b = s.stats.capacityByMode[m];
  return Number.isFinite(b) ? b : null;
});

const THROUGHPUT_LINES: Line[] = [
  { label: 'Throughput', stroke: '#0072B2', values: (s) => s.restaurant().series.throughputPerHour },
  { label: 'Capacity bound', stroke: '#1B1F24', dash: [6, 5], values: bound },
];
const QUEUE_LINES: Line[] = [
  { label: 'Door', stroke: '#CC79A7', values: (s) => s.restaurant().series.door },
  { label: 'Kitchen tickets', stroke: '#E69F00', values: (s) => s.restaurant().series.kitchenTickets },
  { label: 'Pass', stroke: '#009E73', values: (s) => s.restaurant().series.pass },
];

/** A tile of {@link MetricTiles}. */
export type TileKey = 'throughput' | 'wait' | 'latency' | 'blocked';

/**
 * The four big numbers (or the ones named in `only`), from the figures refreshed a few times a
 * second: throughput, the customer's wait (door → last dish), order → served latency and the
 * floor staff blocked (docs/metrics.md). Each says on the tile what it measures. After a live
 * switch the "since opening" figures span both modes: a line says so and opens the split.
 */
export function MetricTiles({ only, compact = false }: { only?: readonly TileKey[]; compact?: boolean }) {
  const stats = useSim((s) => s.stats);
  const { summary, rolling, capacity } = stats;
  // From this frame's snapshot, like the red rings on the floor (the figures refresh at 4 Hz):
  // every waiter and runner standing blocked at the pass. A number, so the tiles re-render only
  // when it changes.
  const blockedNow = useSim((s) => s.snapshot.staff.reduce((n, p) => n + (p.activity === 'blocked' ? 1 : 0), 0));
  const floorStaff = rolling.floorStaff.headcount;
  const window = windowText(rolling.windowSeconds);
  const boundText = Number.isFinite(capacity.boundPerHour) ? `${capacity.boundPerHour.toFixed(0)}` : '∞';
  const show = (k: TileKey) => !only || only.includes(k);
  const wait = summary.customerSeconds.lastDish;
  const walked = summary.walkedOut;
  const mixed = Object.keys(summary.byMode).length > 1;
  const since = mixed ? 'since opening, both modes' : 'since opening';
  return (
    <>
      <div className={`bigs${compact ? ' compact' : ''}`}>
        {show('throughput') && (
          <BigNumber
            name="Throughput"
            value={summary.throughputPerHour.toFixed(0)}
            unit="dishes/h"
            detail={compact ? `${summary.served} served · bound ${boundText}` : `${summary.served} dishes served ${since} · capacity bound ${boundText} (${capacity.limitingStage})`}
          />
        )}
        {show('wait') && (
          <BigNumber
            name="Customer's wait p95"
            value={(wait.p95 / 60).toFixed(1)}
            unit="min"
            detail={`door → last dish · p50 ${minutes(wait.p50)} · ${walked} part${walked === 1 ? 'y' : 'ies'} walked out`}
          />
        )}
        {show('latency') && (
          <BigNumber
            name="Order → served p95"
            value={(summary.latencySeconds.p95 / 60).toFixed(1)}
            unit="min"
            detail={`order taken → dish on table · p50 ${minutes(summary.latencySeconds.p50)}`}
          />
        )}
        {show('blocked') && (
          <BigNumber
            name="Floor staff blocked"
            value={percent(rolling.floorStaff.blocked).replace('%', '')}
            unit="%"
            detail={`${blockedNow} of ${floorStaff} at the pass now · ${window}`}
            tone={rolling.floorStaff.blocked > 0.25 ? 'bad' : undefined}
          />
        )}
      </div>
      {mixed && !only && !compact && <ByMode />}
    </>
  );
}

/** The "since opening" figures of each stretch of a run switched live (one tap away). */
export function ByMode() {
  const byMode = useSim((s) => s.stats.summary.byMode);
  const rows = (['sync', 'async'] as const).filter((m) => byMode[m]);
  return (
    <details className="by-mode">
      <summary>
        <G>Since opening spans both modes: show each on its own</G>
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Mode</th>
            <th scope="col">Time in it</th>
            <th scope="col">
              <G>Throughput</G>
            </th>
            <th scope="col">
              <G>Customer&apos;s wait p95</G>
            </th>
            <th scope="col">
              <G>Order → served p95</G>
            </th>
            <th scope="col">Walked out</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const f = byMode[m]!;
            return (
              <tr key={m}>
                <th scope="row">
                  <G>{m === 'sync' ? 'Synchronous' : 'Asynchronous'}</G>
                </th>
                <td>{duration(f.seconds)}</td>
                <td>{f.throughputPerHour.toFixed(0)} dishes/h</td>
                <td>{minutes(f.customerWaitSeconds.p95)}</td>
                <td>{minutes(f.latencySeconds.p95)}</td>
                <td>{f.walkedOut} part{f.walkedOut === 1 ? 'y' : 'ies'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/** "last 15 min", or less early in the service. */
function windowText(windowSeconds: number): string {
  return `last ${Math.ceil(Math.min(ROLLING_WINDOW_SECONDS, Math.max(windowSeconds, 0)) / 60)} min`;
}

/** Rolling throughput against the mode's capacity bound, the time in each mode shaded. */
export function ThroughputChart({ height = 118, keys = true }: { height?: number; keys?: boolean }) {
  const rolling = useSim((s) => s.stats.rolling);
  const capacity = useSim((s) => s.stats.capacity);
  const mode = useSim((s) => s.snapshot.mode);
  const boundText = Number.isFinite(capacity.boundPerHour) ? `${capacity.boundPerHour.toFixed(0)}` : '∞';
  return (
    <div className="throughput-chart">
      <TimeChart
        label="Throughput vs capacity bound (dishes/h)"
        lines={THROUGHPUT_LINES}
        height={height}
        summary={`${rolling.throughputPerHour.toFixed(0)} dishes per hour over the ${windowText(rolling.windowSeconds)}; the ${mode === 'sync' ? 'synchronous' : 'asynchronous'} capacity bound is ${boundText}`}
        extraKeys={keys ? <ModeKeys /> : undefined}
      />
    </div>
  );
}

/** The key to the shaded background: which mode ran when. */
function ModeKeys() {
  return (
    <div className="mode-keys" aria-hidden="true">
      <span>
        <i style={{ background: MODE_TINT.sync }} /> Synchronous
      </span>
      <span>
        <i style={{ background: MODE_TINT.async }} /> Asynchronous
      </span>
    </div>
  );
}

/** Door, kitchen-ticket and pass queues over time. */
export function QueuesChart({ height = 96 }: { height?: number }) {
  // A string selector: recomputed each frame, re-rendered only when the text changes.
  const summary = useSim((s) => `${s.snapshot.door.length} parties at the door, ${s.snapshot.ticketCounts.queued} kitchen tickets, ${s.snapshot.ticketCounts.atPass} dishes at the pass`);
  return (
    <div className="queues-chart">
      <TimeChart
        label="Queues"
        lines={QUEUE_LINES}
        height={height}
        summary={summary}
      />
    </div>
  );
}

/** Working / blocked / idle of each role over the rolling window. */
export function Utilisation() {
  const rolling = useSim((s) => s.stats.rolling);
  const scenario = useSim((s) => s.scenario);
  const headcount: Record<Role, number> = {
    waiters: scenario.staff.waiters,
    runners: scenario.staff.runners,
    cooks: scenario.kitchen.stations.reduce((n, k) => n + k.count, 0),
  };
  return (
    <div className="utilisation">
      <h3 className="panel-h">
        <G>Utilisation ({windowText(rolling.windowSeconds)})</G>
      </h3>
      {(['waiters', 'runners', 'cooks'] as Role[])
        .filter((r) => headcount[r] > 0)
        .map((r) => (
          <UtilisationBar key={r} role={r} split={rolling.utilisation[r]} headcount={headcount[r]} />
        ))}
    </div>
  );
}

/** Each consumer group's lag as a stack of chips. */
export function ConsumerLag() {
  const groups = useSim((s) => s.snapshot.consumers.groups);
  return (
    <div className="consumer-lag">
      <h3 className="panel-h">
        <G>Consumer lag (messages waiting in each consumer group’s inbox)</G>
      </h3>
      <ul className="inboxes">
        {groups.map((g) => (
          <li key={g.group} className={g.down ? 'down' : ''} aria-label={`${title(g.group)}: lag ${g.lag}${g.down ? ', crashed' : ''}`}>
            <span className="inbox-name">{title(g.group)}</span>
            <span className="inbox-chips" aria-hidden="true">
              {Array.from({ length: Math.min(g.lag, 12) }, (_, i) => (
                <i key={i} />
              ))}
            </span>
            <span className="inbox-n">{g.lag > 12 ? `+${g.lag}` : g.lag}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Latency per dish since opening: the slow steak does not hold up the salad in async. */
export function DishLatency() {
  const perDish = useSim((s) => s.stats.summary.perDish);
  return (
    <div className="dish-latency-part">
      <h3 className="panel-h">
        <G>Order → served latency by dish (since opening)</G>
      </h3>
      <table className="dish-latency">
        <thead>
          <tr>
            <th scope="col">Dish</th>
            <th scope="col">Served</th>
            <th scope="col">
              <G>p50</G>
            </th>
            <th scope="col">
              <G>p95</G>
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(perDish).map(([dish, d]) => (
            <tr key={dish}>
              <th scope="row">{title(dish)}</th>
              <td>{d.served}</td>
              <td>{minutes(d.latencySeconds.p50)}</td>
              <td>{minutes(d.latencySeconds.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Little's law as a check on the figures. */
export function LittlesLaw() {
  const { L, lambda, W } = useSim((s) => s.stats.summary.littlesLaw);
  return (
    <p className="littles" title="Little's law: the mean number of orders in the restaurant equals the order rate times the mean time an order takes">
      <G>
        Little's law (holds in a steady state): L = {L.toFixed(1)} dishes in progress ≈ λ·W = {(lambda * 3600).toFixed(0)} dishes/h × {minutes(W)} ={' '}
        {(lambda * W).toFixed(1)} dishes
      </G>
    </p>
  );
}

/**
 * The Metrics region: the four big numbers, throughput against the capacity bound, queues
 * over time and utilisation bars; sized to fit beside the stage without scrolling. The rest
 * of the figures are in {@link MetricDetails}.
 */
export function MetricsPanel() {
  return (
    <section className="metrics" aria-label="Metrics">
      <h2 className="visually-hidden">Metrics</h2>
      <MetricTiles />
      <ThroughputChart height={70} />
      <QueuesChart height={64} />
      <ExportButtons scope=".metrics" />
    </section>
  );
}

/** The figures behind the headline ones: latency by dish, Little's law, consumer lag. */
export function MetricDetails() {
  return (
    <section className="metric-details" aria-label="More figures">
      <Utilisation />
      <DishLatency />
      <LittlesLaw />
      <ConsumerLag />
    </section>
  );
}
