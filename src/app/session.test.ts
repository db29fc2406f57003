import { describe, expect, it } from 'vitest';
import { createSimStore } from './simStore.ts';
import { createSession } from './session.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { frozenWall } from '../test/clock.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', now: frozenWall });

describe('compare mode (session)', () => {
  it('runs a synchronous and an asynchronous restaurant in lockstep on the same customers', () => {
    const primary = make();
    const session = createSession(primary, make);
    primary.getState().play();
    primary.getState().tick(0.1); // some time passes before compare: both restart at opening
    session.getState().setCompare(true);
    const twin = session.getState().twin!;
    expect(primary.getState().mode).toBe('sync');
    expect(twin.getState().mode).toBe('async');
    expect(primary.getState().snapshot.time).toBe(0);
    primary.getState().setSpeed(64);
    expect(twin.getState().speed).toBe(64);
    const seen = { sync: new Map<number, number>(), async: new Map<number, number>() };
    for (let i = 0; i < 30; i++) {
      primary.getState().tick(0.1);
      for (const p of primary.getState().snapshot.parties) seen.sync.set(p.id, p.arrivedAt);
      for (const p of twin.getState().snapshot.parties) seen.async.set(p.id, p.arrivedAt);
    }
    const t = primary.getState().snapshot.time;
    expect(t).toBeGreaterThan(3 * 3600);
    expect(twin.getState().snapshot.time).toBe(t);
    expect(twin.getState().playing).toBe(true);
    // Same arrivals (ids and times), different service.
    const pa = primary.getState().restaurant();
    const ta = twin.getState().restaurant();
    expect(ta.snapshot().partiesArrived).toBe(pa.snapshot().partiesArrived);
    let common = 0;
    for (const [id, at] of seen.async) {
      if (!seen.sync.has(id)) continue;
      common++;
      expect(seen.sync.get(id), `party ${id}`).toBe(at);
    }
    expect(common).toBeGreaterThan(20);
    expect(twin.getState().stats.summary.throughputPerHour).toBeGreaterThan(primary.getState().stats.summary.throughputPerHour);
    expect(primary.getState().stats.rolling.utilisation.waiters.blocked).toBeGreaterThan(0.3);
    expect(twin.getState().stats.rolling.utilisation.waiters.blocked).toBe(0);
  });

  it('forwards commands and restarts to the twin, but not mode switches; step keeps both at one time', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    const twin = session.getState().twin!;
    primary.getState().step();
    primary.getState().step();
    expect(twin.getState().snapshot.time).toBe(primary.getState().snapshot.time);
    primary.getState().setParam('ratePerHour', 90);
    expect(twin.getState().snapshot.arrivalRatePerHour).toBe(90);
    session.getState().toggleMode();
    expect(primary.getState().mode).toBe('sync');
    expect(primary.getState().notices.at(-1)!.text).toMatch(/left restaurant is synchronous/);
    primary.getState().setParam('tables', 4);
    primary.getState().reset();
    expect(twin.getState().scenario.tables).toBe(4);
    expect(twin.getState().mode).toBe('async');
    expect(twin.getState().snapshot.time).toBe(0);
    session.getState().setCompare(false);
    expect(session.getState().twin).toBeNull();
    primary.getState().play();
    primary.getState().tick(0.1);
    expect(twin.getState().snapshot.time).toBe(0); // unlinked
  });

  it('travelling back in time keeps both restaurants in step (found by the fuzzer)', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    const twin = session.getState().twin!;
    primary.getState().syncTo(3 * 3600, true);
    primary.getState().command({ type: 'consumerDown', group: 'billing' });
    primary.getState().syncTo(3.5 * 3600, true);
    primary.getState().seek(3.2 * 3600);
    expect(twin.getState().snapshot.time).toBe(primary.getState().snapshot.time);
    // The twin replayed its own past, crash included.
    expect(twin.getState().snapshot.consumers.groups.find((g) => g.group === 'billing')!.down).toBe(true);
  });

  it('the speed ladder stops at its ends', () => {
    const primary = make();
    const session = createSession(primary, make);
    for (let i = 0; i < 20; i++) session.getState().nudgeSpeed(1);
    expect(primary.getState().speed).toBe('max');
    for (let i = 0; i < 20; i++) session.getState().nudgeSpeed(-1);
    expect(primary.getState().speed).toBe(0.25);
  });
});
