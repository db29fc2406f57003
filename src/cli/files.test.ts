import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './sim.ts';
import { AtomicFile } from './output.ts';
import { decodeUtf8Strict, firstInvalidUtf8 } from './utf8.ts';
import { estimateRun, refusal } from './cost.ts';
import { batchJson, toCloudEvent, type CloudEvent } from '../scenarios/cloudevents.ts';
import { loadPreset, parseScenario } from '../scenarios/index.ts';
import { createRestaurant } from '../sim/index.ts';

// docs/bad-input.md, "CLI": files are never lost, bytes that are not UTF-8 are refused with
// their offset, and a run too big for the machine is refused before it starts.

const root = fileURLToPath(new URL('../../', import.meta.url));
const scenario = {
  name: 's', durationSeconds: 600, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 2, staff: { waiters: 1 },
  kitchen: { stations: [{ kind: 'cold', count: 1 }] },
  menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }],
  timings: { takeOrderSeconds: { dist: 'fixed', value: 30 }, walkSeconds: { dist: 'fixed', value: 10 }, eatSeconds: { dist: 'fixed', value: 60 } },
};
function run(args: string[], cwd?: string, stdout: { dev: number; ino: number } | null = null) {
  let out = '';
  let err = '';
  const code = main(args, (s) => (out += s), (s) => (err += s), cwd, stdout);
  return { code, out, err };
}
/** A fresh directory holding the scenario as s.json; its bytes, to compare with later. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'orderup-files-'));
  const file = join(dir, 's.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return { dir, file, bytes: readFileSync(file) };
}
const listing = (dir: string) => readdirSync(dir).sort();

describe('an output is never the scenario file, by any name', () => {
  it.each([
    ['a symbolic link', (f: string, p: string) => symlinkSync(f, p)],
    ['a hard link', (f: string, p: string) => linkSync(f, p)],
    ['a link to its directory', (f: string, p: string) => symlinkSync(join(f, '..'), join(p, '..')), 'sub/s.json'],
    ['the same file spelled another way', () => {}, './x/../s.json'],
  ] as [string, (f: string, p: string) => void, string?][])('--events through %s: exit 2, the scenario byte for byte as it was', (_, make, name) => {
    const { dir, file, bytes } = setup();
    const link = join(dir, name ?? 'link.json');
    make(file, link);
    const before = listing(dir);
    const r = run(['--file', 's.json', '--events', name ?? 'link.json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sim: --events ".*" is the scenario file itself \(--file "s\.json"\), by this or another name: pick another path; nothing was written\n$/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(listing(dir)).toEqual(before);
  });

  it('with --mode both, an output that is the other output (PATH.async linked to PATH.sync) is refused', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'log.sync.json'), 'keep me');
    symlinkSync(join(dir, 'log.sync.json'), join(dir, 'log.async.json'));
    const r = run(['--file', 's.json', '--mode', 'both', '--events', 'log.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--events ".*log\.async\.json" and --events ".*log\.sync\.json" are the same file/);
    expect(readFileSync(join(dir, 'log.sync.json'), 'utf8')).toBe('keep me');
  });

  it('stdout sent to the scenario file (>> s.json) or to the --events file is refused', () => {
    const { dir, file, bytes } = setup();
    const id = (p: string) => ({ dev: statSync(p).dev, ino: statSync(p).ino });
    const same = run(['--file', 's.json'], dir, id(file));
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/^sim: stdout is the scenario file itself/);
    writeFileSync(join(dir, 'out.json'), 'old');
    const both = run(['--file', 's.json', '--events', 'out.json'], dir, id(join(dir, 'out.json')));
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/^sim: stdout and --events ".*out\.json" are the same file/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old');
  });

  it('refuses a device or FIFO-like path that a rename would replace', () => {
    const r = run(['--scenario', 'quiet-lunch', '--events', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--events "\/dev\/null" is not a regular file/);
  });

  it('the real command: symbolic and hard links to the scenario, exit 2, the scenario unchanged', () => {
    const { dir, file, bytes } = setup();
    symlinkSync(file, join(dir, 'sym.json'));
    linkSync(file, join(dir, 'hard.json'));
    for (const link of ['sym.json', 'hard.json']) {
      const r = spawnSync('npm', ['--prefix', root, 'run', 'sim', '--silent', '--', '--file', 's.json', '--events', link], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/is the scenario file itself/);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });
});

describe('outputs are written whole, beside the target, and renamed into place', () => {
  it('replaces an existing --events file (through its symbolic link), keeps its permissions, leaves no temporary file', () => {
    const { dir } = setup();
    mkdirSync(join(dir, 'out'));
    const real = join(dir, 'out', 'log.json');
    writeFileSync(real, 'old', { mode: 0o640 });
    symlinkSync(real, join(dir, 'log.json'));
    const r = run(['--file', 's.json', '--events', 'log.json', '--mode', 'async'], dir);
    expect(r.code, r.err).toBe(0);
    const events = JSON.parse(readFileSync(join(dir, 'log.json'), 'utf8')) as CloudEvent[];
    expect(events.length).toBeGreaterThan(0);
    expect(statSync(join(dir, 'log.json'), { throwIfNoEntry: true }).mode & 0o777).toBe(0o640);
    expect(listing(join(dir, 'out'))).toEqual(['log.json']);
    expect(listing(dir)).toEqual(['log.json', 'out', 's.json']);
  });

  it('the streamed batch is byte for byte the batch of the whole log', () => {
    const { dir } = setup();
    const r = run(['--scenario', 'friday-rush', '--mode', 'async', '--minutes', '120', '--events', join(dir, 'fr.json')]);
    expect(r.code).toBe(0);
    const s = parseScenario({ ...loadPreset('friday-rush'), mode: 'async', durationSeconds: 7200 });
    const rest = createRestaurant(s);
    const log: CloudEvent[] = [];
    rest.subscribe((m) => log.push(toCloudEvent(m)));
    rest.runUntil(s.durationSeconds);
    expect(log.length).toBeGreaterThan(300);
    expect(readFileSync(join(dir, 'fr.json'), 'utf8')).toBe(batchJson(log));
  });

  it('an aborted file removes its temporary file and never touches the target', () => {
    const { dir } = setup();
    const target = join(dir, 'x.json');
    writeFileSync(target, 'old');
    const f = new AtomicFile(target);
    f.write('new');
    expect(listing(dir)).toHaveLength(3);
    expect(readFileSync(target, 'utf8')).toBe('old');
    f.abort();
    f.abort();
    expect(listing(dir)).toEqual(['s.json', 'x.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
    const g = new AtomicFile(target);
    g.write('new');
    g.commit();
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(listing(dir)).toEqual(['s.json', 'x.json']);
  });
});

describe('a scenario file that is not UTF-8 is refused with the offset of the first bad byte', () => {
  const text = JSON.stringify(scenario);
  const at = text.indexOf('"s"') + 1; // inside the name
  const bad: [string, number[]][] = [
    ['Latin-1 é', [0xe9]],
    ['a lone continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate half', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence broken off', [0xe2, 0x82]],
    ['0xFF', [0xff]],
  ];
  it.each(bad)('%s', (_, bytes) => {
    const { dir, file } = setup();
    const enc = new TextEncoder();
    const content = Buffer.concat([enc.encode(text.slice(0, at)), Buffer.from(bytes), enc.encode(text.slice(at))]);
    writeFileSync(file, content);
    const r = run(['--file', 's.json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const hex = bytes[0]!.toString(16).padStart(2, '0');
    expect(r.err).toMatch(new RegExp(`^sim: --file "s\\.json": not valid UTF-8 at byte offset ${at} \\(counting from 0; bytes there: 0x${hex}[ 0-9a-fx]*\\): save the file as UTF-8\\n$`));
    expect(readFileSync(file).equals(content)).toBe(true);
  });

  it('a truncated sequence at the very end names its lead byte', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(firstInvalidUtf8(new TextEncoder().encode('{"name": "café 😀 ✓"}'))).toBe(-1);
  });

  it('agrees with the fatal TextDecoder on random bytes, and names where a replacing decoder puts its first U+FFFD', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
    const fffd = new TextEncoder().encode('\uFFFD');
    for (let n = 0; n < 3000; n++) {
      // Mostly valid text with a few random bytes mixed in.
      const parts: number[] = [];
      for (let k = 0; k < 12; k++) {
        const r = next();
        if (r < 200) parts.push(...new TextEncoder().encode(String.fromCodePoint([0x41, 0xe9, 0x20ac, 0x1f600][r % 4]!)));
        else parts.push(next());
      }
      const bytes = Uint8Array.from(parts);
      const offset = firstInvalidUtf8(bytes);
      const strict = decodeUtf8Strict(bytes);
      expect(typeof strict === 'string', `${bytes}`).toBe(offset === -1);
      if (offset >= 0) {
        // Everything before is fine, and a replacing decoder's first U+FFFD stands there.
        expect(firstInvalidUtf8(bytes.subarray(0, offset))).toBe(-1);
        const replaced = new TextEncoder().encode(new TextDecoder().decode(bytes));
        const prefix = new TextEncoder().encode(new TextDecoder().decode(bytes.subarray(0, offset)));
        expect([...replaced.subarray(prefix.length, prefix.length + 3)]).toEqual([...fffd]);
      }
    }
  });
});

describe('the cost guard sees every cost', () => {
  const kinds = ['grill', 'cold'];
  const subs = ['billing', 'analytics', 'notifications', 'loyalty', 'kitchen-display', 'dashboard', 'tracker'] as const;
  /** The largest restaurant the schema allows: 10,000 tables, 1,000 floor staff and stations, 50 groups, 2,000 faults. */
  const largest = (ratePerHour: number, durationSeconds: number, extra: object = {}) => ({
    name: 'largest', durationSeconds, sampleIntervalSeconds: 316, mode: 'async', arrivals: { kind: 'poisson', ratePerHour }, tables: 10_000,
    staff: { waiters: 500, runners: 500 }, kitchen: { stations: kinds.map((kind) => ({ kind, count: 500 })) },
    menu: Array.from({ length: 200 }, (_, i) => ({ dish: `d${i}`, station: kinds[i % 2], share: 1, cookSeconds: { dist: 'exponential', mean: 300 } })),
    timings: { takeOrderSeconds: { dist: 'exponential', mean: 60 }, walkSeconds: { dist: 'exponential', mean: 10 }, eatSeconds: { dist: 'exponential', mean: 1200 } },
    faults: Array.from({ length: 1000 }, (_, i) => ({ station: `${kinds[i % 2]}-${1 + (i % 500)}`, downAtSeconds: i * 1000, upAtSeconds: i * 1000 + 600 })),
    subscribers: Array.from({ length: 50 }, (_, i) => ({ name: subs[i % subs.length], group: `g${i}` })),
    consumerFaults: Array.from({ length: 1000 }, (_, i) => ({ group: `g${i % 50}`, downAtSeconds: i * 1000, upAtSeconds: i * 1000 + 600 })),
    ...extra,
  });
  const TEN_YEARS = 10 * 365 * 24 * 3600;

  it('the largest restaurant over ten years serving a handful of dishes runs, and samples nothing it does not print', () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'big.json'), JSON.stringify(largest(0.0001, TEN_YEARS)));
    const r = run(['--file', 'big.json'], dir);
    expect(r.code, r.err).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.simulatedSeconds).toBe(TEN_YEARS);
    expect(rep.served).toBeLessThan(30);
  });

  it.each([
    ['a high arrival rate on the largest restaurant', largest(100_000, 36_000), [], /mostly for the dishes: lower --minutes, the arrival rate/],
    ['its ten years as CSV in both modes (2,000,000 samples)', largest(0.0001, TEN_YEARS), ['--format', 'csv', '--mode', 'both'], /mostly for the time-series samples: give a larger sampleIntervalSeconds/],
    ['50 subscriber groups on a small restaurant for 2,000 hours', { ...loadPreset('friday-rush'), durationSeconds: 2000 * 3600, subscribers: Array.from({ length: 50 }, (_, i) => ({ name: 'dashboard', group: `g${i}` })) }, ['--mode', 'async'], /mostly for the subscriber groups: lower --minutes or the arrival rate, or have fewer subscriber groups/],
    ['more arrivals than a small restaurant serves, for a year', { ...scenario, durationSeconds: 365 * 24 * 3600, arrivals: { kind: 'poisson', ratePerHour: 200 } }, [], /mostly for the queue at the door: lower the arrival rate to what the restaurant can serve, give its customers a patienceSeconds/],
  ] as [string, object, string[], RegExp][])('%s is refused before it starts, naming what to lower', (_, content, args, message) => {
    const { dir } = setup();
    writeFileSync(join(dir, 'big.json'), JSON.stringify(content));
    const r = run(['--file', 'big.json', ...args], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sim: this run is too big for the CLI: about [\d,]+ s and [\d,]+ MB on this machine \(at most about 60 s and 1024 MB\)/);
    expect(r.err).toMatch(message);
  });

  it('each cost raises the estimate', () => {
    const s = parseScenario(largest(1000, 3600));
    const base = estimateRun(s, ['async'], { format: 'json', events: false });
    const more = (over: object, opts: { format: 'json' | 'csv'; events: boolean } = { format: 'json', events: false }) =>
      estimateRun(parseScenario({ ...largest(1000, 3600), ...over }), ['async'], opts).seconds;
    expect(more({ arrivals: { kind: 'poisson', ratePerHour: 2000 } })).toBeGreaterThan(base.seconds);
    expect(more({ dishesPerParty: { dist: 'fixed', value: 3 } })).toBeGreaterThan(base.seconds);
    expect(more({ durationSeconds: 7200 })).toBeGreaterThan(base.seconds);
    expect(more({ staff: { waiters: 500, runners: 200 } })).toBeLessThan(base.seconds);
    expect(more({ subscribers: [], consumerFaults: [] })).toBeLessThan(base.seconds);
    expect(more({ faults: [] })).toBeLessThan(base.seconds);
    expect(more({}, { format: 'csv', events: false })).toBeGreaterThan(base.seconds);
    expect(estimateRun(s, ['sync', 'async'], { format: 'json', events: false }).seconds).toBeGreaterThan(base.seconds);
    expect(refusal(base)).toBeNull();
  });
});

describe('a full disk or a dangling link never costs a file', () => {
  it('writeAll reports a device that takes no more bytes (ENOSPC), never a short write taken as done', async () => {
    const { writeAll } = await import('./output.ts');
    const { existsSync, openSync, closeSync } = await import('node:fs');
    if (!existsSync('/dev/full')) return;
    const fd = openSync('/dev/full', 'w');
    try {
      expect(() => writeAll(fd, 'x'.repeat(100_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    } finally {
      closeSync(fd);
    }
  });

  it('--events through a dangling symbolic link writes the file the link names, and the link stays a link', () => {
    const { dir } = setup();
    symlinkSync(join(dir, 'target.json'), join(dir, 'dangling.json'));
    const r = run(['--file', 's.json', '--events', 'dangling.json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8'))).toBeInstanceOf(Array);
    expect(readlinkSync(join(dir, 'dangling.json'))).toBe(join(dir, 'target.json'));
  });
});
