import { useMemo } from 'react';
import { useStore } from 'zustand';
import { differences } from '../../app/compare.ts';
import { minutes, percent } from '../../app/format.ts';
import type { SimState, SimStore } from '../../app/simStore.ts';
import { Floor } from '../floor/Floor.tsx';
import { FloorKey } from '../floor/FloorKey.tsx';
import { TimeChart, type Line } from '../metrics/TimeChart.tsx';
import { ExportButtons } from '../metrics/ExportButtons.tsx';
import { SimProvider, useSim, useSimStore } from '../SimProvider.tsx';
import { useSession } from '../SessionProvider.tsx';
import { G } from '../Term.tsx';

/** Line styles of the two restaurants: colour and dash, so they differ without colour too. */
const SYNC_LINE: { stroke: string; dash?: number[] } = { stroke: '#4A5563', dash: [9, 5] };
const ASYNC_LINE: { stroke: string; dash?: number[] } = { stroke: '#009E73' };

/** Mean of the last `n` values up to each index, times `scale` (a share over a trailing window). */
function trailingMean(xs: readonly number[], n: number, scale: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i]!;
    if (i >= n) sum -= xs[i - n]!;
    out.push((sum / Math.min(i + 1, n)) * scale);
  }
  return out;
}

/** Percent of the floor staff (waiters and runners) blocked, averaged over the series' trailing window (from its samples). */
const blockedShare = (s: SimState) => {
  const series = s.restaurant().series;
  const dt = series.t.length > 1 ? series.t[1]! - series.t[0]! : 60;
  const staff = s.scenario.staff.waiters + s.scenario.staff.runners;
  return trailingMean(series.floorStaffBlocked, Math.max(1, Math.round(series.rollingWindowSeconds / dt)), 100 / Math.max(1, staff));
};

/** One restaurant of the pair: its name, its four figures and its floor. */
function Side({ name }: { name: 'Synchronous' | 'Asynchronous' }) {
  const stats = useSim((s) => s.stats);
  // Every waiter and runner standing blocked at the pass: the red rings on the floor.
  const blockedNow = useSim((s) => s.snapshot.staff.reduce((n, p) => n + (p.activity === 'blocked' ? 1 : 0), 0));
  const { summary, rolling } = stats;
  const parties = (n: number) => `${n} part${n === 1 ? 'y' : 'ies'}`;
  const wait = summary.customerSeconds.lastDish;
  // [name (as the single view's big numbers), what fits on screen, value, unit, the one-line
  // definition shown under it, detail for screen readers]
  const figures: [string, string, string, string, string, string][] = [
    ['Throughput', 'Throughput', summary.throughputPerHour.toFixed(0), '/h', `${summary.served} served · ${summary.walkedOut} left`, `dishes per hour since opening; ${summary.served} dishes served; ${parties(summary.walkedOut)} gave up waiting at the door`],
    ["Customer's wait p95", 'Wait p95', (wait.p95 / 60).toFixed(1), 'min', 'door → last dish', `from arrival at the door to the last dish on the table, since opening; p50 ${minutes(wait.p50)}`],
    ['Order → served p95', 'Dish p95', (summary.latencySeconds.p95 / 60).toFixed(1), 'min', 'order → table', `from the order taken to the dish on the table, since opening; p50 ${minutes(summary.latencySeconds.p50)}`],
    ['Floor staff blocked', 'Blocked', percent(rolling.floorStaff.blocked).replace('%', ''), '%', `${blockedNow} of ${rolling.floorStaff.headcount} now`, `of waiter and runner time at the pass, last 15 min; ${blockedNow} of ${rolling.floorStaff.headcount} blocked now`],
  ];
  const line = name === 'Synchronous' ? SYNC_LINE : ASYNC_LINE;
  return (
    <div className={`compare-side ${name === 'Synchronous' ? 'sync' : 'async'}`}>
      <div className="compare-head">
        <h2>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="27" y2="5" stroke={line.stroke} strokeWidth="3.5" strokeDasharray={line.dash?.join(' ')} />
          </svg>
          <G>{name}</G>
        </h2>
        <div className="compare-figures" role="region" aria-label={`Figures (${name})`}>
          {figures.map(([label, short, value, unit, definition, detail]) => {
            const bad = label === 'Floor staff blocked' && rolling.floorStaff.blocked > 0.25;
            return (
              <div key={label} className={`mini${bad ? ' bad' : ''}`} role="group" aria-label={label} title={`${label}: ${value}${unit ? ` ${unit}` : ''}, ${detail}`}>
                <span className="mini-name">
                  <G>{short}</G>
                </span>
                <span className="mini-value">
                  {value}
                  {unit && <span className="mini-unit"> {unit}</span>}
                </span>
                <span className="mini-def">
                  <G>{definition}</G>
                </span>
                <span className="visually-hidden">{detail}</span>
              </div>
            );
          })}
        </div>
      </div>
      <Floor label={`Restaurant floor (${name})`} />
    </div>
  );
}

/** The difference strip and the overlaid charts (inside the synchronous store's provider). */
/** The latest rolling p95 customer's wait of a restaurant's series, minutes (as the chart's last point). */
const lastP95 = (store: SimStore) => ((store.getState().restaurant().series.customerWaitP95.at(-1) ?? 0) / 60).toFixed(1);

function Shared({ twin }: { twin: SimStore }) {
  const primaryStore = useSimStore();
  const sync = useSim((s) => s.stats);
  const asyncStats = useStore(twin, (s) => s.stats);
  const lines = useMemo(() => {
    const pair = (values: (s: SimState) => (number | null)[]): Line[] => [
      { label: 'Sync', ...SYNC_LINE, values },
      { label: 'Async', ...ASYNC_LINE, values, store: twin },
    ];
    return {
      throughput: pair((s) => s.restaurant().series.throughputPerHour),
      latency: pair((s) => s.restaurant().series.customerWaitP95.map((x) => x / 60)),
      blocked: pair(blockedShare),
    };
  }, [twin]);
  // Presenter's large type has room for the three most telling sentences (the rest are on the tiles).
  const presenter = useSession((st) => st.presenter);
  const said = differences(sync, asyncStats).slice(0, presenter ? 3 : undefined);
  return (
    <section className="compare-shared" aria-label="Comparison">
      <div className="compare-top">
        <p className="difference">
          <strong>Right now: </strong>
          <G>{said.join(' ')}</G>
        </p>
        <ExportButtons scope=".compare-shared" />
      </div>
      <div className="compare-charts" title="Rolling: over the last 15 simulated minutes">
        <TimeChart
          label="Rolling throughput (/h)"
          lines={lines.throughput}
          height={presenter ? 66 : 88}
          shading={false}
          watch={twin}
          summary={`over the last 15 minutes: sync ${sync.rolling.throughputPerHour.toFixed(0)}, async ${asyncStats.rolling.throughputPerHour.toFixed(0)} dishes per hour`}
        />
        <TimeChart
          label="Rolling p95 customer's wait (min)"
          lines={lines.latency}
          height={presenter ? 66 : 88}
          shading={false}
          keys={false}
          watch={twin}
          summary={`from the door to the last dish, parties served in the last 15 minutes: sync ${lastP95(primaryStore)} min, async ${lastP95(twin)} min`}
        />
        <TimeChart
          label="Rolling floor staff blocked (%)"
          lines={lines.blocked}
          height={presenter ? 66 : 88}
          shading={false}
          keys={false}
          watch={twin}
          summary={`share of waiter and runner time blocked at the pass over the last 15 minutes: sync ${percent(sync.rolling.floorStaff.blocked)}, async ${percent(asyncStats.rolling.floorStaff.blocked)}`}
        />
      </div>
    </section>
  );
}

/**
 * Compare mode: the synchronous restaurant (left) and the asynchronous one (right), the same
 * customers in lockstep, with what differs said in words and three overlaid charts.
 */
export function CompareView({ primary, twin }: { primary: SimStore; twin: SimStore }) {
  return (
    <main className="main compare">
      <div className="compare-floors">
        <SimProvider store={primary}>
          <Side name="Synchronous" />
        </SimProvider>
        <SimProvider store={twin}>
          <Side name="Asynchronous" />
        </SimProvider>
      </div>
      <SimProvider store={primary}>
        <div className="compare-key">
          <FloorKey />
        </div>
        <Shared twin={twin} />
      </SimProvider>
    </main>
  );
}
