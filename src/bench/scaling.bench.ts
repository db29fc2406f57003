/**
 * `npm run bench`, the scaling step: the cost per dish of the `sim` command as one thing
 * grows while the rest stays at the issue's model (child.ts: M/M/1, 200,000 dishes, 40
 * waiters and 40 runners, one station, 1,000 tables, no subscriber, samples every minute,
 * the JSON report so nothing is sampled). Each run is one whole `npm run sim -- --file`
 * process, start-up included: microseconds per dish served = wall time / dishes served.
 *
 * Prints one table per axis with a column of the cost against the axis's first row, then
 * two verdicts: wall time linear in dishes (a least-squares line t = a + b·dishes fits every
 * row within 10%) and cost per dish flat in idle staff, stations and tables (last row at
 * most 1.25× the first). Each row is the fastest of `BENCH_SCALING_RUNS` runs (default 2);
 * on a loaded machine a figure still varies by ±20%.
 * The schema caps waiters and runners at 500 each, stations at 500 of a kind, tables at
 * 10,000 and samples at 1,000,000 a run (a 1-second interval would need 24 million); the
 * CLI refuses runs it estimates over a minute (src/cli/cost.ts), 400,000 dishes among them.
 */
import type { ScenarioInput } from '../scenarios/index.ts';
import { CAN_MEASURE_MEMORY, issueModel, mb, NO_MEMORY_NOTE, runSim, scenarioFile } from './child.ts';

/** How often each row is run: the fastest of its runs is printed (`BENCH_SCALING_RUNS`, default 2). */
const RUNS = Math.max(1, Math.floor(Number(process.env.BENCH_SCALING_RUNS ?? 2)) || 1);

interface Row {
  label: string;
  served: number;
  seconds: number;
  usPerDish: number;
  peakMB: number | null;
}
type Config = [label: string, scenario: ScenarioInput, extra?: string[]];

const kinds = ['billing', 'analytics', 'notifications', 'loyalty', 'kitchen-display', 'dashboard', 'tracker'] as const;
const subscribers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: kinds[i % kinds.length]!, group: `${kinds[i % kinds.length]}-${i}` }));
const grown = (label: string, o: Partial<ScenarioInput>, extra?: string[]): Config => [label, issueModel(200_000, o), extra];
const AXES: { title: string; rows: Config[] }[] = [
  { title: 'dishes', rows: [50_000, 100_000, 200_000, 300_000].map((n) => [n.toLocaleString('en'), issueModel(n)]) },
  { title: 'idle staff (waiters + runners)', rows: [40, 200, 500].map((n) => grown(`${n} + ${n}`, { staff: { waiters: n, runners: n } })) },
  { title: 'stations (of the one kind cooking)', rows: [1, 100, 500].map((n) => grown(String(n), { kitchen: { stations: [{ kind: 'k', count: n }] } })) },
  { title: 'tables', rows: [1000, 5000, 10_000].map((n) => grown(n.toLocaleString('en'), { tables: n })) },
  { title: 'subscribers (each its own consumer group)', rows: [0, 2, 8].map((n) => grown(String(n), { subscribers: subscribers(n) })) },
  { title: 'samples (--format csv, which needs the series; dishes = expected)', rows: [3600, 600, 60].map((s) => grown(`every ${s} s`, { sampleIntervalSeconds: s }, ['--format', 'csv'])) },
];

// Every distinct run (the model itself heads several axes), run RUNS times in passes over
// all of them, so a slow spell of the machine hits every row alike; the fastest run counts.
const runs = new Map<string, { file: string; extra: string[]; seconds: number; peakMB: number | null; served: number }>();
const keyOf = ([, scenario, extra = []]: Config) => JSON.stringify([scenario, extra]);
for (const [label, scenario, extra = []] of AXES.flatMap((a) => a.rows)) {
  const key = keyOf([label, scenario, extra]);
  // CSV prints no count of dishes: the expected number (0.5 a minute) stands in.
  if (!runs.has(key)) runs.set(key, { file: scenarioFile(`scaling-${runs.size}`, scenario), extra, seconds: Infinity, peakMB: null, served: Number(scenario.durationSeconds) / 120 });
}
console.log(`cost per dish of npm run sim (each row the fastest of ${RUNS} whole processes, start-up included), one thing grown at a time from the issue's model`);
for (let pass = 0; pass < RUNS; pass++) {
  for (const run of runs.values()) {
    const r = runSim(run.file, run.extra);
    run.seconds = Math.min(run.seconds, r.seconds);
    if (r.peakMB !== null) run.peakMB = Math.max(run.peakMB ?? 0, r.peakMB);
    if (!run.extra.includes('csv')) run.served = (JSON.parse(r.stdout) as { served: number }).served;
  }
}

function table(title: string, configs: Config[]): Row[] {
  const rows = configs.map((c) => {
    const run = runs.get(keyOf(c))!;
    return { label: c[0], served: run.served, seconds: run.seconds, usPerDish: (run.seconds / run.served) * 1e6, peakMB: run.peakMB };
  });
  console.log(`\n${title}`);
  console.log(`  ${'value'.padEnd(26)} ${'dishes'.padStart(9)} ${'wall'.padStart(8)} ${'µs/dish'.padStart(8)} ${'× first'.padStart(8)} ${'peak'.padStart(8)}`);
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(26)} ${r.served.toLocaleString('en').padStart(9)} ${`${r.seconds.toFixed(2)} s`.padStart(8)} ${r.usPerDish.toFixed(1).padStart(8)} ${(r.usPerDish / rows[0]!.usPerDish).toFixed(2).padStart(8)} ${mb(r.peakMB).padStart(8)}`,
    );
  }
  return rows;
}
const [byDishes, staff, stations, tables] = AXES.map((a) => table(a.title, a.rows)) as [Row[], Row[], Row[], Row[], ...Row[][]];
if (!CAN_MEASURE_MEMORY) console.log(`\n${NO_MEMORY_NOTE}`);

// Linear in dishes: t = a + b·n by least squares; every row within 10% of the line.
const xs = byDishes.map((r) => r.served);
const ys = byDishes.map((r) => r.seconds);
const mx = xs.reduce((a, b) => a + b) / xs.length;
const my = ys.reduce((a, b) => a + b) / ys.length;
const b = xs.reduce((t, x, i) => t + (x - mx) * (ys[i]! - my), 0) / xs.reduce((t, x) => t + (x - mx) ** 2, 0);
const a = my - b * mx;
const worst = Math.max(...xs.map((x, i) => Math.abs(a + b * x - ys[i]!) / ys[i]!));
console.log(
  `\nlinear in dishes: ${worst <= 0.1 ? 'YES' : 'NO'} (wall ≈ ${a.toFixed(2)} s + ${(b * 1e6).toFixed(1)} µs × dishes; rows within ${(worst * 100).toFixed(0)}% of that line, allowed 10%)`,
);
const growth = (rows: Row[]) => rows.at(-1)!.usPerDish / rows[0]!.usPerDish;
const flat = [['idle staff', staff], ['stations', stations], ['tables', tables]] as const;
console.log(
  `flat in idle staff, stations and tables: ${flat.every(([, r]) => growth(r) <= 1.25) ? 'YES' : 'NO'} (last row / first: ${flat.map(([n, r]) => `${n} ${growth(r).toFixed(2)}×`).join(', ')}; allowed 1.25×)`,
);
