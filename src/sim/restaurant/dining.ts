import { Fifo } from '../kernel/fifo.ts';
import type { Sampler } from '../kernel/distributions.ts';
import type { Timer } from '../kernel/scheduler.ts';
import { MAX_DISHES_PER_PARTY } from '../scenario.ts';
import type { Core, Party, Ticket } from './core.ts';
import type { MenuDish } from './draws.ts';

/**
 * The door and the dining room (docs/architecture.md, "The restaurant model"): parties
 * arrive as a Poisson process, wait in line at the door for a free table (and may walk out
 * when their patience runs out), sit, order through a waiter, eat once every dish is on
 * the table, pay and leave, freeing the table for the first in line. A party's demands are
 * drawn the moment it arrives (draws.ts).
 */

/** What the other parts use of the dining room. */
export interface Dining {
  /** Parties in line at the door, first in line first. */
  readonly door: Iterable<Party>;
  readonly doorLength: number;
  /** Tables free now. */
  readonly freeTables: number;
  /** The arrival rate now, parties per hour. */
  readonly arrivalRatePerHour: number;
  /** Start the arrivals (schedules the first). */
  open(): void;
  /**
   * A party walks in now: its demands drawn (or its dishes given by name), seated or queued.
   * @throws Error for a dish not on the menu or an empty list of dishes.
   */
  admit(dishes?: string[]): void;
  /**
   * From now on parties arrive at `ratePerHour` (Poisson: the wait for the next is redrawn).
   * @throws RangeError unless a finite number ≥ 0.
   */
  setArrivalRate(ratePerHour: number): void;
  /** Every dish of `p` is on its table: it eats, pays and leaves. */
  served(p: Party): void;
}

/** Build the door and dining room of `core`'s scenario (nothing is scheduled until `open`). */
export function createDining(core: Core): Dining {
  const { s, scheduler, metrics, draw, parts } = core;
  // The queue at the door: O(1) to join, to be seated from and to walk out of (kernel/fifo.ts).
  const door = new Fifo<Party>();
  const freeTables: number[] = [];
  for (let i = s.tables; i >= 1; i--) freeTables.push(i);
  let arrivalRatePerHour = s.arrivals.ratePerHour;
  let interArrival: Sampler = draw.interArrival(arrivalRatePerHour);
  let arrivalTimer: Timer | null = null;
  let nextPartyId = 1;
  let nextTicketId = 1;

  // Finished parties and their tickets leave memory; their counts stay.
  const forget = (p: Party) => {
    core.parties.delete(p.id);
    for (const t of p.tickets) core.tickets.delete(t.id);
  };

  const seat = (p: Party) => {
    p.table = freeTables.pop()!;
    core.setPartyState(p, 'seated');
    metrics.onSeated(scheduler.now, p.arrivedAt);
    parts.floor.seated(p);
  };

  const walkOut = (p: Party) => {
    door.remove(p);
    p.patienceTimer = null;
    core.setPartyState(p, 'walkedOut');
    metrics.onWalkedOut(scheduler.now, p.arrivedAt);
    forget(p);
    core.reportQueues();
  };

  const leave = (p: Party) => {
    core.setPartyState(p, 'left');
    freeTables.push(p.table!);
    forget(p);
    const next = door.shift();
    if (next) {
      scheduler.cancel(next.patienceTimer);
      next.patienceTimer = null;
      next.walksOutAt = null;
      seat(next);
    }
    core.reportQueues();
  };
  const startPaying = (p: Party) => {
    core.setPartyState(p, 'paying');
    if (p.paySeconds > 0) scheduler.schedule(p.paySeconds, () => leave(p));
    else leave(p);
  };
  const startEating = (p: Party) => {
    core.setPartyState(p, 'eating');
    if (p.eatSeconds > 0) scheduler.schedule(p.eatSeconds, () => startPaying(p));
    else startPaying(p);
  };

  const newTicket = (p: Party, m: MenuDish): Ticket => {
    const id = nextTicketId++;
    return {
      id,
      subject: `dish-${id}`,
      party: p,
      dish: m.dish,
      station: m.station,
      cookSeconds: m.cook(),
      state: 'ordered',
      protocol: core.mode,
      orderedAt: NaN,
      lastMessageId: null,
      readyOffset: -1,
      queuedSeq: -1,
    };
  };

  const admit = (dishes?: string[]) => {
    const now = scheduler.now;
    const chosen = dishes?.map((d) => {
      const m = draw.menu.find((x) => x.dish === d);
      if (!m) throw new Error(`no dish "${d}" on the menu (menu: ${draw.menu.map((x) => x.dish).join(', ')})`);
      return m;
    });
    if (chosen && chosen.length === 0) throw new Error('a party orders at least one dish');
    const n = chosen ? chosen.length : Math.min(MAX_DISHES_PER_PARTY, Math.max(1, Math.round(draw.dishCount())));
    const id = nextPartyId++;
    const p: Party = {
      id,
      correlationid: `order-${id}`,
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
    for (let i = 0; i < n; i++) p.tickets.push(newTicket(p, chosen ? chosen[i]! : draw.pickDish()));
    p.takeSeconds = draw.take();
    p.eatSeconds = draw.eat();
    p.paySeconds = draw.pay();
    p.patienceSeconds = draw.patience ? draw.patience() : null;
    core.partiesArrived++;
    core.partyCounts.waitingForTable++;
    core.parties.set(p.id, p);
    metrics.onPartyArrived(now);
    if (freeTables.length > 0 && door.length === 0) return seat(p);
    door.push(p);
    if (p.patienceSeconds !== null) {
      p.walksOutAt = now + p.patienceSeconds;
      p.patienceTimer = scheduler.schedule(p.patienceSeconds, () => walkOut(p));
    }
    core.reportQueues();
  };

  const scheduleArrival = () => {
    const gap = interArrival();
    arrivalTimer = Number.isFinite(gap) ? scheduler.schedule(gap, arrive) : null;
  };
  const arrive = () => {
    scheduleArrival();
    admit();
  };

  return {
    door,
    get doorLength() {
      return door.length;
    },
    get freeTables() {
      return freeTables.length;
    },
    get arrivalRatePerHour() {
      return arrivalRatePerHour;
    },
    open: scheduleArrival,
    admit,
    setArrivalRate(ratePerHour) {
      if (!(Number.isFinite(ratePerHour) && ratePerHour >= 0)) {
        throw new RangeError(`arrival rate must be a finite number ≥ 0 per hour, got ${ratePerHour}`);
      }
      // Poisson arrivals are memoryless: redrawing the wait for the next party at the new
      // rate gives exactly a Poisson process that changes rate now.
      arrivalRatePerHour = ratePerHour;
      interArrival = draw.interArrival(ratePerHour);
      if (arrivalTimer) scheduler.cancel(arrivalTimer);
      scheduleArrival();
    },
    served: startEating,
  };
}
