import { createRestaurant, type Mode, type RunSummary, type Scenario } from '../sim/index.ts';

/** One row of the comparison: a metric's value in each mode, already formatted. */
export interface ComparisonRow {
  label: string;
  sync: string;
  async: string;
}

/** Both modes' summaries for one scenario and seed, plus rows ready to show. */
export interface Comparison {
  scenario: Scenario;
  summaries: Record<Mode, RunSummary>;
  rows: ComparisonRow[];
}

const minutes = (s: number) => `${(s / 60).toFixed(1)} min`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Run `scenario` to its end in both modes on the same seed (the same customers) and
 * tabulate the figures a class compares first. Every number comes from the engine.
 */
export function compareModes(scenario: Scenario): Comparison {
  const summaries = {} as Record<Mode, RunSummary>;
  for (const mode of ['sync', 'async'] as const) {
    const r = createRestaurant({ ...scenario, mode });
    r.runUntil(scenario.durationSeconds);
    summaries[mode] = r.summary();
  }
  const row = (label: string, f: (m: RunSummary) => string): ComparisonRow => ({
    label,
    sync: f(summaries.sync),
    async: f(summaries.async),
  });
  const rows = [
    row('Dishes served', (m) => String(m.served)),
    row('Throughput', (m) => `${m.throughputPerHour.toFixed(1)} dishes/h`),
    row('Capacity bound', (m) => `${m.capacity.boundPerHour.toFixed(1)} dishes/h (${m.capacity.limitingStage})`),
    row('Latency p50', (m) => minutes(m.latencySeconds.p50)),
    row('Latency p95', (m) => minutes(m.latencySeconds.p95)),
    row('Waiters working / blocked / idle', (m) => `${pct(m.utilisation.waiters.working)} / ${pct(m.utilisation.waiters.blocked)} / ${pct(m.utilisation.waiters.idle)}`),
    row('Cooks working', (m) => pct(m.utilisation.cooks.working)),
    row('Parties who walked out', (m) => String(m.walkedOut)),
  ];
  for (const dish of scenario.menu.map((d) => d.dish)) {
    rows.push(row(`${dish[0]!.toUpperCase()}${dish.slice(1)} latency p95`, (m) => minutes(m.perDish[dish]?.latencySeconds.p95 ?? 0)));
  }
  return { scenario, summaries, rows };
}
