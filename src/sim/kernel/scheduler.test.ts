import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { Scheduler } from './scheduler.ts';

describe('Scheduler', () => {
  it('fires timers in time order, then in insertion order for equal times', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.schedule(5, () => log.push('b5'));
    s.schedule(1, () => log.push('a1'));
    s.schedule(5, () => log.push('c5'));
    s.scheduleAt(5, () => log.push('d5'));
    s.schedule(3, () => log.push('x3'));
    s.runUntil(10);
    expect(log).toEqual(['a1', 'x3', 'b5', 'c5', 'd5']);
  });

  it('runUntil fires exactly what is due, stops, and sets now to the target', () => {
    const s = new Scheduler();
    const log: number[] = [];
    for (const t of [1, 2, 3, 4]) s.schedule(t, () => log.push(s.now));
    s.runUntil(2.5);
    expect(log).toEqual([1, 2]);
    expect(s.now).toBe(2.5);
    expect(s.pending).toBe(2);
    s.runUntil(3);
    expect(log).toEqual([1, 2, 3]);
  });

  it('fires timers scheduled by timers when they fall inside the window', () => {
    const s = new Scheduler();
    const log: number[] = [];
    const tick = () => {
      log.push(s.now);
      s.schedule(1, tick);
    };
    s.schedule(0, tick);
    s.runUntil(3);
    expect(log).toEqual([0, 1, 2, 3]);
  });

  it('cancelled timers never fire and are not counted', () => {
    const s = new Scheduler();
    let fired = 0;
    const t = s.schedule(1, () => fired++);
    s.schedule(2, () => fired++);
    s.cancel(t);
    s.cancel(t);
    expect(s.pending).toBe(1);
    s.runUntil(5);
    expect(fired).toBe(1);
    expect(s.eventsFired).toBe(1);
  });

  it('step advances to the next event time and fires everything due then', () => {
    const s = new Scheduler();
    const log: string[] = [];
    s.schedule(2, () => log.push('a'));
    s.schedule(2, () => log.push('b'));
    s.schedule(7, () => log.push('c'));
    expect(s.step()).toBe(2);
    expect(log).toEqual(['a', 'b']);
    expect(s.step()).toBe(7);
    expect(s.step()).toBeNull();
    expect(s.now).toBe(7);
  });

  it('never moves time backwards', () => {
    const s = new Scheduler();
    s.runUntil(10);
    s.runUntil(5);
    expect(s.now).toBe(10);
    let at = -1;
    s.scheduleAt(3, () => (at = s.now));
    s.runUntil(11);
    expect(at).toBe(10);
  });

  it('rejects negative and non-finite delays', () => {
    const s = new Scheduler();
    expect(() => s.schedule(-1, () => {})).toThrow(RangeError);
    expect(() => s.schedule(NaN, () => {})).toThrow(RangeError);
    expect(() => s.scheduleAt(Infinity, () => {})).toThrow(RangeError);
  });

  it("runs XState `after` delays in simulated time through its Clock", () => {
    const s = new Scheduler();
    const m = setup({}).createMachine({
      initial: 'a',
      states: { a: { after: { 90_000: 'b' } }, b: { after: { 30_000: 'c' }, on: { GO: 'a' } }, c: {} },
    });
    const actor = createActor(m, { clock: s.clock }).start();
    s.runUntil(89.999);
    expect(actor.getSnapshot().value).toBe('a');
    s.runUntil(90);
    expect(actor.getSnapshot().value).toBe('b');
    // Leaving a state cancels its pending delay through clearTimeout.
    actor.send({ type: 'GO' });
    s.runUntil(125);
    expect(actor.getSnapshot().value).toBe('a');
    s.runUntil(180);
    expect(actor.getSnapshot().value).toBe('b');
  });
});
