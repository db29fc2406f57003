/**
 * Bad input, table-driven: malformed scenario files, imported batches, URL parameters, CLI
 * arguments and extreme control values. Each row gives the input, the clear message expected,
 * and the proof that nothing ran on: a running restaurant keeps its time, its figures and its
 * log; a link runs the defaults; the CLI prints nothing on stdout and exits 2.
 */
import { linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimStore, type SimStore } from './simStore.ts';
import { applyLink, createSession, type SessionStore } from './session.ts';
import { ArgumentError } from './args.ts';
import { parseLink } from './link.ts';
import { main } from '../cli/sim.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { LESSON_IDS, loadLesson } from '../scenarios/lessons.ts';
import { batchJson, toCloudEvent } from '../scenarios/cloudevents.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: (id) => loadLesson(id, loadPreset) });

/** A restaurant 40 simulated minutes into friday-rush, paused. */
function running(): SimStore {
  const s = make();
  s.getState().syncTo(2400, true);
  return s;
}
/** Everything a bad input must leave as it was. */
const fingerprint = (s: SimStore) => {
  const st = s.getState();
  return JSON.stringify({ t: st.snapshot.time, served: st.stats.summary.served, log: st.eventLog().entries.length, running: st.running, mode: st.mode, speed: st.speed, preset: st.presetName, imported: st.imported, gen: st.generation });
};
const lastNotice = (s: SimStore) => s.getState().notices.at(-1)?.text ?? '';

// ---- imported batches -------------------------------------------------------------------
const good = JSON.parse(batchJson([toCloudEvent({ id: 'm-1', kind: 'event', type: 'DishReady', topic: 'pass', offset: 0, time: 60, source: '/kitchen', subject: 'dish-1', correlationid: 'order-1', causationid: null, data: { dish: 'salad' } } as never)]))[0];
const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) });
const batches: [string, string, RegExp][] = [
  ['not JSON', '{ "oops": ', /not JSON/],
  ['an object, not an array', '{"a":1}', /JSON array of events; this file holds object/],
  ['null', 'null', /holds null/],
  ['a number', '42', /holds number/],
  ['an entry that is a string', '["x"]', /entry 0/],
  ['a missing id', JSON.stringify([{ ...good, id: undefined }]), /entry 0, field "id"/],
  ['a negative offset', JSON.stringify([{ ...good, offset: -4 }]), /entry 0, field "offset"/],
  ['an offset of 1e309 (Infinity)', `[${JSON.stringify(good).replace('"offset":0', '"offset":1e309')}]`, /entry 0, field "offset"/],
  ['a NaN-like offset', JSON.stringify([{ ...good, offset: 'NaN' }]), /entry 0, field "offset"/],
  ['an unknown kind', JSON.stringify([{ ...good, kind: 'rumour' }]), /entry 0, field "kind"/],
  ['a wrong specversion', JSON.stringify([{ ...good, specversion: '0.3' }]), /entry 0, field "specversion"/],
  ['a time that is not RFC 3339', JSON.stringify([{ ...good, time: 'yesterday' }]), /entry 0, field "time"/],
  ['data nested 200 deep', JSON.stringify([{ ...good, data: deep(200) }]), /nested deeper than 32 levels/],
  ['a duplicate id', JSON.stringify([good, { ...good, offset: 1 }]), /entry 1, field "id": "m-1" is used by an earlier event/],
  ['a 10 MB type name', JSON.stringify([{ ...good, type: 'x'.repeat(10 * 1024 * 1024) }]), /entry 0, field "type"/],
  ['a subject that is a number', JSON.stringify([{ ...good, subject: 7 }]), /entry 0, field "subject"/],
];

// ---- URL parameters (a page opening a link) --------------------------------------------------
const links: [string, string, RegExp][] = [
  ['negative tables', '?tables=-3', /tables=-3 \(whole number 1–40\)/],
  ['huge waiters', '?waiters=99999999999999999999', /waiters=99999999999999999999 \(whole number 1–12\)/],
  ['fractional runners', '?runners=1.5', /runners=1\.5 \(whole number 0–12\)/],
  ['NaN rate', '?rate=NaN', /rate=NaN \(whole number 0–240\)/],
  ['Infinity rate', '?rate=Infinity', /rate=Infinity/],
  ['1e309 seed', '?seed=1e309', /seed=1e309/],
  ['hex seed', '?seed=0x10', /seed=0x10/],
  ['script in scenario', '?scenario=%3Cscript%3Ealert(1)%3C/script%3E', /scenario=<script>alert\(1\)<\/script… \(no such scenario\)/],
  ['unknown mode', '?mode=fast', /mode=fast \(sync or async\)/],
  ['unknown speed', '?speed=3', /speed=3 \(one of 0\.25/],
  ['a switch with a value', '?compare=yes', /compare=yes \(a switch: bare, 1 or 0\)/],
  ['station count 0', '?stations=grill:0', /stations=grill:0 \(kind:count pairs/],
  ['an unknown station kind', '?stations=wok:2', /stations wok:2 \(this kitchen has no wok station\)/],
  ['an unknown setting', '?volume=11', /volume=11 \(not a setting\)/],
  ['an unknown lesson', '?lesson=nope', /lesson=nope \(no such lesson\)/],
  ['a 50 kB query', `?${'a'.repeat(50_000)}=1`, /aaaaaaaaaaaaaaaaaaaaaaaa… \(too long: 50,002 characters; a setting holds at most 300\)/],
  ['a direction override in a value', '?scenario=%E2%80%AEhsur-yadirf', /scenario=⟨U\+202E⟩hsur-yadirf \(no such scenario\)/],
  ['an isolate and a BOM in a key', '?%E2%81%A6x%EF%BB%BF=1', /⟨U\+2066⟩x⟨U\+FEFF⟩=1 \(not a setting\)/],
  ['a broken percent escape', '?mode=%E2%80', /mode=\uFFFD \(sync or async\)/],
];

// ---- CLI arguments ----------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'orderup-badinput-'));
const file = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const base = {
  name: 'x', durationSeconds: 3600, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 3, staff: { waiters: 1 },
  kitchen: { stations: [{ kind: 'cold', count: 1 }] },
  menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }],
  timings: { takeOrderSeconds: { dist: 'fixed', value: 1 }, walkSeconds: { dist: 'fixed', value: 1 }, eatSeconds: { dist: 'fixed', value: 1 } },
};
const cli: [string, string[], RegExp][] = [
  ['an unknown option', ['--frobnicate'], /unknown option/i],
  ['an unknown scenario', ['--scenario', 'nope'], /nope/],
  ['minutes not a number', ['--minutes', 'abc'], /minutes/],
  ['negative minutes', ['--minutes', '-5'], /minutes/],
  ['NaN seed', ['--seed', 'NaN'], /seed/],
  ['an unknown mode', ['--mode', 'turbo'], /mode/],
  ['an unknown format', ['--format', 'xml'], /format/],
  ['a missing value', ['--scenario'], /scenario/],
  ['a file that does not exist', ['--file', join(dir, 'missing.json')], /missing\.json/],
];

// ---- outputs that would overwrite the scenario (docs/bad-input.md, "CLI") ---------------------
/** [what, make the link in `dir` (the scenario is dir/s.json), the CLI's arguments]. */
const outputs: [string, (dir: string) => void, string[]][] = [
  ['--events through a symbolic link to the scenario', (d) => symlinkSync(join(d, 's.json'), join(d, 'link.json')), ['--file', 's.json', '--events', 'link.json']],
  ['--events through a hard link to the scenario', (d) => linkSync(join(d, 's.json'), join(d, 'link.json')), ['--file', 's.json', '--events', 'link.json']],
  ['--events naming the scenario another way', () => {}, ['--file', 's.json', '--events', './x/../s.json']],
  ['--file through a symbolic link, --events the file itself', (d) => symlinkSync(join(d, 's.json'), join(d, 'link.json')), ['--file', 'link.json', '--events', 's.json']],
];

// ---- scenario files (through the CLI, which is where they are read) --------------------------
const scenarios: [string, unknown, RegExp][] = [
  ['tables as a string', { ...base, tables: 'three' }, /tables: /],
  ['negative tables', { ...base, tables: -3 }, /tables: /],
  ['missing menu', { ...base, menu: undefined }, /menu: /],
  ['an unknown distribution', { ...base, menu: [{ ...base.menu[0], cookSeconds: { dist: 'gamma', mean: 5 } }] }, /menu\[0\]\.cookSeconds/],
  ['a dish at a station that does not exist', { ...base, menu: [{ ...base.menu[0], station: 'grill' }] }, /grill/],
  ['a rate of 1e308', { ...base, arrivals: { kind: 'poisson', ratePerHour: 1e308 } }, /arrivals\.ratePerHour/],
  ['an unknown arrival kind', { ...base, arrivals: { kind: 'burst', ratePerHour: 10 } }, /arrivals/],
  ['mode both in a file', { ...base, mode: 'both' }, /mode: Invalid option/],
  ['duration NaN (null in JSON)', { ...base, durationSeconds: null }, /durationSeconds/],
  ['binary garbage', '\u0000\u0001\u00ff{', /not valid JSON/],
  ['a 10 MB name', { ...base, name: 'n'.repeat(10 * 1024 * 1024) }, /name/],
  ['a negative share', { ...base, menu: [{ ...base.menu[0], share: -1 }] }, /menu\[0\]\.share/],
  ['bytes that are not UTF-8 in a name', Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), /not valid UTF-8 at byte offset 12/],
  ['a lone surrogate encoded as UTF-8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), /not valid UTF-8 at byte offset 9/],
  ['the largest restaurant for ten years, sampled as CSV twice', { ...base, durationSeconds: 10 * 365 * 86400, sampleIntervalSeconds: 316, arrivals: { kind: 'poisson', ratePerHour: 10 }, tables: 10_000, staff: { waiters: 500, runners: 500 } }, /too big for the CLI: about [\d,]+ s and [\d,]+ MB .*lower/],
  ['a high arrival rate on the largest restaurant for ten hours', { ...base, durationSeconds: 36_000, arrivals: { kind: 'poisson', ratePerHour: 100_000 }, tables: 10_000, staff: { waiters: 500, runners: 500 } }, /too big for the CLI: .*lower the arrival rate/],
];

// ---- extreme control values on a running page -----------------------------------------------
const controls: [string, (s: SimStore) => void, RegExp][] = [
  ['tables 1e9', (s) => s.getState().setParam('tables', '1e9'), /Tables: 1000000000 is above the maximum 40; using 40\./],
  ['waiters -1', (s) => s.getState().setParam('waiters', '-1'), /Waiters: -1 is below the minimum 1; using 1\./],
  ['arrival rate abc', (s) => s.getState().setParam('ratePerHour', 'abc'), /Arrival rate: "abc" is not a number; kept 36\./],
  ['seed 0x10', (s) => s.getState().setParam('seed', '0x10'), /Seed: "0x10" is not a number/],
  ['an unknown station kind', (s) => s.getState().setParam('station', 3, 'wok'), /There is no wok station in this kitchen\./],
  ['crashing a group that does not exist', (s) => s.getState().command({ type: 'consumerDown', group: 'nobody' }), /nobody/],
  ['an arrival rate of 1e9 by command', (s) => s.getState().command({ type: 'setArrivalRate', ratePerHour: 1e9 }), /Arrival rate: 1000000000 is above the maximum 240; using 240\./],
];

// ---- the console API called wrongly (window.orderUp.session and its stores) -----------------
/** [what, the call, the error's message]: each must throw ArgumentError, say so in the page, change nothing. */
const wrong = <T,>(v: unknown) => v as T;
const consoleCalls: [string, (s: SimStore, session: SessionStore) => void, RegExp][] = [
  ['setMode("xyz")', (s) => s.getState().setMode(wrong('xyz')), /^setMode\(mode\): expected "sync" or "async", got "xyz"\. Nothing changed\.$/],
  ['command setMode xyz', (s) => s.getState().command(wrong({ type: 'setMode', mode: 'xyz' })), /^command\(c\): mode: .*got "xyz"\. Nothing changed\.$/],
  ['command of an unknown type', (s) => s.getState().command(wrong({ type: 'explode' })), /^command\(c\): type: expected one of setMode, admitParty, .*got "explode"/],
  ['command that is not an object', (s) => s.getState().command(wrong('setMode')), /^command\(c\): expected an object like/],
  ['command with no argument', (s) => s.getState().command(wrong(undefined)), /^command\(c\): expected an object .*got nothing/],
  ['a party of 100,000 dishes', (s) => s.getState().command({ type: 'admitParty', dishes: Array.from({ length: 100_000 }, () => 'steak') }), /^command\(c\): dishes: .*50/],
  ['a negative arrival rate by command', (s) => s.getState().command({ type: 'setArrivalRate', ratePerHour: -5 }), /^command\(c\): ratePerHour: .*got -5/],
  ['an arrival rate of NaN by command', (s) => s.getState().command({ type: 'setArrivalRate', ratePerHour: Number.NaN }), /^command\(c\): ratePerHour: .*got NaN/],
  ['an extra field in a command', (s) => s.getState().command(wrong({ type: 'injectPoison', boom: 1 })), /^command\(c\): .*boom/],
  ['a fractional stock', (s) => s.getState().command({ type: 'setStock', dish: 'steak', portions: 1.5 }), /^command\(c\): portions: .*got 1\.5/],
  ['speed 1000', (s) => s.getState().setSpeed(wrong(1000)), /^setSpeed\(speed\): expected one of 0\.25, .*"max" \(kept 1×\), got 1000\./],
  ['an unknown scenario', (s) => s.getState().loadPreset('../../etc/passwd'), /^loadPreset\(name\): there is no scenario called "\.\.\/\.\.\/etc\/passwd" \(kept friday-rush\)/],
  ['a scenario name that is an object', (s) => s.getState().loadPreset(wrong({ toString: () => 'friday-rush' })), /^loadPreset\(name\): expected a scenario name, got an object/],
  ['an unknown lesson', (s) => s.getState().startLessonById('<script>'), /^startLessonById\(id\): .*unknown lesson/],
  ['a lesson that is not one', (s) => s.getState().startLesson(wrong({ id: 'x' })), /^startLesson\(lesson\): expected a lesson/],
  ['an unknown parameter', (s) => s.getState().setParam(wrong('__proto__'), 3), /^setParam\(key\): expected one of ratePerHour, tables/],
  ['a parameter value that is an object', (s) => s.getState().setParam('tables', wrong({})), /^setParam\(value\): expected a number or the text of one, got an object/],
  ['an unknown station kind', (s) => s.getState().setParam('station', 3, 'wok'), /There is no wok station in this kitchen\./],
  ['seek to NaN', (s) => s.getState().seek(Number.NaN), /^seek\(seconds\): expected a finite number of simulated seconds, got NaN/],
  ['seek to a string', (s) => s.getState().seek(wrong('10')), /^seek\(seconds\): .*got "10"/],
  ['a step that is a string', (s) => s.getState().goToStep(wrong('2')), /^goToStep\(step\): .*got "2"/],
  ['a notice of an unknown tone', (s) => s.getState().notice(wrong('shout'), 'x'), /^notice\(tone\): /],
  ['a frame of "x" seconds', (s) => s.getState().tick(wrong('x')), /^tick\(wallSeconds\): /],
  ['syncTo a string', (s) => s.getState().syncTo(wrong('9e9'), true), /^syncTo\(seconds\): /],
  ['restart with a broken scenario', (s) => s.getState().restart(wrong({ name: 'x' }), s.getState().running, 'x', 'sync'), /^restart\(base\): /],
  ['restart with 1e9 tables', (s) => s.getState().restart(s.getState().base, { ...s.getState().running, tables: 1e9 }, 'friday-rush', 'sync'), /^restart\(params\): tables: expected a whole number 1–40, got 1000000000/],
  ['restart in mode xyz', (s) => s.getState().restart(s.getState().base, s.getState().running, 'friday-rush', wrong('xyz')), /^restart\(mode\): /],
  ['onInput with no function', (s) => s.getState().onInput(wrong(3)), /^onInput\(listener\): expected a function, got 3/],
  ['onAction with no function', (s) => s.getState().onAction(wrong('x')), /^onAction\(listener\): expected a function, got "x"/],
  ['a frame budget of 0 ms', (s) => s.getState().setFrameBudget(0), /^setFrameBudget\(ms\): expected a number of milliseconds above 0 and up to 1000, got 0/],
  ['a notice key that is a number', (s) => s.getState().notice('info', 'x', wrong(3)), /^notice\(key\): /],
  ['withdrawNotice of a number', (s) => s.getState().withdrawNotice(wrong(3)), /^withdrawNotice\(key\): /],
  ['importLog of an object', (s) => s.getState().importLog(wrong({}), 'x.json'), /^importLog\(text\): /],
  ['setCompare("yes")', (_s, session) => session.getState().setCompare(wrong('yes')), /^setCompare\(on\): expected true or false, got "yes"/],
  ['setPresenter(1)', (_s, session) => session.getState().setPresenter(wrong(1)), /^setPresenter\(on\): expected true or false, got 1/],
  ['a group name with a direction override', (s) => s.getState().command({ type: 'addSubscriber', name: 'billing', group: 'bill\u202Eing' }), /^command\(c\): group: holds a control or direction character/],
  ['a command whose field getter throws', (s) => s.getState().command(wrong({ get type(): string { throw new Error('x'); } })), /^command\(c\): its fields could not be read \(x\)/],
  ['restart with 50 station kinds', (s) => {
    const b = s.getState().base;
    const stations = Array.from({ length: 50 }, (_, i) => ({ kind: `kind${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, count: 1 }));
    s.getState().restart({ ...b, kitchen: { stations }, menu: b.menu.map((m, i) => ({ ...m, station: stations[i]!.kind })) }, { ...s.getState().running, stations: Object.fromEntries(stations.map((k) => [k.kind, 1])) }, 'big', 'async');
  }, /^restart\(base\): kitchen\.stations: the page draws at most 3 station kinds, got 50/],
  ['nudgeSpeed(5)', (_s, session) => session.getState().nudgeSpeed(wrong(5)), /^nudgeSpeed\(direction\): expected 1 \(faster\) or -1 \(slower\), got 5/],
];

describe(`bad input (${batches.length + links.length + cli.length + outputs.length + scenarios.length + controls.length + consoleCalls.length} cases): a clear message, and nothing else changes`, () => {
  it.each(batches)('imported batch: %s', async (_name, text, message) => {
    const s = running();
    const before = fingerprint(s);
    await expect(s.getState().importLog(text, 'bad.json')).resolves.toBe(false);
    expect(lastNotice(s)).toMatch(/^bad\.json was not imported: /);
    expect(lastNotice(s)).toMatch(message);
    expect(lastNotice(s).length).toBeLessThan(400);
    expect(fingerprint(s)).toBe(before);
  });

  it.each(links)('link: %s', (_name, search, message) => {
    const s = make();
    const session = createSession(s, make);
    const { setup, problems } = parseLink(search, { presetNames: PRESET_NAMES, lessonIds: LESSON_IDS });
    applyLink(session, setup, problems);
    const notice = s.getState().notices.find((n) => n.tone === 'warning')?.text ?? '';
    expect(notice).toMatch(/^This link had settings Order Up cannot use, so they were ignored/);
    expect(notice).toMatch(message);
    expect(notice.length).toBeLessThan(600);
    // The defaults run.
    expect(s.getState().running).toEqual(make().getState().running);
    expect(s.getState().presetName).toBe('friday-rush');
    expect(s.getState().lesson).toBeNull();
  });

  it.each(cli)('CLI: %s', (_name, args, message) => {
    let out = '';
    let err = '';
    const code = main(args, (x) => (out += x), (x) => (err += x));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^sim: /);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each(outputs)('CLI output: %s is refused, the scenario byte for byte as it was', (_name, link, args) => {
    const d = mkdtempSync(join(tmpdir(), 'orderup-badinput-out-'));
    writeFileSync(join(d, 's.json'), JSON.stringify(base));
    const bytes = readFileSync(join(d, 's.json'));
    link(d);
    const names = readdirSync(d).sort();
    let out = '';
    let err = '';
    const code = main(args, (x) => (out += x), (x) => (err += x), d);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/is the scenario file itself .*nothing was written/);
    expect(readFileSync(join(d, 's.json')).equals(bytes)).toBe(true);
    expect(readdirSync(d).sort()).toEqual(names);
  });

  it.each(scenarios)('scenario file: %s', (name, content, message) => {
    let out = '';
    let err = '';
    const f = file(`${name.replace(/\W+/g, '-')}.json`, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
    const code = main(['--file', f, ...(/CSV/.test(name) ? ['--format', 'csv', '--mode', 'both'] : [])], (x) => (out += x), (x) => (err += x));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.length).toBeLessThan(2100);
  });

  it.each(controls)('control: %s', (_name, act, message) => {
    const s = running();
    const before = JSON.parse(fingerprint(s)) as Record<string, unknown>;
    act(s);
    expect(lastNotice(s)).toMatch(message);
    const after = JSON.parse(fingerprint(s)) as Record<string, unknown>;
    // The run goes on untouched: same time, figures, log, preset and mode (a clamped value
    // only waits in Setup for Reset).
    for (const k of ['t', 'served', 'log', 'mode', 'preset', 'speed', 'gen']) expect(after[k], k).toEqual(before[k]);
  });

  it.each(consoleCalls)('console call: %s', (_name, call, message) => {
    const s = running();
    const session = createSession(s, make);
    const before = fingerprint(s);
    let thrown: unknown = null;
    try {
      call(s, session);
    } catch (e) {
      thrown = e;
    }
    if (message.source.startsWith('^')) {
      // A wrong argument: a clear error naming it, thrown before anything changed, and said in the page.
      expect(thrown).toBeInstanceOf(ArgumentError);
      expect((thrown as Error).message).toMatch(message);
      expect(lastNotice(s)).toBe(`Refused ${(thrown as Error).message}`);
    } else {
      expect(thrown).toBeNull();
      expect(lastNotice(s)).toMatch(message);
    }
    expect(fingerprint(s)).toBe(before);
    expect(session.getState().compare).toBe(false);
    expect(session.getState().presenter).toBe(false);
  });

  it('a command with the right shape still runs (the schema refuses only what is wrong)', () => {
    const s = running();
    const before = s.getState().snapshot.partiesArrived;
    s.getState().command({ type: 'admitParty', dishes: ['steak', 'salad'] });
    expect(s.getState().snapshot.partiesArrived).toBe(before + 1);
    s.getState().command({ type: 'setArrivalRate', ratePerHour: 60 });
    expect(s.getState().running.ratePerHour).toBe(60);
    expect(s.getState().edited.ratePerHour).toBe(60);
  });

  it('has at least 80 cases', () => {
    expect(batches.length + links.length + cli.length + outputs.length + scenarios.length + controls.length + consoleCalls.length).toBeGreaterThanOrEqual(80);
  });
});
