import { describe, expect, it } from 'vitest';
import { differences } from './compare.ts';
import { createSimStore } from './simStore.ts';
import { createSession } from './session.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { frozenWall } from '../test/clock.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', now: frozenWall });

describe('the difference strip', () => {
  it('says in words what differs, from the figures both restaurants show', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    primary.getState().syncTo(2 * 3600, true);
    const sync = primary.getState().stats;
    const async = session.getState().twin!.getState().stats;
    const lines = differences(sync, async);
    const gap = async.summary.served - sync.summary.served;
    expect(gap).toBeGreaterThan(0);
    expect(lines[0]).toBe(`Async has served ${gap} more dishes (${async.summary.served} vs ${sync.summary.served}).`);
    expect(lines[1]).toBe(`Sync waiters have been blocked ${Math.round(sync.rolling.utilisation.waiters.blocked * 100)}% of the last 15 min; async ones never wait at the pass.`);
    expect(lines[2]).toMatch(/^p95 latency since opening: sync \d+\.\d min, async \d+\.\d min\.$/);
  });

  it('names the leader first when sync is ahead', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    const a = session.getState().twin!.getState().stats;
    const ahead = { ...primary.getState().stats, summary: { ...primary.getState().stats.summary, served: a.summary.served + 1 } };
    expect(differences(ahead, a)[0]).toBe(`Sync has served 1 more dish (${a.summary.served + 1} vs ${a.summary.served}).`);
  });

  it('at opening both are equal', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    expect(differences(primary.getState().stats, session.getState().twin!.getState().stats)[0]).toBe('Both have served 0 dishes.');
  });
});
