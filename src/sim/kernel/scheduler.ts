import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState v5's `Clock` (setTimeout / clearTimeout in milliseconds); not exported by name. */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * Longest delay a timer may have, simulated seconds (about 31,700 years): anything longer is a
 * broken input (an unvalidated duration), reported rather than silently never firing.
 */
export const MAX_DELAY_SECONDS = 1e12;

/**
 * A pending timer in the {@link Scheduler}. Treat it as opaque: keep it to cancel.
 * `time` is the simulated second it fires at; `seq` breaks ties in insertion order.
 */
export interface Timer {
  readonly time: number;
  readonly seq: number;
  /** Null once fired or cancelled (lazy deletion keeps cancel O(1)). */
  fn: (() => void) | null;
}

/**
 * Discrete-event scheduler: a binary min-heap of timers ordered by simulated time, then by
 * insertion order, so two timers due at the same instant fire in the order they were set.
 * Time is in simulated seconds and starts at 0.
 *
 * It also implements XState v5's {@link Clock} (via {@link Scheduler.clock}), whose delays are
 * in milliseconds, so machines' `after` transitions run in simulated time.
 *
 * Never reads the wall clock; nothing happens unless {@link Scheduler.runUntil} or
 * {@link Scheduler.step} is called.
 */
export class Scheduler {
  private heap: Timer[] = [];
  private nextSeq = 0;
  private live = 0;
  private _now = 0;
  private _fired = 0;

  /** XState `Clock` view of this scheduler (`timeout` in simulated milliseconds). */
  readonly clock: Clock = {
    setTimeout: (fn: (...args: unknown[]) => void, timeoutMs: number) =>
      this.schedule(timeoutMs / 1000, fn as () => void),
    clearTimeout: (id: unknown) => this.cancel(id as Timer),
  };

  /** Current simulated time in seconds. */
  get now(): number {
    return this._now;
  }

  /** Number of timers fired since creation (the engine's "simulated events"). */
  get eventsFired(): number {
    return this._fired;
  }

  /** Number of timers waiting to fire (cancelled ones excluded). */
  get pending(): number {
    return this.live;
  }

  /**
   * Run `fn` after `delaySeconds` of simulated time.
   * @throws RangeError if the delay is negative, not a number, or over {@link MAX_DELAY_SECONDS}.
   */
  schedule(delaySeconds: number, fn: () => void): Timer {
    if (!(delaySeconds >= 0) || !(delaySeconds <= MAX_DELAY_SECONDS)) {
      throw new RangeError(`delay must be a number of seconds from 0 to ${MAX_DELAY_SECONDS}, got ${delaySeconds}`);
    }
    return this.push(this._now + delaySeconds, fn);
  }

  /**
   * Run `fn` at simulated time `timeSeconds` (clamped to now if in the past).
   * @throws RangeError if the time is not finite.
   */
  scheduleAt(timeSeconds: number, fn: () => void): Timer {
    if (!Number.isFinite(timeSeconds)) throw new RangeError(`time must be finite, got ${timeSeconds}`);
    return this.push(Math.max(timeSeconds, this._now), fn);
  }

  /** Cancel a timer; cancelling a fired or already cancelled timer does nothing. */
  cancel(timer: Timer | undefined | null): void {
    if (timer && timer.fn) {
      timer.fn = null;
      this.live--;
    }
  }

  /** Time of the next timer due, or `Infinity` when none is pending. */
  peekTime(): number {
    this.dropCancelled();
    const top = this.heap[0];
    return top ? top.time : Infinity;
  }

  /**
   * Fire every timer due at or before `timeSeconds` (including timers those timers set, if
   * they are due too), then set `now` to `timeSeconds`. Never moves time backwards.
   */
  runUntil(timeSeconds: number): void {
    const heap = this.heap;
    for (;;) {
      const top = heap[0];
      if (top === undefined || top.time > timeSeconds) break;
      this.pop();
      const fn = top.fn;
      if (fn === null) continue;
      top.fn = null;
      this.live--;
      this._now = top.time;
      this._fired++;
      fn();
    }
    if (timeSeconds > this._now) this._now = timeSeconds;
  }

  /**
   * Fire the next pending timer and every other timer due at that same instant.
   * @returns the new simulated time, or `null` when nothing is pending.
   */
  step(): number | null {
    const t = this.peekTime();
    if (t === Infinity) return null;
    this.runUntil(t);
    return t;
  }

  private push(time: number, fn: () => void): Timer {
    const timer: Timer = { time, seq: this.nextSeq++, fn };
    const heap = this.heap;
    let i = heap.length;
    heap.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (p.time < time || (p.time === time && p.seq < timer.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = timer;
    this.live++;
    return timer;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let child = heap[l]!;
      if (r < n) {
        const rc = heap[r]!;
        if (rc.time < child.time || (rc.time === child.time && rc.seq < child.seq)) {
          c = r;
          child = rc;
        }
      }
      if (last.time < child.time || (last.time === child.time && last.seq < child.seq)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = last;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.fn === null) this.pop();
  }
}
