/**
 * `npm run bench`, the scaling step: the cost per dish of the `sim` command as one thing
 * grows while the rest stays at the issue's model (child.ts: M/M/1, 200,000 dishes, 40
 * waiters and 40 runners, one station, 1,000 tables, no subscriber, samples every minute,
 * the JSON report so nothing is sampled). Each row is one whole `npm run sim -- --file`
 * process, start-up included: microseconds per dish served = wall time / dishes served.
 *
 * Prints one table per axis with a column of the cost against the axis's first row, then
 * two verdicts: wall time linear in dishes (a least-squares line t = a + b·dishes fits every
 * row within 10%) and cost per dish flat in idle staff, stations and tables (last row at
 * most 1.25× the first). One run per row: on a loaded machine each figure varies by ±20%.
 * The schema caps waiters and runners at 500 each, stations at 500 of a kind, tables at
 * 10,000 and samples at 1,000,000 a run (a 1-second interval would need 24 million); the
 * CLI refuses runs it estimates over a minute (src/cli/cost.ts), 400,000 dishes among them.
 */
import type { ScenarioInput } from '../scenarios/index.ts';
import { CAN_MEASURE_MEMORY, issueModel, mb, NO_MEMORY_NOTE, runSim, scenarioFile } from './child.ts';

interface Row {
  label: string;
  served: number;
  seconds: number;
  usPerDish: number;
  peakMB: number | null;
}

const seen = new Map<string, Row>();
/** One whole `sim` process on `scenario` (runs already made are reused). */
function measure(label: string, scenario: ScenarioInput, extra: string[] = []): Row {
  const key = JSON.stringify([scenario, extra]);
  const known = seen.get(key);
  if (known) return { ...known, label };
  const r = runSim(scenarioFile(`scaling-${seen.size}`, scenario), extra);
  const served = extra.includes('csv') ? Number(scenario.durationSeconds) / 120 : (JSON.parse(r.stdout) as { served: number }).served;
  const row = { label, served, seconds: r.seconds, usPerDish: (r.seconds / served) * 1e6, peakMB: r.peakMB };
  seen.set(key, row);
  return row;
}

function table(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  console.log(`  ${'value'.padEnd(26)} ${'dishes'.padStart(9)} ${'wall'.padStart(8)} ${'µs/dish'.padStart(8)} ${'× first'.padStart(8)} ${'peak'.padStart(8)}`);
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(26)} ${r.served.toLocaleString('en').padStart(9)} ${`${r.seconds.toFixed(2)} s`.padStart(8)} ${r.usPerDish.toFixed(1).padStart(8)} ${(r.usPerDish / rows[0]!.usPerDish).toFixed(2).padStart(8)} ${mb(r.peakMB).padStart(8)}`,
    );
  }
  return rows;
}

const axis = (title: string, values: [string, Partial<ScenarioInput>, string[]?][]) =>
  table(title, values.map(([label, o, extra]) => measure(label, issueModel(200_000, o), extra)));

console.log('cost per dish of npm run sim (each row one whole process, start-up included), one thing grown at a time from the issue\'s model');
const byDishes = table(
  'dishes',
  [50_000, 100_000, 200_000, 300_000].map((n) => measure(n.toLocaleString('en'), issueModel(n))),
);
const staff = axis('idle staff (waiters + runners)', [40, 200, 500].map((n) => [`${n} + ${n}`, { staff: { waiters: n, runners: n } }]));
const stations = axis('stations (of the one kind cooking)', [1, 100, 500].map((n) => [String(n), { kitchen: { stations: [{ kind: 'k', count: n }] } }]));
const tables = axis('tables', [1000, 5000, 10_000].map((n) => [n.toLocaleString('en'), { tables: n }]));
const kinds = ['billing', 'analytics', 'notifications', 'loyalty', 'kitchen-display', 'dashboard', 'tracker'] as const;
const subscribers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: kinds[i % kinds.length]!, group: `${kinds[i % kinds.length]}-${i}` }));
axis('subscribers (each its own consumer group)', [0, 2, 8].map((n) => [String(n), { subscribers: subscribers(n) }]));
axis('samples (--format csv, which needs the series; dishes = expected)', [3600, 600, 60].map((s) => [`every ${s} s`, { sampleIntervalSeconds: s }, ['--format', 'csv']]));
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
