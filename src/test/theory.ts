import { expect } from 'vitest';
import { createRestaurant, type Distribution, type RunSummary } from '../sim/index.ts';
import { testScenario } from './scenarios.ts';

export const zero: Distribution = { dist: 'fixed', value: 0 };
export const exp60: Distribution = { dist: 'exponential', mean: 60 };

/**
 * Async mode with order-taking and walking fixed at 0 and enough tables, waiters and
 * runners that nobody else queues: the kitchen is a multi-server queue, and latency = time
 * in the kitchen queue + cook time. Runs `dishes` dishes after a 10-hour warm-up.
 */
export function kitchenQueue(lambdaPerMin: number, stations: number, cook: Distribution, dishes = 205_000): RunSummary {
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

/** Mean latency within 3% of theory W (minutes), 200,000+ dishes, and Little's law within 1%. */
export function expectMatchesTheory(m: RunSummary, W: number): void {
  expect(m.served).toBeGreaterThanOrEqual(200_000);
  const measured = m.latencySeconds.mean / 60;
  expect(Math.abs(measured - W) / W, `measured W ${measured.toFixed(4)} min vs theory ${W.toFixed(4)}`).toBeLessThan(0.03);
  const { L, lambda, W: w } = m.littlesLaw;
  expect(Math.abs(L - lambda * w) / L).toBeLessThan(0.01);
}
