import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type RunReport } from './sim.ts';
import { parseBatch } from '../scenarios/batchReader.ts';
import { PRESET_NAMES } from '../scenarios/index.ts';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}
const json = (...args: string[]) => JSON.parse(run(...args).stdout);
const lawError = (m: RunReport) => Math.abs(m.littlesLaw.L - m.littlesLaw.lambda * m.littlesLaw.W) / m.littlesLaw.L;

describe('npm run sim, JSON', () => {
  it('prints exactly the documented fields', () => {
    const r = json('--scenario', 'quiet-lunch', '--minutes', '90', '--warmup-minutes', '15');
    expect(Object.keys(r)).toEqual([
      'scenario', 'seed', 'mode', 'simulatedSeconds', 'served', 'throughputPerHour', 'capacityBoundPerHour',
      'latencySeconds', 'perDish', 'utilisation', 'walkedOut', 'littlesLaw', 'customerWaitSeconds', 'customerSeconds',
      'floorStaffBlocked',
    ]);
    expect(Object.keys(r.customerSeconds)).toEqual(['seated', 'orderTaken', 'firstDish', 'lastDish', 'walkedOut']);
    expect(r.customerWaitSeconds).toEqual(r.customerSeconds.lastDish);
    // From arrival, each step comes no earlier than the one before it.
    const c = r.customerSeconds;
    expect(c.seated.mean).toBeLessThanOrEqual(c.orderTaken.mean);
    expect(c.orderTaken.mean).toBeLessThanOrEqual(c.firstDish.mean);
    expect(c.firstDish.mean).toBeLessThanOrEqual(c.lastDish.mean);
    expect(Object.keys(r.latencySeconds)).toEqual(['mean', 'p50', 'p95', 'max']);
    expect(Object.keys(r.utilisation)).toEqual(['waiters', 'cooks', 'runners']);
    expect(Object.keys(r.littlesLaw)).toEqual(['L', 'lambda', 'W']);
    for (const d of Object.values(r.perDish) as { served: number; latencySeconds: object }[]) {
      expect(Object.keys(d)).toEqual(['served', 'latencySeconds']);
      expect(Object.keys(d.latencySeconds)).toEqual(['mean', 'p95']);
    }
    expect(r).toMatchObject({ scenario: 'quiet-lunch', seed: 7, mode: 'sync', simulatedSeconds: 5400 });
    // Throughput is served over the window after warm-up (75 minutes here).
    expect(r.throughputPerHour).toBeCloseTo((r.served * 60) / 75, 9);
    for (const u of Object.values(r.utilisation) as { working: number; blocked: number; idle: number }[]) {
      expect(u.working + u.blocked + u.idle).toBeCloseTo(1, 12);
    }
    const sum = (Object.values(r.perDish) as { served: number }[]).reduce((a, d) => a + d.served, 0);
    expect(sum).toBe(r.served);
  });

  it("friday-rush: async's dishes take longer from order to table, yet its customers wait less from the door", () => {
    const r = json('--scenario', 'friday-rush', '--mode', 'both');
    // The kitchen is the bottleneck in async, so order → served is longer there ...
    expect(r.async.latencySeconds.p95).toBeGreaterThan(r.sync.latencySeconds.p95);
    // ... but sync parties first wait for a table and a waiter, which that figure cannot see.
    expect(r.async.customerWaitSeconds.p95).toBeLessThan(r.sync.customerWaitSeconds.p95 * 0.8);
    expect(r.async.customerWaitSeconds.p50).toBeLessThan(r.sync.customerWaitSeconds.p50);
    expect(r.sync.floorStaffBlocked).toBeGreaterThan(0.5);
    expect(r.async.floorStaffBlocked).toBe(0);
  });

  it('is byte-identical for the same scenario and seed, and differs for another seed', () => {
    const a = run('--scenario', 'friday-rush', '--mode', 'both');
    const b = run('--scenario', 'friday-rush', '--mode', 'both');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = run('--scenario', 'friday-rush', '--mode', 'both', '--seed', '43');
    expect(JSON.parse(c.stdout).sync.served).not.toBe(JSON.parse(a.stdout).sync.served);
    expect(JSON.parse(c.stdout).sync.seed).toBe(43);
  });

  it('reads a scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderup-'));
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify({
      name: 'tiny', durationSeconds: 7200, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 4,
      staff: { waiters: 1 }, kitchen: { stations: [{ kind: 'cold', count: 1 }] },
      menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 120 } }],
      timings: { takeOrderSeconds: { dist: 'fixed', value: 60 }, walkSeconds: { dist: 'fixed', value: 0 }, eatSeconds: { dist: 'fixed', value: 600 } },
    }));
    const r = json('--file', file, '--mode', 'async');
    expect(r).toMatchObject({ scenario: 'tiny', mode: 'async', simulatedSeconds: 7200 });
    expect(r.served).toBeGreaterThan(5);
    expect(r.perDish.salad.served).toBe(r.served);
  });
});

describe('--mode both, every preset', () => {
  const both = Object.fromEntries(PRESET_NAMES.map((n) => [n, json('--scenario', n, '--mode', 'both')]));

  it.each(PRESET_NAMES)('%s: async throughput ≥ sync, sync waiters more blocked, sync within its capacity bound', (name) => {
    const { sync, async } = both[name] as { sync: RunReport; async: RunReport };
    expect(sync.mode).toBe('sync');
    expect(async.mode).toBe('async');
    expect(async.throughputPerHour).toBeGreaterThanOrEqual(sync.throughputPerHour);
    expect(sync.utilisation.waiters.blocked).toBeGreaterThan(async.utilisation.waiters.blocked);
    expect(sync.throughputPerHour).toBeLessThanOrEqual(sync.capacityBoundPerHour * 1.02);
  });

  it('where the floor is the bottleneck, async beats sync on every seed', () => {
    for (const name of ['friday-rush', 'understaffed']) {
      for (const seed of ['1', '2', '3', '4', '5']) {
        const { sync, async } = json('--scenario', name, '--mode', 'both', '--seed', seed) as { sync: RunReport; async: RunReport };
        expect(async.throughputPerHour, `${name} seed ${seed}`).toBeGreaterThan(sync.throughputPerHour * 1.05);
        expect(sync.throughputPerHour).toBeLessThanOrEqual(sync.capacityBoundPerHour * 1.02);
      }
    }
  });

  it('slow-steak: the salad waits for the steak in sync, not in async', () => {
    const { sync, async } = both['slow-steak'] as { sync: RunReport; async: RunReport };
    expect(sync.perDish.salad!.latencySeconds.p95).toBeGreaterThan(2 * async.perDish.salad!.latencySeconds.p95);
  });

  it.each(PRESET_NAMES)("%s: Little's law L = λW holds within 2%% over a 48-hour run, both modes", (name) => {
    const { sync, async } = json('--scenario', name, '--mode', 'both', '--minutes', '2880') as { sync: RunReport; async: RunReport };
    expect(lawError(sync)).toBeLessThan(0.02);
    expect(lawError(async)).toBeLessThan(0.02);
  });
});

describe('CSV', () => {
  it('prints the sampled time series with a header, one row per sample and run', () => {
    const { code, stdout } = run('--scenario', 'quiet-lunch', '--minutes', '30', '--warmup-minutes', '5', '--format', 'csv', '--mode', 'both');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'run,t,mode,served,throughputPerHour,door,kitchenTickets,pass,ordersInSystem,walkedOut,waitersWorking,waitersBlocked,runnersWorking,runnersBlocked,floorStaffBlocked,cooksWorking,latencyP95,customerWaitP95,doorWaitP95',
    );
    expect(lines.length).toBe(1 + 2 * 31);
    expect(lines[1]!.startsWith('sync,0,sync,')).toBe(true);
    expect(lines[32]!.startsWith('async,0,async,')).toBe(true);
    expect(lines.every((l) => l.split(',').length === 19)).toBe(true);
  });
});

describe('bad input: one line on stderr naming the problem, exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orderup-bad-'));
  const badJson = join(dir, 'bad.json');
  writeFileSync(badJson, '{ "name": ');
  const badField = join(dir, 'field.json');
  writeFileSync(badField, JSON.stringify({ name: 'x', durationSeconds: 60, arrivals: { kind: 'poisson', ratePerHour: 1 }, tables: -3 }));
  const badMenu = join(dir, 'menu.json');
  writeFileSync(badMenu, JSON.stringify({
    name: 'x', durationSeconds: 600, arrivals: { kind: 'poisson', ratePerHour: 1 }, tables: 3, staff: { waiters: 1 },
    kitchen: { stations: [{ kind: 'cold', count: 1 }] },
    menu: [{ dish: 'steak', station: 'grill', share: 1, cookSeconds: { dist: 'gamma', mean: 5 } }],
    timings: { takeOrderSeconds: { dist: 'fixed', value: 1 }, walkSeconds: { dist: 'fixed', value: 1 }, eatSeconds: { dist: 'fixed', value: 1 } },
  }));
  const base = {
    name: 'x', durationSeconds: 3600, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 3, staff: { waiters: 1 },
    kitchen: { stations: [{ kind: 'cold', count: 1 }] },
    menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }],
    timings: { takeOrderSeconds: { dist: 'fixed', value: 1 }, walkSeconds: { dist: 'fixed', value: 1 }, eatSeconds: { dist: 'fixed', value: 1 } },
  };
  const file = (name: string, content: unknown) => {
    const f = join(dir, name);
    writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    return f;
  };
  const timings = (over: object) => ({ ...base, timings: { ...base.timings, ...over } });
  const extreme: [string, unknown, RegExp][] = [
    ['a walk of 1e306 s', timings({ walkSeconds: { dist: 'fixed', value: 1e306 } }), /timings\.walkSeconds\.value: Too big/],
    ['a cook time of 1e308 s', { ...base, menu: [{ ...base.menu[0], cookSeconds: { dist: 'exponential', mean: 1e308 } }] }, /menu\[0\]\.cookSeconds\.mean: Too big/],
    ['a lognormal with a vanishing mean', { ...base, patienceSeconds: { dist: 'lognormal', mean: 1e-200, sd: 1 } }, /patienceSeconds\.mean: mean must be 0 or at least 0\.001/],
    ['a lognormal with a wild spread', timings({ eatSeconds: { dist: 'lognormal', mean: 10, sd: 1e6 } }), /timings\.eatSeconds\.sd: sd must be at most 100 times the mean/],
    ['ten million dishes a party', { ...base, dishesPerParty: { dist: 'fixed', value: 1e7 } }, /dishesPerParty\.value: Too big/],
    ['a sample every second for years', { ...base, durationSeconds: 3e8, sampleIntervalSeconds: 1 }, /sampleIntervalSeconds: at most 1,000,000 samples/],
    ['2000 station kinds', { ...base, kitchen: { stations: Array.from({ length: 2000 }, (_, i) => ({ kind: `k${i}`, count: 1000 })) } }, /kitchen\.stations: Too big/],
    ['a kind named like a station', { ...base, kitchen: { stations: [{ kind: 'cold-1', count: 1 }] } }, /kitchen\.stations\[0\]\.kind: .*not ending in -<number>/],
    ['a share of 1e308', { ...base, menu: [{ ...base.menu[0], share: 1e308 }] }, /menu\[0\]\.share: Too big/],
    ['mode {} in the file', { ...base, mode: {} }, /mode: Invalid option/],
    ['mode both in the file', { ...base, mode: 'both' }, /mode: Invalid option/],
    ['a million dishes a run', { ...base, durationSeconds: 36_000, arrivals: { kind: 'poisson', ratePerHour: 100_000 }, dishesPerParty: { dist: 'fixed', value: 50 } }, /this run is too big for the CLI: about [\d,]+ s and [\d,]+ MB .*mostly for the queue at the door: lower the arrival rate/],
    ['thousands of unknown keys', { ...base, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`junk${i}`, i])) }, /Unrecognized keys/],
    ['binary bytes', '\u0000\u0001\u00ff{', /not valid JSON/],
  ];
  it.each(extreme)('%s', (name, content, message) => {
    const r = run('--file', file(`${name.replace(/\W+/g, '-')}.json`, content));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(2100);
    expect(r.stderr).toMatch(/^[\x20-\x7e…]*\n$/);
  });

  it('reads a relative --file from the given working directory', () => {
    file('relative.json', base);
    let out = '';
    expect(main(['--file', 'relative.json', '--minutes', '.5'], (s) => (out += s), () => {}, dir)).toBe(0);
    expect(JSON.parse(out).simulatedSeconds).toBe(30);
  });

  it('accepts a file that starts with a UTF-8 byte-order mark', () => {
    const r = run('--file', file('bom.json', '\uFEFF' + JSON.stringify(base)));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('x');
  });

  it.each([
    [['--scenario', 'brunch'], /unknown scenario "brunch".*friday-rush/],
    [['--mode', 'sideways'], /--mode: expected sync, async or both, got "sideways"/],
    [['--seed', '-1'], /--seed: expected an integer/],
    [['--seed', '1.5'], /--seed: expected an integer/],
    [['--minutes', '0'], /--minutes: expected a number of minutes from 1\/60/],
    [['--seed', '1e3'], /--seed: expected an integer.*got "1e3"/],
    [['--seed', '0x10'], /--seed: expected an integer/],
    [['--seed', '4294967296'], /--seed: expected an integer from 0 to 4294967295/],
    [['--minutes', 'Infinity'], /--minutes: expected/],
    [['--seed', '1', '--seed', '2'], /--seed is given more than once/],
    [['--minutes', '5256000'], /this run is too big for the CLI: about [\d,]+ s and [\d,]+ MB on this machine \(at most about 60 s and 1024 MB\), for 7,8\d\d,\d\d\d expected dishes, mostly for the dishes: lower --minutes, the arrival rate or the dishes per party/],
    [['--file', '/dev/zero'], /--file "\/dev\/zero": not a regular file/],
    [['--file', '/tmp'], /not a regular file/],
    [['--minutes', 'lots'], /--minutes:.*"lots"/],
    [['--minutes', '10', '--warmup-minutes', '20'], /--warmup-minutes \(20 minutes\) must be less than/],
    [['--minutes', '1', '--warmup-minutes', '1'], /--warmup-minutes \(1 minute\) must be less than the run's length \(1 minute\)/],
    [['--scenario', 'friday-rush', '--minutes', '20'], /the scenario's warm-up \(30 minutes\) must be less than the run's length \(20 minutes\): give a shorter --warmup-minutes/],
    [['--format', 'xml'], /--format: expected json or csv/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--scenario', 'friday-rush', '--file', 'x.json'], /not both/],
    [['--file', '/no/such/file.json'], /--file "\/no\/such\/file\.json": cannot read \(ENOENT\)/],
    [['--file', badJson], /not valid JSON/],
    [['--file', badField], /tables: Too small.*staff: missing \(required\)/],
    [['--file', badMenu], /menu\[0\]\.cookSeconds/],
  ])('%j', (args, message) => {
    const r = run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('sim: ')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the real command', () => {
  it('a closed pipe ends the output quietly', () => {
    const r = spawnSync('sh', ['-c', 'npm run sim -- --scenario friday-rush --minutes 2880 --format csv | head -1'], { encoding: 'utf8' });
    expect(r.stdout.startsWith('run,t,mode,')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('npm run sim prints pure JSON on stdout and exits 2 with one line on bad input', () => {
    const ok = spawnSync('npm', ['run', 'sim', '--', '--scenario', 'quiet-lunch', '--minutes', '60', '--warmup-minutes', '10'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).scenario).toBe('quiet-lunch');
    const bad = spawnSync('npm', ['run', 'sim', '--', '--mode', 'later'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toEqual(['sim: --mode: expected sync, async or both, got "later"']);
  });
});

describe('npm run sim -- --events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orderup-events-'));
  const read = (p: string) => parseBatch(readFileSync(p, 'utf8'));

  it('writes a consistent CloudEvents batch of the whole log', () => {
    const path = join(dir, 'friday.json');
    const r = run('--scenario', 'friday-rush', '--mode', 'async', '--events', path);
    expect(r.code).toBe(0);
    const events = read(path);
    expect(events.length).toBeGreaterThan(500);
    // Ids unique, and every causation id names an earlier message.
    const seen = new Set<string>();
    for (const e of events) {
      expect(seen.has(e.id)).toBe(false);
      if (e.causationid !== undefined) expect(seen.has(e.causationid), `${e.id} caused by ${e.causationid}`).toBe(true);
      seen.add(e.id);
      expect(e).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json' });
      expect(['command', 'event']).toContain(e.kind);
      expect(e.time).toMatch(/^1970-01-01T\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // Offsets are contiguous per topic, from 0, in log order.
    const next = new Map<string, number>();
    for (const e of events) {
      expect(e.offset).toBe(next.get(e.topic) ?? 0);
      next.set(e.topic, e.offset + 1);
    }
    // Exactly one DishReady and one DishDelivered per dish, both with the dish's id as subject.
    const ready = events.filter((e) => e.type === 'DishReady').map((e) => e.subject);
    const delivered = events.filter((e) => e.type === 'DishDelivered').map((e) => e.subject);
    expect(new Set(ready).size).toBe(ready.length);
    expect(new Set(delivered).size).toBe(delivered.length);
    for (const s of delivered) expect(s).toMatch(/^dish-\d+$/);
    const readySet = new Set(ready);
    // Every delivered dish was announced; announced dishes not yet delivered are still in flight.
    for (const s of delivered) expect(readySet.has(s)).toBe(true);
    expect(ready.length - delivered.length).toBeLessThan(30);
    // Commands and events are both there; the commands are PlaceOrder on the kitchen topic.
    expect(new Set(events.filter((e) => e.kind === 'command').map((e) => `${e.type}@${e.topic}`))).toEqual(new Set(['PlaceOrder@kitchen']));
  });

  it('with --mode both writes one batch per mode, beside the path', () => {
    const r = run('--scenario', 'quiet-lunch', '--mode', 'both', '--minutes', '60', '--warmup-minutes', '10', '--events', join(dir, 'lunch.json'));
    expect(r.code).toBe(0);
    const sync = read(join(dir, 'lunch.sync.json'));
    const async = read(join(dir, 'lunch.async.json'));
    expect(sync.some((e) => e.type === 'DishReady')).toBe(false);
    expect(async.some((e) => e.type === 'DishReady')).toBe(true);
  });

  it('refuses to overwrite the scenario file, to write into a directory path, or to hold an over-long log', () => {
    const scenario = join(dir, 'scen.json');
    writeFileSync(scenario, JSON.stringify({ name: 's', durationSeconds: 600, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 2, staff: { waiters: 1 }, kitchen: { stations: [{ kind: 'cold', count: 1 }] }, menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }], timings: { takeOrderSeconds: { dist: 'fixed', value: 30 }, walkSeconds: { dist: 'fixed', value: 10 }, eatSeconds: { dist: 'fixed', value: 60 } } }));
    const same = run('--file', scenario, '--events', scenario);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/is the scenario file itself/);
    expect(JSON.parse(readFileSync(scenario, 'utf8')).name).toBe('s');
    const d = run('--scenario', 'quiet-lunch', '--events', dir);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/is a directory/);
    // Cheap per dish (no subscribers, room for everyone): within the cost guard, over --events' limit.
    const roomy = join(dir, 'roomy.json');
    writeFileSync(roomy, JSON.stringify({ name: 'roomy', durationSeconds: 210 * 3600, arrivals: { kind: 'poisson', ratePerHour: 1000 }, tables: 1000, staff: { waiters: 100 }, kitchen: { stations: [{ kind: 'cold', count: 100 }] }, menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }], timings: { takeOrderSeconds: { dist: 'fixed', value: 30 }, walkSeconds: { dist: 'fixed', value: 10 }, eatSeconds: { dist: 'fixed', value: 60 } } }));
    const long = run('--file', roomy, '--events', join(dir, 'long.json'));
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/^sim: --events writes about 2 kB a dish: at most 200,000 expected dishes, this run has 210,000; lower --minutes/);
    expect(existsSync(join(dir, 'long.json'))).toBe(false);
  });

  it('says so in one line when the file cannot be written', () => {
    const r = run('--scenario', 'quiet-lunch', '--minutes', '30', '--warmup-minutes', '5', '--events', join(dir, 'no-such-dir', 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sim: --events ".*no-such-dir\/x\.json": cannot write there, its directory cannot be found \(ENOENT\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
