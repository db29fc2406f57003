import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { createRestaurant, type Mode, type Restaurant, type Scenario } from '../sim/index.ts';
import { loadPreset, parseScenario, PRESET_NAMES } from '../scenarios/index.ts';

/**
 * `npm run sim -- [--scenario NAME | --file PATH] [--mode sync|async|both] [--seed N]
 *   [--minutes M] [--warmup-minutes W] [--format json|csv]`
 *
 * Runs the engine headless and prints the run's metrics as JSON (or the time series as CSV)
 * on stdout. Bad arguments or a bad file: one line on stderr naming the problem, exit code 2.
 */

export const USAGE = `usage: npm run sim -- [--scenario NAME | --file PATH] [--mode sync|async|both] [--seed N]
                    [--minutes M] [--warmup-minutes W] [--format json|csv]
scenarios: ${PRESET_NAMES.join(', ')} (default friday-rush)`;

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
  perDish: Record<string, { served: number; latencySeconds: { mean: number; p95: number } }>;
  utilisation: Record<'waiters' | 'cooks' | 'runners', { working: number; blocked: number; idle: number }>;
  walkedOut: number;
  littlesLaw: { L: number; lambda: number; W: number };
}

export interface CliOptions {
  scenario: Scenario;
  modes: Mode[];
  format: 'json' | 'csv';
}

const MAX_MINUTES = 10 * 365 * 24 * 60;

function num(flag: string, text: string, check: (n: number) => boolean, want: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag}: expected ${want}, got "${text}"`);
  return n;
}

/**
 * Parse the command line (without `node script`) into a scenario and run options.
 * @throws UsageError with a one-line message for any bad argument or input file.
 */
export function parseCli(argv: string[]): CliOptions | 'help' {
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
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]!);
  }
  if (values.help) return 'help';
  if (values.scenario !== undefined && values.file !== undefined) throw new UsageError('give --scenario or --file, not both');

  let json: Record<string, unknown>;
  if (values.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.file, 'utf8');
    } catch (e) {
      throw new UsageError(`--file ${values.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--file ${values.file}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UsageError(`--file ${values.file}: expected a JSON object with a scenario`);
    }
    json = parsed as Record<string, unknown>;
  } else {
    const name = values.scenario ?? 'friday-rush';
    if (!PRESET_NAMES.includes(name)) throw new UsageError(`--scenario: unknown scenario "${name}" (known: ${PRESET_NAMES.join(', ')})`);
    json = { ...loadPreset(name) };
  }

  const mode = values.mode ?? json.mode ?? 'sync';
  if (mode !== 'sync' && mode !== 'async' && mode !== 'both') throw new UsageError(`--mode: expected sync, async or both, got "${String(mode)}"`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: expected json or csv, got "${format}"`);

  if (values.seed !== undefined) {
    json.seed = num('seed', values.seed, (n) => Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1, 'an integer from 0 to 4294967295');
  }
  if (values.minutes !== undefined) {
    json.durationSeconds = num('minutes', values.minutes, (n) => n > 0 && n <= MAX_MINUTES, `a number of minutes above 0 and at most ${MAX_MINUTES}`) * 60;
  }
  if (values['warmup-minutes'] !== undefined) {
    json.warmupSeconds = num('warmup-minutes', values['warmup-minutes'], (n) => n >= 0, 'a number of minutes, 0 or more') * 60;
  }
  if (typeof json.durationSeconds === 'number' && typeof json.warmupSeconds === 'number' && json.warmupSeconds >= json.durationSeconds) {
    if (values['warmup-minutes'] !== undefined || values.minutes !== undefined) {
      const given = values['warmup-minutes'] !== undefined ? '--warmup-minutes' : "the scenario's warm-up";
      throw new UsageError(
        `${given} (${json.warmupSeconds / 60} minutes) must be less than the run's length (${json.durationSeconds / 60} minutes): give a shorter --warmup-minutes or a longer --minutes`,
      );
    }
  }

  let scenario: Scenario;
  try {
    scenario = parseScenario({ ...json, mode: mode === 'both' ? 'sync' : mode });
  } catch (e) {
    const where = values.file !== undefined ? `--file ${values.file}` : 'scenario';
    throw new UsageError(`${where}: ${(e as Error).message}`);
  }
  return { scenario, modes: mode === 'both' ? ['sync', 'async'] : [mode], format };
}

/** Run one scenario in one mode to its `durationSeconds`. */
export function runScenario(scenario: Scenario, mode: Mode): Restaurant {
  const r = createRestaurant({ ...scenario, mode });
  r.runUntil(scenario.durationSeconds);
  return r;
}

/** The CLI's JSON report of a finished run. */
export function report(r: Restaurant): RunReport {
  const m = r.summary();
  const perDish: RunReport['perDish'] = {};
  for (const [dish, d] of Object.entries(m.perDish)) {
    perDish[dish] = { served: d.served, latencySeconds: { mean: d.latencySeconds.mean, p95: d.latencySeconds.p95 } };
  }
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
  };
}

const CSV_COLUMNS = [
  't', 'mode', 'served', 'throughputPerHour', 'door', 'kitchenTickets', 'pass', 'ordersInSystem', 'walkedOut',
  'waitersWorking', 'waitersBlocked', 'runnersWorking', 'runnersBlocked', 'cooksWorking',
] as const;

/** The time series of one or more runs as CSV, one row per sample; `run` names the run's mode. */
export function seriesCsv(runs: Restaurant[]): string {
  const lines = [['run', ...CSV_COLUMNS].join(',')];
  for (const r of runs) {
    const s = r.series;
    for (let i = 0; i < s.t.length; i++) {
      lines.push([r.mode, ...CSV_COLUMNS.map((c) => String(s[c][i]))].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Run the CLI: returns the exit code; writes results to `out` and problems to `err`.
 */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`sim: ${e.message.replace(/\s+/g, ' ')}\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    out(USAGE + '\n');
    return 0;
  }
  const runs = opts.modes.map((mode) => runScenario(opts.scenario, mode));
  if (opts.format === 'csv') out(seriesCsv(runs));
  else if (runs.length === 1) out(JSON.stringify(report(runs[0]!), null, 2) + '\n');
  else out(JSON.stringify({ sync: report(runs[0]!), async: report(runs[1]!) }, null, 2) + '\n');
  return 0;
}
