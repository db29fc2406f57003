import { expect } from 'vitest';
import { createRestaurant, type Restaurant, type RestaurantCommand, type Scenario } from '../sim/index.ts';
import type { ScenarioInput } from '../scenarios/index.ts';
import { testScenario } from './scenarios.ts';

export { testScenario };

/**
 * A chainable harness over a real restaurant, in the style of tldraw's TestEditor:
 * `new TestRestaurant({ ... }).advance(60).expectState('waiter-1', 'takingOrder')`.
 * Every step also checks the conservation invariants.
 */
export class TestRestaurant {
  readonly r: Restaurant;

  constructor(scenario: Partial<ScenarioInput> | Scenario = {}) {
    const s = 'timings' in scenario && 'sampleIntervalSeconds' in scenario ? (scenario as Scenario) : testScenario(scenario as Partial<ScenarioInput>);
    this.r = createRestaurant(s);
  }

  /** Run `seconds` of simulated time. */
  advance(seconds: number): this {
    this.r.runUntil(this.r.now + seconds);
    expect(this.r.checkInvariants()).toEqual([]);
    return this;
  }

  /** Run until simulated time `t`. */
  at(t: number): this {
    this.r.runUntil(t);
    expect(this.r.checkInvariants()).toEqual([]);
    return this;
  }

  /** `n` parties walk in now, each ordering `dishes` if given (else drawn from the menu). */
  arrive(n = 1, dishes?: string[]): this {
    for (let i = 0; i < n; i++) this.r.send({ type: 'admitParty', ...(dishes ? { dishes } : {}) });
    return this;
  }

  send(command: RestaurantCommand): this {
    this.r.send(command);
    return this;
  }

  /** Assert a staff member's (`waiter-1`, `runner-1`) or station's (`cold-1`) state. */
  expectState(id: string, state: string): this {
    const snap = this.r.snapshot();
    const who = snap.staff.find((s) => s.id === id) ?? snap.stations.find((s) => s.id === id);
    if (!who) throw new Error(`no staff member or station ${id}`);
    expect(who.state, `${id} at t=${snap.time}`).toBe(state);
    return this;
  }

  /** Assert how many parties / tickets are in each state (only the states given). */
  expectCounts(counts: { parties?: Record<string, number>; tickets?: Record<string, number> }): this {
    const snap = this.r.snapshot();
    if (counts.parties) for (const [k, v] of Object.entries(counts.parties)) expect(snap.partyCounts[k as never], `parties ${k}`).toBe(v);
    if (counts.tickets) for (const [k, v] of Object.entries(counts.tickets)) expect(snap.ticketCounts[k as never], `tickets ${k}`).toBe(v);
    return this;
  }
}
