import { describe, expect, it } from 'vitest';
import { createStreams, STREAMS } from './rng.ts';
import { exponential, fixed, lognormal, meanOf, sampler, uniform, varianceOf } from './distributions.ts';

function moments(draw: () => number, n: number) {
  let s = 0;
  let s2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean), min, max };
}

describe('seeded streams', () => {
  it('pins the first values of each stream for seed 42 (a changed stream breaks replays)', () => {
    const st = createStreams(42);
    const first = Object.fromEntries(STREAMS.map((k) => [k, [st[k].next(), st[k].next()].map((x) => x.toFixed(12))]));
    expect(first).toEqual({
      arrivals: ['0.995175417301', '0.719578876029'],
      party: ['0.738171869277', '0.040262602431'],
      cook: ['0.209621700089', '0.143828906226'],
      walks: ['0.474084080116', '0.446117621417'],
      service: ['0.484094253060', '0.458606103254'],
      faults: ['0.786399911604', '0.175645412318'],
      misc: ['0.853709400379', '0.031966366084'],
      consumers: ['0.150071388972', '0.974216757381'],
    });
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createStreams(7).arrivals;
    const b = createStreams(7).arrivals;
    const c = createStreams(8).arrivals;
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
  });

  it('keeps streams independent: drawing from one never shifts another', () => {
    const a = createStreams(3);
    const b = createStreams(3);
    for (let i = 0; i < 1000; i++) b.walks.next();
    expect([a.arrivals.next(), a.arrivals.next()]).toEqual([b.arrivals.next(), b.arrivals.next()]);
  });

  it('produces uniform doubles in [0, 1) with no obvious correlation between streams', () => {
    const st = createStreams(11);
    const n = 100_000;
    let sum = 0;
    let cross = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = st.cook.next();
      const v = st.party.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      cross += (u - 0.5) * (v - 0.5);
    }
    expect(outside).toBe(0);
    expect(sum / n).toBeCloseTo(0.5, 2);
    // Correlation of independent uniforms: sd ≈ 1/sqrt(n); 5 sd is 0.016.
    expect(Math.abs((cross / n) * 12)).toBeLessThan(0.016);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createStreams(1.5)).toThrow(RangeError);
  });
});

describe('distributions', () => {
  const n = 200_000;
  const cases = [
    ['fixed 0', fixed(0)],
    ['fixed 90', fixed(90)],
    ['exponential 60', exponential(60)],
    ['uniform 20..40', uniform(20, 40)],
    ['lognormal 600 sd 120', lognormal(600, 120)],
    ['lognormal 150 sd 40', lognormal(150, 40)],
  ] as const;
  it.each(cases)('%s has the mean and sd it is parameterised by', (_name, d) => {
    const m = moments(sampler(d, createStreams(5).cook), n);
    const mean = meanOf(d);
    const sd = Math.sqrt(varianceOf(d));
    expect(m.mean).toBeGreaterThanOrEqual(mean * 0.99 - 1e-9);
    expect(m.mean).toBeLessThanOrEqual(mean * 1.01 + 1e-9);
    expect(Math.abs(m.sd - sd)).toBeLessThanOrEqual(sd * 0.02 + 1e-9);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('uniform stays within its bounds', () => {
    const m = moments(sampler(uniform(20, 40), createStreams(1).walks), 50_000);
    expect(m.min).toBeGreaterThanOrEqual(20);
    expect(m.max).toBeLessThan(40);
  });
});
