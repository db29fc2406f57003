import { describe, expect, it } from 'vitest';
import { createNarrator, describeFloor } from './narrator.ts';
import { oldOrders, oldOrdersSentence } from './inFlight.ts';
import { createSimStore } from './simStore.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush' });

describe('narration for screen readers', () => {
  it('says when a waiter is blocked at the pass, naming the dish, and when they move again', () => {
    const store = make();
    const narrator = createNarrator();
    expect(narrator.observe(store.getState().snapshot, store.getState().stats)).toEqual([]);
    const said: string[] = [];
    for (let t = 30; t <= 3600; t += 30) {
      store.getState().syncTo(t, true);
      said.push(...narrator.observe(store.getState().snapshot, store.getState().stats).map((n) => n.text));
    }
    expect(said.some((s) => /^Waiter [1-3] is blocked at the pass waiting for an? [a-z]+( and an? [a-z]+|, an? [a-z]+ and \d+ more)? for table \d+\.$/.test(s))).toBe(true);
    expect(said.some((s) => /^Waiter [1-3] waited \d+ (seconds|minutes) at the pass and is carrying the dishes\.$/.test(s))).toBe(true);
    expect(said.find((s) => s.startsWith('50 dishes served'))).toMatch(/^50 dishes served, \d+ an hour so far\.$/);
    // Nothing about blocking in async service.
    store.getState().setMode('async');
    store.getState().syncTo(3 * 3600, true);
    narrator.observe(store.getState().snapshot, store.getState().stats);
    const later: string[] = [];
    for (let t = 3 * 3600 + 30; t <= 3.5 * 3600; t += 30) {
      store.getState().syncTo(t, true);
      later.push(...narrator.observe(store.getState().snapshot, store.getState().stats).map((n) => n.text));
    }
    expect(later.filter((s) => s.includes('is blocked'))).toEqual([]);
  });

  it('announces a mode switch and a crashed consumer first (highest priority)', () => {
    const store = make();
    const narrator = createNarrator('Synchronous');
    store.getState().syncTo(600, true);
    narrator.observe(store.getState().snapshot, store.getState().stats);
    store.getState().setMode('async');
    store.getState().command({ type: 'consumerDown', group: 'billing' });
    const said = narrator.observe(store.getState().snapshot, store.getState().stats);
    const [mode, crash] = said.filter((n) => n.priority === 3).map((n) => n.text);
    expect(mode).toMatch(/^Synchronous: The restaurant now runs asynchronously: waiters send tickets and go back to the floor; runners deliver\./);
    expect(crash).toBe('Synchronous: Billing has crashed; its messages wait in its inbox.');
  });

  it('after a live switch, says how many orders finish the old way, and when the last is served', () => {
    const store = make();
    const narrator = createNarrator();
    store.getState().syncTo(3600, true);
    narrator.observe(store.getState().snapshot, store.getState().stats);
    store.getState().setMode('async');
    const old = oldOrders(store.getState().snapshot);
    expect(old.orders).toBeGreaterThan(0);
    expect(old.protocol).toBe('sync');
    const switched = narrator.observe(store.getState().snapshot, store.getState().stats).map((n) => n.text);
    expect(switched[0]).toContain(`${old.orders} order${old.orders === 1 ? '' : 's'} taken before the switch finish${old.orders === 1 ? 'es' : ''} the synchronous way`);
    // The line under the floor names the same orders and dishes, from the same tickets.
    expect(oldOrdersSentence(store.getState().snapshot)).toContain(`${old.orders} order${old.orders === 1 ? '' : 's'} taken before the switch still finish synchronously (${old.dishes} dish`);
    const later: string[] = [];
    let t = 3600;
    while (oldOrders(store.getState().snapshot).orders > 0 && t < 4 * 3600) {
      t += 30;
      store.getState().syncTo(t, true);
      later.push(...narrator.observe(store.getState().snapshot, store.getState().stats).map((n) => n.text));
    }
    expect(oldOrdersSentence(store.getState().snapshot)).toBeNull();
    expect(later).toContain('Every order taken before the switch is served: all orders now run asynchronously.');
  });

  it('describes the whole floor with the figures the page shows', () => {
    const store = make();
    store.getState().syncTo(3600, true);
    const { snapshot, stats } = store.getState();
    const text = describeFloor(snapshot, stats);
    expect(text).toMatch(/^At 1:00:00, synchronous service\. 3 waiters: /);
    expect(text).toContain(`${stats.summary.served} dishes served, ${stats.summary.throughputPerHour.toFixed(0)} an hour`);
    expect(text).toContain(`${snapshot.door.length} part`);
  });
});
