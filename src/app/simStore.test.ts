import { describe, expect, it } from 'vitest';
import { createSimStore, MAX_FRAME_SECONDS } from './simStore.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { frozenWall } from '../test/clock.ts';

const make = (preset = 'friday-rush') => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: preset, now: frozenWall });

describe('sim store', () => {
  it('maps wall time to simulated time: 1× is one simulated minute per second, frames clamped', () => {
    const store = make();
    const s = store.getState;
    s().tick(0.05);
    expect(s().snapshot.time).toBe(0); // paused: nothing moves
    s().play();
    s().tick(0.05);
    expect(s().snapshot.time).toBeCloseTo(3, 9);
    s().setSpeed(16);
    s().tick(0.05);
    expect(s().snapshot.time).toBeCloseTo(3 + 48, 9);
    // A hidden tab's 30-second frame counts as MAX_FRAME_SECONDS.
    s().tick(30);
    expect(s().snapshot.time).toBeCloseTo(51 + MAX_FRAME_SECONDS * 60 * 16, 9);
  });

  it('as fast as possible runs many simulated minutes per frame within a wall budget', () => {
    let wall = 0;
    const store = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', now: () => (wall += 1) });
    store.getState().setSpeed('max');
    store.getState().play();
    store.getState().tick(0.016);
    // The fake wall clock advances 1 ms per reading: about a dozen 60-second slices fit.
    expect(store.getState().snapshot.time).toBeGreaterThanOrEqual(60 * 5);
  });

  it('a machine that cannot keep up runs slower within the frame budget and says so, never freezing', () => {
    let wall = 0;
    // Every look at the wall clock costs 5 ms: at 64× a frame cannot do its 384 simulated seconds.
    const store = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', now: () => (wall += 5) });
    store.getState().setSpeed(64);
    store.getState().play();
    store.getState().tick(0.1);
    const t = store.getState().snapshot.time;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThanOrEqual(90); // three 30-second slices, then the 12 ms budget is spent
    for (let i = 0; i < 3; i++) store.getState().tick(0.1);
    const shown = store.getState().effectiveSpeed!;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(64 * 0.9);
    // With a fast clock it keeps up and the warning goes.
    store.getState().pause();
    expect(store.getState().effectiveSpeed).toBeNull();
  });

  it('step advances exactly one simulation event and pauses', () => {
    const store = make();
    store.getState().play();
    store.getState().tick(0.1);
    const before = store.getState().restaurant().eventsFired;
    store.getState().step();
    expect(store.getState().restaurant().eventsFired).toBe(before + 1);
    expect(store.getState().playing).toBe(false);
  });

  it('reset rebuilds the same customers from time 0', () => {
    const store = make();
    const s = store.getState;
    s().setSpeed(64);
    s().play();
    for (let i = 0; i < 30; i++) s().tick(0.1);
    const firstRun = s().snapshot.partiesArrived;
    expect(firstRun).toBeGreaterThan(5);
    s().reset();
    expect(s().snapshot.time).toBe(0);
    expect(s().stats.summary.served).toBe(0);
    for (let i = 0; i < 30; i++) s().tick(0.1);
    expect(s().snapshot.partiesArrived).toBe(firstRun);
  });

  it('a mode switch while running applies to orders taken after it', () => {
    const store = make();
    const s = store.getState;
    s().setSpeed(64);
    s().play();
    for (let i = 0; i < 20; i++) s().tick(0.1);
    s().setMode('async');
    for (let i = 0; i < 20; i++) s().tick(0.1);
    const tickets = s().snapshot.tickets.filter((t) => t.orderedAt !== null);
    const switchedAt = s().restaurant().modeSpans[1]!.t;
    for (const t of tickets) expect(t.protocol).toBe(t.orderedAt! >= switchedAt ? 'async' : 'sync');
    expect(tickets.some((t) => t.protocol === 'async')).toBe(true);
  });

  it('clamps a parameter with a notice, applies arrival rate live and the rest on reset', () => {
    const store = make();
    const s = store.getState;
    s().setParam('tables', 500);
    expect(s().edited.tables).toBe(40);
    expect(s().notices.at(-1)!.text).toBe('Tables: 500 is above the maximum 40; using 40.');
    expect(s().pending).toEqual(['tables']);
    expect(s().snapshot.parties.length).toBe(0);
    s().setParam('ratePerHour', 90);
    expect(s().snapshot.arrivalRatePerHour).toBe(90);
    s().setParam('waiters', -3);
    expect(s().edited.waiters).toBe(1);
    s().reset();
    expect(s().pending).toEqual([]);
    expect(s().scenario.tables).toBe(40);
    expect(s().scenario.staff.waiters).toBe(1);
    expect(s().scenario.arrivals.ratePerHour).toBe(90);
  });

  it('an unknown preset leaves the running restaurant alone and says so', () => {
    const store = make();
    store.getState().play();
    store.getState().tick(0.1);
    const r = store.getState().restaurant();
    expect(() => store.getState().loadPreset('<script>')).toThrow(/^loadPreset\(name\): there is no scenario called "<script>"/);
    expect(store.getState().restaurant()).toBe(r);
    expect(store.getState().notices.at(-1)!.text).toContain('there is no scenario called "<script>"');
  });

  it('stops at the end of the service', () => {
    const store = make('quiet-lunch');
    const s = store.getState;
    s().setSpeed('max');
    s().play();
    for (let i = 0; i < 2000 && !s().finished; i++) s().tick(0.016);
    expect(s().finished).toBe(true);
    expect(s().playing).toBe(false);
    expect(s().snapshot.time).toBe(s().scenario.durationSeconds);
    // Play again: the one notice saying so, not a second one in other words.
    s().play();
    s().play();
    expect(s().notices.filter((n) => /service is over/i.test(n.text))).toHaveLength(1);
  });
});

describe('a stop brings every figure to the moment shown', () => {
  it("the tour's automatic pause refreshes the figures and the log with the floor (contracts: the dead-letter topic and billing's count agree)", async () => {
    const { loadLesson } = await import('../scenarios/lessons.ts');
    const store = make();
    const s = store.getState;
    s().startLesson(loadLesson('contracts', loadPreset));
    s().goToStep(0);
    s().goToStep(1);
    for (let i = 0; i < 20_000 && s().playing; i++) s().tick(1 / 60);
    expect(s().playing).toBe(false);
    expect(s().stats.time).toBe(s().snapshot.time);
    const deadInLog = s().eventLog().entries.filter((e) => e.topic === 'deadletter').length;
    const deadInGroups = s().snapshot.consumers.groups.reduce((n, g) => n + g.deadLettered, 0);
    expect(deadInLog).toBeGreaterThan(0);
    expect(deadInLog).toBe(deadInGroups);
  });
});
