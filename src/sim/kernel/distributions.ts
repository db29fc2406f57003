import type { RandomStream } from './rng.ts';

/**
 * A duration or count distribution, as written in scenarios. Values are in simulated
 * seconds when used as durations.
 * - `fixed`: always `value`.
 * - `exponential`: mean `mean` (rate 1/mean).
 * - `uniform`: continuous on [`min`, `max`).
 * - `lognormal`: parameterised by its own `mean` and `sd` (not those of the underlying normal).
 */
export type Distribution =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'lognormal'; mean: number; sd: number };

/** A ready-to-call sampler for one distribution on one stream. */
export type Sampler = () => number;

/**
 * Build a sampler that draws `dist` from `stream`.
 *
 * Lognormal: with m = mean and s = sd, σ² = ln(1 + s²/m²) and μ = ln m − σ²/2, so the
 * samples have exactly mean m and sd s; normals come from Box–Muller (two uniforms each).
 * Exponential: inverse CDF, −mean·ln(1 − U).
 */
export function sampler(dist: Distribution, stream: RandomStream): Sampler {
  switch (dist.dist) {
    case 'fixed': {
      const v = dist.value;
      return () => v;
    }
    case 'exponential': {
      const m = dist.mean;
      if (m === 0) return () => 0;
      return () => -m * Math.log(1 - stream.next());
    }
    case 'uniform': {
      const { min } = dist;
      const span = dist.max - dist.min;
      return () => min + span * stream.next();
    }
    case 'lognormal': {
      const { mean, sd } = dist;
      if (mean === 0) return () => 0;
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      const sigma = Math.sqrt(sigma2);
      const mu = Math.log(mean) - sigma2 / 2;
      return () => {
        const u1 = 1 - stream.next(); // (0, 1]
        const u2 = stream.next();
        const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.exp(mu + sigma * z);
      };
    }
  }
}

/** Mean of a distribution (same unit as its parameters). */
export function meanOf(dist: Distribution): number {
  switch (dist.dist) {
    case 'fixed':
      return dist.value;
    case 'exponential':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'lognormal':
      return dist.mean;
  }
}

/** Variance of a distribution (unit squared). */
export function varianceOf(dist: Distribution): number {
  switch (dist.dist) {
    case 'fixed':
      return 0;
    case 'exponential':
      return dist.mean * dist.mean;
    case 'uniform':
      return ((dist.max - dist.min) ** 2) / 12;
    case 'lognormal':
      return dist.sd * dist.sd;
  }
}

/** Shorthand constructors, handy in tests and presets built in code. */
export const fixed = (value: number): Distribution => ({ dist: 'fixed', value });
export const exponential = (mean: number): Distribution => ({ dist: 'exponential', mean });
export const uniform = (min: number, max: number): Distribution => ({ dist: 'uniform', min, max });
export const lognormal = (mean: number, sd: number): Distribution => ({ dist: 'lognormal', mean, sd });
