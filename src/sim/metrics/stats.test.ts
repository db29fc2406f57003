import { describe, expect, it } from 'vitest';
import { quantileOf, SampleBuffer, TimeAverage, TrailingSamples } from './stats.ts';

describe('SampleBuffer', () => {
  it('gives nearest-rank percentiles, mean and max', () => {
    const b = new SampleBuffer();
    for (let i = 100; i >= 1; i--) b.push(i);
    expect(b.quantile(0.5)).toBe(50);
    expect(b.quantile(0.95)).toBe(95);
    expect(b.quantile(1)).toBe(100);
    expect(b.quantile(0)).toBe(1);
    expect(b.mean()).toBe(50.5);
    expect(b.max()).toBe(100);
  });
  it('grows past its initial capacity and re-sorts after a push', () => {
    const b = new SampleBuffer();
    for (let i = 0; i < 5000; i++) b.push(i % 10);
    expect(b.count).toBe(5000);
    expect(b.quantile(0.5)).toBe(4);
    b.push(1000);
    expect(b.max()).toBe(1000);
    expect(b.quantile(1)).toBe(1000);
  });
  it('selects the same value as sorting would, for any data and p', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const b = new SampleBuffer();
      const xs: number[] = [];
      const n = 1 + Math.floor(rnd() * 3000);
      const levels = round % 3 === 0 ? 5 : 1e9; // many ties, or hardly any
      for (let i = 0; i < n; i++) {
        const x = round % 5 === 0 ? i : Math.floor(rnd() * levels) / 7; // sorted input too
        xs.push(x);
        b.push(x);
      }
      for (const p of [0, 0.01, 0.25, 0.5, 0.95, 0.99, 1, rnd()]) expect(b.quantile(p)).toBe(quantileOf(xs, p));
    }
  });
  it('is all zeros when empty', () => {
    const b = new SampleBuffer();
    expect([b.mean(), b.max(), b.quantile(0.95)]).toEqual([0, 0, 0]);
  });
});

describe('TimeAverage', () => {
  it('integrates a step function only after the window opens', () => {
    const a = new TimeAverage(10);
    a.set(0, 4); // 0..10 ignored
    a.set(12, 2); // 10..12 at 4 → 8
    a.add(20, 1); // 12..20 at 2 → 16, then 3
    expect(a.integral(30)).toBe(8 + 16 + 30);
    expect(a.mean(30)).toBeCloseTo(54 / 20, 12);
    expect(a.current).toBe(3);
  });
});

describe('quantileOf: the engine’s quantile rule for plain arrays', () => {
  it('agrees with SampleBuffer.quantile on the same values, in any order', async () => {
    const { quantileOf, SampleBuffer } = await import('./stats.ts');
    const xs = [7, 1, 9, 3, 3, 12, 0.5, 8];
    const b = new SampleBuffer();
    for (const x of xs) b.push(x);
    for (const p of [0, 0.1, 0.5, 0.95, 1]) expect(quantileOf(xs, p)).toBe(b.quantile(p));
    expect(quantileOf([], 0.5)).toBe(0);
    expect(quantileOf([5, 1, 3], 0.5)).toBe(3);
  });
});

describe('TrailingSamples', () => {
  it('gives the nearest-rank quantile of the values inside its trailing window, as filtering and sorting all of them would', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const window of [0, 1, 30, 900]) {
      const w = new TrailingSamples(window);
      const all: { t: number; v: number }[] = [];
      let t = 0;
      for (let i = 0; i < 5000; i++) {
        t += rnd() < 0.3 ? 0 : rnd() * 20; // ties in time too
        const v = Math.floor(rnd() * 1000) / 3;
        w.push(t, v);
        all.push({ t, v });
        if (i % 37 === 0) {
          const at = t + (rnd() < 0.5 ? 0 : rnd() * 50);
          const inside = all.filter((x) => x.t > at - window && x.t <= at).map((x) => x.v);
          for (const p of [0, 0.5, 0.95, 1]) expect(w.quantile(at, p)).toBe(inside.length === 0 ? 0 : quantileOf(inside, p));
          t = at;
        }
      }
    }
  });
});

describe('SampleBuffer quantiles selected in place', () => {
  it('equal those of a sort, asked in any order, with pushes between (ties included)', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 100; trial++) {
      const b = new SampleBuffer();
      const xs: number[] = [];
      const n = 1 + Math.floor(rnd() * 2000);
      for (let i = 0; i < n; i++) {
        const x = rnd() < 0.3 ? Math.floor(rnd() * 5) : rnd() * 100;
        b.push(x);
        xs.push(x);
        if (rnd() < 0.01 || i === n - 1) {
          for (const p of [0.5, 0.95, 0, 1, rnd(), 0.25, 0.95]) expect(b.quantile(p)).toBe(quantileOf(xs, p));
        }
      }
    }
  });
});
