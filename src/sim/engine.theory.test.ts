import { describe, expect, it } from 'vitest';
import { createRestaurant, closedNetworkThroughput, mg1, mmc, type Distribution } from './index.ts';
import { testScenario } from '../test/TestRestaurant.ts';

/**
 * The engine against queueing theory (QUEUEING.md), 200,000+ dishes per model.
 *
 * Async mode with order-taking and walking fixed at 0 and enough tables, waiters and
 * runners that nobody else queues is a multi-server queue at the kitchen: latency = time
 * in the kitchen queue + cook time. Tolerance 3% of W (ρ ≤ 0.7 keeps the run's error near 1.5%).
 */
const zero: Distribution = { dist: 'fixed', value: 0 };

function kitchenQueue(lambdaPerMin: number, stations: number, cook: Distribution, dishes = 205_000) {
  const warmup = 3600 * 10;
  const s = testScenario({
    seed: 2026,
    mode: 'async',
    durationSeconds: warmup + (dishes / lambdaPerMin) * 60,
    warmupSeconds: warmup,
    sampleIntervalSeconds: 3600,
    arrivals: { kind: 'poisson', ratePerHour: lambdaPerMin * 60 },
    tables: 1000,
    staff: { waiters: 1, runners: 1 },
    kitchen: { stations: [{ kind: 'k', count: stations }] },
    menu: [{ dish: 'dish', station: 'k', share: 1, cookSeconds: cook }],
    timings: { takeOrderSeconds: zero, walkSeconds: zero, eatSeconds: zero },
  });
  const r = createRestaurant(s);
  r.runUntil(s.durationSeconds);
  expect(r.checkInvariants()).toEqual([]);
  return r.summary();
}

describe('async kitchen is an M/M/c or M/D/1 queue', () => {
  const exp60: Distribution = { dist: 'exponential', mean: 60 };
  it.concurrent.each([
    ['M/M/1', 0.5, 1, exp60, mmc(0.5, 1, 1).W],
    ['M/M/2', 1.2, 2, exp60, mmc(1.2, 1, 2).W],
    ['M/M/5', 3.5, 5, exp60, mmc(3.5, 1, 5).W],
    ['M/D/1', 0.6, 1, { dist: 'fixed', value: 60 } as Distribution, mg1(0.6, 1, 0).W],
  ] as const)('%s, λ = %s/min, c = %s: mean latency within 3%% of theory', async (_n, lambda, c, cook, W) => {
    const m = kitchenQueue(lambda, c, cook);
    expect(m.served).toBeGreaterThanOrEqual(200_000);
    const measured = m.latencySeconds.mean / 60;
    expect(Math.abs(measured - W) / W).toBeLessThan(0.03);
    // Little's law on the same run.
    expect(Math.abs(m.littlesLaw.L - m.littlesLaw.lambda * m.littlesLaw.W) / m.littlesLaw.L).toBeLessThan(0.01);
  });
});

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
