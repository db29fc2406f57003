import { capacityBound, type CapacityBound } from '../metrics/theory.ts';
import type { Mode, Scenario } from '../scenario.ts';
import { nameRecord } from '../names.ts';
import { createCore } from './core.ts';
import { createDining } from './dining.ts';
import { createKitchen } from './kitchen.ts';
import { createTeaching } from './teaching.ts';
import { createFloor } from './floor.ts';
import { createConsumers } from './consumers.ts';
import { createFaults } from './faults.ts';
import { applyCommand } from './commands.ts';
import { checkInvariants, snapshot } from './views.ts';
import type { Restaurant, RestaurantCommand, RestaurantOptions } from './types.ts';

export * from './types.ts';

/**
 * Build a restaurant from a validated scenario. Nothing happens until `runUntil` or `step`.
 *
 * The restaurant is wired here from one module per concern (docs/architecture.md, "The
 * restaurant in modules"): `core.ts` (clock, streams, bus, metrics, parties and tickets),
 * `dining.ts` (the door, tables, arrivals), `kitchen.ts` (stations, queues, stock, the
 * `PlaceOrder` handler), `floor.ts` (waiters and runners), `consumers.ts` (subscribers),
 * `faults.ts`, `teaching.ts` (contract and anti-pattern switches), `commands.ts` and
 * `views.ts` (snapshot and invariants). The order below is the order the parts register
 * with the bus and schedule their first timers, which decides ties: changing it changes the
 * event log (the pinned hashes say so).
 *
 * Randomness: every party's demands (dish count, dishes, cook times, order-taking, eating,
 * paying and patience) are drawn when it arrives from the `party` and `cook` streams, so the
 * same seed gives the same customers in either mode and with any staffing; walks and plating
 * come from their own streams as they happen.
 *
 * @throws Error when a scheduled fault names no station, or a machine cannot be compiled.
 */
export function createRestaurant(scenario: Scenario, options: RestaurantOptions = {}): Restaurant {
  const s = scenario;
  const core = createCore(s, options);
  const { scheduler, bus, metrics, parts } = core;

  parts.dining = createDining(core);
  parts.kitchen = createKitchen(core);
  parts.teaching = createTeaching(core);
  parts.floor = createFloor(core);
  parts.kitchen.start();
  parts.consumers = createConsumers(core);
  parts.faults = createFaults(core);
  parts.faults.scheduleConsumerFaults();

  // Sampling changes nothing the restaurant does: without it the other timers keep their
  // order (ties go by insertion), so every figure of summary() is the same.
  const sampling = options.sampling ?? 'all';
  const sampleTick = () => {
    metrics.sample(scheduler.now);
    if (sampling === 'all') parts.consumers.sampleLag();
    scheduler.schedule(s.sampleIntervalSeconds, sampleTick);
  };
  if (sampling !== 'none') scheduler.scheduleAt(0, sampleTick);
  parts.dining.open();
  parts.faults.scheduleStationFaults();

  /** Run `fn`, surfacing an error an actor raised before or during it. */
  const guarded = <T>(fn: () => T): T => {
    core.check();
    const out = fn();
    core.check();
    return out;
  };
  // The bound depends only on the scenario and mode: computed once each.
  const bounds: Partial<Record<Mode, CapacityBound>> = {};

  return {
    scenario: s,
    get now() {
      return scheduler.now;
    },
    get mode() {
      return core.mode;
    },
    get eventsFired() {
      return scheduler.eventsFired;
    },
    runUntil: (t) => guarded(() => scheduler.runUntil(t)),
    step: () => guarded(() => scheduler.step()),
    send: (c: RestaurantCommand) => guarded(() => applyCommand(core, c)),
    snapshot: () => snapshot(core),
    subscribe: (listener) => bus.observe(listener),
    rolling: (windowSeconds) => metrics.rolling(scheduler.now, windowSeconds),
    deliveryOf: (msg) => bus.deliveryOf(msg),
    readersOf: (topic, type) => bus.readersOf(topic, type),
    projection: (group) => {
      const e = parts.consumers.groups.get(group);
      return e ? nameRecord([...e.projection].sort(([a], [b]) => (a < b ? -1 : 1))) : null;
    },
    rejectionOf: (id) => bus.rejectionOf(id),
    lagSeries: parts.consumers.lagSeries,
    messageAt: (topic, offset) => bus.messageAt(topic, offset),
    summary: () => ({
      scenario: s.name,
      seed: s.seed,
      mode: core.mode,
      ...metrics.summary(scheduler.now),
      capacity: (bounds[core.mode] ??= capacityBound(s, core.mode)),
    }),
    series: metrics.series,
    modeSpans: metrics.modeSpans,
    checkInvariants: () => checkInvariants(core),
  };
}
