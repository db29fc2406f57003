import type { Actor } from 'xstate';
import { createMachineActor } from '../machines/actors.ts';
import { stationMachine, stationActivity, timeStation, type StationJob } from '../machines/stationMachine.ts';
import { IndexSet } from '../kernel/indexSet.ts';
import type { Activity } from '../metrics/collector.ts';
import { sourceOf, type Core, type Ticket } from './core.ts';

/**
 * The kitchen (docs/architecture.md, "The restaurant model"): the one handler of the
 * `PlaceOrder` command, a ticket queue per station kind in the order the kitchen accepted
 * them, the stations (each an XState actor of `stationMachine`) and the stock. A cooked dish
 * goes to the pass: in sync mode its blocked waiter is told; in async mode the kitchen
 * publishes `DishReady` on the `pass` topic, in the shape of its contract (teaching.ts).
 */

/** A cooking station. */
export interface Station {
  id: string;
  kind: string;
  /** Its place among the stations of its kind (0-based). */
  index: number;
  actor: Actor<typeof stationMachine>;
  busy: boolean;
  /** Why the station is down: scheduled faults (`fault:<i>`) and/or `manual`; up when empty (faults.ts). */
  downFor: Set<string>;
  activity: Activity;
  state: string;
  since: number;
  /** The ticket the station's actor last took (it keeps it while idle). */
  ticketId: number | null;
}

/** What the other parts use of the kitchen. */
export interface Kitchen {
  /** Every station, kinds in the scenario's order. */
  readonly stations: readonly Station[];
  /** Each kind's queued tickets, first to be cooked first. */
  readonly queues: ReadonlyMap<string, readonly Ticket[]>;
  /** Tickets in all the queues. */
  readonly queuedTickets: number;
  /** Portions left of each dish (null: unlimited). */
  readonly stock: Map<string, number | null>;
  /** Start the stations' actors. */
  start(): void;
  /** The stations with id or kind `name`. @throws Error naming `name` when there are none. */
  match(name: string): Station[];
  /** A station's `downFor` just went from empty to not: it stops taking tickets and its actor is told (`FAULT`). */
  takeDown(st: Station): void;
  /** A station's `downFor` just became empty: its actor is told (`REPAIR`) and it takes tickets again once idle. */
  bringUp(st: Station): void;
}

/** Build the kitchen of `core`'s scenario and register its `PlaceOrder` handler on the bus. */
export function createKitchen(core: Core): Kitchen {
  const { s, scheduler, bus, draw, parts } = core;
  const stations: Station[] = [];
  const queues = new Map<string, Ticket[]>();
  /** Per kind: its stations, and which of them are idle and up (the next ticket's candidates). */
  const kinds = new Map<string, { list: Station[]; ready: IndexSet }>();
  const stock = new Map<string, number | null>(s.menu.map((m) => [m.dish, m.stock]));
  const kitchenSource = sourceOf('/kitchen/');
  let queuedTickets = 0;
  let queueSeq = 0;

  const refresh = (st: Station) => {
    const { ready } = kinds.get(st.kind)!;
    if (!st.busy && st.downFor.size === 0) ready.add(st.index);
    else ready.delete(st.index);
  };

  /** Put a ticket back in its kind's queue where it was (before every ticket queued after it). */
  const requeue = (t: Ticket) => {
    const queue = queues.get(t.station)!;
    let i = 0;
    while (i < queue.length && queue[i]!.queuedSeq < t.queuedSeq) i++;
    queue.splice(i, 0, t);
    queuedTickets++;
  };

  /** Take the head of a kind's queue for a station: the ticket is cooking from now. */
  const take = (queue: Ticket[]): Ticket => {
    const t = queue.shift()!;
    queuedTickets--;
    core.setTicketState(t, 'cooking');
    return t;
  };
  const handOver = (queue: Ticket[]): StationJob => {
    const t = take(queue);
    return { ticketId: t.id, cookSeconds: t.cookSeconds, plateSeconds: draw.plate() };
  };

  /** Give a kind's queued tickets to its idle stations that are up, in station order. */
  const dispatch = (kind: string) => {
    const queue = queues.get(kind)!;
    const { list, ready } = kinds.get(kind)!;
    for (let i = ready.next(0); i >= 0 && queue.length > 0; i = ready.next(i + 1)) {
      const st = list[i]!;
      st.busy = true;
      ready.delete(i);
      const t = take(queue);
      // Built as a literal, in the order `{ type, ...job }` would give: no spread per ticket.
      st.actor.send({ type: 'COOK', ticketId: t.id, cookSeconds: t.cookSeconds, plateSeconds: draw.plate() });
    }
    core.reportQueues();
  };

  /**
   * The ticket a station starts the moment its dish is done, if its queue has one it can
   * start at once (a cook time > 0; see timeStation). Keeps a busy period to one actor event
   * per dish.
   */
  const nextTicket = (st: Station): StationJob | null => {
    const queue = queues.get(st.kind)!;
    if (queue.length === 0 || queue[0]!.cookSeconds <= 0 || st.downFor.size > 0) return null;
    const job = handOver(queue);
    core.reportQueues();
    return job;
  };

  const onDishCooked = (t: Ticket) => {
    core.setTicketState(t, 'atPass');
    core.reportQueues();
    const p = t.party;
    // Sync: the waiter is blocked at the pass until every dish of the order is there.
    if (t.protocol === 'sync') return parts.floor.releaseWhenAllAtPass(p);
    const { data, dataschema } = parts.teaching.dishReady(t);
    const msg = bus.publish('pass', 'DishReady', data, {
      dataschema,
      source: kitchenSource(t.station),
      subject: t.subject,
      correlationid: p.correlationid,
      causationid: t.lastMessageId,
    });
    t.lastMessageId = msg.id;
  };

  const addStation = (kind: string, index: number, list: Station[]) => {
    const id = `${kind}-${index + 1}`;
    const actor = createMachineActor(stationMachine, { clock: scheduler.clock, input: { id, kind } }, core.options.machines);
    const st: Station = { id, kind, index, actor, busy: false, downFor: new Set(), activity: 'idle', state: 'idle', since: 0, ticketId: null };
    core.metrics.onStaffAdded(0, 'cooks');
    // The station's state says all the restaurant needs besides the dishes it sends to the
    // pass: a new ticket in the same state (the next of a busy period) restarts the clock
    // the views draw, and an idle station takes the next queued ticket.
    actor.subscribe({
      next: (snap) => {
        const state = snap.value as string;
        const ticketId = snap.context.ticketId;
        if (state === st.state && ticketId === st.ticketId) return;
        st.ticketId = ticketId;
        if (state === st.state) st.since = scheduler.now;
        else core.track(st, state, 'cooks', stationActivity);
        if (state !== 'idle') return;
        st.busy = false;
        refresh(st);
        try {
          dispatch(kind);
        } catch (e) {
          core.fail(e);
        }
      },
      error: core.fail,
    });
    timeStation(actor, scheduler, core.fail, () => nextTicket(st));
    actor.on('dishCooked', (e) => onDishCooked(core.tickets.get(e.ticketId)!));
    // A ticket the station hands back (a fault mid-cook, or one it could not take because a
    // fault or another ticket reached it first) returns to its place in the queue.
    const handBack = (e: { ticketId: number }) => {
      const t = core.tickets.get(e.ticketId)!;
      core.setTicketState(t, 'queued');
      requeue(t);
      core.reportQueues();
      dispatch(t.station);
    };
    actor.on('cookingAborted', handBack);
    actor.on('ticketRefused', handBack);
    list.push(st);
    stations.push(st);
  };

  for (const { kind, count } of s.kitchen.stations) {
    const list: Station[] = [];
    queues.set(kind, []);
    const ready = new IndexSet(count);
    for (let i = 0; i < count; i++) ready.add(i);
    kinds.set(kind, { list, ready });
    for (let i = 0; i < count; i++) addStation(kind, i, list);
  }

  // The kitchen is the one handler of PlaceOrder: it queues the ticket at its station kind,
  // or refuses it when the dish is out of stock (a command can fail).
  bus.handle<{ ticketId: number }>('PlaceOrder', (msg) => {
    const t = core.tickets.get(msg.data.ticketId)!;
    t.lastMessageId = msg.id;
    const left = stock.get(t.dish);
    if (left !== null && left !== undefined) {
      if (left <= 0) return { accepted: false, reason: `out of ${t.dish}` };
      stock.set(t.dish, left - 1);
    }
    core.setTicketState(t, 'queued');
    t.queuedSeq = queueSeq++;
    queues.get(t.station)!.push(t);
    queuedTickets++;
    dispatch(t.station);
    return { accepted: true };
  });

  return {
    stations,
    queues,
    get queuedTickets() {
      return queuedTickets;
    },
    stock,
    start() {
      for (const st of stations) st.actor.start();
    },
    match(name) {
      const found = stations.filter((st) => st.id === name || st.kind === name);
      if (found.length === 0) throw new Error(`no station or station kind named "${name}"`);
      return found;
    },
    takeDown(st) {
      refresh(st);
      st.actor.send({ type: 'FAULT' });
    },
    bringUp(st) {
      refresh(st);
      st.actor.send({ type: 'REPAIR' });
    },
  };
}
