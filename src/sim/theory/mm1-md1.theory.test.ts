import { describe, it } from 'vitest';
import { mg1, mmc } from '../metrics/theory.ts';
import { exp60, expectMatchesTheory, kitchenQueue } from '../../test/theory.ts';

// The engine against queueing theory (docs/queueing.md), 200,000+ dishes per model; ρ ≤ 0.7
// keeps one run's error near 1.5%, inside the 3% tolerance.

describe('async kitchen with one station', () => {
  it('M/M/1, λ = 0.5/min, μ = 1/min: W = 2.000 min', () => {
    expectMatchesTheory(kitchenQueue(0.5, 1, exp60), mmc(0.5, 1, 1).W);
  });
  it('M/D/1, λ = 0.6/min, fixed 1-minute cook: W = 1.750 min (Pollaczek–Khinchine)', () => {
    expectMatchesTheory(kitchenQueue(0.6, 1, { dist: 'fixed', value: 60 }), mg1(0.6, 1, 0).W);
  });
});
