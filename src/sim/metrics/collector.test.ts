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

describe("MetricsCollector: the customer's time", () => {
  it('counts door waits, waits to the last dish and walk-outs after the warm-up, each from the arrival', () => {
    const c = new MetricsCollector({ warmupSeconds: 100, sampleIntervalSeconds: 60, rollingWindowSeconds: 600, mode: 'sync', dishes: ['soup'] });
    c.onSeated(50, 0); // before the warm-up ends: not in the summary
    c.onSeated(500, 200);
    c.onLastDish(900, 100);
    c.onWalkedOut(700, 200);
    const s = c.summary(1000);
    expect(s.customerSeconds.seated).toMatchObject({ parties: 1, mean: 300 });
    expect(s.customerSeconds.lastDish).toMatchObject({ parties: 1, mean: 800 });
    expect(s.customerSeconds.walkedOut).toMatchObject({ parties: 1, mean: 500 });
    c.sample(1000);
    expect(c.series.customerWaitP95.at(-1)).toBe(800);
    expect(c.series.doorWaitP95.at(-1)).toBe(300);
  });

  it('splits the window by mode at a live switch', () => {
    const c = new MetricsCollector({ warmupSeconds: 0, sampleIntervalSeconds: 60, rollingWindowSeconds: 600, mode: 'sync', dishes: ['soup'] });
    c.onServed(10, 'soup', 5);
    c.onModeChanged(1800, 'async');
    c.onServed(1900, 'soup', 50);
    c.onServed(2000, 'soup', 70);
    const { byMode } = c.summary(3600);
    expect(byMode.sync).toMatchObject({ seconds: 1800, served: 1, throughputPerHour: 2 });
    expect(byMode.async).toMatchObject({ seconds: 1800, served: 2, throughputPerHour: 4 });
    expect(byMode.async!.latencySeconds.max).toBe(70);
  });
});
