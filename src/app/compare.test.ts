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
    const wait = (s: typeof sync) => (s.summary.customerSeconds.lastDish.p95 / 60).toFixed(1);
    // After two hours of friday-rush the customers wait less in async, and the sentence says so
    // with the same figures as the tiles.
    expect(Number(wait(async))).toBeLessThan(Number(wait(sync)));
    expect(lines[0]).toBe(`Customers wait less in async: p95 ${wait(async)} min from door to last dish, against ${wait(sync)} min in sync.`);
    const served = lines.find((l) => l.includes('has served'));
    expect(served).toBe(`Async has served ${gap} more dishes (${async.summary.served} vs ${sync.summary.served}).`);
    expect(lines).toContain(`Sync's floor staff were blocked ${Math.round(sync.rolling.floorStaff.blocked * 100)}% of the last 15 min; async's never.`);
    // "longer in async" appears exactly when async's order → served p95 is the larger.
    const [sl, al] = [sync, async].map((s) => (s.summary.latencySeconds.p95 / 60).toFixed(1));
    expect(lines.some((l) => l.startsWith('Order → served is longer in async'))).toBe(Number(al) > Number(sl));
  });

  it('names the leader first when sync is ahead', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    const a = session.getState().twin!.getState().stats;
    const ahead = { ...primary.getState().stats, summary: { ...primary.getState().stats.summary, served: a.summary.served + 1 } };
    expect(differences(ahead, a)).toContain(`Sync has served 1 more dish (${a.summary.served + 1} vs ${a.summary.served}).`);
  });

  it('says which restaurant the customers wait less in, either way round, and why the order → served figure can point the other way', () => {
    const primary = make();
    const base = primary.getState().stats;
    const withFigures = (waitP95: number, latencyP95: number) => ({
      ...base,
      summary: {
        ...base.summary,
        latencySeconds: { ...base.summary.latencySeconds, p95: latencyP95 },
        customerSeconds: { ...base.summary.customerSeconds, lastDish: { ...base.summary.customerSeconds.lastDish, p95: waitP95, parties: 10 } },
      },
    });
    const lines = differences(withFigures(1200, 600), withFigures(1800, 540));
    expect(lines[0]).toBe('Customers wait less in sync: p95 20.0 min from door to last dish, against 30.0 min in async.');
    expect(lines[1]).toBe("Order → served is longer in sync (10.0 vs 9.0 min): it starts only once the order is taken, so async's wait at the door is not in it.");
    // Equal at the precision shown: no "less".
    expect(differences(withFigures(1201, 600), withFigures(1199, 600))[0]).toBe('Customers wait about as long in both: p95 20.0 min from door to last dish.');
    // Both figures agree: no "why" sentence.
    expect(differences(withFigures(1800, 900), withFigures(1200, 600)).some((l) => l.startsWith('Order → served'))).toBe(false);
  });

  it('at opening both are equal', () => {
    const primary = make();
    const session = createSession(primary, make);
    session.getState().setCompare(true);
    expect(differences(primary.getState().stats, session.getState().twin!.getState().stats)[0]).toBe('Both have served 0 dishes.');
  });
});
