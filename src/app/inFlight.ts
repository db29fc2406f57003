import type { Mode, RestaurantSnapshot } from '../sim/index.ts';

/**
 * After a live mode switch, orders taken under the old mode finish that way (the engine keeps
 * each ticket's protocol). What is left of them, from a snapshot: shown under the floor and
 * said by the narration, so a dish waiting at the pass while runners stand idle is explained.
 *
 * Orders still in flight that were taken under the other mode than `snapshot.mode`: how many
 * orders, their unserved dishes, those of them waiting at the pass, and the old mode.
 */
export function oldOrders(snapshot: RestaurantSnapshot): { orders: number; dishes: number; atPass: number; protocol: Mode | null } {
  const parties = new Set<number>();
  let dishes = 0;
  let atPass = 0;
  let protocol: Mode | null = null;
  for (const t of snapshot.tickets) {
    if (t.protocol === snapshot.mode || t.state === 'served') continue;
    parties.add(t.partyId);
    dishes++;
    if (t.state === 'atPass') atPass++;
    protocol = t.protocol;
  }
  return { orders: parties.size, dishes, atPass, protocol };
}

/** The sentence under the floor after a live mode switch, from the engine's tickets; null when nothing of the old mode is left. */
export function oldOrdersSentence(snapshot: RestaurantSnapshot): string | null {
  const o = oldOrders(snapshot);
  if (o.orders === 0 || o.protocol === null) return null;
  const orders = `${o.orders} order${o.orders === 1 ? '' : 's'}`;
  const dishes = `${o.dishes} dish${o.dishes === 1 ? '' : 'es'}`;
  const pass = o.atPass > 0 ? `; ${o.atPass} cooked ${o.atPass === 1 ? 'waits' : 'wait'} at the pass for the rest of ${o.atPass === 1 ? 'its' : 'their'} order` : '';
  return o.protocol === 'sync'
    ? `◥ ${orders} taken before the switch still finish synchronously (${dishes} to serve${pass}): each waiter stays at the pass until the whole order is cooked and carries it out. They publish no DishReady, so the runners, who react to DishReady, leave them.`
    : `◥ ${orders} taken before the switch still finish asynchronously (${dishes} to serve): each dish goes out as it is cooked, announced by DishReady.`;
}

