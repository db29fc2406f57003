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

/** Percent of the waiters blocked, averaged over the series' trailing window (from its samples). */
const blockedShare = (s: SimState) => {
  const series = s.restaurant().series;
  const dt = series.t.length > 1 ? series.t[1]! - series.t[0]! : 60;
  return trailingMean(series.waitersBlocked, Math.max(1, Math.round(series.rollingWindowSeconds / dt)), 100 / Math.max(1, s.scenario.staff.waiters));
};

/** One restaurant of the pair: its name, its four figures and its floor. */
function Side({ name }: { name: 'Synchronous' | 'Asynchronous' }) {
  const stats = useSim((s) => s.stats);
  const waiters = useSim((s) => s.scenario.staff.waiters);
  const blockedNow = useSim((s) => s.snapshot.staff.filter((p) => p.role === 'waiter' && p.activity === 'blocked').length);
  const { summary, rolling } = stats;
  const parties = (n: number) => `${n} part${n === 1 ? 'y' : 'ies'}`;
  // [name (as the single view's big numbers), what fits on screen, value, unit, detail for screen readers]
  const figures: [string, string, string, string, string][] = [
    ['Throughput', 'Throughput', summary.throughputPerHour.toFixed(0), '/h', 'dishes per hour since opening'],
    ['Dishes served', 'Served', String(summary.served), '', 'since opening'],
    ['Walked out', 'Walked out', String(summary.walkedOut), '', `${parties(summary.walkedOut)} gave up waiting at the door`],
    ['Latency p95', 'p95', (summary.latencySeconds.p95 / 60).toFixed(1), 'min', `since opening; p50 ${minutes(summary.latencySeconds.p50)}`],
    ['Waiters blocked', 'Blocked', percent(rolling.utilisation.waiters.blocked).replace('%', ''), '%', `of waiter time, last 15 min; ${blockedNow} of ${waiters} now`],
  ];
  const line = name === 'Synchronous' ? SYNC_LINE : ASYNC_LINE;
  return (
    <div className={`compare-side ${name === 'Synchronous' ? 'sync' : 'async'}`}>
      <div className="compare-head">
        <h2>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="27" y2="5" stroke={line.stroke} strokeWidth="3.5" strokeDasharray={line.dash?.join(' ')} />
          </svg>
          {name}
        </h2>
        <div className="compare-figures" role="region" aria-label={`Figures (${name})`}>
          {figures.map(([label, short, value, unit, detail]) => {
            const bad = label === 'Waiters blocked' && rolling.utilisation.waiters.blocked > 0.25;
            return (
              <div key={label} className={`mini${bad ? ' bad' : ''}`} role="group" aria-label={label} title={`${label}: ${value}${unit ? ` ${unit}` : ''}, ${detail}`}>
                <span className="mini-name" aria-hidden="true">
                  {short}
                </span>
                <span className="mini-value">
                  {value}
                  {unit && <span className="mini-unit"> {unit}</span>}
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
/** The latest rolling p95 latency of a restaurant's series, minutes (as the chart's last point). */
const lastP95 = (store: SimStore) => ((store.getState().restaurant().series.latencyP95.at(-1) ?? 0) / 60).toFixed(1);

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
      latency: pair((s) => s.restaurant().series.latencyP95.map((x) => x / 60)),
      blocked: pair(blockedShare),
    };
  }, [twin]);
  const said = differences(sync, asyncStats);
  return (
    <section className="compare-shared" aria-label="Comparison">
      <div className="compare-top">
        <p className="difference">
          <strong>Right now: </strong>
          {said.join(' ')}
        </p>
        <ExportButtons scope=".compare-shared" />
      </div>
      <div className="compare-charts" title="Rolling: over the last 15 simulated minutes">
        <TimeChart
          label="Rolling throughput (/h)"
          lines={lines.throughput}
          height={88}
          shading={false}
          watch={twin}
          summary={`over the last 15 minutes: sync ${sync.rolling.throughputPerHour.toFixed(0)}, async ${asyncStats.rolling.throughputPerHour.toFixed(0)} dishes per hour`}
        />
        <TimeChart
          label="Rolling p95 latency (min)"
          lines={lines.latency}
          height={88}
          shading={false}
          watch={twin}
          summary={`over the last 15 minutes: sync ${lastP95(primaryStore)} min, async ${lastP95(twin)} min`}
        />
        <TimeChart
          label="Rolling waiters blocked (%)"
          lines={lines.blocked}
          height={88}
          shading={false}
          watch={twin}
          summary={`share of waiter time blocked over the last 15 minutes: sync ${percent(sync.rolling.utilisation.waiters.blocked)}, async ${percent(asyncStats.rolling.utilisation.waiters.blocked)}`}
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
