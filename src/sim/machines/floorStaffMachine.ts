import { setup, assign, emit, assertEvent, type Actor } from 'xstate';
import type { Scheduler } from '../kernel/scheduler.ts';
import { timeStages } from '../kernel/stages.ts';
import type { Mode } from '../scenario.ts';

/**
 * Floor staff: waiters and runners share one machine because, in synchronous mode, runners
 * work as extra waiters (equal headcount, only the protocol differs). The restaurant's
 * dispatcher decides which jobs each role is given:
 * - a waiter takes orders (and delivers dishes too when the restaurant has no runners);
 * - a runner delivers dishes, and in synchronous mode also takes orders.
 *
 * States (docs/architecture.md, "The restaurant model"): idle → walkingToTable → takingOrder →
 *   sync:  walkingToKitchen → blockedAtPass → carryingDish → idle
 *   async: submittingTicket → idle
 * and for a delivery: idle → walkingToPass → carryingDish → idle.
 *
 * Every leg's duration (simulated seconds) arrives with the job, drawn once by the
 * restaurant from the seeded streams, and is kept in `context.legs`. A timed state is left on
 * `DONE`, which {@link timeFloorStaff} sends when the leg is over on the simulated clock; a
 * leg of zero is skipped by choosing the next state with a positive leg directly, so a dish's
 * trip costs only the events that take time.
 */
export type StaffRole = 'waiter' | 'runner';

/** Where a staff member's time goes, for utilisation. */
export type StaffActivity = 'working' | 'blocked' | 'idle';

/**
 * Durations of a job's legs, simulated seconds (unused legs are 0):
 * `toTable` walk to the party, `take` taking the order, `next` submitting the ticket (async)
 * or walking it to the kitchen (sync), `toPass` walk to the pass, `carry` carrying to a table.
 */
export interface Legs {
  toTable: number;
  take: number;
  next: number;
  toPass: number;
  carry: number;
}
type LegName = keyof Legs;

export const NO_LEGS: Legs = { toTable: 0, take: 0, next: 0, toPass: 0, carry: 0 };

export interface FloorStaffInput {
  id: string;
  role: StaffRole;
}

/**
 * The current job. While idle, the context still holds the last job (clearing it would
 * cost an assign per job on the hot path): read `partyId`/`ticketId` only outside `idle`.
 */
export interface FloorStaffContext extends FloorStaffInput {
  legs: Legs;
  /** Party whose order this staff member is handling, or null. */
  partyId: number | null;
  /** Protocol the order was taken under (fixed when the job was given). */
  protocol: Mode | null;
  /** Ticket (dish) being delivered on a delivery job, or null. */
  ticketId: number | null;
}

export type FloorStaffEvent =
  | { type: 'TAKE_ORDER'; partyId: number; protocol: Mode; legs: Legs }
  | { type: 'DELIVER'; ticketId: number; legs: Legs }
  | { type: 'DISHES_READY'; legs: Legs }
  /** The current timed stage is over (sent by {@link timeFloorStaff}). */
  | { type: 'DONE' };

/** What floor staff tell the restaurant (XState `emit`, listened to with `actor.on`). */
export type FloorStaffEmitted =
  | { type: 'atTable'; staffId: string; partyId: number }
  | { type: 'orderTaken'; staffId: string; partyId: number; protocol: Mode }
  | { type: 'ticketsHandedIn'; staffId: string; partyId: number; protocol: Mode }
  | { type: 'pickedUp'; staffId: string; ticketId: number }
  | { type: 'delivered'; staffId: string; partyId: number | null; ticketId: number | null }
  | { type: 'free'; staffId: string };

type StaffState =
  | 'idle'
  | 'walkingToTable'
  | 'takingOrder'
  | 'submittingTicket'
  | 'walkingToKitchen'
  | 'blockedAtPass'
  | 'walkingToPass'
  | 'carryingDish';

/** The leg each timed state lasts for. */
export const LEG_OF_STATE: Partial<Record<StaffState, LegName>> = {
  walkingToTable: 'toTable',
  takingOrder: 'take',
  submittingTicket: 'next',
  walkingToKitchen: 'next',
  walkingToPass: 'toPass',
  carryingDish: 'carry',
};

type ActionName =
  | 'accept order job'
  | 'accept delivery job'
  | 'accept dishes'
  | 'announce at table'
  | 'announce order taken'
  | 'hand tickets in'
  | 'pick dish up'
  | 'put dish on table';

/** One timed stage of a job and what is announced when it ends. */
interface Stage {
  state: StaffState;
  leg: LegName;
  done: ActionName;
}

const TO_TABLE: Stage = { state: 'walkingToTable', leg: 'toTable', done: 'announce at table' };
const TAKING: Stage = { state: 'takingOrder', leg: 'take', done: 'announce order taken' };
const SUBMITTING: Stage = { state: 'submittingTicket', leg: 'next', done: 'hand tickets in' };
const TO_KITCHEN: Stage = { state: 'walkingToKitchen', leg: 'next', done: 'hand tickets in' };
const TO_PASS: Stage = { state: 'walkingToPass', leg: 'toPass', done: 'pick dish up' };
const CARRYING: Stage = { state: 'carryingDish', leg: 'carry', done: 'put dish on table' };

/**
 * Transitions that go to the first of `stages` with a positive leg, announcing the end of
 * every stage skipped on the way; with no positive leg, straight to `end`.
 * `guard` (if any) must also hold for every route (e.g. the protocol).
 */
function route(stages: Stage[], end: StaffState, first: ActionName[] = [], guard?: 'order is sync' | 'order is async') {
  const out: { guard?: string; target: string; actions: ActionName[]; reenter?: boolean }[] = [];
  const actions = [...first];
  for (const st of stages) {
    out.push({ guard: guard ? `${guard} and has ${st.leg}` : `has ${st.leg}`, target: st.state, actions: [...actions] });
    actions.push(st.done);
  }
  out.push({ ...(guard ? { guard } : {}), target: end, actions, reenter: true });
  return out;
}

type Args = { context: FloorStaffContext; event: FloorStaffEvent };
// On the job event itself the legs come with the event (guards run before assign); on a
// delayed event (not in the union, at run time) they are in context.
const legsOf = ({ context, event }: Args): Legs => ('legs' in event ? event.legs : context.legs);
const protocolOf = ({ context, event }: Args): Mode | null => (event.type === 'TAKE_ORDER' ? event.protocol : context.protocol);
const has = (leg: LegName) => (a: Args) => legsOf(a)[leg] > 0;
const isSync = (a: Args) => protocolOf(a) === 'sync';

const guards: Record<string, (a: Args) => boolean> = { 'order is sync': isSync, 'order is async': (a) => !isSync(a) };
for (const leg of Object.keys(NO_LEGS) as LegName[]) {
  const hasLeg = has(leg);
  guards[`has ${leg}`] = hasLeg;
  guards[`order is sync and has ${leg}`] = (a) => isSync(a) && hasLeg(a);
  guards[`order is async and has ${leg}`] = (a) => !isSync(a) && hasLeg(a);
}


export const floorStaffMachine = setup({
  types: {
    input: {} as FloorStaffInput,
    context: {} as FloorStaffContext,
    events: {} as FloorStaffEvent,
    emitted: {} as FloorStaffEmitted,
  },
  guards,
  actions: {
    'accept order job': assign(({ event }) => {
      assertEvent(event, 'TAKE_ORDER');
      return { partyId: event.partyId, protocol: event.protocol, legs: event.legs, ticketId: null };
    }),
    'accept delivery job': assign(({ event }) => {
      assertEvent(event, 'DELIVER');
      return { ticketId: event.ticketId, partyId: null, protocol: null, legs: event.legs };
    }),
    'accept dishes': assign(({ event }) => {
      assertEvent(event, 'DISHES_READY');
      return { legs: event.legs };
    }),
    'announce at table': emit(({ context }) => ({ type: 'atTable' as const, staffId: context.id, partyId: context.partyId! })),
    'announce order taken': emit(({ context }) => ({
      type: 'orderTaken' as const,
      staffId: context.id,
      partyId: context.partyId!,
      protocol: context.protocol!,
    })),
    'hand tickets in': emit(({ context }) => ({
      type: 'ticketsHandedIn' as const,
      staffId: context.id,
      partyId: context.partyId!,
      protocol: context.protocol!,
    })),
    'pick dish up': emit(({ context }) => ({ type: 'pickedUp' as const, staffId: context.id, ticketId: context.ticketId! })),
    'put dish on table': emit(({ context }) => ({
      type: 'delivered' as const,
      staffId: context.id,
      partyId: context.ticketId === null ? context.partyId : null,
      ticketId: context.ticketId,
    })),
    'announce free': emit(({ context }) => ({ type: 'free' as const, staffId: context.id })),
  },
}).createMachine({
  id: 'floorStaff',
  context: ({ input }) => ({ ...input, legs: NO_LEGS, partyId: null, protocol: null, ticketId: null }),
  initial: 'idle',
  states: {
    idle: {
      entry: 'announce free',
      on: {
        TAKE_ORDER: [
          ...route([TO_TABLE, TAKING, TO_KITCHEN], 'blockedAtPass', ['accept order job'], 'order is sync'),
          ...route([TO_TABLE, TAKING, SUBMITTING], 'idle', ['accept order job'], 'order is async'),
        ],
        DELIVER: route([TO_PASS, CARRYING], 'idle', ['accept delivery job']),
      },
    },
    walkingToTable: {
      on: {
        DONE: [
          ...route([TAKING, TO_KITCHEN], 'blockedAtPass', [TO_TABLE.done], 'order is sync'),
          ...route([TAKING, SUBMITTING], 'idle', [TO_TABLE.done], 'order is async'),
        ],
      },
    },
    takingOrder: {
      on: {
        DONE: [
          ...route([TO_KITCHEN], 'blockedAtPass', [TAKING.done], 'order is sync'),
          ...route([SUBMITTING], 'idle', [TAKING.done], 'order is async'),
        ],
      },
    },
    // async: the PlaceOrder command goes when submitting ends; the waiter is then free.
    submittingTicket: { on: { DONE: { target: 'idle', actions: SUBMITTING.done } } },
    // sync: carry the ticket to the kitchen, then wait at the pass for every dish.
    walkingToKitchen: { on: { DONE: { target: 'blockedAtPass', actions: TO_KITCHEN.done } } },
    blockedAtPass: { on: { DISHES_READY: route([CARRYING], 'idle', ['accept dishes']) } },
    walkingToPass: { on: { DONE: route([CARRYING], 'idle', [TO_PASS.done]) } },
    carryingDish: { on: { DONE: { target: 'idle', actions: CARRYING.done } } },
  },
});

/** Map a floor staff state to working / blocked / idle (blocked = waiting on the kitchen). */
export function staffActivity(state: string): StaffActivity {
  if (state === 'idle') return 'idle';
  if (state === 'blockedAtPass') return 'blocked';
  return 'working';
}

/** Length of the leg a staff member in `state` is on, simulated seconds (0 when untimed). */
export function legSecondsOf(state: string, legs: Legs): number {
  const leg = LEG_OF_STATE[state as StaffState];
  return leg ? legs[leg] : 0;
}

/**
 * Time a floor staff member's stages on `scheduler`: `DONE` after the leg of each timed state
 * (see {@link LEG_OF_STATE} and {@link timeStages}). Returns the function that stops timing.
 */
export function timeFloorStaff(actor: Actor<typeof floorStaffMachine>, scheduler: Scheduler, onError?: (e: unknown) => void): () => void {
  return timeStages(
    actor,
    scheduler,
    (state, c: FloorStaffContext) => {
      const leg = LEG_OF_STATE[state as StaffState];
      return leg ? c.legs[leg] : null;
    },
    { onError },
  );
}
