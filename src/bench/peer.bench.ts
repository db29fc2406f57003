/**
 * `npm run bench`, the peer step: the `sim` command users run against SimPy 2.3 (Debian's
 * python3-simpy, installed here when missing) on the issue's model, the M/M/1 of mm1.ts
 * (λ = 0.5/min, μ = 1/min, 200,000 dishes) with 40 waiters and 40 runners, sampled every
 * simulated minute, no `--events`.
 *
 * Each round runs SimPy's whole process, then `npm run sim -- --file <model>` as a whole
 * process (npm, Node's start-up, the CLI's bundle, the run and its report), moments apart,
 * and prints both wall times, their ratio and each one's peak resident memory; then the
 * median ratio and a verdict against the goal (ratio ≤ 1, peak under 150 MB). Separately,
 * the engine in this process (createRestaurant on the same model, its machines interpreted
 * as the engine runs them today): microseconds per dish, against SimPy's own simulation loop.
 *
 * Usage: `tsx src/bench/peer.bench.ts [dishes]`; `BENCH_ROUNDS` rounds (default 5).
 * Exit code 1 if a mean latency misses theory (1/(μ − λ) = 2 min) by more than 3%.
 */
import { createRestaurant, type RestaurantOptions } from '../sim/index.ts';
import { parseScenario } from '../scenarios/index.ts';
import { CAN_MEASURE_MEMORY, ensureSimPy, issueModel, mb, median, NO_MEMORY_NOTE, PEER_SCRIPT, PYTHON, rounds, runChild, runSim, scenarioFile } from './child.ts';

const dishes = Number(process.argv[2] ?? 200_000);
const ROUNDS = rounds(5);
const THEORY_MINUTES = 1 / (1 - 0.5);
/** The goal of #16: `sim` at most SimPy's whole-process time, under 150 MB without `--events`. */
const GOAL = { ratio: 1, peakMB: 150 };

/** Mean latency against theory, printed; false if more than 3% off. */
function check(name: string, served: number, meanMinutes: number): boolean {
  const err = Math.abs(meanMinutes - THEORY_MINUTES) / THEORY_MINUTES;
  console.log(`${name.padEnd(12)} mean latency ${meanMinutes.toFixed(4)} min over ${served.toLocaleString('en')} dishes: ${(err * 100).toFixed(2)}% from theory (2 min)${err > 0.03 ? '  OUTSIDE 3%' : ''}`);
  return err <= 0.03;
}

function commandAgainstPeer(): boolean {
  const file = scenarioFile('issue-model', issueModel(dishes));
  runSim(file); // builds the CLI's bundle if a source is newer, as a user's first run would
  console.log(`npm run sim against SimPy 2.3, whole processes, alternating: M/M/1 (λ = 0.5/min, μ = 1/min), ${dishes.toLocaleString('en')} dishes, 40 waiters and 40 runners, samples every minute, no --events; ${ROUNDS} rounds\n`);
  const ratios: number[] = [];
  const peaks: number[] = [];
  let ok = true;
  for (let i = 0; i < ROUNDS; i++) {
    const p = runChild(PYTHON, [PEER_SCRIPT, String(dishes)]);
    const o = runSim(file);
    ratios.push(o.seconds / p.seconds);
    if (o.peakMB !== null) peaks.push(o.peakMB);
    console.log(
      `round ${String(i + 1).padStart(2)}: npm run sim ${o.seconds.toFixed(2)} s, peak ${mb(o.peakMB).padStart(6)}   SimPy ${p.seconds.toFixed(2)} s, peak ${mb(p.peakMB).padStart(6)}   ratio ${ratios.at(-1)!.toFixed(2)}`,
    );
    if (i === 0) {
      const report = JSON.parse(o.stdout) as { served: number; latencySeconds: { mean: number } };
      const peer = JSON.parse(p.stdout.trim().split('\n').at(-1)!) as { served: number; meanMinutes: number };
      ok = check('npm run sim', report.served, report.latencySeconds.mean / 60) && check('SimPy', peer.served, peer.meanMinutes) && ok;
    }
  }
  const ratio = median(ratios);
  const peak = peaks.length ? Math.max(...peaks) : null;
  console.log(`\nratio npm run sim / SimPy, round by round: median ${ratio.toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  if (!CAN_MEASURE_MEMORY) console.log(NO_MEMORY_NOTE);
  console.log(
    `goal: npm run sim at or below SimPy's whole-process time: ${ratio <= GOAL.ratio ? 'MET' : 'MISSED'} (median ${ratio.toFixed(2)}×, goal ≤ ${GOAL.ratio}×); ` +
      `peak memory under ${GOAL.peakMB} MB without --events: ${peak === null ? 'NOT MEASURED' : peak < GOAL.peakMB ? 'MET' : 'MISSED'} (largest ${mb(peak)})`,
  );
  return ok;
}

/** What the CLI asks of the engine for its JSON report (src/cli/sim.ts): nothing sampled, no log kept. */
const CLI_OPTIONS: RestaurantOptions = { sampling: 'none', retainMessages: 0 };

/** The engine in this process on the same model, as the CLI runs it: median of 3 after a short warm-up, µs per dish. */
function engineInProcess() {
  const s = parseScenario(issueModel(dishes));
  const run = (scenario = s) => {
    const t0 = performance.now();
    const r = createRestaurant(scenario, CLI_OPTIONS);
    r.runUntil(scenario.durationSeconds);
    return { seconds: (performance.now() - t0) / 1000, served: r.summary().served };
  };
  run(parseScenario(issueModel(Math.min(dishes, 20_000))));
  const runs = [run(), run(), run()];
  const seconds = median(runs.map((r) => r.seconds));
  const peer = median([0, 1, 2].map(() => (JSON.parse(runChild(PYTHON, [PEER_SCRIPT, String(dishes)]).stdout) as { wallSeconds: number }).wallSeconds));
  console.log(`\nthe engine in process (createRestaurant, machines interpreted, the CLI's options), the same model, median of 3:`);
  console.log(`  ${seconds.toFixed(2)} s, ${((seconds / runs[0]!.served) * 1e6).toFixed(1)} µs per dish; SimPy's simulation loop alone ${peer.toFixed(2)} s, ${((peer / dishes) * 1e6).toFixed(1)} µs per dish; ratio ${(seconds / peer).toFixed(2)}`);
}

if (!ensureSimPy()) {
  console.log('SimPy 2.3 (python3-simpy) is not available and could not be installed: peer comparison skipped.');
} else {
  if (!commandAgainstPeer()) process.exitCode = 1;
  engineInProcess();
}
