import { describe, expect, it } from 'vitest';
import { capacityBound, closedNetworkThroughput, meanDishesPerParty, mg1, mmc } from './theory.ts';
import { testScenario } from '../../test/TestRestaurant.ts';

describe('queueing formulas (docs/queueing.md worked values, μ = 1/min)', () => {
  it('M/M/1, λ = 0.5 → W = 2.000', () => expect(mmc(0.5, 1, 1).W).toBeCloseTo(2.0, 4));
  it('M/M/2, λ = 1.2 → W = 1.5625', () => expect(mmc(1.2, 1, 2).W).toBeCloseTo(1.5625, 4));
  it('M/M/5, λ = 3.5 → W = 1.2519', () => expect(mmc(3.5, 1, 5).W).toBeCloseTo(1.2519, 4));
  it('M/D/1, λ = 0.6 → W = 1.750 (Pollaczek–Khinchine)', () => expect(mg1(0.6, 1, 0).W).toBeCloseTo(1.75, 4));
  it('M/G/1 with Cs² = 1 equals M/M/1', () => expect(mg1(0.7, 1, 1).W).toBeCloseTo(mmc(0.7, 1, 1).W, 10));
  it('Little: Lq = λ·Wq for M/M/c', () => {
    const q = mmc(3.5, 1, 5);
    expect(q.Lq).toBeCloseTo(3.5 * q.Wq, 10);
  });
  it('refuses unstable queues', () => {
    expect(() => mmc(1, 1, 1)).toThrow(RangeError);
    expect(() => mg1(2, 1, 0)).toThrow(RangeError);
  });
  it('closed network: 2 waiters, Z = 2, D = 5, 1 station → 11.35 dishes/hour', () => {
    expect(closedNetworkThroughput(2, 2, 5, 1) * 60).toBeCloseTo(11.35, 2);
  });
  it('closed network approaches the bound min(m/(Z+D), k/D) from below', () => {
    expect(closedNetworkThroughput(1, 2, 5, 1)).toBeCloseTo(1 / 7, 10);
    expect(closedNetworkThroughput(50, 2, 5, 1)).toBeCloseTo(1 / 5, 6);
    expect(closedNetworkThroughput(3, 2, 5, 2)).toBeLessThan(Math.min(3 / 7, 2 / 5));
  });
});

describe('capacity bound', () => {
  const s = testScenario({
    tables: 40,
    staff: { waiters: 2, runners: 1 },
    kitchen: { stations: [{ kind: 'cold', count: 2 }, { kind: 'grill', count: 1 }] },
    menu: [
      { dish: 'salad', station: 'cold', share: 3, cookSeconds: { dist: 'fixed', value: 120 } },
      { dish: 'steak', station: 'grill', share: 1, cookSeconds: { dist: 'exponential', mean: 600 } },
    ],
  });
  it('sync: floor staff ÷ the time a waiter holds an order, walks and cooking included', () => {
    const b = capacityBound(s, 'sync');
    // hold = 3 walks (30) + take 60 + mean cook (0.75·120 + 0.25·600 = 240) = 330 s; 3 staff.
    expect(b.stages.find((x) => x.stage === 'floor')!.perHour).toBeCloseTo((3 * 3600) / 330, 9);
    // grill: 1 station ÷ (0.25 · 600 s per dish) = 24/h; cold: 2 ÷ (0.75 · 120) = 80/h.
    expect(b.stages.find((x) => x.stage === 'kitchen:grill')!.perHour).toBeCloseTo(24, 9);
    expect(b.stages.find((x) => x.stage === 'kitchen:cold')!.perHour).toBeCloseTo(80, 9);
    expect(b.boundPerHour).toBeCloseTo(24, 9);
    expect(b.limitingStage).toBe('kitchen:grill');
  });
  it('async: the smallest of waiters, kitchen and runners', () => {
    const b = capacityBound(s, 'async');
    expect(b.stages.find((x) => x.stage === 'waiters')!.perHour).toBeCloseTo((2 * 3600) / 70, 9);
    expect(b.stages.find((x) => x.stage === 'runners')!.perHour).toBeCloseTo(3600 / 20, 9);
    expect(b.boundPerHour).toBeCloseTo(24, 9);
  });
  it('tables: no more parties than tables ÷ the least time a party holds one', () => {
    const few = { ...s, tables: 4 };
    // sync hold = walk 10 + take 60 + walk 10 + mean cook 240 + plate 0 + carry 10 + eat 600 + pay 0 = 930 s.
    const sync = capacityBound(few, 'sync');
    expect(sync.stages.find((x) => x.stage === 'tables')!.perHour).toBeCloseTo((4 * 3600) / 930, 9);
    expect(sync.limitingStage).toBe('tables');
    // async: the ticket is submitted (0 s here) instead of walked to the kitchen.
    expect(capacityBound(few, 'async').stages.find((x) => x.stage === 'tables')!.perHour).toBeCloseTo((4 * 3600) / 920, 9);
  });
  it('mean dishes per party counts the rounding to a whole dish, at least one', () => {
    expect(meanDishesPerParty(testScenario({ dishesPerParty: { dist: 'fixed', value: 2.4 } }))).toBe(2);
    expect(meanDishesPerParty(testScenario({ dishesPerParty: { dist: 'fixed', value: 0 } }))).toBe(1);
    // uniform 0.5..4.5 rounds to 1..4 equally often (2.5).
    expect(meanDishesPerParty(testScenario({ dishesPerParty: { dist: 'uniform', min: 0.5, max: 4.5 } }))).toBeCloseTo(2.5, 1);
  });
});
