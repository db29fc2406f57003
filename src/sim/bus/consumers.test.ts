import { describe, expect, it } from 'vitest';
import { Scheduler } from '../kernel/scheduler.ts';
import { Bus, DEAD_LETTER_TOPIC, PoisonMessageError, type DeadLetter, type Envelope, type GroupOptions } from './bus.ts';

const meta = (n: number) => ({ source: '/kitchen', subject: `dish-${n}`, correlationid: `order-${n}` });

/** A bus on a real scheduler, and a helper to publish `n` DishReady events one second apart. */
function setup(retain = 0) {
  const scheduler = new Scheduler();
  const bus = new Bus(() => scheduler.now, {
    retain,
    schedule: (d, fn) => {
      const t = scheduler.schedule(d, fn);
      return () => scheduler.cancel(t);
    },
  });
  const publish = (n: number, every = 1) => {
    for (let i = 0; i < n; i++) scheduler.scheduleAt(i * every, () => bus.publish('pass', 'DishReady', { i }, meta(i)));
  };
  return { scheduler, bus, publish };
}

function group(bus: Bus, name: string, handled: number[], opts: Partial<GroupOptions> = {}) {
  return bus.group({ group: name, topic: 'pass', commitIntervalSeconds: 30, handler: (m: Envelope) => handled.push((m.data as { i: number }).i), ...opts });
}

describe('consumer groups', () => {
  it('split a topic among the members of a group: every event handled once, none skipped', () => {
    const { scheduler, bus, publish } = setup();
    const byMember = new Map<string, number[]>();
    const handled: number[] = [];
    const g = bus.group({
      group: 'runners',
      topic: 'pass',
      handler: (m) => handled.push((m.data as { i: number }).i),
    });
    // Three members, each slower than the arrival rate alone: together they keep up.
    for (const [k, seconds] of [['a', 2.5], ['b', 2], ['c', 2.9]] as const) {
      byMember.set(k, []);
      g.addMember({ name: k, processingSeconds: () => seconds });
    }
    publish(300);
    scheduler.runUntil(2000);
    expect(handled.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(g.view()).toMatchObject({ committed: 300, endOffset: 300, lag: 0, duplicates: 0, handledTotal: 300 });
  });

  it('commit after every message with several members finishing out of order, without spinning', () => {
    const { scheduler, bus, publish } = setup();
    const handled: number[] = [];
    const g = group(bus, 'pool', handled, { commitIntervalSeconds: 0 });
    // Member a is slow, b fast: b finishes later offsets while a still holds an earlier one.
    g.addMember({ name: 'a', processingSeconds: () => 10 });
    g.addMember({ name: 'b', processingSeconds: () => 0.5 });
    publish(20, 0.1);
    scheduler.runUntil(200);
    expect(handled.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(g.view()).toMatchObject({ committed: 20, lag: 0, uncommitted: 0 });
    expect(scheduler.eventsFired).toBeLessThan(200);
  });

  it('give every group its own copy of every event', () => {
    const { scheduler, bus, publish } = setup();
    const billing: number[] = [];
    const analytics: number[] = [];
    group(bus, 'billing', billing).addMember({ name: 'b1', processingSeconds: () => 0.2 });
    group(bus, 'analytics', analytics).addMember({ name: 'a1', processingSeconds: () => 0.7 });
    publish(100);
    scheduler.runUntil(1000);
    expect(billing).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(analytics).toEqual(billing);
  });

  it('lag is the log end offset minus the committed offset at every moment; a slow group lags alone', () => {
    const { scheduler, bus, publish } = setup();
    const fast = group(bus, 'fast', []);
    fast.addMember({ name: 'f', processingSeconds: () => 0.1 });
    const slow = group(bus, 'slow', []);
    slow.addMember({ name: 's', processingSeconds: () => 3 });
    publish(200);
    let maxSlow = 0;
    for (let t = 0; t <= 800; t += 7) {
      scheduler.runUntil(t);
      for (const v of bus.groupViews()) expect(v.lag).toBe(bus.endOffset('pass') - v.committed);
      // A fast consumer is never more than a commit interval's worth of events behind.
      expect(fast.view().lag).toBeLessThanOrEqual(32);
      maxSlow = Math.max(maxSlow, slow.view().lag);
    }
    expect(maxSlow).toBeGreaterThan(100);
    expect(slow.view().lag).toBe(0); // it catches up once publishing stops
  });

  describe('when a consumer crashes', () => {
    const run = (idempotent: boolean) => {
      const { scheduler, bus, publish } = setup();
      let charged = 0;
      const g = bus.group({
        group: 'billing',
        topic: 'pass',
        commitIntervalSeconds: 30,
        idempotent: () => idempotent,
        handler: () => {
          charged += 10;
        },
      });
      g.addMember({ name: 'b1', processingSeconds: () => 0.5 });
      publish(100);
      scheduler.runUntil(45.2); // ~45 handled, committed at 30: ~15 handled but uncommitted
      const before = g.view();
      expect(before.uncommitted).toBeGreaterThan(5);
      g.crash();
      scheduler.runUntil(60);
      expect(g.view()).toMatchObject({ down: true, committed: before.committed });
      g.recover();
      scheduler.runUntil(500);
      return { charged, redelivered: before.uncommitted, view: g.view() };
    };

    it('redelivers its uncommitted events; an idempotent handler charges each dish once', () => {
      const { charged, view } = run(true);
      expect(view).toMatchObject({ committed: 100, lag: 0, duplicates: 0 });
      expect(charged).toBe(100 * 10);
    });

    it('without idempotency the redelivered events are charged twice', () => {
      const { charged, redelivered, view } = run(false);
      expect(view.duplicates).toBe(redelivered);
      expect(charged).toBe((100 + redelivered) * 10);
    });
  });

  it('sends a message it cannot handle to the dead-letter topic after the configured retries, with backoff', () => {
    const { scheduler, bus } = setup(100);
    const attempts: number[] = [];
    const g = bus.group({
      group: 'billing',
      topic: 'pass',
      maxRetries: 3,
      backoffSeconds: 2,
      deliverySeconds: 0,
      handler: (m) => {
        if (m.dataschema !== 'orderup:DishReady/v1') {
          attempts.push(scheduler.now);
          throw new PoisonMessageError(`unknown schema ${m.dataschema}`);
        }
      },
    });
    g.addMember({ name: 'b1', processingSeconds: () => 1 });
    const dead: DeadLetter[] = [];
    bus.subscribe(DEAD_LETTER_TOPIC, (m) => dead.push(m.data as DeadLetter));
    bus.publish('pass', 'DishReady', { v: 2 }, { ...meta(1), dataschema: 'orderup:DishReady/v2' });
    bus.publish('pass', 'DishReady', { i: 2 }, meta(2));
    scheduler.runUntil(300);
    // Tried at 1 s, then after 2, 4 and 8 s of backoff (plus 1 s of processing each time).
    expect(attempts).toEqual([1, 4, 9, 18]);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ group: 'billing', attempts: 4, reason: 'unknown schema orderup:DishReady/v2' });
    expect(dead[0]!.message.offset).toBe(0);
    expect(g.view()).toMatchObject({ committed: 2, lag: 0, deadLettered: 1 });
    expect(bus.messageAt(DEAD_LETTER_TOPIC, 0)!.causationid).toBe(bus.messageAt('pass', 0)!.id);
  });

  it('a new group reads from the log end, or from the start with from: earliest', () => {
    const { scheduler, bus, publish } = setup(1000);
    publish(10);
    scheduler.runUntil(20);
    const late: number[] = [];
    const replay: number[] = [];
    group(bus, 'late', late).addMember({ name: 'l', processingSeconds: () => 0.1 });
    group(bus, 'replay', replay, { from: 'earliest' }).addMember({ name: 'r', processingSeconds: () => 0.1 });
    scheduler.runUntil(40);
    expect(late).toEqual([]);
    expect(replay).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('trims the log once every group has committed past it, keeping memory bounded', () => {
    const { scheduler, bus, publish } = setup(0);
    group(bus, 'g', []).addMember({ name: 'm', processingSeconds: () => 0.1 });
    publish(5000, 0.5);
    scheduler.runUntil(3000);
    expect(bus.firstOffset('pass')).toBeGreaterThan(4000);
    expect(bus.endOffset('pass')).toBe(5000);
  });
});
