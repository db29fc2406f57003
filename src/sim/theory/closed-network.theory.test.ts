import { describe, expect, it } from 'vitest';
import { createRestaurant } from '../index.ts';
import { closedNetworkThroughput } from '../metrics/theory.ts';
import { testScenario } from '../../test/TestRestaurant.ts';
import { zero } from '../../test/theory.ts';

// Sync mode is a closed network in which the waiters are the jobs (docs/queueing.md): a door
// that never empties (heavy arrivals, patience keeps the queue bounded), walking 0.
describe('sync restaurant is a closed network of waiters', () => {
  it('2 waiters, order-taking exp(2 min), one station exp(5 min): throughput 11.35 dishes/hour (MVA)', () => {
    const s = testScenario({
      seed: 99,
      mode: 'sync',
      durationSeconds: 3600 * 24 * 800,
      warmupSeconds: 3600 * 10,
      sampleIntervalSeconds: 3600,
      arrivals: { kind: 'poisson', ratePerHour: 120 },
      tables: 10,
      patienceSeconds: { dist: 'fixed', value: 600 },
      staff: { waiters: 2, runners: 0 },
      kitchen: { stations: [{ kind: 'k', count: 1 }] },
      menu: [{ dish: 'dish', station: 'k', share: 1, cookSeconds: { dist: 'exponential', mean: 300 } }],
      timings: { takeOrderSeconds: { dist: 'exponential', mean: 120 }, walkSeconds: zero, eatSeconds: zero },
    });
    const r = createRestaurant(s);
    r.runUntil(s.durationSeconds);
    const m = r.summary();
    const theory = closedNetworkThroughput(2, 2, 5, 1) * 60;
    expect(theory).toBeCloseTo(11.35, 2);
    expect(m.served).toBeGreaterThanOrEqual(200_000);
    expect(Math.abs(m.throughputPerHour - theory) / theory).toBeLessThan(0.01);
    // The bound min(2/7, 1/5) per minute = 12/hour is not reached.
    expect(m.capacity.boundPerHour).toBeCloseTo(12, 9);
    expect(m.throughputPerHour).toBeLessThan(12);
  });
});
