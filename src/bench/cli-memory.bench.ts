/**
 * `npm run bench`: peak memory of the real `npm run sim` command (a whole process, its peak
 * resident set size as GNU time reports it; see child.ts) on a run of about 200,000 dishes,
 * without `--events` (no message log is held: the engine keeps none and nothing is sampled
 * for the JSON report) and with it (the log is streamed to its file, never held). Printed in
 * MB (10^6 bytes) with the wall time; not asserted (docs/bad-input.md, "CLI").
 */
import { statSync } from 'node:fs';
import { CAN_MEASURE_MEMORY, mb, NO_MEMORY_NOTE, runSim, scenarioFile } from './child.ts';

// About 200,000 dishes served: 1,000 parties an hour for 200 hours, one dish each, in a
// restaurant with room for all of them (no queue at the door), no subscribers.
const file = scenarioFile('two-hundred-thousand', {
  name: 'two-hundred-thousand', durationSeconds: 200 * 3600, mode: 'async', arrivals: { kind: 'poisson', ratePerHour: 1000 },
  tables: 1000, staff: { waiters: 100, runners: 50 }, kitchen: { stations: [{ kind: 'cold', count: 100 }] },
  menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'exponential', mean: 120 } }],
  timings: { takeOrderSeconds: { dist: 'exponential', mean: 30 }, walkSeconds: { dist: 'uniform', min: 5, max: 15 }, eatSeconds: { dist: 'exponential', mean: 600 } },
});

function measure(label: string, extra: string[]) {
  const r = runSim(file, extra);
  const served = (JSON.parse(r.stdout) as { served: number }).served;
  const size = extra.includes('--events') ? `, log file ${(statSync(extra.at(-1)!).size / 1e6).toFixed(0)} MB` : '';
  console.log(`${label.padEnd(34)} peak ${mb(r.peakMB).padStart(7)}  ${r.seconds.toFixed(1)} s wall  (${served.toLocaleString('en')} dishes served${size})`);
}

console.log(`\nnpm run sim, a 200,000-dish run of 100 waiters, 50 runners and 100 stations (whole process, peak resident memory)\n`);
if (!CAN_MEASURE_MEMORY) console.log(NO_MEMORY_NOTE);
measure('sim, without --events', []);
measure('sim, with --events', ['--events', `${file}.events.json`]);
