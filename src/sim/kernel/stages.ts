import type { Scheduler, Timer } from './scheduler.ts';

/** The one `DONE` event, shared (events are never mutated). */
const DONE = { type: 'DONE' } as const;

/** What {@link timeStages} needs of an actor: its snapshots and a way to send it `DONE`. */
interface StagedActor<C> {
  subscribe(next: (snap: { value: unknown; context: C }) => void): { unsubscribe(): void };
  send(event: typeof DONE): void;
}

/**
 * Time an actor's stages on `scheduler`: whenever it enters a state for which
 * `secondsOf(state, context)` gives a number, schedule `DONE` after that many simulated
 * seconds; leaving the state early (a fault) cancels it. The scheduler times stages rather
 * than XState `after` delays: a plain event costs a third of a delayed one. A duration the
 * scheduler refuses goes to `onError` (default: thrown). Returns the function that stops timing.
 */
export function timeStages<C>(
  actor: StagedActor<C>,
  scheduler: Scheduler,
  secondsOf: (state: string, context: C) => number | null,
  onError: (e: unknown) => void = (e) => {
    throw e;
  },
): () => void {
  let timer: Timer | null = null;
  let stage: string | null = null;
  const done = () => {
    timer = null;
    actor.send(DONE);
  };
  const sub = actor.subscribe((snap) => {
    const state = snap.value as string;
    if (state === stage) return;
    if (timer) scheduler.cancel(timer);
    timer = null;
    stage = state;
    try {
      const seconds = secondsOf(state, snap.context);
      if (seconds !== null) timer = scheduler.schedule(seconds, done);
    } catch (e) {
      onError(e);
    }
  });
  return () => {
    sub.unsubscribe();
    if (timer) scheduler.cancel(timer);
  };
}
