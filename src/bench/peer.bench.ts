/**
 * The engine against a peer: the same M/M/1 model (λ = 0.5/min, μ = 1/min, 200,000 dishes) in
 * SimPy 2.3 (Debian's python3-simpy, installed here when missing) and in Order Up's engine,
 * each as a whole process (start-up included), alternating, several rounds in one run.
 * Prints both wall times, both mean latencies against theory (1/(μ − λ) = 2 min; each must be
 * within 3%), and the ratio round by round (each pairs two runs made moments apart) with
 * its median. Our side runs the engine and its libraries bundled into one plain JavaScript
 * file by Vite (as the page ships them), not through a TypeScript loader.
 *
 * Usage: `tsx src/bench/peer.bench.ts [rounds] [dishes]`. Exit code 1 if a mean misses theory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { mm1Scenario } from './mm1.ts';

const rounds = Number(process.argv[2] ?? 5);
const dishes = Number(process.argv[3] ?? 200_000);
const THEORY_MINUTES = 1 / (1 - 0.5);
const PYTHON = '/usr/bin/python3';
const root = fileURLToPath(new URL('../../', import.meta.url));
const peerScript = fileURLToPath(new URL('./mm1_simpy.py', import.meta.url));

/** Debian's SimPy 2.3 importable by Debian's Python, installing it if we may. */
function ensureSimPy(): boolean {
  const has = () => spawnSync(PYTHON, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' }).status === 0;
  if (existsSync(PYTHON) && has()) return true;
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  console.log('SimPy missing: apt-get install -y python3-simpy …');
  if (!apt(['install', '-y', 'python3-simpy']) && apt(['update'])) apt(['install', '-y', 'python3-simpy']);
  return existsSync(PYTHON) && has();
}

interface Run {
  served: number;
  meanMinutes: number;
  /** The simulation's own time, seconds. */
  wallSeconds: number;
  /** The whole process, start-up included, seconds. */
  processSeconds: number;
}

function timed(cmd: string, args: string[]): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root });
  const processSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Omit<Run, 'processSeconds'>), processSeconds };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (!ensureSimPy()) {
    console.log('SimPy 2.3 (python3-simpy) is not available and could not be installed: peer comparison skipped.');
    return;
  }
  // Bundle the model runner, its libraries included, into one plain JavaScript file, as the
  // page ships: loading zod's and xstate's modules one by one would add 60 ms of start-up.
  const outDir = `${root}node_modules/.cache/order-up-bench`;
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    ssr: { noExternal: true },
    build: { ssr: 'src/bench/mm1.ts', outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'mm1.mjs' } } },
  });
  const ours = `${outDir}/mm1.mjs`;

  console.log(`M/M/1 (λ = 0.5/min, μ = 1/min), ${dishes.toLocaleString('en')} dishes; ${rounds} alternating rounds, whole processes\n`);
  const peer: Run[] = [];
  const us: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    const p = timed(PYTHON, [peerScript, String(dishes)]);
    const o = timed(process.execPath, [ours, String(dishes)]);
    peer.push(p);
    us.push(o);
    console.log(
      `round ${i + 1}: SimPy ${p.processSeconds.toFixed(2)} s (simulation ${p.wallSeconds.toFixed(2)} s)   Order Up ${o.processSeconds.toFixed(2)} s (simulation ${o.wallSeconds.toFixed(2)} s)   ratio ${(o.processSeconds / p.processSeconds).toFixed(2)}`,
    );
  }
  const pm = median(peer.map((r) => r.processSeconds));
  const om = median(us.map((r) => r.processSeconds));
  const check = (name: string, r: Run) => {
    const err = Math.abs(r.meanMinutes - THEORY_MINUTES) / THEORY_MINUTES;
    console.log(`${name.padEnd(9)} mean latency ${r.meanMinutes.toFixed(4)} min over ${r.served.toLocaleString('en')} dishes: ${(err * 100).toFixed(2)}% from theory (2 min)${err > 0.03 ? '  OUTSIDE 3%' : ''}`);
    return err <= 0.03;
  };
  console.log('');
  const ok = check('SimPy', peer[0]!) && check('Order Up', us[0]!);
  // Each round's ratio pairs two runs made moments apart, so it holds when the machine's
  // speed drifts during the benchmark; their median is the figure to quote.
  const ratios = us.map((o, i) => o.processSeconds / peer[i]!.processSeconds);
  console.log(`\nmedian whole process: SimPy ${pm.toFixed(2)} s, Order Up ${om.toFixed(2)} s`);
  console.log(
    `ratio Order Up / SimPy, round by round: median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); target ≤ 2`,
  );

  // The command users run, on the model the target is set for: `npm run sim` on a scenario
  // file of the same M/M/1 with 40 waiters and 40 runners, sampled every simulated minute.
  const file = join(outDir, 'mm1-40.json');
  writeFileSync(file, JSON.stringify({ ...mm1Scenario(dishes), staff: { waiters: 40, runners: 40 }, sampleIntervalSeconds: 60 }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const command = (): Run => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(npm, ['run', '-s', 'sim', '--', '--file', file], { encoding: 'utf8', cwd: root });
    const processSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`npm run sim failed: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as { served: number; latencySeconds: { mean: number } };
    return { served: report.served, meanMinutes: report.latencySeconds.mean / 60, wallSeconds: Number.NaN, processSeconds };
  };
  command(); // builds the CLI's bundle if a source is newer, as a user's first run would
  console.log(`\nnpm run sim on the same model with 40 waiters and 40 runners, samples every minute:`);
  const cmdRatios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const p = timed(PYTHON, [peerScript, String(dishes)]);
    const o = command();
    cmdRatios.push(o.processSeconds / p.processSeconds);
    console.log(`round ${i + 1}: SimPy ${p.processSeconds.toFixed(2)} s   npm run sim ${o.processSeconds.toFixed(2)} s   ratio ${cmdRatios.at(-1)!.toFixed(2)}`);
    if (i === 0 && !check('sim', o)) process.exitCode = 1;
  }
  console.log(`ratio npm run sim / SimPy: median ${median(cmdRatios).toFixed(2)} (${Math.min(...cmdRatios).toFixed(2)}–${Math.max(...cmdRatios).toFixed(2)}); target ≤ 1`);
  if (!ok) process.exitCode = 1;
}

await main();
