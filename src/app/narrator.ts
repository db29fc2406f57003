import type { RestaurantSnapshot } from '../sim/index.ts';
import { clock, title } from './format.ts';
import type { LiveStats } from './simStore.ts';
import { oldOrders } from './inFlight.ts';

/** A sentence for the screen-reader narration; higher `priority` wins when there is no time for all. */
export interface Narration {
  text: string;
  priority: 1 | 2 | 3;
}

/** Every this many dishes served, the narration says so. */
export const SERVED_MILESTONE = 50;
/** Door queue lengths the narration announces when first reached. */
const DOOR_MARKS = [5, 10, 20];

const staffName = (snapshot: RestaurantSnapshot, id: string): string => {
  const s = snapshot.staff.find((x) => x.id === id)!;
  const same = snapshot.staff.filter((x) => x.role === s.role);
  return `${s.role === 'waiter' ? 'Waiter' : 'Runner'} ${same.indexOf(s) + 1}`;
};
const article = (dish: string) => (/^[aeiou]/i.test(dish) ? `an ${dish}` : `a ${dish}`);
/** What a blocked person waits for: " waiting for a steak and a salad for table 5", or "". */
function waitingFor(snapshot: RestaurantSnapshot, staff: RestaurantSnapshot['staff'][number]): string {
  const party = staff.partyId === null ? null : snapshot.parties.find((p) => p.id === staff.partyId);
  const own = staff.ticketId === null ? [] : snapshot.tickets.filter((t) => t.id === staff.ticketId);
  const tickets = own.length > 0 ? own : snapshot.tickets.filter((t) => t.partyId === party?.id && (t.state === 'queued' || t.state === 'cooking' || t.state === 'ordered'));
  if (tickets.length === 0) return '';
  const dishes = tickets.slice(0, 2).map((t) => article(t.dish));
  const more = tickets.length > 2 ? ` and ${tickets.length - 2} more` : '';
  return ` waiting for ${dishes.join(tickets.length === 2 ? ' and ' : ', ')}${more}${party?.table != null ? ` for table ${party.table}` : ''}`;
}
const minutesText = (s: number) => (s < 90 ? `${Math.round(s)} seconds` : `${Math.round(s / 60)} minutes`);

/**
 * Turns successive snapshots of one restaurant into plain-English sentences about what
 * changed that a listener should know: a waiter blocked at the pass (and for how long), a
 * walk-out, a rejected order, a crashed or restarted consumer, a mode switch, a growing door
 * queue, and every {@link SERVED_MILESTONE} dishes served. Pure bookkeeping, no timers: the
 * view decides how often to speak. `prefix` names the restaurant in compare mode.
 */
export function createNarrator(prefix = '') {
  let prev: RestaurantSnapshot | null = null;
  let prevServed = 0;
  let prevWalkedOut = 0;
  let doorMark = 0;
  /** Orders of the old mode still in flight at the last look (after a live switch). */
  let oldLeft = 0;
  const say = (text: string, priority: Narration['priority']): Narration => ({ text: prefix ? `${prefix}: ${text}` : text, priority });
  return {
    /** Sentences for what changed since the last call (none on the first call, or after time went back). */
    observe(snapshot: RestaurantSnapshot, stats: LiveStats): Narration[] {
      const out: Narration[] = [];
      const before = prev;
      const served = stats.summary.served;
      const walkedOut = stats.summary.walkedOut;
      prev = snapshot;
      if (!before || snapshot.time < before.time) {
        oldLeft = oldOrders(snapshot).orders;
        prevServed = served;
        prevWalkedOut = walkedOut;
        doorMark = 0;
        return out;
      }
      const old = oldOrders(snapshot);
      if (snapshot.mode !== before.mode) {
        const left =
          old.orders === 0
            ? ''
            : ` ${old.orders} order${old.orders === 1 ? '' : 's'} taken before the switch ${old.orders === 1 ? 'finishes' : 'finish'} the ${old.protocol === 'sync' ? 'synchronous' : 'asynchronous'} way${old.protocol === 'sync' ? ': their waiters stay at the pass until the food is cooked' : ''}.`;
        out.push(
          say(
            (snapshot.mode === 'async'
              ? 'The restaurant now runs asynchronously: waiters send tickets and go back to the floor; runners deliver.'
              : 'The restaurant now runs synchronously: each waiter waits at the pass for the dishes they ordered.') + left,
            3,
          ),
        );
      } else if (oldLeft > 0 && old.orders === 0) {
        out.push(say(`Every order taken before the switch is served: all orders now run ${snapshot.mode === 'sync' ? 'synchronously' : 'asynchronously'}.`, 2));
      }
      oldLeft = old.orders;
      const was = new Map(before.staff.map((s) => [s.id, s]));
      for (const s of snapshot.staff) {
        const old = was.get(s.id);
        if (s.state === 'blockedAtPass' && old?.state !== 'blockedAtPass') {
          out.push(say(`${staffName(snapshot, s.id)} is blocked at the pass${waitingFor(snapshot, s)}.`, 2));
        } else if (old?.state === 'blockedAtPass' && s.state === 'carryingDish' && s.since >= old.since) {
          // Blocked until the dishes came, i.e. until carrying began (only then is the wait known:
          // between two looks a waiter may have been blocked and freed more than once).
          const waited = s.since - old.since;
          if (waited >= 60) out.push(say(`${staffName(snapshot, s.id)} waited ${minutesText(waited)} at the pass and is carrying the dishes.`, 1));
        }
      }
      if (walkedOut > prevWalkedOut) {
        const n = walkedOut - prevWalkedOut;
        out.push(say(n === 1 ? 'A party walked out: they waited too long at the door.' : `${n} parties walked out: they waited too long at the door.`, 2));
      }
      const rejected = snapshot.consumers.rejectedOrders - before.consumers.rejectedOrders;
      if (rejected > 0) out.push(say(`The kitchen rejected ${rejected === 1 ? 'an order' : `${rejected} orders`}: a dish has run out, so the party orders something else.`, 2));
      const down = new Map(before.consumers.groups.map((g) => [g.group, g.down]));
      for (const g of snapshot.consumers.groups) {
        if (g.down && down.get(g.group) === false) out.push(say(`${title(g.group)} has crashed; its messages wait in its inbox.`, 3));
        if (!g.down && down.get(g.group) === true) out.push(say(`${title(g.group)} is back and catching up on ${g.lag} message${g.lag === 1 ? '' : 's'}.`, 3));
      }
      const door = snapshot.door.length;
      const mark = DOOR_MARKS.filter((m) => door >= m).at(-1) ?? 0;
      if (mark > doorMark) out.push(say(`${door} parties are waiting at the door for a table.`, 1));
      doorMark = door === 0 ? 0 : Math.max(doorMark, mark);
      if (Math.floor(served / SERVED_MILESTONE) > Math.floor(prevServed / SERVED_MILESTONE))
        out.push(say(`${Math.floor(served / SERVED_MILESTONE) * SERVED_MILESTONE} dishes served, ${stats.summary.throughputPerHour.toFixed(0)} an hour so far.`, 1));
      prevServed = served;
      prevWalkedOut = walkedOut;
      return out;
    },
  };
}

/**
 * The whole floor in a few sentences (the "Describe the floor" summary): time and mode, what
 * each waiter and runner is doing, queues, and the figures shown in the Metrics panel.
 */
export function describeFloor(snapshot: RestaurantSnapshot, stats: LiveStats, prefix = ''): string {
  const staff = (role: 'waiter' | 'runner') => {
    const people = snapshot.staff.filter((s) => s.role === role);
    if (people.length === 0) return '';
    const counts = new Map<string, number>();
    for (const s of people) {
      const what = s.state === 'blockedAtPass' ? 'blocked at the pass' : s.activity === 'idle' ? 'idle' : 'working';
      counts.set(what, (counts.get(what) ?? 0) + 1);
    }
    const parts = [...counts].map(([what, n]) => `${n} ${what}`);
    return `${people.length} ${role}${people.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
  };
  const s = stats.summary;
  const blocked = stats.rolling.floorStaff.blocked;
  const wait = s.customerSeconds.lastDish;
  return [
    prefix
      ? `${prefix} restaurant at ${clock(snapshot.time)}.`
      : `At ${clock(snapshot.time)}, ${snapshot.mode === 'sync' ? 'synchronous' : 'asynchronous'} service.`,
    staff('waiter'),
    staff('runner'),
    `${snapshot.door.length} part${snapshot.door.length === 1 ? 'y' : 'ies'} at the door, ${snapshot.ticketCounts.queued} ticket${snapshot.ticketCounts.queued === 1 ? '' : 's'} waiting in the kitchen, ${snapshot.ticketCounts.cooking} cooking, ${snapshot.ticketCounts.atPass} dish${snapshot.ticketCounts.atPass === 1 ? '' : 'es'} at the pass.`,
    `${s.served} dishes served, ${s.throughputPerHour.toFixed(0)} an hour; ${wait.parties > 0 ? `95% of parties have all their food within ${(wait.p95 / 60).toFixed(1)} minutes of walking in, and ` : ''}95% of dishes arrive within ${(s.latencySeconds.p95 / 60).toFixed(1)} minutes of the order; floor staff blocked at the pass ${Math.round(blocked * 100)}% of the last 15 minutes; ${s.walkedOut} part${s.walkedOut === 1 ? 'y' : 'ies'} walked out.`,
  ]
    .filter(Boolean)
    .join(' ');
}
