import { parseArgs } from 'node:util';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRestaurant, nameRecord, type CustomerTimes, type NameRecord, type Envelope, type LatencySummary, type Mode, type Restaurant, type RestaurantOptions, type Scenario } from '../sim/index.ts';
import { loadPreset, MAX_SAMPLES, parseScenario, PRESET_NAMES } from '../scenarios/index.ts';
import { seriesCsv } from '../scenarios/csv.ts';
import { UsageError } from './errors.ts';
import { AtomicFile, BatchStream, checkOutputs, outputFile, type FileId, type NamedFile } from './output.ts';
import { decodeUtf8Strict } from './utf8.ts';
import { estimateRun, refusal } from './cost.ts';

export { UsageError };

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

/** Longest run `--events` accepts, in expected dishes (about 4 messages, 2 kB of file, each). */
export const MAX_EVENTS_DISHES = 200_000;

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
  /**
   * `--events PATH`: where to write the log as a CloudEvents batch, one file per mode (real
   * paths, checked to be neither the scenario file nor each other), or null.
   */
  events: string[] | null;
}

const MAX_MINUTES = 10 * 365 * 24 * 60;
/** Largest scenario file read, bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
 * Parse the command line (without `node script`) into a scenario and run options. Checks,
 * before anything is written, that no output is the scenario file or another output by any
 * name (`stdout`: the identity of the file standard output goes to, if it is one).
 * @throws UsageError with a one-line message for any bad argument, input or output file, or
 *   a run too big to finish in about a minute and 1 GB (see `cost.ts`).
 */
export function parseCli(argv: string[], cwd: string = process.cwd(), stdout: FileId | null = null): CliOptions | 'help' {
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

  // Every output, checked against the input and each other before anything is read or written.
  const inputs: NamedFile[] = [];
  const outputs: NamedFile[] = [];
  let scenarioPath: string | null = null;
  if (values.file !== undefined) {
    const where = `--file ${quote(values.file)}`;
    scenarioPath = resolve(cwd, values.file);
    try {
      // Only a regular file of sane size: never /dev/zero, a FIFO or a 3 GB log.
      const st = statSync(scenarioPath);
      if (!st.isFile()) throw new UsageError(`${where}: not a regular file`);
      if (st.size > MAX_FILE_BYTES) throw new UsageError(`${where}: ${st.size} bytes, a scenario file is at most ${MAX_FILE_BYTES}`);
      inputs.push({ label: where, real: realpathSync(scenarioPath), id: { dev: st.dev, ino: st.ino } });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${where}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  let events: string[] | null = null;
  if (values.events !== undefined) {
    if (values.events.trim() === '') throw new UsageError('--events: expected a file path');
    const given = resolve(cwd, values.events);
    const files = eventPaths(given, values.mode === 'both' ? ['sync', 'async'] : ['sync']).map((p) => outputFile(`--events ${quote(p)}`, p));
    outputs.push(...files);
    events = files.map((f) => f.real!);
  }
  if (stdout) outputs.push({ label: 'stdout', real: null, id: stdout });
  checkOutputs(inputs, outputs);

  let json: Record<string, unknown>;
  if (scenarioPath !== null) {
    const where = `--file ${quote(values.file!)}`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(scenarioPath);
    } catch (e) {
      throw new UsageError(`${where}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    // Strict UTF-8: a byte that is not UTF-8 is refused, never read as U+FFFD.
    const decoded = decodeUtf8Strict(bytes);
    if (typeof decoded !== 'string') {
      const shown = [...bytes.subarray(decoded.offset, decoded.offset + 4)].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
      throw new UsageError(
        `${where}: not valid UTF-8 at byte offset ${decoded.offset} (counting from 0; bytes there: ${shown}): save the file as UTF-8`,
      );
    }
    const text = decoded.replace(/^\uFEFF/, '');
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
  const modes: Mode[] = mode === 'both' ? ['sync', 'async'] : [scenario.mode];
  const cost = estimateRun(scenario, modes, { format, events: events !== null });
  const tooBig = refusal(cost);
  if (tooBig) throw new UsageError(tooBig);
  if (events !== null && cost.dishes > MAX_EVENTS_DISHES) {
    throw new UsageError(
      `--events writes about 2 kB a dish: at most ${MAX_EVENTS_DISHES.toLocaleString('en')} expected dishes, this run has ${Math.round(cost.dishes).toLocaleString('en')}; lower --minutes or the arrival rate`,
    );
  }
  return { scenario, modes, format, events };
}

/**
 * Run one scenario in one mode to its `durationSeconds`; `onMessage` sees every bus message.
 * `options` go to the engine (the CLI samples no series unless it prints them).
 */
export function runScenario(scenario: Scenario, mode: Mode, onMessage?: (m: Envelope) => void, options: RestaurantOptions = {}): Restaurant {
  const r = createRestaurant({ ...scenario, mode }, options);
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
 * A relative `--file` is read from `cwd` (default: the process's working directory);
 * `stdout` is the identity of the file `out` writes to, when it is one (so it is never the
 * scenario file or an `--events` file). Each `--events` file is written to a temporary file
 * beside it as the run goes and renamed into place at the end; on any failure the temporary
 * file is removed and the old file, if any, is left as it was.
 */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void, cwd?: string, stdout: FileId | null = null): number {
  let opts;
  try {
    opts = parseCli(argv, cwd, stdout);
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
  const files: AtomicFile[] = [];
  const cannotWrite = (path: string, e: unknown) => {
    for (const f of files) f.abort();
    const why = (e as NodeJS.ErrnoException).code ?? String((e as Error).message ?? e).replace(/\s+/g, ' ');
    err(`sim: --events: cannot write ${quote(path)} (${why}); nothing was written\n`);
    return 2;
  };
  for (const p of opts.events ?? []) {
    try {
      files.push(new AtomicFile(p));
    } catch (e) {
      return cannotWrite(p, e);
    }
  }
  const streams = files.map((f) => new BatchStream(f));
  let text: string;
  try {
    // Only what the output needs: the series for CSV, nothing sampled for the JSON report;
    // the engine keeps no log (retainMessages 0), and --events streams it to its file.
    const options: RestaurantOptions = { sampling: opts.format === 'csv' ? 'metrics' : 'none', retainMessages: 0, machines: 'compiled' };
    const runs = opts.modes.map((mode, i) => {
      const stream = streams[i];
      return runScenario(opts.scenario, mode, stream ? (m) => stream.add(m) : undefined, options);
    });
    if (opts.format === 'csv') text = seriesCsv(runs.map((r) => ({ run: r.mode, series: r.series })));
    else if (runs.length === 1) text = JSON.stringify(report(runs[0]!), null, 2) + '\n';
    else text = JSON.stringify({ sync: report(runs[0]!), async: report(runs[1]!) }, null, 2) + '\n';
  } catch (e) {
    for (const f of files) f.abort();
    // Input is validated, so this is a bug in the engine: say so in one line, print nothing.
    err(`sim: internal error in the simulation: ${String((e as Error).message ?? e).replace(/\s+/g, ' ')}\n`);
    return 1;
  }
  // Every file whole on disk first; only then is any old file replaced (with --mode both, a
  // failure writing the second leaves the first file's old version too).
  for (const [i, f] of files.entries()) {
    try {
      streams[i]!.finish();
      f.close();
    } catch (e) {
      return cannotWrite(f.path, e);
    }
  }
  for (const f of files) {
    try {
      f.commit();
    } catch (e) {
      return cannotWrite(f.path, e);
    }
  }
  out(text);
  return 0;
}
