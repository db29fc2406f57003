import { setup, assign, emit, assertEvent, type Actor } from 'xstate';
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
 * one, and a dish's trip should cost only a handful of actor events.
 */
export interface StationInput {
  id: string;
  kind: string;
}

/** The ticket being cooked; while idle or down it still holds the last one (no assign on the hot path). */
export interface StationContext extends StationInput {
  ticketId: number | null;
  cookSeconds: number;
  plateSeconds: number;
}

export type StationEvent =
  | { type: 'COOK'; ticketId: number; cookSeconds: number; plateSeconds: number }
  | { type: 'DONE' }
  | { type: 'FAULT' }
  | { type: 'REPAIR' };

export type StationEmitted =
  | { type: 'cookingStarted'; stationId: string; ticketId: number }
  | { type: 'dishCooked'; stationId: string; ticketId: number }
  | { type: 'cookingAborted'; stationId: string; ticketId: number }
  | { type: 'free'; stationId: string };

type Args = { context: StationContext; event: StationEvent };
// On COOK itself the durations come with the event (guards run before assign); on a
// delayed event they are in context.
const src = ({ context, event }: Args) => (event.type === 'COOK' ? event : context);

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
  },
  actions: {
    'take ticket': assign(({ event }) => {
      assertEvent(event, 'COOK');
      return { ticketId: event.ticketId, cookSeconds: event.cookSeconds, plateSeconds: event.plateSeconds };
    }),
    'announce cooking': emit(({ context }) => ({
      type: 'cookingStarted' as const,
      stationId: context.id,
      ticketId: context.ticketId!,
    })),
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
    'announce free': emit(({ context }) => ({ type: 'free' as const, stationId: context.id })),
  },
}).createMachine({
  id: 'station',
  context: ({ input }) => ({ ...input, ticketId: null, cookSeconds: 0, plateSeconds: 0 }),
  initial: 'idle',
  states: {
    idle: {
      entry: 'announce free',
      on: {
        COOK: [
          { guard: 'has cooking', target: 'cooking', actions: ['take ticket', 'announce cooking'] },
          { guard: 'has plating', target: 'plating', actions: ['take ticket', 'announce cooking'] },
          { target: 'idle', reenter: true, actions: ['take ticket', 'announce cooking', 'send dish to the pass'] },
        ],
        FAULT: 'down',
      },
    },
    cooking: {
      on: {
        DONE: [{ guard: 'has plating', target: 'plating' }, { target: 'idle', actions: 'send dish to the pass' }],
        FAULT: { target: 'down', actions: 'hand ticket back' },
      },
    },
    plating: {
      on: {
        DONE: { target: 'idle', actions: 'send dish to the pass' },
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
 * `plateSeconds` in `plating` (see {@link timeStages}). Returns the function that stops timing.
 */
export function timeStation(actor: Actor<typeof stationMachine>, scheduler: Scheduler, onError?: (e: unknown) => void): () => void {
  return timeStages(
    actor,
    scheduler,
    (state, c: StationContext) => (state === 'cooking' ? c.cookSeconds : state === 'plating' ? c.plateSeconds : null),
    onError,
  );
}
