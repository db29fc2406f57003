import { describe, expect, it } from 'vitest';
import { MetricsCollector } from './collector.ts';

describe('MetricsCollector series: latencyP95', () => {
  const collector = () => new MetricsCollector({ warmupSeconds: 0, sampleIntervalSeconds: 60, rollingWindowSeconds: 600, mode: 'async', dishes: ['soup'] });

  it('is the nearest-rank p95 of the dishes served in the trailing window', () => {
    const c = collector();
    c.sample(0);
    // 20 dishes served at t = 10…200 with latencies 1…20 s: nearest rank ⌈0.95·20⌉ = 19.
    for (let i = 1; i <= 20; i++) c.onServed(i * 10, 'soup', i);
    c.sample(300);
    expect(c.series.latencyP95.at(-1)).toBe(19);
  });

  it('forgets dishes served before the window and is 0 when none is left', () => {
    const c = collector();
    c.onServed(10, 'soup', 500);
    c.onServed(700, 'soup', 30);
    c.sample(720); // window (120, 720]: only the 30 s dish
    expect(c.series.latencyP95.at(-1)).toBe(30);
    c.sample(1400); // window (800, 1400]: nothing
    expect(c.series.latencyP95.at(-1)).toBe(0);
    expect(c.series.latencyP95.length).toBe(c.series.t.length);
  });
});
