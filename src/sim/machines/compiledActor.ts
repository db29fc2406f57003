import type { CompiledMachine, Transition } from './compile.ts';

/**
 * An actor running a {@link CompiledMachine}, with the part of XState's `Actor` interface
 * the restaurant uses: `start`, `send`, `getSnapshot` (`value`, `context`, `status`),
 * `subscribe` (a function or an observer with `next` / `error` / `complete`), `on` (emitted
 * events) and `stop`. The semantics are XState's, as listed in `compile.ts`.
 */
export interface CompiledSnapshot {
  status: 'active' | 'error' | 'stopped';
  value: string;
  context: Record<string, unknown>;
  error?: unknown;
}

interface Observer {
  next?: (snapshot: CompiledSnapshot) => void;
  error?: (err: unknown) => void;
  complete?: () => void;
}

type Event = { type: string };
type Listener = (event: Event) => void;
/** One `on` registration (its own object, so unsubscribing removes exactly it). */
type Registration = { handler: Listener };

/** XState reports an error nobody listens to outside the step (it throws it later); so does this. */
const reportUnhandled = (err: unknown) => {
  queueMicrotask(() => {
    throw err;
  });
};

export class CompiledActor {
  private snapshot: CompiledSnapshot;
  private readonly observers = new Set<Observer>();
  /**
   * Listeners by emitted type, copied on every change (rare), so an emission walks the list
   * as it was when the emission began, as XState's copy of its listener set does.
   */
  private readonly listeners = new Map<string, Registration[]>();
  private queue: Event[] = [];
  private head = 0;
  private processing = false;
  private started = false;
  private stopped = false;
  /** Events the initial state's entry emitted, told when the actor starts. */
  private pending: Event[];
  /** The current state's candidate transitions by event type. */
  private transitions: Map<string, Transition[]>;

  constructor(
    private readonly machine: CompiledMachine,
    options: { input?: unknown } = {},
  ) {
    let context = machine.context(options.input);
    const init = { type: 'xstate.init', input: options.input };
    const emitted: Event[] = [];
    for (const op of machine.startOps) {
      if (op.kind === 'assign') context = Object.assign({}, context, op.update({ context, event: init }));
      else emitted.push(op.event({ context, event: init }));
    }
    this.pending = emitted;
    this.snapshot = { status: 'active', value: machine.initial, context };
    this.transitions = machine.table.get(machine.initial)!;
  }

  /** The current snapshot (the same object until the next event is processed). */
  getSnapshot(): CompiledSnapshot {
    return this.snapshot;
  }

  /** Start: tell the initial state's emitted events and the observers, then process queued events. */
  start(): this {
    if (this.started || this.stopped) return this;
    this.started = true;
    const pending = this.pending;
    this.pending = [];
    // Events sent while starting wait for the start to finish, as in XState's mailbox.
    this.processing = true;
    this.update(this.snapshot, pending);
    this.processing = false;
    this.flush();
    return this;
  }

  /** Send an event: processed now, or after the one being processed (or at start). Ignored once stopped. */
  send(event: Event): void {
    if (this.stopped) return;
    if (this.started && !this.processing) {
      // Idle and started, so nothing is queued: process it now; what its listeners send waits behind it.
      this.processing = true;
      this.process(event);
      if (this.head < this.queue.length) this.flush();
      this.processing = false;
      return;
    }
    this.queue.push(event);
  }

  /** Observe every snapshot (after each event, changed or not) and the error that stops the actor. */
  subscribe(next: Observer | ((snapshot: CompiledSnapshot) => void), error?: (err: unknown) => void, complete?: () => void): { unsubscribe(): void } {
    const observer: Observer = typeof next === 'function' ? { next, error, complete } : next;
    if (!this.stopped) this.observers.add(observer);
    else if (this.snapshot.status === 'error') {
      if (observer.error) observer.error(this.snapshot.error);
      else reportUnhandled(this.snapshot.error);
    }
    return { unsubscribe: () => void this.observers.delete(observer) };
  }

  /** Listen to the events of type `type` the machine emits (`'*'`: every one). */
  on(type: string, handler: Listener): { unsubscribe(): void } {
    const r: Registration = { handler };
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), r]);
    return { unsubscribe: () => void this.listeners.set(type, (this.listeners.get(type) ?? []).filter((x) => x !== r)) };
  }

  /** Stop: queued events are dropped, observers completed. */
  stop(): this {
    if (this.stopped) return this;
    this.stopped = true;
    this.queue = [];
    this.head = 0;
    this.snapshot = { ...this.snapshot, status: 'stopped' };
    for (const o of this.observers) o.complete?.();
    this.observers.clear();
    this.listeners.clear();
    return this;
  }

  private flush(): void {
    this.processing = true;
    while (this.head < this.queue.length && !this.stopped) {
      const event = this.queue[this.head++]!;
      this.process(event);
    }
    this.queue.length = 0;
    this.head = 0;
    this.processing = false;
  }

  private process(event: Event): void {
    const before = this.snapshot;
    let next = before;
    let emitted: Event[] | null = null;
    try {
      const candidates = this.transitions.get(event.type);
      if (candidates) {
        // One arguments object for the guards and actions that see the same context (XState
        // makes one per action; none of the machines keeps or changes it).
        let args = { context: before.context, event };
        for (const t of candidates) {
          if (t.guard !== null && !this.check(t, args)) continue;
          let context = before.context;
          for (const op of t.ops) {
            if (op.kind === 'assign') {
              // A fresh object per assign, made as XState's `assign` makes it.
              context = Object.assign({}, context, op.update(args));
              args = { context, event };
            } else (emitted ??= []).push(op.event(args));
          }
          next = { status: 'active', value: t.target ?? before.value, context };
          if (next.value !== before.value) this.transitions = this.machine.table.get(next.value)!;
          break;
        }
      }
    } catch (err) {
      this.snapshot = { ...before, status: 'error', error: err };
      this.fail(err);
      return;
    }
    this.update(next, emitted);
  }

  /** Evaluate `t`'s guard; an error it throws is reported in XState's words. */
  private check(t: Transition, args: { context: Record<string, unknown>; event: Event }): boolean {
    try {
      return t.guard!(args);
    } catch (err) {
      throw t.guardError!(err);
    }
  }

  /** XState's `update`: set the snapshot, tell the emitted events, then the observers. */
  private update(snapshot: CompiledSnapshot, emitted: Event[] | null): void {
    this.snapshot = snapshot;
    // A listener's error is reported, not thrown into the step, and the actor goes on (XState's `emit`).
    const any = emitted === null ? undefined : this.listeners.get('*');
    if (emitted !== null) for (const e of emitted) {
      const own = this.listeners.get(e.type);
      if (!own && !any) continue;
      for (const r of any ? [...(own ?? []), ...any] : own!) {
        try {
          r.handler(e);
        } catch (err) {
          reportUnhandled(err);
        }
      }
    }
    for (const o of this.observers) {
      try {
        o.next?.(snapshot);
      } catch (err) {
        reportUnhandled(err);
      }
    }
  }

  /** XState's `_error`: stop, and tell the observers' `error` (unhandled when one has none). */
  private fail(err: unknown): void {
    this.stopped = true;
    this.queue = [];
    this.head = 0;
    if (this.observers.size === 0) {
      this.listeners.clear();
      reportUnhandled(err);
      return;
    }
    let unhandled = false;
    for (const o of this.observers) {
      unhandled ||= !o.error;
      try {
        o.error?.(err);
      } catch (err2) {
        reportUnhandled(err2);
      }
    }
    this.observers.clear();
    this.listeners.clear();
    if (unhandled) reportUnhandled(err);
  }
}
