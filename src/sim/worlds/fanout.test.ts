import { describe, expect, it } from 'vitest';
import { runFanout, FANOUT_SERVICES } from './fanout.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const slowAnalytics = { analytics: { dist: 'lognormal', mean: 15, sd: 5 } } as const;

describe('the fan-out world (TaskCreated)', () => {
  it('with events, a slow analytics delays nobody else: the notification times do not change at all', () => {
    const normal = runFanout({ design: 'events' });
    const slow = runFanout({ design: 'events', serviceSeconds: { ...normal.options.serviceSeconds, ...slowAnalytics } });
    expect(slow.delays.notification).toEqual(normal.delays.notification);
    expect(slow.delays.search).toEqual(normal.delays.search);
    expect(median(slow.delays.analytics)).toBeGreaterThan(median(normal.delays.analytics));
    // The user is answered at once: the task service only publishes.
    expect(Math.max(...normal.responseSeconds)).toBe(0);
  });

  it('with sequential calls, the notification waits for analytics, and slow analytics delays it more', () => {
    const calls = runFanout({ design: 'calls' });
    for (const t of calls.tasks) expect(t.done.notification!).toBeGreaterThan(t.done.analytics!);
    const slow = runFanout({ design: 'calls', serviceSeconds: { ...calls.options.serviceSeconds, ...slowAnalytics } });
    expect(median(slow.delays.notification)).toBeGreaterThan(median(calls.delays.notification) + 5);
    // The user waits for all four calls.
    expect(median(calls.responseSeconds)).toBeGreaterThan(median(calls.delays.analytics));
  });

  it('both designs handle every task in every service', () => {
    for (const design of ['events', 'calls'] as const) {
      const run = runFanout({ design });
      for (const s of FANOUT_SERVICES) expect(run.delays[s].every((d) => Number.isFinite(d) && d >= 0)).toBe(true);
      expect(run.tasks).toHaveLength(run.options.tasks);
    }
    const e = runFanout({ design: 'events' });
    expect(median(e.delays.notification)).toBeLessThan(median(runFanout({ design: 'calls' }).delays.notification));
  });
});
