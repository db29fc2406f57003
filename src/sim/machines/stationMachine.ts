import { setup, assign, emit, type Actor } from 'xstate';
import type { Scheduler } from '../kernel/scheduler.ts';
import { timeStages } from '../kernel/stages.ts';

/**
 * A kitchen station (one cook at one grill, stove, cold counter...). It cooks one ticket at
 * a time: idle → cooking → plating → idle, and can be taken `down` by a fault and brought
 * back. A fault while cooking or plating hands the ticket back to the restaurant
 * (`cookingAborted`), which puts it at the head of its queue: nothing is lost.
 *
 * The cook time is the ticket's own (drawn when the party ordered, so both modes cook the
 * same dishes for the same time); plating is drawn by the restaurant when it hands the
 * ticket over. A zero-length stage is skipped. Simulated seconds throughout.
 *
 * A stage ends on `DONE`, which {@link timeStation} sends when the stage's time is up. The
 * scheduler times it rather than an XState `after`: a plain event costs a third of a delayed
 * one, and a dish's trip should cost only a handful of actor events. For the same reason
 * the last `DONE` of a dish may carry the `next` ticket of a busy station's queue: the
 * station sends its dish to the pass and starts the next one in the same step, so a busy
 * period of k dishes costs k + 1 events rather than 2k. A station that goes idle says so
 * by its state, which the restaurant observes, rather than by an event. A ticket that
 * reaches a station which cannot take it (busy or down, its events queued behind a fault's)
 * is handed straight back (`ticketRefused`): a station never drops a ticket.
 */
export interface StationInput {
  id: string;
  kind: string;
}

/** A ticket handed to a station: its id and its cook and plate times (simulated seconds). */
export interface StationJob {
  ticketId: number;
  cookSeconds: number;
  plateSeconds: number;
}

/** The ticket being cooked; while idle or down it still holds the last one (no assign on the hot path). */
export interface StationContext extends StationInput {
  ticketId: number | null;
  cookSeconds: number;
  plateSeconds: number;
}

/** A stage's time is up; `next`, on a dish's last stage only, is the ticket to start at once (its cook time > 0). */
export interface StationDone {
  type: 'DONE';
  next?: StationJob | null;
}

export type StationEvent =
  | ({ type: 'COOK' } & StationJob)
  | StationDone
  | { type: 'FAULT' }
  | { type: 'REPAIR' };

export type StationEmitted =
  | { type: 'dishCooked'; stationId: string; ticketId: number }
  | { type: 'cookingAborted'; stationId: string; ticketId: number }
  /** A ticket handed over when the station could not take it (busy or down): it goes back, never lost. */
  | { type: 'ticketRefused'; stationId: string; ticketId: number };

type Args = { context: StationContext; event: StationEvent };
// On COOK itself the durations come with the event (guards run before assign); on a
// delayed event they are in context.
const src = ({ context, event }: Args) => (event.type === 'COOK' ? event : context);
const nextOf = (event: StationEvent) => (event.type === 'DONE' ? event.next : null);

export const stationMachine = setup({
  types: {
    input: {} as StationInput,
    context: {} as StationContext,
    events: {} as StationEvent,
    emitted: {} as StationEmitted,
  },
  guards: {
    'has cooking': (a: Args) => src(a).cookSeconds > 0,
    'has plating': (a: Args) => src(a).plateSeconds > 0,
    'has next': ({ event }: Args) => (nextOf(event)?.cookSeconds ?? 0) > 0,
    'carries a ticket': ({ event }: Args) => (nextOf(event) ?? null) !== null,
  },
  actions: {
    'take ticket': assign(({ event }) => {
      const job = event.type === 'COOK' ? event : nextOf(event)!;
      return { ticketId: job.ticketId, cookSeconds: job.cookSeconds, plateSeconds: job.plateSeconds };
    }),
    'send dish to the pass': emit(({ context }) => ({
      type: 'dishCooked' as const,
      stationId: context.id,
      ticketId: context.ticketId!,
    })),
    'hand ticket back': emit(({ context }) => ({
      type: 'cookingAborted' as const,
      stationId: context.id,
      ticketId: context.ticketId!,
    })),
    'refuse ticket': emit(({ context, event }) => ({
      type: 'ticketRefused' as const,
      stationId: context.id,
      ticketId: (event.type === 'COOK' ? event : nextOf(event)!).ticketId,
    })),
  },
}).createMachine({
  id: 'station',
  context: ({ input }) => ({ ...input, ticketId: null, cookSeconds: 0, plateSeconds: 0 }),
  initial: 'idle',
  // A ticket that reaches the station in a state that cannot take it (its events were queued
  // behind a fault, say) goes straight back: a station never drops a ticket.
  on: {
    COOK: { actions: 'refuse ticket' },
    DONE: { guard: 'carries a ticket', actions: 'refuse ticket' },
  },
  states: {
    idle: {
      on: {
        COOK: [
          { guard: 'has cooking', target: 'cooking', actions: 'take ticket' },
          { guard: 'has plating', target: 'plating', actions: 'take ticket' },
          { actions: ['take ticket', 'send dish to the pass'] },
        ],
        FAULT: 'down',
      },
    },
    cooking: {
      on: {
        DONE: [
          { guard: 'has plating', target: 'plating' },
          // Same state, new ticket: no exit or entry (the cheapest transition XState has).
          { guard: 'has next', actions: ['send dish to the pass', 'take ticket'] },
          { guard: 'carries a ticket', target: 'idle', actions: ['send dish to the pass', 'refuse ticket'] },
          { target: 'idle', actions: 'send dish to the pass' },
        ],
        FAULT: { target: 'down', actions: 'hand ticket back' },
      },
    },
    plating: {
      on: {
        DONE: [
          { guard: 'has next', target: 'cooking', actions: ['send dish to the pass', 'take ticket'] },
          { guard: 'carries a ticket', target: 'idle', actions: ['send dish to the pass', 'refuse ticket'] },
          { target: 'idle', actions: 'send dish to the pass' },
        ],
        FAULT: { target: 'down', actions: 'hand ticket back' },
      },
    },
    down: {
      on: { REPAIR: 'idle' },
    },
  },
});

/**
 * Map a station state to working / blocked / idle. A station that is down counts as idle
 * (capacity nobody can use); cooks never wait on another role.
 */
export function stationActivity(state: string): 'working' | 'blocked' | 'idle' {
  return state === 'cooking' || state === 'plating' ? 'working' : 'idle';
}

/**
 * Time a station's stages on `scheduler`: `DONE` after `cookSeconds` in `cooking` and after
 * `plateSeconds` in `plating` (see {@link timeStages}). When a dish's last stage is over,
 * `next()` (if given) may hand over the next ticket, which rides on that `DONE` (see
 * {@link stationMachine}); it must return null for a ticket that cannot be started at once
 * (its cook time is 0). Returns the function that stops timing.
 */
export function timeStation(
  actor: Actor<typeof stationMachine>,
  scheduler: Scheduler,
  onError?: (e: unknown) => void,
  next?: () => StationJob | null,
): () => void {
  const DONE: StationDone = { type: 'DONE' };
  const last = (): StationDone => {
    const job = next?.() ?? null;
    return job ? { type: 'DONE', next: job } : DONE;
  };
  return timeStages<StationContext, StationDone>(
    actor,
    scheduler,
    (state, c) => (state === 'cooking' ? c.cookSeconds : state === 'plating' ? c.plateSeconds : null),
    {
      onError,
      jobOf: (c) => c.ticketId,
      doneOf: (state, c) => (state === 'cooking' && c.plateSeconds > 0 ? DONE : last()),
    },
  );
}
