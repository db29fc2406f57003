import { SUBSCRIBER_DEFAULTS } from '../bus/subscribers.ts';
import type { Core } from './core.ts';
import type { RestaurantCommand } from './types.ts';

/**
 * Carry out one command of a user, a lesson or a test on a running restaurant (the shapes
 * and their errors are in `RestaurantCommand`, types.ts): each goes to the part it concerns.
 * @throws Error or RangeError naming what is wrong; the restaurant is then unchanged.
 */
export function applyCommand(core: Core, c: RestaurantCommand): void {
  const { dining, floor, kitchen, consumers, teaching, faults } = core.parts;
  switch (c.type) {
    case 'setMode':
      if (c.mode === core.mode) return;
      core.mode = c.mode;
      core.metrics.onModeChanged(core.scheduler.now, c.mode);
      return floor.dispatch();
    case 'admitParty':
      return dining.admit(c.dishes);
    case 'setArrivalRate':
      return dining.setArrivalRate(c.ratePerHour);
    case 'stationDown':
      return faults.stationDown(c.station, 'manual');
    case 'stationUp':
      return faults.stationUp(c.station, 'manual');
    case 'addSubscriber': {
      // Only the kinds themselves: `constructor` or `toString` is no subscriber kind.
      const d = Object.hasOwn(SUBSCRIBER_DEFAULTS, c.name) ? SUBSCRIBER_DEFAULTS[c.name] : undefined;
      if (!d) throw new Error(`no subscriber kind "${String(c.name)}"`);
      return consumers.add(c.name, c.group ?? c.name, c.processingSeconds ?? d.processingSeconds, c.from);
    }
    case 'removeSubscriber':
      return consumers.remove(c.group);
    case 'consumerDown':
      return consumers.group(c.group).crash();
    case 'consumerUp':
      return consumers.group(c.group).recover();
    case 'setIdempotency':
      consumers.idempotent = c.on;
      return;
    case 'setSyncOverAsync':
      teaching.syncOverAsync = c.on;
      return;
    case 'publishDisguisedCommand':
      return teaching.publishDisguisedCommand();
    case 'setContract':
      return teaching.setContract(c.version);
    case 'injectPoison':
      return teaching.injectPoison();
    case 'setStock': {
      if (!kitchen.stock.has(c.dish)) throw new Error(`no dish "${c.dish}" on the menu`);
      if (c.portions !== null && !(Number.isInteger(c.portions) && c.portions >= 0)) {
        throw new RangeError(`portions must be a whole number ≥ 0 or null, got ${c.portions}`);
      }
      kitchen.stock.set(c.dish, c.portions);
      // Orders that found nothing left to choose are tried again.
      return floor.restocked();
    }
  }
}
