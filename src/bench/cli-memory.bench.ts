/**
 * `npm run bench`: peak memory of the real `npm run sim` command (a child process, its peak
 * resident set size as `/usr/bin/time -v` or, without it, Node's own figure reports it) on a
 * run of about 200,000 dishes, without `--events` (no message log is held: the engine keeps
 * none and nothing is sampled for the JSON report) and with it (the log is streamed to its
 * file, never held). Printed in MB with the wall time; not asserted (docs/bad-input.md, "CLI").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'orderup-bench-'));
// About 200,000 dishes served: 1,000 parties an hour for 200 hours, one dish each, in a
// restaurant with room for all of them (no queue at the door), no subscribers.
const scenario = {
  name: 'two-hundred-thousand', durationSeconds: 200 * 3600, mode: 'async', arrivals: { kind: 'poisson', ratePerHour: 1000 },
  tables: 1000, staff: { waiters: 100, runners: 50 }, kitchen: { stations: [{ kind: 'cold', count: 100 }] },
  menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'exponential', mean: 120 } }],
  timings: { takeOrderSeconds: { dist: 'exponential', mean: 30 }, walkSeconds: { dist: 'uniform', min: 5, max: 15 }, eatSeconds: { dist: 'exponential', mean: 600 } },
};
const file = join(dir, 'scenario.json');
writeFileSync(file, JSON.stringify(scenario));
const TIME = '/usr/bin/time';

function measure(label: string, extra: string[]) {
  const args = ['--import', 'tsx', join(root, 'src/cli/run.ts'), '--file', file, ...extra];
  const t0 = process.hrtime.bigint();
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${label}: exit ${r.status}: ${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const served = (JSON.parse(r.stdout) as { served: number }).served;
  const size = extra.includes('--events') ? `, log file ${(statSync(extra[extra.length - 1]!).size / 1e6).toFixed(0)} MB` : '';
  console.log(`${label.padEnd(34)} peak ${Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '?'} MB  ${wall.toFixed(1)} s wall  (${served.toLocaleString('en')} dishes served${size})`);
}

console.log(`npm run sim, a 200,000-dish run (whole process, peak resident memory)\n`);
measure('sim, without --events', []);
measure('sim, with --events', ['--events', join(dir, 'log.json')]);
rmSync(dir, { recursive: true, force: true });
