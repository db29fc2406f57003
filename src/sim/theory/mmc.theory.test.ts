import { describe, it } from 'vitest';
import { mmc } from '../metrics/theory.ts';
import { exp60, expectMatchesTheory, kitchenQueue } from '../../test/theory.ts';

// The engine against queueing theory (docs/queueing.md), 200,000+ dishes per model; ρ ≤ 0.7
// keeps one run's error near 1.5%, inside the 3% tolerance.

describe('async kitchen with several stations (Erlang C)', () => {
  it('M/M/2, λ = 1.2/min, μ = 1/min: W = 1.5625 min', () => {
    expectMatchesTheory(kitchenQueue(1.2, 2, exp60), mmc(1.2, 1, 2).W);
  });
  it('M/M/5, λ = 3.5/min, μ = 1/min: W = 1.2519 min', () => {
    expectMatchesTheory(kitchenQueue(3.5, 5, exp60), mmc(3.5, 1, 5).W);
  });
});
