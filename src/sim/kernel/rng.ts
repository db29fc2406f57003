import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * The purposes that draw random numbers. Each gets its own sub-stream, so changing how
 * often one purpose draws (say, more waiters walking) never shifts another (the customers
 * who arrive). The order of this list is part of the replay format: append, never reorder.
 */
export const STREAMS = ['arrivals', 'party', 'cook', 'walks', 'service', 'faults', 'misc', 'consumers'] as const;
export type StreamName = (typeof STREAMS)[number];

/** One seeded random stream: uniform doubles in [0, 1). Mutable; deterministic. */
export class RandomStream {
  constructor(private readonly gen: RandomGenerator) {}

  /** A double uniform in [0, 1) with 53 random bits. */
  next(): number {
    return uniformFloat64(this.gen);
  }
}

/**
 * Create one independent stream per purpose from a seed.
 *
 * The streams come from one xoroshiro128+ generator (pure-rand), stream k being the base
 * generator jumped k × 2^64 steps, so they never overlap within any realistic run.
 *
 * @param seed any integer; only its low 32 bits are used.
 * @throws RangeError if `seed` is not a finite integer.
 */
export function createStreams(seed: number): Record<StreamName, RandomStream> {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const base = xoroshiro128plus(seed | 0);
  // xoroshiro's seeding is weak for nearby seeds; one jump decorrelates them.
  base.jump();
  const out = {} as Record<StreamName, RandomStream>;
  for (const name of STREAMS) {
    base.jump();
    out[name] = new RandomStream(base.clone());
  }
  return out;
}
