import { describe, expect, it } from 'vitest';
import { createRestaurant } from '../../sim/index.ts';
import { loadPreset } from '../../scenarios/index.ts';
import { loadLesson } from '../../scenarios/lessons.ts';
import { rebuiltSentence } from './LessonWidgets.tsx';

const counted = (p: Record<string, number> | null) => Object.values(p ?? {}).reduce((a, b) => a + b, 0);

describe('the CQRS lesson’s sentence about the rebuilt dashboard', () => {
  it('says ahead, catching up or identical exactly as the two projections’ own counts are, at every step of the tour', () => {
    const l = loadLesson('cqrs', loadPreset);
    const r = createRestaurant({ ...l.scenario, warmupSeconds: 0 }, { retainMessages: 20_000 });
    for (const name of ['kitchen-display', 'tracker', 'dashboard'] as const) r.send({ type: 'addSubscriber', name, from: 'earliest' });
    r.runUntil(5400);
    const add = l.tour[1]!.actions[0]!;
    if (add.do !== 'addSubscriber') throw new Error('step 2 adds the rebuilt dashboard');
    r.send({ type: 'addSubscriber', name: 'dashboard', group: 'dashboard-rebuilt', from: 'earliest', processingSeconds: add.processingSeconds! });
    const seen = new Set<string>();
    for (let t = 5400 + 60; t <= 9000; t += 60) {
      r.runUntil(t);
      const live = r.projection('dashboard');
      const rebuilt = r.projection('dashboard-rebuilt');
      const said = rebuiltSentence(live, rebuilt);
      const [a, b] = [counted(live), counted(rebuilt)];
      if (JSON.stringify(live) === JSON.stringify(rebuilt)) {
        expect(said).toMatch(/exactly what the live one shows/);
        seen.add('same');
      } else if (b > a) {
        expect(said).toBe(`The rebuilt dashboard is ahead: it has counted ${b} dish${b === 1 ? '' : 'es'}, the slower live one ${a}. Their counts agree on every event both have handled.`);
        seen.add('ahead');
      } else {
        expect(said).toMatch(new RegExp(`catching up: it has counted ${b} dish(es)? of the ${a}`));
        seen.add('behind');
      }
      // Never "0 behind" while the tables differ.
      expect(said).not.toMatch(/\b0 (events?|dish(es)?) behind/);
    }
    // The tour passes through catching up and then ahead of the slower live dashboard.
    expect(seen.has('behind')).toBe(true);
    expect(seen.has('ahead') || seen.has('same')).toBe(true);
  });
});
