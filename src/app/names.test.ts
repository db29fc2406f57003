import { describe, expect, it } from 'vitest';
import { createSimStore, type SimStore } from './simStore.ts';
import { paramsOf, pendingChanges, withParams } from './params.ts';
import { linkOf, parseLink } from './link.ts';
import { applyLink, createSession, setupOf } from './session.ts';
import { loadPreset } from '../scenarios/index.ts';
import { frozenWall } from '../test/clock.ts';
import { AWKWARD_DISHES, AWKWARD_KINDS, namesScenarios, toOrdinary } from '../test/names.ts';
import type { Scenario } from '../sim/index.ts';

// docs/bad-input.md, "Names are data": the page's records keyed by station kinds and dishes
// keep every name, and every figure it shows is the one of the same restaurant with ordinary names.

const { awkward, ordinary } = namesScenarios();
const known = { presetNames: ['names'], lessonIds: [] };
const storeOf = (scenario: Scenario): SimStore =>
  createSimStore({ presetNames: ['names'], loadPreset: (n) => (n === 'names' ? scenario : loadPreset(n)), initialPreset: 'names', now: frozenWall });

describe('the page with names that are Object.prototype members', () => {
  it('its parameters keep one own entry per station kind, and build the scenario back exactly', () => {
    const p = paramsOf(awkward);
    expect(Object.getPrototypeOf(p.stations)).toBeNull();
    expect(Object.keys(p.stations)).toEqual(AWKWARD_KINDS);
    expect(withParams(awkward, p)).toEqual(awkward);
    // A parameter set from elsewhere (a plain object without those kinds) never reads an
    // inherited member as a count: the scenario's own counts stay.
    const counts = withParams(awkward, { ...p, stations: {} }).kitchen.stations.map((k) => k.count);
    expect(counts).toEqual(awkward.kitchen.stations.map((k) => k.count));
    expect(pendingChanges(p, { ...p, stations: {} })).toEqual([]);
  });

  it('Setup edits a kind named constructor, waits for Reset, then runs with it', () => {
    const store = storeOf(awkward);
    const s = store.getState;
    s().setParam('station', 3, 'constructor');
    expect(Object.getPrototypeOf(s().edited.stations)).toBeNull();
    expect(Object.keys(s().edited.stations)).toEqual(AWKWARD_KINDS);
    expect(s().edited.stations.constructor).toBe(3);
    expect(s().pending).toEqual(['constructor stations']);
    s().reset();
    expect(s().pending).toEqual([]);
    expect(s().restaurant().scenario.kitchen.stations.find((k) => k.kind === 'constructor')!.count).toBe(3);
    expect(s().snapshot.stations.filter((st) => st.kind === 'constructor').map((st) => st.id)).toEqual(['constructor-1', 'constructor-2', 'constructor-3']);
  });

  it.each(['__proto__', 'toJSON', 'then', 'valueof'])('a kind %s the kitchen does not have: a notice, nothing changed', (kind) => {
    const store = storeOf(awkward);
    const s = store.getState;
    const before = { edited: s().edited, pending: s().pending, scenario: JSON.stringify(s().restaurant().scenario) };
    s().setParam('station', 2, kind);
    expect(s().notices.at(-1)?.text).toBe(`There is no ${kind} station in this kitchen.`);
    expect({ edited: s().edited, pending: s().pending, scenario: JSON.stringify(s().restaurant().scenario) }).toEqual(before);
  });

  it('figures, snapshot, exported log and CSV: the same as with ordinary names', () => {
    const [a, o] = [storeOf(awkward), storeOf(ordinary)];
    for (const st of [a, o]) {
      st.getState().setMode('async');
      st.getState().syncTo(3 * 3600, true);
    }
    const [sa, so] = [a.getState(), o.getState()];
    expect(Object.keys(sa.stats.summary.perDish)).toEqual(AWKWARD_DISHES);
    expect(sa.stats.summary.perDish.__proto__!.served).toBeGreaterThan(0);
    expect(toOrdinary(JSON.stringify(sa.stats))).toBe(JSON.stringify(so.stats));
    expect(toOrdinary(JSON.stringify(sa.snapshot))).toBe(JSON.stringify(so.snapshot));
    expect(toOrdinary(sa.exportLog())).toBe(so.exportLog());
    expect(sa.exportCsv()).toBe(so.exportCsv());
    expect(JSON.stringify(sa.stats)).not.toBe(JSON.stringify(so.stats));
  });

  it('a link names the kind constructor: read, applied, written back', () => {
    const { setup, problems } = parseLink('?stations=constructor:2,tostring:4&paused', known);
    expect(problems).toEqual([]);
    expect(Object.getPrototypeOf(setup.stations)).toBeNull();
    expect(Object.entries(setup.stations)).toEqual([['constructor', 2], ['tostring', 4]]);
    const store = storeOf(awkward);
    const session = createSession(store, () => storeOf(awkward));
    applyLink(session, setup, problems);
    // `tostring` is not `toString`: the kitchen has no such kind, and the notice says so.
    expect(store.getState().notices.at(-1)?.text).toContain('stations tostring:4 (this kitchen has no tostring station)');
    expect(store.getState().restaurant().scenario.kitchen.stations.find((k) => k.kind === 'constructor')!.count).toBe(2);
    const back = setupOf(session);
    expect(Object.getPrototypeOf(back.stations)).toBeNull();
    expect(Object.keys(back.stations)).toEqual(AWKWARD_KINDS);
    expect(linkOf(back)).toContain('stations=constructor:2,toString:2,hasOwnProperty:1,');
  });
});
