import { describe, expect, it } from 'vitest';
import { createRestaurant } from './restaurant.ts';
import { loadPreset, parseScenario } from '../../scenarios/index.ts';
import type { Envelope } from '../bus/bus.ts';
import type { RestaurantOptions } from './types.ts';

// What the CLI switches off to keep memory to what its output needs (docs/bad-input.md,
// "CLI"): the sampled series and the retained log. Neither may change a figure.
const busy = parseScenario({
  ...loadPreset('kitchen-fire'),
  mode: 'async',
  durationSeconds: 6 * 3600,
  subscribers: [{ name: 'billing' }, { name: 'analytics' }, { name: 'analytics', group: 'analytics' }, { name: 'loyalty' }],
  consumerFaults: [{ group: 'billing', downAtSeconds: 4000, upAtSeconds: 5000 }],
});

function run(options: RestaurantOptions) {
  const r = createRestaurant(busy, options);
  const log: Envelope[] = [];
  r.subscribe((m) => log.push(m));
  r.runUntil(busy.durationSeconds);
  return { r, summary: r.summary(), log, snapshot: r.snapshot() };
}

describe('sampling and retention change no figure', () => {
  const full = run({ sampling: 'all', retainMessages: Number.POSITIVE_INFINITY });

  it.each([
    ['no series, no retained log', { sampling: 'none', retainMessages: 0 }],
    ['metrics series only', { sampling: 'metrics' }],
    ['the default (all sampled, nothing retained)', {}],
  ] as [string, RestaurantOptions][])('%s', (_, options) => {
    const other = run(options);
    expect(full.summary.served).toBeGreaterThan(100);
    expect(other.summary).toEqual(full.summary);
    expect(other.snapshot).toEqual(full.snapshot);
    // Every message is the same, in the same order.
    expect(other.log).toEqual(full.log);
  });

  it("'none' samples nothing and 'metrics' skips the lag series; 'all' records both", () => {
    const none = run({ sampling: 'none' }).r;
    expect(none.series.t).toHaveLength(0);
    expect([...none.lagSeries.values()].every((s) => s.t.length === 0)).toBe(true);
    const metrics = run({ sampling: 'metrics' }).r;
    expect(metrics.series).toEqual(full.r.series);
    expect([...metrics.lagSeries.values()].every((s) => s.t.length === 0)).toBe(true);
    const samples = Math.floor(busy.durationSeconds / busy.sampleIntervalSeconds) + 1;
    expect(full.r.series.t).toHaveLength(samples);
    expect(full.r.lagSeries.get('billing')!.lag).toHaveLength(samples);
  });

  it('a retained log holds every message; the default keeps only what groups still need', () => {
    const topic = 'orders';
    const end = full.log.filter((m) => m.topic === topic).length;
    expect(full.r.messageAt(topic, 0)?.type).toBe('DishDelivered');
    expect(full.r.messageAt(topic, end - 1)).toEqual(full.log.filter((m) => m.topic === topic).at(-1));
    const lean = run({ sampling: 'none', retainMessages: 0 }).r;
    expect(lean.messageAt(topic, 0)).toBeUndefined();
  });
});
