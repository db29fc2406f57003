import type { Actor } from 'xstate';
import { createMachineActor } from '../machines/actors.ts';
import { floorStaffMachine, staffActivity, timeFloorStaff, type Legs, type StaffRole } from '../machines/floorStaffMachine.ts';
import { IndexSet } from '../kernel/indexSet.ts';
import type { Activity, Role } from '../metrics/collector.ts';
import type { Mode } from '../scenario.ts';
import { sourceOf, type Core, type Party, type Ticket } from './core.ts';
import type { Place } from './types.ts';

/**
 * The floor staff (docs/architecture.md, "The restaurant model"): waiters and runners, each
 * an XState actor of `floorStaffMachine`, which is the one statement of what they do and in
 * what order they announce it; this module gives them jobs and acts on what they announce.
 * A waiter takes an order and sends each ticket to the kitchen as a `PlaceOrder` command;
 * the runners are the consumer group of `DishReady` on the pass and deliver each dish. In
 * sync mode the waiter walks the order in and is blocked at the pass until every dish is
 * there, and runners take orders too.
 */

/** A waiter or runner. */
export interface StaffMember {
  id: string;
  role: StaffRole;
  /** Its place in the staff list (waiters first, then runners), its key in the free set. */
  index: number;
  actor: Actor<typeof floorStaffMachine>;
  busy: boolean;
  activity: Activity;
  state: string;
  since: number;
  /** Where the current state started and where it ends (equal for a state spent in place). */
  from: Place;
  to: Place;
}

/** What the other parts use of the floor. */
export interface Floor {
  /** Waiters, then runners. */
  readonly staff: readonly StaffMember[];
  /** `PlaceOrder` commands the kitchen refused (out of stock). */
  readonly rejectedOrders: number;
  /** A party just sat down: a waiter will come for its order. */
  seated(p: Party): void;
  /** Give idle staff work (after a mode change, say). */
  dispatch(): void;
  /** A waiter blocked at the pass (sync, or sync-over-async) carries the order once every dish is there. */
  releaseWhenAllAtPass(p: Party): void;
  /** Stock came back: send again the orders that found nothing left to choose. */
  restocked(): void;
}

const roleOf = (r: StaffRole): Role => (r === 'waiter' ? 'waiters' : 'runners');

/** A job's legs, built as a literal: a spread of `NO_LEGS` per job costs more (one shape, no copy). */
const legsOf = (toTable: number, take: number, next: number, toPass: number, carry: number): Legs => ({ toTable, take, next, toPass, carry });

/** Build the floor of `core`'s scenario: the runners' consumer group on the pass and the staff's actors (started). */
export function createFloor(core: Core): Floor {
  const { s, scheduler, bus, draw, parts } = core;
  const staff: StaffMember[] = [];
  const staffById = new Map<string, StaffMember>();
  /** Who is idle: found in order of `index` without a scan of every member. */
  const free = new IndexSet(s.staff.waiters + s.staff.runners);
  // Plain arrays: these lines stay short (a party waits for a waiter, a dish for a runner),
  // where an array's shift is cheapest; the door's line, which can grow long, is a Fifo.
  const awaitingWaiter: Party[] = [];
  const pendingDeliveries: Ticket[] = [];
  /** Tickets whose party found nothing in stock to reorder: sent again when stock returns. */
  const awaitingStock: Ticket[] = [];
  const floorSource = sourceOf('/floor/');
  let rejectedOrders = 0;

  // ---- what the staff announce --------------------------------------------------------

  // An order exists from the moment the waiter finishes taking it: its tickets are counted
  // (and their latency clock starts) here, never before (a party may still walk out).
  const onOrderTaken = (p: Party, protocol: Mode) => {
    const now = scheduler.now;
    core.setPartyState(p, 'waitingForFood');
    core.ticketsCreated += p.tickets.length;
    core.ticketCounts.ordered += p.tickets.length;
    for (const t of p.tickets) {
      core.tickets.set(t.id, t);
      t.orderedAt = now;
      t.protocol = p.waitsForEvent ? 'async' : protocol;
    }
    core.metrics.onOrdered(now, p.tickets.length);
    core.metrics.onOrderTaken(now, p.arrivedAt);
  };

  const placeOrder = (t: Ticket, causationid: string | null) => {
    const p = t.party;
    const { message, reply } = bus.send('kitchen', 'PlaceOrder', { ticketId: t.id, dish: t.dish, table: p.table, protocol: t.protocol }, {
      source: floorSource(p.staffId!),
      subject: t.subject,
      correlationid: p.correlationid,
      causationid,
    });
    if (reply.accepted) return;
    // A rejected command changes nothing and publishes nothing: the party must reorder.
    rejectedOrders++;
    const instead = draw.menu.filter((m) => m.dish !== t.dish && (parts.kitchen.stock.get(m.dish) ?? 1) !== 0);
    if (instead.length === 0) {
      awaitingStock.push(t);
      return;
    }
    const m = instead[Math.floor(core.streams.misc.next() * instead.length)]!;
    t.dish = m.dish;
    t.station = m.station;
    t.cookSeconds = m.recook();
    placeOrder(t, message.id);
  };

  const onPickedUp = (t: Ticket) => {
    core.setTicketState(t, 'carrying');
    if (t.readyOffset >= 0) runners.commit(t.readyOffset);
    core.reportQueues();
  };

  const serve = (t: Ticket, staffId: string) => {
    if (t.state === 'served') throw new Error(`invariant broken: ticket ${t.id} served twice`);
    const now = scheduler.now;
    core.setTicketState(t, 'served');
    core.metrics.onServed(now, t.dish, now - t.orderedAt);
    const p = t.party;
    const msg = bus.publish('orders', 'DishDelivered', { ticketId: t.id, dish: t.dish, table: p.table, by: staffId }, {
      source: floorSource(staffId),
      subject: t.subject,
      correlationid: p.correlationid,
      causationid: t.lastMessageId,
    });
    t.lastMessageId = msg.id;
    if (p.unserved === p.tickets.length) core.metrics.onFirstDish(now, p.arrivedAt);
    if (--p.unserved === 0) {
      core.metrics.onLastDish(now, p.arrivedAt);
      parts.dining.served(p);
    }
  };

  const releaseWhenAllAtPass = (p: Party) => {
    if (!p.tickets.every((x) => x.state === 'atPass')) return;
    for (const x of p.tickets) core.setTicketState(x, 'carrying');
    core.reportQueues();
    staffById.get(p.staffId!)!.actor.send({ type: 'DISHES_READY', legs: legsOf(0, 0, 0, 0, draw.walk()) });
  };

  // ---- the pass -----------------------------------------------------------------------

  // Runners are the consumer group of DishReady: each dish goes to one free runner, and the
  // group commits a dish's offset when a runner picks it up, so its lag is the dishes
  // waiting at the pass. A DishReady the floor cannot read is dead-lettered at once.
  const runners = bus.externalGroup('runners', 'pass');
  bus.subscribe('pass', (msg) => {
    if (msg.type !== 'DishReady') return runners.commit(msg.offset);
    // The floor reads tolerantly: all it needs is the ticket id, in any version.
    const id = (msg.data as { ticketId?: unknown } | null)?.ticketId;
    const t = typeof id === 'number' ? core.tickets.get(id) : undefined;
    if (t?.party.waitsForEvent && t.state === 'atPass') {
      // Sync-over-async: the blocked waiter, not a runner, consumes this DishReady.
      runners.commit(msg.offset);
      return releaseWhenAllAtPass(t.party);
    }
    if (!t || t.state !== 'atPass') {
      runners.deadLetter(msg, `no dish ${String(id)} waiting at the pass`);
      return runners.commit(msg.offset);
    }
    t.readyOffset = msg.offset;
    pendingDeliveries.push(t);
    dispatch();
  });

  // ---- giving out jobs ----------------------------------------------------------------

  const waiters = s.staff.waiters;
  // Under sync-over-async runners take orders too: with their waiters blocked, that is how
  // the sync restaurant works, and the anti-pattern is that sync restaurant in messaging clothes.
  const runnersTakeOrders = () => core.mode === 'sync' || parts.teaching.syncOverAsync;
  const waitersDeliver = s.staff.runners === 0;

  /**
   * The next idle member at or after `from` who can do some waiting job: deliveries go to
   * runners (or to waiters when there are none), orders to waiters (and to runners when
   * they take orders). Waiters come before runners in the staff list.
   */
  const nextFree = (from: number): number => {
    const deliveries = pendingDeliveries.length > 0;
    const orders = awaitingWaiter.length > 0;
    if (orders || (deliveries && waitersDeliver)) {
      const w = free.next(from, waiters);
      if (w >= 0) return w;
    }
    if (deliveries || (orders && runnersTakeOrders())) return free.next(Math.max(from, waiters));
    return -1;
  };

  const giveJob = (m: StaffMember) => {
    m.busy = true;
    free.delete(m.index);
    if (pendingDeliveries.length > 0 && (m.role === 'runner' || waitersDeliver)) {
      const t = pendingDeliveries.shift()!;
      const toPass = draw.walk();
      m.actor.send({ type: 'DELIVER', ticketId: t.id, legs: legsOf(0, 0, 0, toPass, draw.walk()) });
      return;
    }
    const p = awaitingWaiter.shift()!;
    p.staffId = m.id;
    // Sync-over-async: the waiter behaves as in sync (walks the order in, blocks at the pass)
    // although the kitchen talks in messages.
    p.waitsForEvent = core.mode === 'async' && parts.teaching.syncOverAsync;
    const protocol: Mode = p.waitsForEvent ? 'sync' : core.mode;
    const toTable = draw.walk();
    const next = protocol === 'sync' ? draw.walk() : draw.submit();
    m.actor.send({ type: 'TAKE_ORDER', partyId: p.id, protocol, legs: legsOf(toTable, p.takeSeconds, next, 0, 0) });
  };

  let dispatching = false;
  let dispatchAgain = false;
  /**
   * Give idle staff work, in staff order: deliveries first (finish what is started), then new
   * orders. A job with no duration returns its member to idle within `send`, which asks for
   * another pass rather than nesting one.
   */
  const dispatch = () => {
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = true;
    try {
      do {
        dispatchAgain = false;
        for (let i = nextFree(0); i >= 0; i = nextFree(i + 1)) giveJob(staff[i]!);
      } while (dispatchAgain);
    } finally {
      dispatching = false;
    }
  };

  // ---- the staff ----------------------------------------------------------------------

  /** Where a staff member's state `state` ends; `here` when it is spent where they stand. */
  const placeOf = (state: string, ctx: { partyId: number | null; ticketId: number | null }, here: Place): Place => {
    switch (state) {
      case 'walkingToTable':
      case 'takingOrder':
      case 'submittingTicket':
        return core.parties.get(ctx.partyId!)?.table ?? here;
      case 'carryingDish':
        return (ctx.ticketId !== null ? core.tickets.get(ctx.ticketId)?.party.table : core.parties.get(ctx.partyId!)?.table) ?? here;
      case 'walkingToKitchen':
      case 'blockedAtPass':
      case 'walkingToPass':
        return 'pass';
      default:
        return here;
    }
  };

  const addStaff = (role: StaffRole, n: number) => {
    for (let i = 1; i <= n; i++) {
      const id = `${role}-${i}`;
      const actor = createMachineActor(floorStaffMachine, { clock: scheduler.clock, input: { id, role } }, core.options.machines);
      const m: StaffMember = { id, role, index: staff.length, actor, busy: false, activity: 'idle', state: 'idle', since: 0, from: 'home', to: 'home' };
      timeFloorStaff(actor, scheduler, core.fail);
      core.metrics.onStaffAdded(scheduler.now, roleOf(role));
      actor.subscribe({
        next: (snap) => {
          const state = snap.value as string;
          if (state === m.state) return;
          m.from = m.to;
          m.to = placeOf(state, snap.context, m.to);
          core.track(m, state, roleOf(role), staffActivity);
        },
        error: core.fail,
      });
      actor.on('atTable', (e) => core.setPartyState(core.parties.get(e.partyId)!, 'ordering'));
      actor.on('orderTaken', (e) => onOrderTaken(core.parties.get(e.partyId)!, e.protocol));
      actor.on('ticketsHandedIn', (e) => {
        for (const t of core.parties.get(e.partyId)!.tickets) placeOrder(t, null);
      });
      actor.on('pickedUp', (e) => onPickedUp(core.tickets.get(e.ticketId)!));
      actor.on('delivered', (e) => {
        if (e.ticketId !== null) serve(core.tickets.get(e.ticketId)!, m.id);
        else for (const t of core.parties.get(e.partyId!)!.tickets) serve(t, m.id);
      });
      actor.on('free', () => {
        m.busy = false;
        free.add(m.index);
        dispatch();
      });
      staff.push(m);
      staffById.set(id, m);
      actor.start();
    }
  };
  addStaff('waiter', s.staff.waiters);
  addStaff('runner', s.staff.runners);

  return {
    staff,
    get rejectedOrders() {
      return rejectedOrders;
    },
    seated(p) {
      awaitingWaiter.push(p);
      dispatch();
    },
    dispatch,
    releaseWhenAllAtPass,
    restocked() {
      for (const t of awaitingStock.splice(0)) placeOrder(t, t.lastMessageId);
    },
  };
}
