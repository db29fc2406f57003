import { describe, expect, it } from 'vitest';
import { linkNotice, linkOf, parseLink } from './link.ts';
import { createSimStore } from './simStore.ts';
import { applyLink, createSession, setupOf } from './session.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { LESSON_IDS, loadLesson } from '../scenarios/lessons.ts';

const known = { presetNames: PRESET_NAMES, lessonIds: LESSON_IDS };
const make = () =>
  createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: (id) => loadLesson(id, loadPreset) });

describe('shareable links', () => {
  it('reads every setting of a well-formed link', () => {
    const { setup, problems } = parseLink('?scenario=understaffed&seed=42&rate=30&tables=10&waiters=3&runners=0&stations=grill:2,cold:1&mode=async&speed=16&presenter&paused=1', known);
    expect(problems).toEqual([]);
    expect(setup).toEqual({
      scenario: 'understaffed',
      lesson: null,
      params: { seed: 42, ratePerHour: 30, tables: 10, waiters: 3, runners: 0 },
      stations: { grill: 2, cold: 1 },
      mode: 'async',
      speed: 16,
      compare: false,
      presenter: true,
      paused: true,
    });
    expect(parseLink(linkOf(setup), known).setup).toEqual(setup);
  });

  it.each([
    ['?tables=-3', 'tables=-3 (whole number 1–40)'],
    ['?tables=99999999999999999999', 'tables=99999999999999999999 (whole number 1–40)'],
    ['?waiters=2.5', 'waiters=2.5 (whole number 1–12)'],
    ['?seed=0x10', 'seed=0x10 (whole number 0–4294967295)'],
    ['?rate=NaN', 'rate=NaN (whole number 0–240)'],
    ['?rate=1e9', 'rate=1e9 (whole number 0–240)'],
    ['?scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'scenario=<script>alert(1)</script… (no such scenario)'],
    ['?mode=fast', 'mode=fast (sync or async)'],
    ['?speed=1000', 'speed=1000 (one of 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, max)'],
    ['?stations=grill:0', 'stations=grill:0 (kind:count pairs like grill:2, counts 1–8)'],
    ['?compare=maybe', 'compare=maybe (a switch: bare, 1 or 0)'],
    ['?foo=bar', 'foo=bar (not a setting)'],
    ['?tables=4&tables=5', 'tables=5 (given twice; the first one counts)'],
    ['?lesson=nope', 'lesson=nope (no such lesson)'],
  ])('ignores %s and names it', (search, problem) => {
    const { setup, problems } = parseLink(search, known);
    expect(problems).toEqual([problem]);
    if (!search.includes('tables=4')) expect(setup.params).toEqual({});
    expect(linkNotice(problems)).toContain(problem);
  });

  it('never throws on hostile text, and caps what it reads', () => {
    for (const s of ['?%E0%A4%A', '?&&&==&', `?${'x'.repeat(20_000)}`, '?a=%00%01', `?${Array.from({ length: 100 }, (_, i) => `k${i}=1`).join('&')}`]) {
      const { setup, problems } = parseLink(s, known);
      expect(setup.scenario).toBeNull();
      expect(problems.length).toBeLessThanOrEqual(42);
    }
  });

  it('names inherited object keys as unknown instead of breaking (constructor, __proto__…)', () => {
    for (const k of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      const { setup, problems } = parseLink(`?seed=3&${k}=1&stations=${k}:2`, known);
      expect(setup.params).toEqual({ seed: 3 });
      expect(problems[0]).toBe(`${k}=1 (not a setting)`);
      expect(Object.keys(setup.stations)).toEqual(/^[a-z][a-z0-9-]*$/.test(k) ? [k] : []); // kinds: lower case, from a letter
    }
  });

  it('reads real settings however many unknown ones come first, and after a long one', () => {
    const junk = Array.from({ length: 45 }, (_, i) => `x${i}`).join('&');
    const { setup, problems } = parseLink(`?${junk}&paused&compare`, known);
    expect(setup.paused && setup.compare).toBe(true);
    expect(problems.at(-1)).toBe('more unknown settings after the first 40');
    const long = parseLink(`?q=${'x'.repeat(3995)}&seed=7`, known);
    expect(long.setup.params.seed).toBe(7);
    expect(parseLink('?%00=%00', known).problems[0]).toBe('⟨U+0000⟩=⟨U+0000⟩ (not a setting)');
    expect(parseLink('?=', known).problems[0]).toBe('(empty name) (not a setting)');
    expect(parseLink('?mode=async&compare', known).problems[0]).toBe('mode=async (compare mode shows both)');
  });

  it('a lesson link ignores scenario settings', () => {
    const { setup, problems } = parseLink('?lesson=fan-out&tables=3&presenter', known);
    expect(setup.lesson).toBe('fan-out');
    expect(setup.params).toEqual({});
    expect(setup.presenter).toBe(true);
    expect(problems[0]).toBe('tables (a lesson sets its own restaurant)');
    expect(linkNotice(problems, true)).toMatch(/so they were ignored: tables \(a lesson/);
  });

  it('a page opened from another page’s link has the same setup and, run as long, the same numbers', () => {
    const a = make();
    const sa = createSession(a, make);
    a.getState().loadPreset('understaffed');
    a.getState().setParam('seed', 42);
    a.getState().setParam('tables', 7);
    a.getState().setParam('station', 2, 'grill');
    a.getState().reset();
    a.getState().setParam('ratePerHour', 33);
    a.getState().setSpeed(16);
    sa.getState().setPresenter(true);
    a.getState().setMode('async');
    a.getState().restart(a.getState().base, a.getState().running, a.getState().presetName, 'async');
    const link = linkOf(setupOf(sa));
    expect(link).toBe('?scenario=understaffed&seed=42&rate=33&tables=7&waiters=2&runners=1&stations=cold:2,stove:5,grill:2&mode=async&speed=16&presenter&paused');

    const b = make();
    const sb = createSession(b, make);
    const { setup, problems } = parseLink(link, known);
    applyLink(sb, setup, problems);
    expect(b.getState().notices).toEqual([]);
    expect(setupOf(sb)).toEqual(setupOf(sa));
    a.getState().syncTo(7200, true);
    b.getState().syncTo(7200, true);
    expect(b.getState().stats.summary).toEqual(a.getState().stats.summary);
    expect(b.getState().stats.summary.served).toBeGreaterThan(50);
  });

  it('a malformed link runs the defaults with one notice, and plays', () => {
    const b = make();
    const sb = createSession(b, make);
    const { setup, problems } = parseLink('?tables=-4&waiters=1e400&scenario=<b>x</b>&compare', known);
    applyLink(sb, setup, problems);
    expect(b.getState().running).toEqual(make().getState().running);
    expect(sb.getState().compare).toBe(true);
    expect(b.getState().playing).toBe(true);
    expect(b.getState().notices.filter((n) => n.tone === 'warning')).toHaveLength(1);
    expect(b.getState().notices.at(-1)!.text).toMatch(/ignored and the defaults run: tables=-4 .*waiters=1e400.*scenario=<b>x<\/b> \(no such scenario\)/);
  });
});

describe('every setting is read on its own', () => {
  const known = { presetNames: ['friday-rush', 'understaffed'], lessonIds: ['cqrs'] };
  it('a 100,000-character setting is reported and skipped; the settings after it still apply', () => {
    const { setup, problems } = parseLink(`?x=${'a'.repeat(100_000)}&waiters=7&paused`, known);
    expect(setup.params.waiters).toBe(7);
    expect(setup.paused).toBe(true);
    expect(problems).toEqual(['x=… (too long: 100,002 characters; a setting holds at most 300)']);
  });
  it('a long key, a broken escape and junk between good settings leave the good ones applied', () => {
    const { setup, problems } = parseLink(`?tables=5&${'k'.repeat(5000)}&rate=%ZZ&&=&mode=async&runners=2`, known);
    expect(setup.params).toEqual({ tables: 5, runners: 2 });
    expect(setup.mode).toBe('async');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^k{24}… \(too long: 5,000 characters/);
    expect(problems[1]).toMatch(/^rate=%ZZ \(whole number 0–240\)$/);
  });
  it('control and direction characters are shown escaped in what the notice quotes', () => {
    const { problems } = parseLink('?mode=%E2%80%AEcnysa%E2%80%AC', known);
    expect(problems).toEqual(['mode=⟨U+202E⟩cnysa⟨U+202C⟩ (sync or async)']);
    expect(linkNotice(problems)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
  it('a quote never cuts a character in half', () => {
    const { problems } = parseLink(`?volume=${'🥩'.repeat(30)}`, known);
    expect(problems[0]).toBe(`volume=${'🥩'.repeat(24)}… (not a setting)`);
  });
});

describe('quoting a long value', () => {
  it('never cuts between a letter and its combining accents', () => {
    const known = { presetNames: ['friday-rush'], lessonIds: [] };
    const { problems } = parseLink(`?volume=${'e\u0301\u0302'.repeat(30)}`, known);
    expect(problems[0]).toBe(`volume=${'e\u0301\u0302'.repeat(24)}… (not a setting)`);
  });
});
