import { describe, expect, it } from 'vitest';
import { createSimStore } from './simStore.ts';
import { createSession } from './session.ts';
import { brokenInvariants, createFuzzer, transferBroken, mulberry32 } from './fuzz.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { loadLesson } from '../scenarios/lessons.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: (id) => loadLesson(id, loadPreset) });

describe('fuzzing the page’s actions (the engine and stores; the browser test adds the DOM)', () => {
  it.each([1, 2, 3])('seed %i: 1,500 random actions break no invariant', (seed) => {
    const primary = make();
    const fuzz = createFuzzer(createSession(primary, make), seed);
    fuzz.run(1500);
    expect(fuzz.actions).toBe(1500);
    expect(fuzz.broken).toEqual([]);
  });

  it('the invariant check does catch a broken restaurant', () => {
    const s = make();
    s.getState().syncTo(3600, true);
    expect(brokenInvariants(s)).toEqual([]);
    s.setState({ snapshot: { ...s.getState().snapshot, partiesArrived: s.getState().snapshot.partiesArrived + 1 } });
    expect(brokenInvariants(s)[0]).toMatch(/parties arrived but \d+ are accounted for/);
  });

  it('money is conserved in the transfer world for random options', () => {
    const random = mulberry32(9);
    for (let i = 0; i < 60; i++) expect(transferBroken(random)).toEqual([]);
  });
});
