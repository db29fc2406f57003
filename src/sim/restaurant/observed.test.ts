// What a restaurant shows and publishes as it runs: the snapshot a view draws, live rates and
// rolling figures, its messages on the bus, the customer's time and the blocked-staff figure.
// (restaurant.test.ts: how it behaves.)
import { describe, expect, it } from 'vitest';
import { TestRestaurant, testScenario } from '../../test/TestRestaurant.ts';
import { createRestaurant } from './restaurant.ts';
import { loadPreset, PRESET_NAMES, type ScenarioInput } from '../../scenarios/index.ts';
import type { DeadLetter, Envelope } from '../bus/bus.ts';

const steakAndSalad: Partial<ScenarioInput> = {
  kitchen: { stations: [{ kind: 'cold', count: 1 }, { kind: 'grill', count: 1 }] },
  menu: [
    { dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 120 } },
    { dish: 'steak', station: 'grill', share: 1, cookSeconds: { dist: 'fixed', value: 1200 } },
  ],
  dishesPerParty: { dist: 'fixed', value: 2 },
};

describe('what a live view reads', () => {
  const staffAt = (t: TestRestaurant, time: number, id = 'waiter-1') => {
    t.at(time);
    return t.r.snapshot().staff.find((s) => s.id === id)!;
  };

  it('gives every walk its start and end place, so a person can be drawn at any moment', () => {
    const t = new TestRestaurant().arrive();
    expect(staffAt(t, 5)).toMatchObject({ state: 'walkingToTable', from: 'home', to: 1, since: 0, legSeconds: 10 });
    expect(staffAt(t, 30)).toMatchObject({ state: 'takingOrder', from: 1, to: 1, since: 10, legSeconds: 60 });
    expect(staffAt(t, 75)).toMatchObject({ state: 'walkingToKitchen', from: 1, to: 'pass', since: 70, legSeconds: 10 });
    expect(staffAt(t, 100)).toMatchObject({ state: 'blockedAtPass', from: 'pass', to: 'pass', since: 80 });
    expect(staffAt(t, 205)).toMatchObject({ state: 'carryingDish', from: 'pass', to: 1, since: 200, legSeconds: 10 });
    expect(staffAt(t, 300)).toMatchObject({ state: 'idle', from: 1, to: 1 });
  });

  it('a runner carries a dish from the pass to the table of the dish it picked up', () => {
    const t = new TestRestaurant({ mode: 'async', staff: { waiters: 1, runners: 1 } }).arrive(2);
    const seen = new Set<string>();
    for (let time = 0; time < 600; time += 1) {
      const r = staffAt(t, time, 'runner-1');
      if (r.state === 'carryingDish') {
        expect(r.from).toBe('pass');
        const ticket = t.r.snapshot().tickets.find((k) => k.id === r.ticketId)!;
        const party = t.r.snapshot().parties.find((p) => p.id === ticket.partyId)!;
        expect(r.to).toBe(party.table);
        seen.add(String(r.to));
      }
    }
    expect(seen.size).toBe(2);
  });

  it('gives a cooking station the length of its current cooking or plating', () => {
    const t = new TestRestaurant({ timings: { ...testScenario().timings, plateSeconds: { dist: 'fixed', value: 20 } } }).arrive();
    t.at(100);
    expect(t.r.snapshot().stations[0]).toMatchObject({ state: 'cooking', since: 80, legSeconds: 120, down: false });
    t.at(205);
    expect(t.r.snapshot().stations[0]).toMatchObject({ state: 'plating', since: 200, legSeconds: 20 });
    t.send({ type: 'stationDown', station: 'cold' });
    expect(t.r.snapshot().stations[0]!.down).toBe(true);
  });

  it('restarts a busy station\'s clock for each ticket it takes straight from its queue', () => {
    const t = new TestRestaurant({ mode: 'async', dishesPerParty: { dist: 'fixed', value: 2 } }).arrive();
    let start = NaN;
    for (let now = 0; now < 1000 && Number.isNaN(start); now += 1) {
      t.at(now);
      if (t.r.snapshot().stations[0]!.state === 'cooking') start = now;
    }
    const cooking = t.r.snapshot().stations[0]!;
    t.at(start + 125);
    expect(t.r.snapshot().stations[0]).toMatchObject({ state: 'cooking', ticketId: cooking.ticketId! + 1, since: cooking.since + 120, legSeconds: 120 });
    t.at(start + 240);
    expect(t.r.snapshot().stations[0]).toMatchObject({ state: 'idle', ticketId: null });
    t.expectCounts({ tickets: { queued: 0, cooking: 0 } });
    t.at(start + 1000);
    expect(t.r.summary().served).toBe(2);
  });

  describe('changing the arrival rate live', () => {
    it('stops arrivals at rate 0 and starts them again at a positive rate', () => {
      const t = new TestRestaurant({ arrivals: { kind: 'poisson', ratePerHour: 60 }, tables: 100, patienceSeconds: null });
      t.at(3600);
      const before = t.r.snapshot().partiesArrived;
      expect(before).toBeGreaterThan(30);
      t.send({ type: 'setArrivalRate', ratePerHour: 0 }).at(7200);
      expect(t.r.snapshot()).toMatchObject({ partiesArrived: before, arrivalRatePerHour: 0 });
      t.send({ type: 'setArrivalRate', ratePerHour: 120 }).at(10_800);
      const after = t.r.snapshot().partiesArrived - before;
      // Poisson(120): the 1-in-10,000 range is roughly 80…165.
      expect(after).toBeGreaterThan(80);
      expect(after).toBeLessThan(165);
    });

    it('rejects a rate that is negative or not finite, and keeps the old one', () => {
      const t = new TestRestaurant({ arrivals: { kind: 'poisson', ratePerHour: 30 } });
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => t.send({ type: 'setArrivalRate', ratePerHour: bad })).toThrow(RangeError);
      }
      expect(t.r.snapshot().arrivalRatePerHour).toBe(30);
    });
  });

  describe('rolling figures', () => {
    it('match the whole-run summary when the window covers the whole run', () => {
      const r = createRestaurant({ ...loadPreset('friday-rush'), warmupSeconds: 0 });
      r.runUntil(5000);
      const whole = r.summary();
      const rolling = r.rolling(10_000);
      expect(rolling.windowSeconds).toBe(5000);
      expect(rolling.served).toBe(whole.served);
      expect(rolling.throughputPerHour).toBeCloseTo(whole.throughputPerHour, 9);
      for (const role of ['waiters', 'runners', 'cooks'] as const) {
        expect(rolling.utilisation[role].blocked).toBeCloseTo(whole.utilisation[role].blocked, 9);
        expect(rolling.utilisation[role].working).toBeCloseTo(whole.utilisation[role].working, 9);
      }
    });

    it('cover only the trailing window, and respond to a mode switch', () => {
      const r = createRestaurant({ ...loadPreset('friday-rush'), warmupSeconds: 0, mode: 'sync' });
      r.runUntil(5400);
      const syncBlocked = r.rolling(900).utilisation.waiters.blocked;
      r.send({ type: 'setMode', mode: 'async' });
      r.runUntil(5400 + 3600);
      const w = r.rolling(900);
      expect(w.windowSeconds).toBeGreaterThan(900 - 60 - 1e-9);
      expect(w.windowSeconds).toBeLessThanOrEqual(900);
      expect(syncBlocked).toBeGreaterThan(0.3);
      expect(w.utilisation.waiters.blocked).toBe(0);
      const u = w.utilisation.waiters;
      expect(u.working + u.blocked + u.idle).toBeCloseTo(1, 12);
      // Served in the window = served-count difference across it.
      const i = r.series.t.indexOf(9000 - w.windowSeconds);
      expect(w.served).toBe(r.series.served.at(-1)! - r.series.served[i]!);
    });
  });
});

describe('the bus in the restaurant', () => {
  const logOf = (r: ReturnType<typeof createRestaurant>) => {
    const log: Envelope[] = [];
    r.subscribe((m) => log.push(m));
    return log;
  };

  it('a PlaceOrder the kitchen rejects (out of steak) publishes nothing; the party reorders', () => {
    const t = new TestRestaurant({ ...steakAndSalad, mode: 'async', staff: { waiters: 1, runners: 1 } });
    const log = logOf(t.r);
    t.send({ type: 'setStock', dish: 'steak', portions: 0 }).arrive(1, ['steak']).at(2000);
    const rejected = log.find((m) => m.type === 'PlaceOrder' && (m.data as { dish: string }).dish === 'steak')!;
    expect(rejected.kind).toBe('command');
    const caused = log.filter((m) => m.causationid === rejected.id);
    // Only the reorder (another command) follows from it: no event, no DishReady for the steak.
    expect(caused).toHaveLength(1);
    expect(caused[0]).toMatchObject({ type: 'PlaceOrder', kind: 'command', data: { dish: 'salad' } });
    expect(log.filter((m) => m.type === 'DishReady').map((m) => (m.data as { dish: string }).dish)).toEqual(['salad']);
    expect(t.r.snapshot().consumers.rejectedOrders).toBe(1);
    expect(t.r.summary().served).toBe(1);
  });

  it('an order with nothing left to choose waits until the kitchen restocks', () => {
    const t = new TestRestaurant({ ...steakAndSalad, mode: 'async', staff: { waiters: 1, runners: 1 } });
    t.send({ type: 'setStock', dish: 'steak', portions: 0 }).send({ type: 'setStock', dish: 'salad', portions: 0 });
    t.arrive(1, ['steak']).at(600).expectCounts({ tickets: { ordered: 1 } });
    t.send({ type: 'setStock', dish: 'salad', portions: 5 }).at(2000).expectCounts({ tickets: { served: 1 } });
    expect(t.r.snapshot().consumers.stock).toEqual({ salad: 4, steak: 0 });
  });

  it('subscribers change nothing in the restaurant: without them throughput and latency are identical', () => {
    const preset = loadPreset('friday-rush');
    const run = (subscribers: typeof preset.subscribers, mode: 'sync' | 'async') => {
      const r = createRestaurant({ ...preset, subscribers, mode });
      r.runUntil(preset.durationSeconds);
      return r.summary();
    };
    expect(preset.subscribers.length).toBe(4);
    for (const mode of ['sync', 'async'] as const) {
      const withThem = run(preset.subscribers, mode);
      const without = run([], mode);
      expect(without.served).toBe(withThem.served);
      expect(without.throughputPerHour).toBe(withThem.throughputPerHour);
      expect(without.latencySeconds).toEqual(withThem.latencySeconds);
    }
  });

  it('a slow Analytics consumer raises only its own lag; the runners lag is the dishes at the pass', () => {
    const r = createRestaurant({ ...loadPreset('friday-rush'), mode: 'async' });
    for (let t = 600; t <= 3 * 3600; t += 600) {
      r.runUntil(t);
      const snap = r.snapshot();
      const lag = Object.fromEntries(snap.consumers.groups.map((g) => [g.group, g.lag]));
      expect(lag.runners).toBe(snap.ticketCounts.atPass);
      for (const g of ['billing', 'notifications', 'loyalty']) expect(lag[g]).toBeLessThan(15);
    }
    const lags = r.lagSeries.get('analytics')!.lag;
    expect(Math.max(...lags)).toBeGreaterThan(30);
    expect(lags.at(-1)).toBeGreaterThan(lags[Math.floor(lags.length / 3)]!);
  });

  describe('when billing crashes mid-shift', () => {
    const run = (idempotent: boolean) => {
      const preset = loadPreset('friday-rush');
      const r = createRestaurant({ ...preset, mode: 'async' });
      r.send({ type: 'setIdempotency', on: idempotent });
      const billing = () => r.snapshot().consumers.groups.find((g) => g.group === 'billing')!;
      // Crash at a moment when billing has handled dishes it has not committed yet.
      r.runUntil(3600);
      while (billing().uncommitted === 0) r.runUntil(r.now + 5);
      const lost = billing().uncommitted;
      r.send({ type: 'consumerDown', group: 'billing' });
      r.runUntil(r.now + 600);
      expect(billing().down).toBe(true);
      r.send({ type: 'consumerUp', group: 'billing' });
      r.runUntil(preset.durationSeconds + 1800);
      return { c: r.snapshot().consumers, billing: billing(), lost };
    };

    it('with idempotency on, the redelivered dishes are skipped and the bills are exactly right', () => {
      const { c, billing } = run(true);
      expect(billing).toMatchObject({ duplicates: 0, down: false });
      expect(c.billing.chargedCents).toBe(c.billing.expectedCents);
      expect(c.billing.expectedCents).toBeGreaterThan(0);
    });

    it('with idempotency off, every redelivered dish is charged again', () => {
      const { c, billing, lost } = run(false);
      expect(billing.duplicates).toBe(lost);
      expect(c.billing.charges).toBe(billing.handledTotal);
      expect(c.billing.chargedCents).toBeGreaterThan(c.billing.expectedCents);
    });
  });

  it('a consumer fault in the scenario takes the group down and back; it then catches up', () => {
    const preset = loadPreset('friday-rush');
    const r = createRestaurant({ ...preset, mode: 'async', consumerFaults: [{ group: 'notifications', downAtSeconds: 3600, upAtSeconds: 5400 }] });
    const view = () => r.snapshot().consumers.groups.find((g) => g.group === 'notifications')!;
    r.runUntil(5399);
    expect(view().down).toBe(true);
    expect(view().lag).toBeGreaterThan(20);
    r.runUntil(5400 + 900);
    expect(view()).toMatchObject({ down: false });
    expect(view().lag).toBeLessThan(5);
  });

  it('a poison DishReady is dead-lettered by every group that reads it, the runners at once, the others after retries', () => {
    const r = createRestaurant({ ...loadPreset('friday-rush'), mode: 'async' }, { retainMessages: 10_000 });
    const log = logOf(r);
    r.runUntil(1800);
    r.send({ type: 'injectPoison' });
    r.runUntil(1800 + 600);
    const dead = log.filter((m) => m.topic === 'deadletter').map((m) => m.data as DeadLetter);
    expect(dead.map((d) => d.group).sort()).toEqual(['analytics', 'billing', 'notifications', 'runners']);
    expect(dead.find((d) => d.group === 'runners')!.attempts).toBe(1);
    expect(dead.find((d) => d.group === 'billing')!.attempts).toBe(4);
    expect(r.checkInvariants()).toEqual([]);
  });

  it('crashing or removing a group that does not exist is a clear error', () => {
    const r = createRestaurant(loadPreset('friday-rush'));
    expect(() => r.send({ type: 'consumerDown', group: 'nobody' })).toThrow('no subscriber group "nobody"');
    expect(() => r.send({ type: 'consumerDown', group: 'runners' })).toThrow(/floor staff/);
    expect(() => r.send({ type: 'removeSubscriber', group: 'nobody' })).toThrow('no subscriber group "nobody"');
    r.send({ type: 'removeSubscriber', group: 'analytics' });
    expect(r.snapshot().consumers.groups.map((g) => g.group)).toEqual(['runners', 'billing', 'notifications', 'loyalty']);
    r.send({ type: 'addSubscriber', name: 'analytics', from: 'earliest' });
    expect(r.snapshot().consumers.groups.map((g) => g.group)).toContain('analytics');
  });
});

describe("the customer's time, from arrival at the door", () => {
  it('one party, sync: seated at once, order taken at 70 s, its dish on the table at 210 s', () => {
    const t = new TestRestaurant().arrive();
    t.at(900);
    const c = t.r.summary().customerSeconds;
    expect([c.seated.mean, c.orderTaken.mean, c.firstDish.mean, c.lastDish.mean]).toEqual([0, 70, 210, 210]);
    expect(c.lastDish.parties).toBe(1);
    expect(c.walkedOut.parties).toBe(0);
  });

  it('counts the door wait: with one table the second party sits down when the first leaves', () => {
    // Party 1: dish served at 210, eats 600 s, pays 0: leaves at 810. Party 2 is seated then.
    const t = new TestRestaurant({ tables: 1 }).arrive(2);
    t.at(2000);
    const c = t.r.summary().customerSeconds;
    expect(c.seated.max).toBe(810);
    expect(c.seated.parties).toBe(2);
    // Party 2: seated 810, waiter walks 10 and takes 60 (880), walks in (890), cooked at 1010, served at 1020.
    expect(c.lastDish.max).toBe(1020);
    // Order → served latency is the same 140 s for both: it cannot see the door.
    expect(t.r.summary().latencySeconds.max).toBe(140);
  });

  it('first and last dish differ when a party waits for its slowest dish', () => {
    const t = new TestRestaurant({ ...steakAndSalad, mode: 'async', staff: { waiters: 1, runners: 1 } }).arrive(1, ['salad', 'steak']);
    t.at(3000);
    const c = t.r.summary().customerSeconds;
    expect(c.firstDish.mean).toBeLessThan(c.lastDish.mean);
    expect(c.lastDish.mean - c.firstDish.mean).toBeGreaterThanOrEqual(1200 - 120 - 20);
  });

  it('walk-outs are counted with the time they waited at the door', () => {
    const t = new TestRestaurant({ tables: 1, patienceSeconds: { dist: 'fixed', value: 100 } }).arrive(2);
    t.at(1000);
    const m = t.r.summary();
    expect(m.walkedOut).toBe(1);
    expect(m.customerSeconds.walkedOut).toMatchObject({ parties: 1, mean: 100, max: 100 });
    // The walk-out never sat down: one door wait (0 s) is counted.
    expect(m.customerSeconds.seated.parties).toBe(1);
  });

  it('splits the window by mode after a live switch', () => {
    const t = new TestRestaurant({ arrivals: { kind: 'poisson', ratePerHour: 6 }, tables: 6, staff: { waiters: 1, runners: 1 } });
    t.at(3600);
    t.r.send({ type: 'setMode', mode: 'async' });
    t.at(7200);
    const m = t.r.summary();
    expect(m.byMode.sync!.seconds).toBe(3600);
    expect(m.byMode.async!.seconds).toBe(3600);
    expect(m.byMode.sync!.served + m.byMode.async!.served).toBe(m.served);
    expect(m.byMode.sync!.throughputPerHour).toBeCloseTo(m.byMode.sync!.served, 9);
  });
});

describe('floor staff blocked: the figure counts every waiter and runner at the pass', () => {
  it('in sync, runners take orders and block too; the count agrees with the staff drawn blocked at every sampled moment', () => {
    for (const name of PRESET_NAMES) {
      const s = loadPreset(name);
      const r = createRestaurant({ ...s, mode: 'sync' });
      let sawRunnerBlocked = false;
      for (let t = 300; t <= Math.min(s.durationSeconds, 3 * 3600); t += 300) {
        r.runUntil(t);
        const drawn = r.snapshot().staff.filter((p) => p.activity === 'blocked');
        sawRunnerBlocked ||= drawn.some((p) => p.role === 'runner');
        const f = r.rolling(900).floorStaff;
        expect(f.blockedNow, `${name} at ${t} s`).toBe(drawn.length);
        expect(f.headcount).toBe(s.staff.waiters + s.staff.runners);
        expect(r.series.floorStaffBlocked.at(-1) ?? 0).toBeLessThanOrEqual(f.headcount);
      }
      if (s.staff.runners > 0) expect(sawRunnerBlocked, `${name}: a runner blocked at the pass in sync`).toBe(true);
    }
  });
});
