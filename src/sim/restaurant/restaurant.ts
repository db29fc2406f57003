import type { Actor } from 'xstate';
import { createMachineActor } from '../machines/actors.ts';
import { Scheduler, type Timer } from '../kernel/scheduler.ts';
import { createStreams } from '../kernel/rng.ts';
import { Fifo } from '../kernel/fifo.ts';
import { sampler, type Distribution, type Sampler } from '../kernel/distributions.ts';
import { floorStaffMachine, legSecondsOf, NO_LEGS, staffActivity, timeFloorStaff, type StaffRole } from '../machines/floorStaffMachine.ts';
import { stationMachine, stationActivity, timeStation, type StationJob } from '../machines/stationMachine.ts';
import { Bus, type ConsumerGroup } from '../bus/bus.ts';
import { createSubscriberState, dishCode, SUBSCRIBER_DEFAULTS, subscriberHandler, type SubscriberKind } from '../bus/subscribers.ts';
import { MetricsCollector, type Activity, type Role } from '../metrics/collector.ts';
import { capacityBound, type CapacityBound } from '../metrics/theory.ts';
import { MAX_DISHES_PER_PARTY, type Mode, type Scenario } from '../scenario.ts';
import { nameRecord } from '../names.ts';
import {
  PARTY_STATES,
  TICKET_STATES,
  type PartyState,
  type PartyView,
  type Place,
  type ConsumersView,
  type Restaurant,
  type RestaurantCommand,
  type RestaurantOptions,
  type RestaurantSnapshot,
  type TicketState,
  type TicketView,
} from './types.ts';

export * from './types.ts';

interface Party {
  id: number;
  /** `order-<id>`: the correlation id of every message about its order (built once). */
  correlationid: string;
  state: PartyState;
  arrivedAt: number;
  table: number | null;
  tickets: Ticket[];
  takeSeconds: number;
  eatSeconds: number;
  paySeconds: number;
  patienceSeconds: number | null;
  patienceTimer: Timer | null;
  walksOutAt: number | null;
  staffId: string | null;
  unserved: number;
  /** Sync-over-async (the anti-pattern): the order is sent as messages, but its waiter blocks at the pass until every DishReady. */
  waitsForEvent: boolean;
}

interface Ticket {
  id: number;
  /** `dish-<id>`: the subject of every message about it (built once). */
  subject: string;
  party: Party;
  dish: string;
  station: string;
  cookSeconds: number;
  state: TicketState;
  protocol: Mode;
  orderedAt: number;
  lastMessageId: string | null;
  /** Offset of its DishReady on the pass, for the runners' commit. */
  readyOffset: number;
  /** Its place in its kitchen queue (a counter, set when the kitchen accepts it), kept when it is handed back. */
  queuedSeq: number;
}

interface StaffMember {
  id: string;
  role: StaffRole;
  actor: Actor<typeof floorStaffMachine>;
  busy: boolean;
  activity: Activity;
  state: string;
  since: number;
  /** Where the current state started and where it ends (equal for a state spent in place). */
  from: Place;
  to: Place;
}

interface Station {
  id: string;
  kind: string;
  actor: Actor<typeof stationMachine>;
  busy: boolean;
  /** Why the station is down: scheduled faults (`fault:<i>`) and/or `manual`; up when empty. */
  downFor: Set<string>;
  activity: Activity;
  state: string;
  since: number;
  /** The ticket the station's actor last took (it keeps it while idle). */
  ticketId: number | null;
}

/**
 * Build a restaurant from a validated scenario. Nothing happens until `runUntil` or `step`.
 *
 * Randomness: every party's demands (dish count, dishes, cook times, order-taking, eating,
 * paying and patience) are drawn when it arrives from the `party` and `cook` streams, so the
 * same seed gives the same customers in either mode and with any staffing; walks and plating
 * come from their own streams as they happen.
 */
export function createRestaurant(scenario: Scenario, options: RestaurantOptions = {}): Restaurant {
  const s = scenario;
  const scheduler = new Scheduler();
  const streams = createStreams(s.seed);
  const bus = new Bus(() => scheduler.now, {
    retain: options.retainMessages ?? 0,
    schedule: (d, fn) => {
      const timer = scheduler.schedule(d, fn);
      return () => scheduler.cancel(timer);
    },
  });
  let mode: Mode = s.mode;

  const metrics = new MetricsCollector({
    warmupSeconds: s.warmupSeconds,
    sampleIntervalSeconds: s.sampleIntervalSeconds,
    rollingWindowSeconds: options.rollingWindowSeconds ?? 900,
    mode,
    dishes: s.menu.map((m) => m.dish),
  });

  // ---- random draws -------------------------------------------------------------------
  let arrivalRatePerHour = s.arrivals.ratePerHour;
  const arrivalSampler = (ratePerHour: number): Sampler =>
    ratePerHour > 0 ? sampler({ dist: 'exponential', mean: 3600 / ratePerHour }, streams.arrivals) : () => Infinity;
  let interArrival = arrivalSampler(arrivalRatePerHour);
  const drawDishCount = sampler(s.dishesPerParty, streams.party);
  const drawTake = sampler(s.timings.takeOrderSeconds, streams.party);
  const drawEat = sampler(s.timings.eatSeconds, streams.party);
  const drawPay = sampler(s.timings.payingSeconds, streams.party);
  const drawPatience = s.patienceSeconds ? sampler(s.patienceSeconds, streams.party) : null;
  const drawWalk = sampler(s.timings.walkSeconds, streams.walks);
  const drawSubmit = sampler(s.timings.submitTicketSeconds, streams.service);
  const drawPlate = sampler(s.timings.plateSeconds, streams.service);
  const menuTotal = s.menu.reduce((t, m) => t + m.share, 0);
  // `recook` draws a replacement dish's cook time from its own stream, so a rejected order
  // never shifts the cook times of later customers.
  const menu = s.menu.map((m) => ({ ...m, cook: sampler(m.cookSeconds, streams.cook), recook: sampler(m.cookSeconds, streams.misc) }));
  const stock = new Map<string, number | null>(s.menu.map((m) => [m.dish, m.stock]));
  const priceCents = new Map<string, number>(s.menu.map((m) => [m.dish, Math.round(m.price * 100)]));
  const dishesByCode = new Map<string, string>(s.menu.map((m) => [dishCode(m.dish), m.dish]));
  const pickDish = () => {
    let u = streams.party.next() * menuTotal;
    for (const m of menu) {
      u -= m.share;
      if (u < 0) return m;
    }
    return menu[menu.length - 1]!;
  };

  // ---- state --------------------------------------------------------------------------
  const parties = new Map<number, Party>();
  const tickets = new Map<number, Ticket>();
  const partyCounts = Object.fromEntries(PARTY_STATES.map((k) => [k, 0])) as Record<PartyState, number>;
  const ticketCounts = Object.fromEntries(TICKET_STATES.map((k) => [k, 0])) as Record<TicketState, number>;
  let partiesArrived = 0;
  let ticketsCreated = 0;
  // The queue at the door: O(1) to join, to be seated from and to walk out of (kernel/fifo.ts).
  const door = new Fifo<Party>();
  const freeTables: number[] = [];
  for (let i = s.tables; i >= 1; i--) freeTables.push(i);
  const awaitingWaiter: Party[] = [];
  const pendingDeliveries: Ticket[] = [];
  const kitchenQueues = new Map<string, Ticket[]>();
  for (const st of s.kitchen.stations) kitchenQueues.set(st.kind, []);
  let queuedTickets = 0;

  const setPartyState = (p: Party, state: PartyState) => {
    partyCounts[p.state]--;
    partyCounts[state]++;
    p.state = state;
  };
  const setTicketState = (t: Ticket, state: TicketState) => {
    ticketCounts[t.state]--;
    ticketCounts[state]++;
    t.state = state;
  };
  const reportQueues = () => metrics.onQueues(scheduler.now, door.length, queuedTickets, ticketCounts.atPass);

  // XState catches an error thrown inside an actor and stops the actor; keep the first
  // one and rethrow it from runUntil/step, so a broken run never reports as a good one.
  let failure: unknown = null;
  const fail = (e: unknown) => {
    failure ??= e;
  };
  const check = () => {
    if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  };

  // ---- staff --------------------------------------------------------------------------
  /** Follow an actor's state for the views and its role's working / blocked / idle time. */
  const track = (who: StaffMember | Station, state: string, role: Role, activityOf: (state: string) => Activity) => {
    if (state === who.state) return;
    who.state = state;
    who.since = scheduler.now;
    const a = activityOf(state);
    metrics.onActivity(scheduler.now, role, who.activity, a);
    who.activity = a;
  };
  /** Where a staff member's state `state` ends; `here` when it is spent where they stand. */
  const placeOf = (state: string, ctx: { partyId: number | null; ticketId: number | null }, here: Place): Place => {
    switch (state) {
      case 'walkingToTable':
      case 'takingOrder':
      case 'submittingTicket':
        return parties.get(ctx.partyId!)?.table ?? here;
      case 'carryingDish':
        return (ctx.ticketId !== null ? tickets.get(ctx.ticketId)?.party.table : parties.get(ctx.partyId!)?.table) ?? here;
      case 'walkingToKitchen':
      case 'blockedAtPass':
      case 'walkingToPass':
        return 'pass';
      default:
        return here;
    }
  };
  const onPickedUp = (t: Ticket) => {
    setTicketState(t, 'carrying');
    if (t.readyOffset >= 0) runners.commit(t.readyOffset);
    reportQueues();
  };
  const staff: StaffMember[] = [];
  const staffById = new Map<string, StaffMember>();
  const roleOf = (r: StaffRole): Role => (r === 'waiter' ? 'waiters' : 'runners');
  const addStaff = (role: StaffRole, n: number) => {
    for (let i = 1; i <= n; i++) {
      const id = `${role}-${i}`;
      const actor = createMachineActor(floorStaffMachine, { clock: scheduler.clock, input: { id, role } }, options.machines);
      const m: StaffMember = { id, role, actor, busy: false, activity: 'idle', state: 'idle', since: 0, from: 'home', to: 'home' };
      timeFloorStaff(actor, scheduler, fail);
      metrics.onStaffAdded(scheduler.now, roleOf(role));
      actor.subscribe({
        next: (snap) => {
          const state = snap.value as string;
          if (state === m.state) return;
          m.from = m.to;
          m.to = placeOf(state, snap.context, m.to);
          track(m, state, roleOf(role), staffActivity);
        },
        error: fail,
      });
      actor.on('atTable', (e) => setPartyState(parties.get(e.partyId)!, 'ordering'));
      actor.on('orderTaken', (e) => onOrderTaken(parties.get(e.partyId)!, e.protocol));
      actor.on('ticketsHandedIn', (e) => onTicketsHandedIn(parties.get(e.partyId)!));
      actor.on('pickedUp', (e) => onPickedUp(tickets.get(e.ticketId)!));
      actor.on('delivered', (e) => {
        if (e.ticketId !== null) serve(tickets.get(e.ticketId)!, m.id);
        else for (const t of parties.get(e.partyId!)!.tickets) serve(t, m.id);
      });
      actor.on('free', () => {
        m.busy = false;
        dispatchFloor();
      });
      staff.push(m);
      staffById.set(id, m);
      actor.start();
    }
  };

  // ---- kitchen ------------------------------------------------------------------------
  const stations: Station[] = [];
  const stationsByKind = new Map<string, Station[]>();
  for (const { kind, count } of s.kitchen.stations) {
    const list: Station[] = [];
    for (let i = 1; i <= count; i++) {
      const id = `${kind}-${i}`;
      const actor = createMachineActor(stationMachine, { clock: scheduler.clock, input: { id, kind } }, options.machines);
      const st: Station = { id, kind, actor, busy: false, downFor: new Set(), activity: 'idle', state: 'idle', since: 0, ticketId: null };
      metrics.onStaffAdded(0, 'cooks');
      // The station's state says all the restaurant needs besides the dishes it sends to
      // the pass: a new ticket in the same state (the next of a busy period) restarts the
      // clock the views draw, and an idle station takes the next queued ticket.
      actor.subscribe({
        next: (snap) => {
          const state = snap.value as string;
          const ticketId = snap.context.ticketId;
          if (state === st.state && ticketId === st.ticketId) return;
          st.ticketId = ticketId;
          if (state === st.state) st.since = scheduler.now;
          else track(st, state, 'cooks', stationActivity);
          if (state !== 'idle') return;
          st.busy = false;
          try {
            dispatchKitchen(kind);
          } catch (e) {
            fail(e);
          }
        },
        error: fail,
      });
      timeStation(actor, scheduler, fail, () => nextTicket(st));
      actor.on('dishCooked', (e) => onDishCooked(tickets.get(e.ticketId)!));
      // A ticket the station hands back (a fault mid-cook, or one it could not take because
      // a fault or another ticket reached it first) returns to its place in the queue.
      const handBack = (e: { ticketId: number }) => {
        const t = tickets.get(e.ticketId)!;
        setTicketState(t, 'queued');
        requeue(t);
        reportQueues();
        dispatchKitchen(t.station);
      };
      actor.on('cookingAborted', handBack);
      actor.on('ticketRefused', handBack);
      list.push(st);
      stations.push(st);
    }
    stationsByKind.set(kind, list);
  }

  let queueSeq = 0;
  /** Put a ticket back in its kind's queue where it was (before every ticket queued after it). */
  const requeue = (t: Ticket) => {
    const queue = kitchenQueues.get(t.station)!;
    let i = 0;
    while (i < queue.length && queue[i]!.queuedSeq < t.queuedSeq) i++;
    queue.splice(i, 0, t);
    queuedTickets++;
  };
  /** Take the head of a kind's queue for a station: the ticket is cooking from now. */
  const handOver = (queue: Ticket[]): StationJob => {
    const t = queue.shift()!;
    queuedTickets--;
    setTicketState(t, 'cooking');
    return { ticketId: t.id, cookSeconds: t.cookSeconds, plateSeconds: drawPlate() };
  };
  const dispatchKitchen = (kind: string) => {
    const queue = kitchenQueues.get(kind)!;
    const list = stationsByKind.get(kind)!;
    for (const st of list) {
      if (queue.length === 0) break;
      if (st.busy || st.downFor.size > 0) continue;
      st.busy = true;
      st.actor.send({ type: 'COOK', ...handOver(queue) });
    }
    reportQueues();
  };
  /**
   * The ticket a station starts the moment its dish is done, if its queue has one it can
   * start at once (a cook time > 0; see timeStation). Keeps a busy period to one actor event
   * per dish.
   */
  const nextTicket = (st: Station): StationJob | null => {
    const queue = kitchenQueues.get(st.kind)!;
    if (queue.length === 0 || queue[0]!.cookSeconds <= 0 || st.downFor.size > 0) return null;
    const job = handOver(queue);
    reportQueues();
    return job;
  };

  // The kitchen is the one handler of PlaceOrder: it queues the ticket at its station kind.
  bus.handle<{ ticketId: number }>('PlaceOrder', (msg) => {
    const t = tickets.get(msg.data.ticketId)!;
    t.lastMessageId = msg.id;
    const left = stock.get(t.dish);
    if (left !== null && left !== undefined) {
      if (left <= 0) return { accepted: false, reason: `out of ${t.dish}` };
      stock.set(t.dish, left - 1);
    }
    setTicketState(t, 'queued');
    t.queuedSeq = queueSeq++;
    kitchenQueues.get(t.station)!.push(t);
    queuedTickets++;
    dispatchKitchen(t.station);
    return { accepted: true };
  });

  // Runners are the consumer group of DishReady: each dish goes to one free runner, and the
  // group commits a dish's offset when a runner picks it up, so its lag is the dishes
  // waiting at the pass. A DishReady the floor cannot read is dead-lettered at once.
  const runners = bus.externalGroup('runners', 'pass');
  bus.subscribe('pass', (msg) => {
    if (msg.type !== 'DishReady') return runners.commit(msg.offset);
    const waiting = (msg.data as { ticketId?: unknown } | null)?.ticketId;
    const w = typeof waiting === 'number' ? tickets.get(waiting) : undefined;
    if (w?.party.waitsForEvent && w.state === 'atPass') {
      // Sync-over-async: the blocked waiter, not a runner, consumes this DishReady.
      runners.commit(msg.offset);
      const p = w.party;
      releaseWhenAllAtPass(p);
      return;
    }
    // The floor reads tolerantly: all it needs is the ticket id, in any version.
    const id = (msg.data as { ticketId?: unknown } | null)?.ticketId;
    const t = typeof id === 'number' ? tickets.get(id) : undefined;
    if (!t || t.state !== 'atPass') {
      runners.deadLetter(msg, `no dish ${String(id)} waiting at the pass`);
      return runners.commit(msg.offset);
    }
    t.readyOffset = msg.offset;
    pendingDeliveries.push(t);
    dispatchFloor();
  });

  // ---- floor --------------------------------------------------------------------------
  let dispatching = false;
  let dispatchAgain = false;
  // Under sync-over-async runners take orders too: with their waiters blocked, that is how the
  // sync restaurant works, and the anti-pattern is that sync restaurant in messaging clothes.
  const canTakeOrders = (m: StaffMember) => m.role === 'waiter' || mode === 'sync' || syncOverAsync;
  const canDeliver = (m: StaffMember) => m.role === 'runner' || s.staff.runners === 0;

  /** Give idle staff work: deliveries first (finish what is started), then new orders. */
  /** A delivery with no walking: picked up, put on the table, free again (as the machine announces it). */
  const instantDelivery = (m: StaffMember, t: Ticket) => {
    onPickedUp(t);
    serve(t, m.id);
    m.busy = false;
    dispatchAgain = true;
  };
  /** An async order taken with no walking or talking: the machine's announcements, in its order. */
  const instantOrder = (m: StaffMember, p: Party) => {
    setPartyState(p, 'ordering');
    onOrderTaken(p, 'async');
    onTicketsHandedIn(p);
    m.busy = false;
    dispatchAgain = true;
  };
  const dispatchFloor = () => {
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = true;
    do {
      dispatchAgain = false;
      for (const m of staff) {
        if (m.busy) continue;
        if (pendingDeliveries.length > 0 && canDeliver(m)) {
          const t = pendingDeliveries.shift()!;
          m.busy = true;
          const toPass = drawWalk();
          const carry = drawWalk();
          // A job with no duration leaves the actor where it was (idle): do its steps here, in
          // the order the machine would announce them, and spare an actor transition.
          if (toPass === 0 && carry === 0) instantDelivery(m, t);
          else m.actor.send({ type: 'DELIVER', ticketId: t.id, legs: { ...NO_LEGS, toPass, carry } });
        } else if (awaitingWaiter.length > 0 && canTakeOrders(m)) {
          const p = awaitingWaiter.shift()!;
          p.staffId = m.id;
          m.busy = true;
          // Sync-over-async: the waiter behaves as in sync (walks the order in, blocks at the
          // pass) although the kitchen talks in messages.
          p.waitsForEvent = mode === 'async' && syncOverAsync;
          const waiterProtocol: Mode = p.waitsForEvent ? 'sync' : mode;
          const toTable = drawWalk();
          const next = waiterProtocol === 'sync' ? drawWalk() : drawSubmit();
          if (waiterProtocol === 'async' && toTable === 0 && p.takeSeconds === 0 && next === 0) instantOrder(m, p);
          else m.actor.send({ type: 'TAKE_ORDER', partyId: p.id, protocol: waiterProtocol, legs: { ...NO_LEGS, toTable, take: p.takeSeconds, next } });
        }
      }
    } while (dispatchAgain);
    dispatching = false;
  };

  // An order exists from the moment the waiter finishes taking it: its tickets are counted
  // (and their latency clock starts) here, never before (a party may still walk out).
  const onOrderTaken = (p: Party, protocol: Mode) => {
    const now = scheduler.now;
    setPartyState(p, 'waitingForFood');
    ticketsCreated += p.tickets.length;
    ticketCounts.ordered += p.tickets.length;
    for (const t of p.tickets) {
      tickets.set(t.id, t);
      t.orderedAt = now;
      t.protocol = p.waitsForEvent ? 'async' : protocol;
    }
    metrics.onOrdered(now, p.tickets.length);
    metrics.onOrderTaken(now, p.arrivedAt);
  };

  const onTicketsHandedIn = (p: Party) => {
    for (const t of p.tickets) placeOrder(t, null);
  };
  /** Tickets whose party found nothing in stock to reorder: sent again when stock returns. */
  const awaitingStock: Ticket[] = [];
  let rejectedOrders = 0;
  /** The anti-pattern switch: in async mode, waiters still wait at the pass for DishReady. */
  let syncOverAsync = false;
  /** The shape of DishReady the kitchen publishes: v1, v1 with an optional field added, or v2. */
  let contract: 'v1' | 'v1-extra' | 'v2' = 'v1';
  // Message sources, built once per staff member or station kind (not once per message: a
  // lookup by the name itself needs no new string).
  const sourceOf = (prefix: string) => {
    const built = new Map<string, string>();
    return (name: string) => {
      let v = built.get(name);
      if (v === undefined) built.set(name, (v = `${prefix}${name}`));
      return v;
    };
  };
  const floorSource = sourceOf('/floor/');
  const kitchenSource = sourceOf('/kitchen/');
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
    const instead = menu.filter((m) => m.dish !== t.dish && (stock.get(m.dish) ?? 1) !== 0);
    if (instead.length === 0) {
      awaitingStock.push(t);
      return;
    }
    const m = instead[Math.floor(streams.misc.next() * instead.length)]!;
    t.dish = m.dish;
    t.station = m.station;
    t.cookSeconds = m.recook();
    placeOrder(t, message.id);
  };

  /** A waiter blocked at the pass (sync, or sync-over-async) carries the order once every dish is there. */
  const releaseWhenAllAtPass = (p: Party) => {
    if (!p.tickets.every((x) => x.state === 'atPass')) return;
    for (const x of p.tickets) setTicketState(x, 'carrying');
    reportQueues();
    staffById.get(p.staffId!)!.actor.send({ type: 'DISHES_READY', legs: { ...NO_LEGS, carry: drawWalk() } });
  };

  const onDishCooked = (t: Ticket) => {
    setTicketState(t, 'atPass');
    reportQueues();
    const p = t.party;
    if (t.protocol === 'sync') {
      // The waiter is blocked at the pass until every dish of the order is there.
      releaseWhenAllAtPass(p);
      return;
    }
    // The event's shape is the kitchen's contract with its consumers (see setContract).
    const data =
      contract === 'v2'
        ? { ticketId: t.id, dishCode: dishCode(t.dish), table: p.table }
        : contract === 'v1-extra'
          ? { ticketId: t.id, dish: t.dish, table: p.table, allergens: [] as string[] }
          : { ticketId: t.id, dish: t.dish, table: p.table };
    const msg = bus.publish('pass', 'DishReady', data, {
      dataschema: `orderup:DishReady/${contract === 'v2' ? 'v2' : 'v1'}`,
      source: kitchenSource(t.station),
      subject: t.subject,
      correlationid: p.correlationid,
      causationid: t.lastMessageId,
    });
    t.lastMessageId = msg.id;
  };

  const serve = (t: Ticket, staffId: string) => {
    if (t.state === 'served') throw new Error(`invariant broken: ticket ${t.id} served twice`);
    const now = scheduler.now;
    setTicketState(t, 'served');
    metrics.onServed(now, t.dish, now - t.orderedAt);
    const p = t.party;
    const msg = bus.publish('orders', 'DishDelivered', { ticketId: t.id, dish: t.dish, table: p.table, by: staffId }, {
      source: floorSource(staffId),
      subject: t.subject,
      correlationid: p.correlationid,
      causationid: t.lastMessageId,
    });
    t.lastMessageId = msg.id;
    if (p.unserved === p.tickets.length) metrics.onFirstDish(now, p.arrivedAt);
    if (--p.unserved === 0) {
      metrics.onLastDish(now, p.arrivedAt);
      startEating(p);
    }
  };

  const startEating = (p: Party) => {
    setPartyState(p, 'eating');
    if (p.eatSeconds > 0) scheduler.schedule(p.eatSeconds, () => startPaying(p));
    else startPaying(p);
  };
  const startPaying = (p: Party) => {
    setPartyState(p, 'paying');
    if (p.paySeconds > 0) scheduler.schedule(p.paySeconds, () => leave(p));
    else leave(p);
  };
  const leave = (p: Party) => {
    setPartyState(p, 'left');
    freeTables.push(p.table!);
    forget(p);
    const next = door.shift();
    if (next) {
      scheduler.cancel(next.patienceTimer);
      next.patienceTimer = null;
      next.walksOutAt = null;
      seat(next);
    }
    reportQueues();
  };
  // Finished parties and their tickets leave memory; their counts stay.
  const forget = (p: Party) => {
    parties.delete(p.id);
    for (const t of p.tickets) tickets.delete(t.id);
  };

  const seat = (p: Party) => {
    p.table = freeTables.pop()!;
    setPartyState(p, 'seated');
    metrics.onSeated(scheduler.now, p.arrivedAt);
    awaitingWaiter.push(p);
    dispatchFloor();
  };

  const walkOut = (p: Party) => {
    door.remove(p);
    p.patienceTimer = null;
    setPartyState(p, 'walkedOut');
    metrics.onWalkedOut(scheduler.now, p.arrivedAt);
    forget(p);
    reportQueues();
  };

  let nextPartyId = 1;
  let nextTicketId = 1;
  /** A party walks in: draw its demands, seat it or queue it at the door. */
  const admit = (dishes?: string[]) => {
    const now = scheduler.now;
    const chosen = dishes?.map((d) => {
      const m = menu.find((x) => x.dish === d);
      if (!m) throw new Error(`no dish "${d}" on the menu (menu: ${menu.map((x) => x.dish).join(', ')})`);
      return m;
    });
    if (chosen && chosen.length === 0) throw new Error('a party orders at least one dish');
    const n = chosen ? chosen.length : Math.min(MAX_DISHES_PER_PARTY, Math.max(1, Math.round(drawDishCount())));
    const partyId = nextPartyId++;
    const p: Party = {
      id: partyId,
      correlationid: `order-${partyId}`,
      state: 'waitingForTable',
      arrivedAt: now,
      table: null,
      tickets: [],
      takeSeconds: 0,
      eatSeconds: 0,
      paySeconds: 0,
      patienceSeconds: null,
      patienceTimer: null,
      walksOutAt: null,
      staffId: null,
      waitsForEvent: false,
      unserved: n,
    };
    for (let i = 0; i < n; i++) {
      const m = chosen ? chosen[i]! : pickDish();
      const ticketId = nextTicketId++;
      const t: Ticket = {
        id: ticketId,
        subject: `dish-${ticketId}`,
        party: p,
        dish: m.dish,
        station: m.station,
        cookSeconds: m.cook(),
        state: 'ordered',
        protocol: mode,
        orderedAt: NaN,
        lastMessageId: null,
        readyOffset: -1,
        queuedSeq: -1,
      };
      p.tickets.push(t);
    }
    p.takeSeconds = drawTake();
    p.eatSeconds = drawEat();
    p.paySeconds = drawPay();
    p.patienceSeconds = drawPatience ? drawPatience() : null;
    partiesArrived++;
    partyCounts.waitingForTable++;
    parties.set(p.id, p);
    metrics.onPartyArrived(now);
    if (freeTables.length > 0 && door.length === 0) {
      seat(p);
    } else {
      door.push(p);
      if (p.patienceSeconds !== null) {
        p.walksOutAt = now + p.patienceSeconds;
        p.patienceTimer = scheduler.schedule(p.patienceSeconds, () => walkOut(p));
      }
      reportQueues();
    }
  };
  const arrive = () => {
    scheduleArrival();
    admit();
  };
  let arrivalTimer: Timer | null = null;
  const scheduleArrival = () => {
    const gap = interArrival();
    arrivalTimer = Number.isFinite(gap) ? scheduler.schedule(gap, arrive) : null;
  };

  // ---- wiring -------------------------------------------------------------------------
  addStaff('waiter', s.staff.waiters);
  addStaff('runner', s.staff.runners);
  for (const st of stations) st.actor.start();

  // ---- subscribers --------------------------------------------------------------------
  // Independent consumer groups reading the restaurant's topics. They draw from their own
  // random stream and touch nothing of the restaurant: adding or removing one never changes
  // what the restaurant does or when (tested).
  const subscriberState = createSubscriberState();
  const subscriberGroups = new Map<string, { kind: SubscriberKind; group: ConsumerGroup; members: number; projection: Map<string, number> }>();
  let idempotent = true;
  const addSubscriber = (kind: SubscriberKind, groupName: string, processing: Distribution, from: 'earliest' | 'latest' = 'latest') => {
    let entry = subscriberGroups.get(groupName);
    if (entry && entry.kind !== kind) throw new Error(`group ${groupName} holds ${entry.kind} subscribers, not ${kind}`);
    if (!entry) {
      if (groupName === 'runners') throw new Error('the group "runners" is the floor staff’s own');
      const d = SUBSCRIBER_DEFAULTS[kind];
      const projection = new Map<string, number>();
      const group = bus.group({
        group: groupName,
        topic: d.topic,
        types: d.types,
        from,
        handler: subscriberHandler(kind, subscriberState, (dish) => priceCents.get(dish) ?? 0, projection, (code) => dishesByCode.get(code)),
        idempotent: () => idempotent,
      });
      entry = { kind, group, members: 0, projection };
      subscriberGroups.set(groupName, entry);
      lagSeries.set(groupName, { t: [], lag: [] });
    }
    entry.members++;
    entry.group.addMember({ name: `${groupName}-${entry.members}`, processingSeconds: sampler(processing, streams.consumers) });
  };
  const removeSubscriber = (groupName: string) => {
    if (!subscriberGroups.delete(groupName)) throw new Error(`no subscriber group "${groupName}"`);
    bus.removeGroup(groupName);
  };
  const consumerGroup = (name: string) => {
    const entry = subscriberGroups.get(name);
    if (!entry) throw new Error(`no subscriber group "${name}"${name === 'runners' ? ' (runners are floor staff: they cannot crash)' : ''}`);
    return entry.group;
  };
  /** Lag of each group at every sample time (groups added later start later). */
  const lagSeries = new Map<string, { t: number[]; lag: number[] }>([['runners', { t: [], lag: [] }]]);
  for (const sub of s.subscribers) addSubscriber(sub.name, sub.group, sub.processingSeconds);
  s.consumerFaults.forEach((f) => {
    scheduler.scheduleAt(f.downAtSeconds, () => subscriberGroups.get(f.group)?.group.crash());
    scheduler.scheduleAt(f.upAtSeconds, () => subscriberGroups.get(f.group)?.group.recover());
  });

  const sampleEvery = s.sampleIntervalSeconds;
  const sampling = options.sampling ?? 'all';
  const sampleTick = () => {
    metrics.sample(scheduler.now);
    if (sampling === 'all') {
      for (const g of bus.groupViews()) {
        const series = lagSeries.get(g.group);
        if (!series) continue;
        series.t.push(scheduler.now);
        series.lag.push(g.lag);
      }
    }
    scheduler.schedule(sampleEvery, sampleTick);
  };
  // Sampling changes nothing the restaurant does: without it the other timers keep their
  // order (ties go by insertion), so every figure of summary() is the same.
  if (sampling !== 'none') scheduler.scheduleAt(0, sampleTick);
  scheduleArrival();

  const matchStations = (name: string) => {
    const found = stations.filter((st) => st.id === name || st.kind === name);
    if (found.length === 0) throw new Error(`no station or station kind named "${name}"`);
    return found;
  };
  // Overlapping faults stack: a station is back only when every reason it went down is gone.
  const stationDown = (name: string, reason: string) => {
    for (const st of matchStations(name)) {
      const wasUp = st.downFor.size === 0;
      st.downFor.add(reason);
      if (wasUp) st.actor.send({ type: 'FAULT' });
    }
  };
  const stationUp = (name: string, reason: string) => {
    for (const st of matchStations(name)) {
      if (!st.downFor.delete(reason) || st.downFor.size > 0) continue;
      st.actor.send({ type: 'REPAIR' });
    }
  };
  s.faults.forEach((f, i) => {
    matchStations(f.station);
    scheduler.scheduleAt(f.downAtSeconds, () => stationDown(f.station, `fault:${i}`));
    scheduler.scheduleAt(f.upAtSeconds, () => stationUp(f.station, `fault:${i}`));
  });

  const send = (c: RestaurantCommand) => {
    check();
    apply(c);
    check();
  };
  const apply = (c: RestaurantCommand) => {
    switch (c.type) {
      case 'setMode':
        if (c.mode === mode) return;
        mode = c.mode;
        metrics.onModeChanged(scheduler.now, mode);
        dispatchFloor();
        return;
      case 'admitParty':
        return admit(c.dishes);
      case 'setArrivalRate': {
        if (!(Number.isFinite(c.ratePerHour) && c.ratePerHour >= 0)) {
          throw new RangeError(`arrival rate must be a finite number ≥ 0 per hour, got ${c.ratePerHour}`);
        }
        // Poisson arrivals are memoryless: redrawing the wait for the next party at the new
        // rate gives exactly a Poisson process that changes rate now.
        arrivalRatePerHour = c.ratePerHour;
        interArrival = arrivalSampler(arrivalRatePerHour);
        if (arrivalTimer) scheduler.cancel(arrivalTimer);
        scheduleArrival();
        return;
      }
      case 'stationDown':
        return stationDown(c.station, 'manual');
      case 'stationUp':
        return stationUp(c.station, 'manual');
      case 'addSubscriber': {
        // Only the kinds themselves: `constructor` or `toString` is no subscriber kind.
        const d = Object.hasOwn(SUBSCRIBER_DEFAULTS, c.name) ? SUBSCRIBER_DEFAULTS[c.name] : undefined;
        if (!d) throw new Error(`no subscriber kind "${String(c.name)}"`);
        return addSubscriber(c.name, c.group ?? c.name, c.processingSeconds ?? d.processingSeconds, c.from);
      }
      case 'removeSubscriber':
        return removeSubscriber(c.group);
      case 'consumerDown':
        return consumerGroup(c.group).crash();
      case 'consumerUp':
        return consumerGroup(c.group).recover();
      case 'setIdempotency':
        idempotent = c.on;
        return;
      case 'setSyncOverAsync':
        syncOverAsync = c.on;
        return;
      case 'publishDisguisedCommand': {
        // The anti-pattern: an imperative published as an event, to a topic with one reader at most.
        const n = ++disguisedCount;
        bus.publish('emails', 'SendEmailToCustomer', { to: `party-${n}`, text: 'Your table is ready' }, {
          source: '/floor/host',
          subject: `email-${n}`,
          correlationid: `email-${n}`,
          causationid: null,
        });
        return;
      }
      case 'setContract':
        if (c.version !== 'v1' && c.version !== 'v1-extra' && c.version !== 'v2') throw new Error(`no DishReady version "${String(c.version)}"`);
        contract = c.version;
        return;
      case 'injectPoison': {
        // A DishReady in a shape (v2) no consumer of this restaurant reads.
        const n = ++poisonCount;
        bus.publish('pass', 'DishReady', { id: `poison-${n}`, dish: { name: 'mystery' } }, {
          source: '/kitchen/unknown',
          subject: `poison-${n}`,
          correlationid: `poison-${n}`,
          causationid: null,
          dataschema: 'orderup:DishReady/v2',
        });
        return;
      }
      case 'setStock': {
        if (!stock.has(c.dish)) throw new Error(`no dish "${c.dish}" on the menu`);
        if (c.portions !== null && !(Number.isInteger(c.portions) && c.portions >= 0)) {
          throw new RangeError(`portions must be a whole number ≥ 0 or null, got ${c.portions}`);
        }
        stock.set(c.dish, c.portions);
        // Orders that found nothing left to choose are tried again.
        for (const t of awaitingStock.splice(0)) placeOrder(t, t.lastMessageId);
        return;
      }
    }
  };

  let poisonCount = 0;
  let disguisedCount = 0;

  const consumersView = (): ConsumersView => {
    const b = subscriberState.billing;
    return {
      groups: bus.groupViews().map((g) => ({ ...g, kind: g.group === 'runners' ? 'runners' : (subscriberGroups.get(g.group)?.kind ?? 'runners') })),
      idempotent,
      billing: { chargedCents: b.chargedCents, expectedCents: b.expectedCents, charges: b.charges, openBills: b.bills.size },
      notifications: { ...subscriberState.notifications },
      analytics: { dishesCounted: subscriberState.analytics.dishesCounted },
      loyalty: { points: subscriberState.loyalty.points },
      rejectedOrders,
      stock: nameRecord(stock),
      contract,
      syncOverAsync,
    };
  };

  const snapshot = (): RestaurantSnapshot => {
    const partyViews: PartyView[] = [];
    const ticketViews: TicketView[] = [];
    for (const p of parties.values()) {
      partyViews.push({
        id: p.id,
        state: p.state,
        arrivedAt: p.arrivedAt,
        table: p.table,
        tickets: p.tickets.map((t) => t.id),
        walksOutAt: p.walksOutAt,
      });
      for (const t of p.tickets) {
        ticketViews.push({
          id: t.id,
          partyId: p.id,
          dish: t.dish,
          station: t.station,
          state: t.state,
          protocol: t.protocol,
          orderedAt: Number.isNaN(t.orderedAt) ? null : t.orderedAt,
        });
      }
    }
    return {
      time: scheduler.now,
      mode,
      parties: partyViews,
      tickets: ticketViews,
      staff: staff.map((m) => {
        const ctx = m.actor.getSnapshot().context;
        return {
          id: m.id,
          role: m.role,
          state: m.state,
          activity: m.activity,
          since: m.since,
          legSeconds: legSecondsOf(m.state, ctx.legs),
          from: m.from,
          to: m.to,
          partyId: m.state === 'idle' ? null : ctx.partyId,
          ticketId: m.state === 'idle' ? null : ctx.ticketId,
        };
      }),
      stations: stations.map((st) => {
        const ctx = st.actor.getSnapshot().context;
        const active = st.state === 'cooking' || st.state === 'plating';
        return {
          id: st.id,
          kind: st.kind,
          state: st.state,
          since: st.since,
          ticketId: active ? ctx.ticketId : null,
          cookSeconds: active ? ctx.cookSeconds : 0,
          legSeconds: st.state === 'cooking' ? ctx.cookSeconds : st.state === 'plating' ? ctx.plateSeconds : 0,
          down: st.downFor.size > 0,
        };
      }),
      door: Array.from(door, (p) => p.id),
      kitchenQueues: nameRecord([...kitchenQueues].map(([k, q]) => [k, q.map((t) => t.id)])),
      partyCounts: { ...partyCounts },
      ticketCounts: { ...ticketCounts },
      partiesArrived,
      ticketsCreated,
      arrivalRatePerHour,
      consumers: consumersView(),
    };
  };

  // The bound depends only on the scenario and mode: computed once each.
  const bounds: Partial<Record<Mode, CapacityBound>> = {};

  const checkInvariants = (): string[] => {
    const problems: string[] = [];
    const partySum = PARTY_STATES.reduce((a, k) => a + partyCounts[k], 0);
    if (partySum !== partiesArrived) problems.push(`parties by state sum to ${partySum}, ${partiesArrived} arrived`);
    const ticketSum = TICKET_STATES.reduce((a, k) => a + ticketCounts[k], 0);
    if (ticketSum !== ticketsCreated) problems.push(`tickets by state sum to ${ticketSum}, ${ticketsCreated} created`);
    for (const k of PARTY_STATES) if (partyCounts[k] < 0) problems.push(`negative party count in ${k}`);
    for (const k of TICKET_STATES) if (ticketCounts[k] < 0) problems.push(`negative ticket count in ${k}`);
    let queued = 0;
    for (const q of kitchenQueues.values()) queued += q.length;
    if (queued !== ticketCounts.queued) problems.push(`${queued} tickets in kitchen queues, ${ticketCounts.queued} counted queued`);
    if (door.length !== partyCounts.waitingForTable) problems.push(`door holds ${door.length}, ${partyCounts.waitingForTable} counted waiting`);
    const seatedNow = s.tables - freeTables.length;
    const atTables = partyCounts.seated + partyCounts.ordering + partyCounts.waitingForFood + partyCounts.eating + partyCounts.paying;
    if (seatedNow !== atTables) problems.push(`${seatedNow} tables taken, ${atTables} parties at tables`);
    const cooking = stations.filter((st) => st.state === 'cooking' || st.state === 'plating').length;
    if (cooking !== ticketCounts.cooking) problems.push(`${cooking} stations busy, ${ticketCounts.cooking} tickets cooking`);
    return problems;
  };

  return {
    scenario: s,
    get now() {
      return scheduler.now;
    },
    get mode() {
      return mode;
    },
    get eventsFired() {
      return scheduler.eventsFired;
    },
    runUntil: (t) => {
      check();
      scheduler.runUntil(t);
      check();
    },
    step: () => {
      check();
      const t = scheduler.step();
      check();
      return t;
    },
    send,
    snapshot,
    subscribe: (listener) => bus.observe(listener),
    rolling: (windowSeconds) => metrics.rolling(scheduler.now, windowSeconds),
    deliveryOf: (msg) => bus.deliveryOf(msg),
    readersOf: (topic, type) => bus.readersOf(topic, type),
    projection: (group) => {
      const e = subscriberGroups.get(group);
      return e ? nameRecord([...e.projection].sort(([a], [b]) => (a < b ? -1 : 1))) : null;
    },
    rejectionOf: (id) => bus.rejectionOf(id),
    lagSeries,
    messageAt: (topic, offset) => bus.messageAt(topic, offset),
    summary: () => ({
      scenario: s.name,
      seed: s.seed,
      mode,
      ...metrics.summary(scheduler.now),
      capacity: (bounds[mode] ??= capacityBound(s, mode)),
    }),
    series: metrics.series,
    modeSpans: metrics.modeSpans,
    checkInvariants,
  };
}
