import { sampler, type Sampler } from '../kernel/distributions.ts';
import type { RandomStream, StreamName } from '../kernel/rng.ts';
import type { MenuItem, Scenario } from '../scenario.ts';

/** A dish on the menu with its cook-time samplers. */
export interface MenuDish extends MenuItem {
  /** A new customer's cook time, simulated seconds (the `cook` stream). */
  cook: Sampler;
  /**
   * A replacement dish's cook time (the `misc` stream), so a rejected order never shifts the
   * cook times of later customers.
   */
  recook: Sampler;
}

/**
 * The restaurant's random draws, each from its own seeded stream (docs/architecture.md,
 * "Randomness"): a party's demands from `party` and `cook` when it arrives, so the same seed
 * gives the same customers in either mode and with any staffing; walks, submitting and
 * plating from their own streams as they happen. Durations in simulated seconds.
 */
export interface Draws {
  /** Seconds to the next arrival at `ratePerHour` (exponential; Infinity at rate 0). */
  interArrival(ratePerHour: number): Sampler;
  dishCount: Sampler;
  take: Sampler;
  eat: Sampler;
  pay: Sampler;
  /** Null when parties wait at the door for ever. */
  patience: Sampler | null;
  walk: Sampler;
  submit: Sampler;
  plate: Sampler;
  menu: readonly MenuDish[];
  /** A dish by the menu's shares (the `party` stream). */
  pickDish(): MenuDish;
}

/** The draws of scenario `s` on `streams`. */
export function createDraws(s: Scenario, streams: Record<StreamName, RandomStream>): Draws {
  const menu = s.menu.map((m) => ({ ...m, cook: sampler(m.cookSeconds, streams.cook), recook: sampler(m.cookSeconds, streams.misc) }));
  const menuTotal = s.menu.reduce((t, m) => t + m.share, 0);
  return {
    interArrival: (ratePerHour) =>
      ratePerHour > 0 ? sampler({ dist: 'exponential', mean: 3600 / ratePerHour }, streams.arrivals) : () => Infinity,
    dishCount: sampler(s.dishesPerParty, streams.party),
    take: sampler(s.timings.takeOrderSeconds, streams.party),
    eat: sampler(s.timings.eatSeconds, streams.party),
    pay: sampler(s.timings.payingSeconds, streams.party),
    patience: s.patienceSeconds ? sampler(s.patienceSeconds, streams.party) : null,
    walk: sampler(s.timings.walkSeconds, streams.walks),
    submit: sampler(s.timings.submitTicketSeconds, streams.service),
    plate: sampler(s.timings.plateSeconds, streams.service),
    menu,
    pickDish() {
      let u = streams.party.next() * menuTotal;
      for (const m of menu) {
        u -= m.share;
        if (u < 0) return m;
      }
      return menu[menu.length - 1]!;
    },
  };
}
