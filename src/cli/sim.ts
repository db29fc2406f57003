import { parseArgs } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRestaurant, meanDishesPerParty, nameRecord, type CustomerTimes, type NameRecord, type Envelope, type LatencySummary, type Mode, type Restaurant, type Scenario } from '../sim/index.ts';
import { loadPreset, MAX_SAMPLES, parseScenario, PRESET_NAMES } from '../scenarios/index.ts';
import { seriesCsv } from '../scenarios/csv.ts';
import { batchChunks, toCloudEvent, type CloudEvent } from '../scenarios/cloudevents.ts';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * `npm run sim -- [--scenario NAME | --file PATH] [--mode sync|async|both] [--seed N]
 *   [--minutes M] [--warmup-minutes W] [--format json|csv] [--events PATH]`
 *
 * Runs the engine headless and prints the run's metrics as JSON (or the time series as CSV)
 * on stdout. Bad arguments or a bad file: one line on stderr naming the problem, exit code 2.
 */

export const USAGE = `usage: npm run sim -- [--scenario NAME | --file PATH] [--mode sync|async|both] [--seed N]
                    [--minutes M] [--warmup-minutes W] [--format json|csv] [--events PATH]
scenarios: ${PRESET_NAMES.join(', ')} (default friday-rush)
--mode defaults to the scenario's; --minutes and --warmup-minutes override its durations.
--events PATH writes the whole log as a CloudEvents JSON batch (with --mode both, PATH.sync / PATH.async).`;

/** Longest run `--events` accepts, in expected dishes (about 4 messages each, all held in memory). */
export const MAX_EVENTS_DISHES = 200_000;

/** A problem with the command line or the input file; the message is shown as is. */
export class UsageError extends Error {}

/** The JSON the CLI prints for one run (field names are part of the CLI's contract). */
export interface RunReport {
  scenario: string;
  seed: number;
  mode: Mode;
  simulatedSeconds: number;
  served: number;
  throughputPerHour: number;
  capacityBoundPerHour: number;
  latencySeconds: { mean: number; p50: number; p95: number; max: number };
  /** Dish name → served and latency, in menu order; every name (`__proto__` too) an own key. */
  perDish: NameRecord<{ served: number; latencySeconds: { mean: number; p95: number } }>;
  utilisation: Record<'waiters' | 'cooks' | 'runners', { working: number; blocked: number; idle: number }>;
  walkedOut: number;
  littlesLaw: { L: number; lambda: number; W: number };
  /** The customer's wait: arrival at the door → the party's last dish on the table, seconds. */
  customerWaitSeconds: LatencySummary & { parties: number };
  /** Arrival → seated, → order taken, → first dish, → last dish, and walk-outs' wait (seconds). */
  customerSeconds: CustomerTimes;
  /** Share of waiter and runner time blocked at the pass, in [0, 1]. */
  floorStaffBlocked: number;
}

export interface CliOptions {
  scenario: Scenario;
  modes: Mode[];
  format: 'json' | 'csv';
  /** `--events PATH`: where to write the log as a CloudEvents batch (resolved), or null. */
  events: string | null;
}

const MAX_MINUTES = 10 * 365 * 24 * 60;
/** Largest scenario file read, bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Largest run the CLI starts, in expected dishes (arrival rate × length × mean dishes per
 * party × modes): at roughly 65 µs a dish, about a minute of work and bounded memory.
 */
export const MAX_EXPECTED_DISHES = 1_000_000;

/** User or parser text made safe for a one-line message: printable ASCII, at most `max` characters. */
const printable = (text: string, max: number) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, max);
/** Quote user text in a one-line message. */
const quote = (text: string) => printable(JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text), 80);

function num(flag: string, text: string, pattern: RegExp, check: (n: number) => boolean, want: string): number {
  const n = Number(text);
  if (!pattern.test(text) || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag}: expected ${want}, got ${quote(text)}`);
  return n;
}
const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const minutes = (m: number) => `${m} minute${m === 1 ? '' : 's'}`;

/**
 * Parse the command line (without `node script`) into a scenario and run options.
 * @throws UsageError with a one-line message for any bad argument or input file.
 */
export function parseCli(argv: string[], cwd: string = process.cwd()): CliOptions | 'help' {
  // `--seed -1` would read as two options; join a negative number to its flag so the
  // range check below can name the value.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d/.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  const seen = new Set<string>();
  for (const a of args) {
    const flag = /^--([^=]+)/.exec(a)?.[1];
    if (flag === undefined) continue;
    if (seen.has(flag)) throw new UsageError(`--${flag} is given more than once`);
    seen.add(flag);
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        file: { type: 'string' },
        mode: { type: 'string' },
        seed: { type: 'string' },
        minutes: { type: 'string' },
        'warmup-minutes': { type: 'string' },
        format: { type: 'string' },
        events: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(printable((e as Error).message.split('\n')[0]!, 200));
  }
  if (values.help) return 'help';
  if (values.scenario !== undefined && values.file !== undefined) throw new UsageError('give --scenario or --file, not both');

  let json: Record<string, unknown>;
  if (values.file !== undefined) {
    const where = `--file ${quote(values.file)}`;
    let text: string;
    try {
      // Only a regular file of sane size: never /dev/zero, a FIFO or a 3 GB log.
      const path = resolve(cwd, values.file);
      const st = statSync(path);
      if (!st.isFile()) throw new UsageError(`${where}: not a regular file`);
      if (st.size > MAX_FILE_BYTES) throw new UsageError(`${where}: ${st.size} bytes, a scenario file is at most ${MAX_FILE_BYTES}`);
      text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${where}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${where}: not valid JSON (${printable((e as Error).message, 120)})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(`${where}: expected a JSON object with a scenario`);
    }
    json = parsed as Record<string, unknown>;
  } else {
    const name = values.scenario ?? 'friday-rush';
    if (!PRESET_NAMES.includes(name)) throw new UsageError(`--scenario: unknown scenario "${name}" (known: ${PRESET_NAMES.join(', ')})`);
    json = { ...loadPreset(name) };
  }

  if (values.mode !== undefined && !['sync', 'async', 'both'].includes(values.mode)) {
    throw new UsageError(`--mode: expected sync, async or both, got ${quote(values.mode)}`);
  }
  // Without --mode the scenario's own mode applies (the schema checks it).
  const mode = values.mode as Mode | 'both' | undefined;
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: expected json or csv, got ${quote(format)}`);

  if (values.seed !== undefined) {
    json.seed = num('seed', values.seed, INTEGER, (n) => n <= 2 ** 32 - 1, 'an integer from 0 to 4294967295');
  }
  if (values.minutes !== undefined) {
    const seconds = num('minutes', values.minutes, DECIMAL, (n) => n >= 1 / 60 && n <= MAX_MINUTES, `a number of minutes from 1/60 to ${MAX_MINUTES}`) * 60;
    json.durationSeconds = seconds;
    // A very long run gets a coarser time series rather than a refusal.
    const interval = typeof json.sampleIntervalSeconds === 'number' ? json.sampleIntervalSeconds : 60;
    if (Math.floor(seconds / interval) + 1 > MAX_SAMPLES) json.sampleIntervalSeconds = Math.ceil(seconds / (MAX_SAMPLES - 1));
  }
  if (values['warmup-minutes'] !== undefined) {
    json.warmupSeconds = num('warmup-minutes', values['warmup-minutes'], DECIMAL, (n) => n <= MAX_MINUTES, 'a number of minutes, 0 or more') * 60;
  }
  if (typeof json.durationSeconds === 'number' && typeof json.warmupSeconds === 'number' && json.warmupSeconds >= json.durationSeconds) {
    if (values['warmup-minutes'] !== undefined || values.minutes !== undefined) {
      const given = values['warmup-minutes'] !== undefined ? '--warmup-minutes' : "the scenario's warm-up";
      throw new UsageError(
        `${given} (${minutes(json.warmupSeconds / 60)}) must be less than the run's length (${minutes(json.durationSeconds / 60)}): give a shorter --warmup-minutes or a longer --minutes`,
      );
    }
  }

  let scenario: Scenario;
  try {
    scenario = parseScenario(mode === 'both' ? { ...json, mode: 'sync' } : { ...json, ...(mode === undefined ? {} : { mode }) });
  } catch (e) {
    const where = values.file !== undefined ? `--file ${quote(values.file)}` : 'scenario';
    throw new UsageError(`${where}: ${(e as Error).message}`);
  }
  const expected = ((scenario.arrivals.ratePerHour * scenario.durationSeconds) / 3600) * meanDishesPerParty(scenario) * (mode === 'both' ? 2 : 1);
  if (expected > MAX_EXPECTED_DISHES) {
    throw new UsageError(
      `a run of ${Math.round(expected).toLocaleString('en')} expected dishes is too long for the CLI (at most ${MAX_EXPECTED_DISHES.toLocaleString('en')}): lower --minutes, the arrival rate or the dishes per party`,
    );
  }
  let events: string | null = null;
  if (values.events !== undefined) {
    if (values.events.trim() === '') throw new UsageError('--events: expected a file path');
    events = resolve(cwd, values.events);
    const modes: Mode[] = mode === 'both' ? ['sync', 'async'] : [scenario.mode];
    for (const p of eventPaths(events, modes)) {
      if (values.file !== undefined && p === resolve(cwd, values.file)) throw new UsageError(`--events ${quote(p)} is the scenario file itself: pick another path`);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        // does not exist yet: fine
      }
      if (isDir) throw new UsageError(`--events ${quote(p)} is a directory: give a file path`);
    }
    if (expected > MAX_EVENTS_DISHES) {
      throw new UsageError(
        `--events keeps the whole log in memory: at most ${MAX_EVENTS_DISHES.toLocaleString('en')} expected dishes, this run has ${Math.round(expected).toLocaleString('en')}; lower --minutes`,
      );
    }
  }
  return { scenario, modes: mode === 'both' ? ['sync', 'async'] : [scenario.mode], format, events };
}

/** Run one scenario in one mode to its `durationSeconds`; `onMessage` sees every bus message. */
export function runScenario(scenario: Scenario, mode: Mode, onMessage?: (m: Envelope) => void): Restaurant {
  const r = createRestaurant({ ...scenario, mode });
  if (onMessage) r.subscribe(onMessage);
  r.runUntil(scenario.durationSeconds);
  return r;
}

/** Where `--events PATH` writes: PATH itself, or for both modes PATH with .sync / .async before its extension. */
export function eventPaths(path: string, modes: readonly Mode[]): string[] {
  if (modes.length === 1) return [path];
  const dot = path.lastIndexOf('.');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const [stem, ext] = dot > slash ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  return modes.map((m) => `${stem}.${m}${ext}`);
}

/** The CLI's JSON report of a finished run. */
export function report(r: Restaurant): RunReport {
  const m = r.summary();
  // Prototype-free, so a dish named `__proto__` is a key like any other (docs/bad-input.md, "Names are data").
  const perDish: RunReport['perDish'] = nameRecord(
    Object.entries(m.perDish).map(([dish, d]) => [dish, { served: d.served, latencySeconds: { mean: d.latencySeconds.mean, p95: d.latencySeconds.p95 } }]),
  );
  return {
    scenario: m.scenario,
    seed: m.seed,
    mode: m.mode,
    simulatedSeconds: m.simulatedSeconds,
    served: m.served,
    throughputPerHour: m.throughputPerHour,
    capacityBoundPerHour: m.capacity.boundPerHour,
    latencySeconds: m.latencySeconds,
    perDish,
    utilisation: m.utilisation,
    walkedOut: m.walkedOut,
    littlesLaw: m.littlesLaw,
    customerWaitSeconds: m.customerSeconds.lastDish,
    customerSeconds: m.customerSeconds,
    floorStaffBlocked: m.floorStaffBlocked,
  };
}

/**
 * Run the CLI: returns the exit code; writes results to `out` and problems to `err`.
 * A relative `--file` is read from `cwd` (default: the process's working directory).
 */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd?: string): number {
  let opts;
  try {
    opts = parseCli(argv, cwd);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`sim: ${e.message.replace(/\s+/g, ' ').slice(0, 2000)}\n`);
      return 2;
    }
    err(`sim: internal error while reading the arguments: ${String((e as Error).message ?? e).replace(/\s+/g, ' ')}\n`);
    return 1;
  }
  if (opts === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  let text: string;
  try {
    const logs: CloudEvent[][] = [];
    const runs = opts.modes.map((mode) => {
      const events: CloudEvent[] = [];
      logs.push(events);
      return runScenario(opts.scenario, mode, opts.events ? (m) => events.push(toCloudEvent(m)) : undefined);
    });
    if (opts.events) {
      const paths = eventPaths(opts.events, opts.modes);
      try {
        paths.forEach((p, i) => {
          const fd = openSync(p, 'w');
          try {
            for (const chunk of batchChunks(logs[i]!)) writeSync(fd, chunk);
          } finally {
            closeSync(fd);
          }
        });
      } catch (e) {
        err(`sim: --events: cannot write ${quote(paths.join(', '))}: ${String((e as Error).message).replace(/\s+/g, ' ')}\n`);
        return 2;
      }
    }
    if (opts.format === 'csv') text = seriesCsv(runs.map((r) => ({ run: r.mode, series: r.series })));
    else if (runs.length === 1) text = JSON.stringify(report(runs[0]!), null, 2) + '\n';
    else text = JSON.stringify({ sync: report(runs[0]!), async: report(runs[1]!) }, null, 2) + '\n';
  } catch (e) {
    // Input is validated, so this is a bug in the engine: say so in one line, print nothing.
    err(`sim: internal error in the simulation: ${String((e as Error).message ?? e).replace(/\s+/g, ' ')}\n`);
    return 1;
  }
  out(text);
  return 0;
}
