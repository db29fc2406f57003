import { legSecondsOf } from '../machines/floorStaffMachine.ts';
import { nameRecord } from '../names.ts';
import type { Core } from './core.ts';
import { PARTY_STATES, TICKET_STATES, type ConsumersView, type PartyView, type RestaurantSnapshot, type TicketView } from './types.ts';

/**
 * What a view reads of the restaurant (docs/architecture.md, "The data path of one dish"):
 * a snapshot copied out of the engine (safe to keep), and the conservation rules every
 * moment of a run must satisfy. Both only read.
 */

/** The consumer groups and what the subscribers have done. Money in cents. */
export function consumersView(core: Core): ConsumersView {
  const { consumers, floor, kitchen, teaching } = core.parts;
  const b = consumers.state.billing;
  return {
    groups: core.bus.groupViews().map((g) => ({ ...g, kind: g.group === 'runners' ? 'runners' : (consumers.groups.get(g.group)?.kind ?? 'runners') })),
    idempotent: consumers.idempotent,
    billing: { chargedCents: b.chargedCents, expectedCents: b.expectedCents, charges: b.charges, openBills: b.bills.size },
    notifications: { ...consumers.state.notifications },
    analytics: { dishesCounted: consumers.state.analytics.dishesCounted },
    loyalty: { points: consumers.state.loyalty.points },
    rejectedOrders: floor.rejectedOrders,
    stock: nameRecord(kitchen.stock),
    contract: teaching.contract,
    syncOverAsync: teaching.syncOverAsync,
  };
}

/** Everything a frame draws, at the simulated time now. */
export function snapshot(core: Core): RestaurantSnapshot {
  const { floor, kitchen, dining } = core.parts;
  const partyViews: PartyView[] = [];
  const ticketViews: TicketView[] = [];
  for (const p of core.parties.values()) {
    partyViews.push({ id: p.id, state: p.state, arrivedAt: p.arrivedAt, table: p.table, tickets: p.tickets.map((t) => t.id), walksOutAt: p.walksOutAt });
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
    time: core.scheduler.now,
    mode: core.mode,
    parties: partyViews,
    tickets: ticketViews,
    staff: floor.staff.map((m) => {
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
        // While idle the context still holds the last job (floorStaffMachine.ts).
        partyId: m.state === 'idle' ? null : ctx.partyId,
        ticketId: m.state === 'idle' ? null : ctx.ticketId,
      };
    }),
    stations: kitchen.stations.map((st) => {
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
    door: Array.from(dining.door, (p) => p.id),
    kitchenQueues: nameRecord([...kitchen.queues].map(([k, q]) => [k, q.map((t) => t.id)])),
    partyCounts: { ...core.partyCounts },
    ticketCounts: { ...core.ticketCounts },
    partiesArrived: core.partiesArrived,
    ticketsCreated: core.ticketsCreated,
    arrivalRatePerHour: dining.arrivalRatePerHour,
    consumers: consumersView(core),
  };
}

/** The conservation rules that are broken now (empty when all hold), each as a sentence. */
export function checkInvariants(core: Core): string[] {
  const { partyCounts, ticketCounts, partiesArrived, ticketsCreated } = core;
  const { kitchen, dining } = core.parts;
  const problems: string[] = [];
  const partySum = PARTY_STATES.reduce((a, k) => a + partyCounts[k], 0);
  if (partySum !== partiesArrived) problems.push(`parties by state sum to ${partySum}, ${partiesArrived} arrived`);
  const ticketSum = TICKET_STATES.reduce((a, k) => a + ticketCounts[k], 0);
  if (ticketSum !== ticketsCreated) problems.push(`tickets by state sum to ${ticketSum}, ${ticketsCreated} created`);
  for (const k of PARTY_STATES) if (partyCounts[k] < 0) problems.push(`negative party count in ${k}`);
  for (const k of TICKET_STATES) if (ticketCounts[k] < 0) problems.push(`negative ticket count in ${k}`);
  let queued = 0;
  for (const q of kitchen.queues.values()) queued += q.length;
  if (queued !== ticketCounts.queued) problems.push(`${queued} tickets in kitchen queues, ${ticketCounts.queued} counted queued`);
  if (dining.doorLength !== partyCounts.waitingForTable) problems.push(`door holds ${dining.doorLength}, ${partyCounts.waitingForTable} counted waiting`);
  const seatedNow = core.s.tables - dining.freeTables;
  const atTables = partyCounts.seated + partyCounts.ordering + partyCounts.waitingForFood + partyCounts.eating + partyCounts.paying;
  if (seatedNow !== atTables) problems.push(`${seatedNow} tables taken, ${atTables} parties at tables`);
  const cooking = kitchen.stations.filter((st) => st.state === 'cooking' || st.state === 'plating').length;
  if (cooking !== ticketCounts.cooking) problems.push(`${cooking} stations busy, ${ticketCounts.cooking} tickets cooking`);
  return problems;
}
