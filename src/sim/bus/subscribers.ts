import type { Distribution } from '../kernel/distributions.ts';
import { PoisonMessageError, type Envelope } from './bus.ts';

/**
 * The independent subscribers of the restaurant's events (docs/architecture.md, "Messages": billing,
 * notifications, analytics, loyalty). Each kind reads one topic as its own consumer group,
 * at its own pace; none of them can change what the restaurant does or when. Their state
 * is what a view shows: bills, notifications sent, dishes counted, points.
 */
export type SubscriberKind = 'billing' | 'analytics' | 'notifications' | 'loyalty' | ProjectionKind;

/**
 * Read models (CQRS): each is a projection of the kitchen's events into a table of counts,
 * kept per consumer group, so a projection rebuilt from offset 0 can be compared with one
 * that followed the log live.
 */
export type ProjectionKind = 'kitchen-display' | 'dashboard' | 'tracker';
export const PROJECTION_KINDS: readonly ProjectionKind[] = ['kitchen-display', 'dashboard', 'tracker'];

export const SUBSCRIBER_KINDS: readonly SubscriberKind[] = ['billing', 'analytics', 'notifications', 'loyalty', ...PROJECTION_KINDS];

/** What each kind reads, and how long one message takes by default (simulated seconds). */
export const SUBSCRIBER_DEFAULTS: Record<SubscriberKind, { topic: string; types: string[]; processingSeconds: Distribution; what: string }> = {
  billing: {
    topic: 'pass',
    types: ['DishReady'],
    processingSeconds: { dist: 'lognormal', mean: 4, sd: 2 },
    what: 'adds each dish to its table’s bill',
  },
  analytics: {
    topic: 'pass',
    types: ['DishReady'],
    // Deliberately slow: more than the mean gap between dishes on a busy night, so its lag grows.
    processingSeconds: { dist: 'lognormal', mean: 75, sd: 20 },
    what: 'counts dishes for the manager’s reports (slow on purpose)',
  },
  notifications: {
    topic: 'pass',
    types: ['DishReady'],
    processingSeconds: { dist: 'lognormal', mean: 2, sd: 1 },
    what: 'texts the party “your order is ready”',
  },
  loyalty: {
    topic: 'orders',
    types: ['DishDelivered'],
    processingSeconds: { dist: 'lognormal', mean: 6, sd: 3 },
    what: 'gives the party points for each dish served',
  },
  'kitchen-display': {
    topic: 'pass',
    types: ['DishReady'],
    processingSeconds: { dist: 'lognormal', mean: 1, sd: 0.5 },
    what: 'read model: the kitchen display board (dishes ready, by dish)',
  },
  dashboard: {
    topic: 'orders',
    types: ['DishDelivered'],
    processingSeconds: { dist: 'lognormal', mean: 20, sd: 8 },
    what: 'read model: the manager’s dashboard (dishes served, by dish)',
  },
  tracker: {
    topic: 'orders',
    types: ['DishDelivered'],
    processingSeconds: { dist: 'lognormal', mean: 5, sd: 2 },
    what: 'read model: the customer’s order tracker (dishes served, by order)',
  },
};

/** One subscriber as a scenario lists it: `name` is its kind; members of one group share a kind. */
export interface SubscriberSpec {
  name: SubscriberKind;
  group: string;
  processingSeconds: Distribution;
}

/** What the subscribers have done so far (money in cents). */
export interface SubscriberState {
  billing: {
    /** Total charged to all bills. */
    chargedCents: number;
    /** Dishes charged (a duplicate charge counts again). */
    charges: number;
    /** What the bills should total: each dish charged exactly once. */
    expectedCents: number;
    /** Bills by party (correlation id), cents. */
    bills: Map<string, number>;
  };
  notifications: { sent: number; last: string | null };
  analytics: { dishesCounted: number; byDish: Map<string, number> };
  loyalty: { points: number; byParty: Map<string, number> };
}

export function createSubscriberState(): SubscriberState {
  return {
    billing: { chargedCents: 0, charges: 0, expectedCents: 0, bills: new Map() },
    notifications: { sent: 0, last: null },
    analytics: { dishesCounted: 0, byDish: new Map() },
    loyalty: { points: 0, byParty: new Map() },
  };
}

interface DishData {
  ticketId: number;
  dish: string;
  table: number;
}

/** Read a v1 dish event, or throw PoisonMessageError naming what is wrong. */
export function readDishEvent(msg: Envelope): DishData {
  const expected = `orderup:${msg.type}/v1`;
  if (msg.dataschema !== expected) throw new PoisonMessageError(`unknown schema ${msg.dataschema} (this consumer reads ${expected})`);
  const d = msg.data as Partial<DishData> | null;
  if (!d || typeof d !== 'object') throw new PoisonMessageError('data is not an object');
  if (typeof d.ticketId !== 'number') throw new PoisonMessageError('data.ticketId is missing');
  if (typeof d.dish !== 'string') throw new PoisonMessageError('data.dish is missing');
  if (typeof d.table !== 'number') throw new PoisonMessageError('data.table is missing');
  return d as DishData;
}

/** The code a v2 DishReady carries instead of the dish's name (e.g. "steak" → "STE"). */
export function dishCode(dish: string): string {
  return dish.slice(0, 3).toUpperCase();
}

/**
 * A tolerant reader: takes what it needs (the table) from any version and ignores the rest.
 * @throws PoisonMessageError if even that is missing.
 */
export function readTolerantly(msg: Envelope): { table: number; dish: string | null } {
  const d = msg.data as { table?: unknown; dish?: unknown } | null;
  if (!d || typeof d !== 'object' || typeof d.table !== 'number') throw new PoisonMessageError('data.table is missing');
  return { table: d.table, dish: typeof d.dish === 'string' ? d.dish : null };
}

/**
 * An upcaster: turns a v2 DishReady (`dishCode` instead of `dish`) into the v1 shape, then
 * reads it as v1. `dishOfCode` is the menu lookup the upcaster needs.
 */
export function upcastDishEvent(msg: Envelope, dishOfCode: (code: string) => string | undefined): DishData {
  if (msg.dataschema === 'orderup:DishReady/v2') {
    const d = msg.data as { ticketId?: unknown; dishCode?: unknown; table?: unknown } | null;
    const dish = typeof d?.dishCode === 'string' ? dishOfCode(d.dishCode) : undefined;
    if (!d || typeof d.ticketId !== 'number' || typeof d.table !== 'number' || dish === undefined) {
      throw new PoisonMessageError('cannot upcast this v2 DishReady: dishCode, ticketId or table missing or unknown');
    }
    return readDishEvent({ ...msg, dataschema: 'orderup:DishReady/v1', data: { ticketId: d.ticketId, dish, table: d.table } });
  }
  return readDishEvent(msg);
}

/**
 * The handler of a subscriber kind. Billing charges `priceCents(dish)` to the party's bill;
 * the others count. A redelivered event reaches the handler only when the group is not
 * idempotent, and then it is applied again (a duplicate charge), as a real handler would.
 */
export function subscriberHandler(
  kind: SubscriberKind,
  state: SubscriberState,
  priceCents: (dish: string) => number,
  /** A projection's own table of counts (one per consumer group). */
  projection: Map<string, number> = new Map(),
  /** Menu lookup for the analytics upcaster (v2 events carry a dish code). */
  dishOfCode: (code: string) => string | undefined = () => undefined,
): (msg: Envelope) => void {
  const count = (key: string) => projection.set(key, (projection.get(key) ?? 0) + 1);
  switch (kind) {
    case 'kitchen-display':
    case 'dashboard':
      return (msg) => void count(readDishEvent(msg).dish);
    case 'tracker':
      return (msg) => {
        readDishEvent(msg);
        count(msg.correlationid);
      };
    case 'billing': {
      // Ids already charged, to know what the bills *should* total (each dish once).
      const charged = new Set<string>();
      return (msg) => {
        const d = readDishEvent(msg);
        const b = state.billing;
        const price = priceCents(d.dish);
        if (!charged.has(msg.id)) {
          charged.add(msg.id);
          b.expectedCents += price;
        }
        b.chargedCents += price;
        b.charges++;
        b.bills.set(msg.correlationid, (b.bills.get(msg.correlationid) ?? 0) + price);
      };
    }
    // Analytics upcasts v2 events to v1; notifications read tolerantly; the rest are strict.
    case 'analytics':
      return (msg) => {
        const d = upcastDishEvent(msg, dishOfCode);
        state.analytics.dishesCounted++;
        state.analytics.byDish.set(d.dish, (state.analytics.byDish.get(d.dish) ?? 0) + 1);
      };
    case 'notifications':
      return (msg) => {
        const d = readTolerantly(msg);
        state.notifications.sent++;
        state.notifications.last = `Table ${d.table}: your ${d.dish ?? 'dish'} is ready`;
      };
    case 'loyalty':
      return (msg) => {
        const d = readDishEvent(msg);
        const points = Math.round(priceCents(d.dish) / 100);
        state.loyalty.points += points;
        state.loyalty.byParty.set(msg.correlationid, (state.loyalty.byParty.get(msg.correlationid) ?? 0) + points);
      };
  }
}
