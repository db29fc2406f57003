/**
 * What the `npm run bench` steps that time whole processes share: running a child process
 * with its wall time and peak resident memory, SimPy's availability, the issue's model as a
 * scenario file, and medians. Figures only, never asserted (docs/bad-input.md, "CLI").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioInput } from '../scenarios/index.ts';
import { mm1Scenario } from './mm1.ts';

/** The repository's root directory, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Debian's Python, the one Debian's python3-simpy (SimPy 2.3) is installed for. */
export const PYTHON = '/usr/bin/python3';
/** The SimPy peer of the M/M/1 model. */
export const PEER_SCRIPT = fileURLToPath(new URL('./mm1_simpy.py', import.meta.url));
/** GNU time (Debian's `time` package), which reports a child's peak resident set size. */
const GNU_TIME = '/usr/bin/time';
/** Whether peak memory can be measured (GNU time is installed). */
export const CAN_MEASURE_MEMORY = existsSync(GNU_TIME);
mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
/** This run's scenario files and GNU time's reports, removed at exit. */
const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/order-up-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** One finished child process. */
export interface ChildRun {
  /** Wall time of the whole process, start-up included, seconds. */
  seconds: number;
  /**
   * Peak resident set size, MB (10^6 bytes), or null without GNU time. For a process that
   * starts others (npm starts Node) it is the largest of the processes, not their sum.
   */
  peakMB: number | null;
  stdout: string;
}

/** Run `cmd args` in the repository's root; throws with its stderr if it exits non-zero. */
export function runChild(cmd: string, args: string[]): ChildRun {
  const memo = join(dir, 'peak.txt');
  const [file, argv] = CAN_MEASURE_MEMORY ? [GNU_TIME, ['-f', '%M', '-o', memo, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  const kb = CAN_MEASURE_MEMORY ? Number(readFileSync(memo, 'utf8').trim().split('\n').at(-1)) : NaN;
  return { seconds, peakMB: Number.isFinite(kb) ? (kb * 1024) / 1e6 : null, stdout: r.stdout };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run sim -- --file <file> ...extra`, the command users run, as a whole process. */
export const runSim = (file: string, extra: string[] = []) => runChild(npm, ['run', '-s', 'sim', '--', '--file', file, ...extra]);

/** Write `scenario` to a scenario file in the bench's temporary directory; returns its path. */
export function scenarioFile(name: string, scenario: ScenarioInput): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

/**
 * The issue's model: the M/M/1 of {@link mm1Scenario} (`dishes` expected dishes) with 40
 * waiters and 40 runners, sampled every simulated minute; override any field.
 */
export function issueModel(dishes = 200_000, overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return { ...mm1Scenario(dishes), staff: { waiters: 40, runners: 40 }, sampleIntervalSeconds: 60, ...overrides };
}

/** Debian's SimPy 2.3 importable by Debian's Python, installing python3-simpy if we may. */
export function ensureSimPy(): boolean {
  const has = () => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import SimPy.Simulation'], { stdio: 'ignore' }).status === 0;
  if (has()) return true;
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  console.log('SimPy missing: apt-get install -y python3-simpy …');
  if (!apt(['install', '-y', 'python3-simpy']) && apt(['update'])) apt(['install', '-y', 'python3-simpy']);
  return has();
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds per step: `BENCH_ROUNDS` if set to a positive integer, else `fallback`. */
export function rounds(fallback: number): number {
  const n = Number(process.env.BENCH_ROUNDS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** A peak memory figure for a table, "?" without GNU time. */
export const mb = (peak: number | null) => (peak === null ? '?' : `${peak.toFixed(0)} MB`);

/** Printed once when peak memory cannot be measured. */
export const NO_MEMORY_NOTE = 'peak memory not measured: GNU time (/usr/bin/time, Debian package `time`) is not installed';
