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

describe('restaurant, sync mode', () => {
  it('the waiter takes the order, walks to the kitchen and is blocked at the pass until the dish is cooked', () => {
    const t = new TestRestaurant().arrive();
    t.at(5).expectState('waiter-1', 'walkingToTable');
    t.at(10).expectState('waiter-1', 'takingOrder').expectCounts({ parties: { ordering: 1 } });
    t.at(75).expectState('waiter-1', 'walkingToKitchen').expectCounts({ tickets: { ordered: 1 }, parties: { waitingForFood: 1 } });
    t.at(80).expectState('waiter-1', 'blockedAtPass').expectState('cold-1', 'cooking');
    t.at(199).expectState('waiter-1', 'blockedAtPass');
    t.at(200).expectState('waiter-1', 'carryingDish').expectState('cold-1', 'idle');
    t.at(210).expectState('waiter-1', 'idle').expectCounts({ tickets: { served: 1 }, parties: { eating: 1 } });
    t.at(810).expectCounts({ parties: { left: 1 } });
    const m = t.r.summary();
    expect(m.served).toBe(1);
    // Latency runs from the end of order-taking (70) to the dish on the table (210).
    expect(m.latencySeconds).toEqual({ mean: 140, p50: 140, p95: 140, max: 140 });
  });

  it('a blocked waiter cannot take the next order: the second party waits', () => {
    const t = new TestRestaurant().arrive(2);
    t.at(100).expectState('waiter-1', 'blockedAtPass').expectCounts({ parties: { seated: 1, waitingForFood: 1 } });
    t.at(215).expectState('waiter-1', 'walkingToTable');
    t.at(220).expectState('waiter-1', 'takingOrder');
  });

  it('holds the salad at the pass until the steak of the same order is ready (head-of-line blocking)', () => {
    const t = new TestRestaurant(steakAndSalad).arrive(1, ['salad', 'steak']);
    t.at(200).expectCounts({ tickets: { atPass: 1, cooking: 1 } }).expectState('waiter-1', 'blockedAtPass');
    t.at(1300);
    const m = t.r.summary();
    // Both dishes reach the table together: 70 → 80 + 1200 + 10.
    expect(m.perDish.salad!.latencySeconds.mean).toBe(1220);
    expect(m.perDish.steak!.latencySeconds.mean).toBe(1220);
  });

  it('runners work as extra waiters', () => {
    const t = new TestRestaurant({ staff: { waiters: 1, runners: 1 } }).arrive(2);
    t.at(100).expectState('waiter-1', 'blockedAtPass').expectState('runner-1', 'blockedAtPass');
  });
});

describe('restaurant, async mode', () => {
  it('the waiter sends PlaceOrder and is free; the kitchen publishes DishReady and a runner delivers', () => {
    const t = new TestRestaurant({ mode: 'async', staff: { waiters: 1, runners: 1 } });
    const log: Envelope[] = [];
    t.r.subscribe((m) => log.push(m));
    t.arrive();
    t.at(70).expectState('waiter-1', 'idle').expectState('cold-1', 'cooking').expectState('runner-1', 'idle');
    t.at(190).expectState('runner-1', 'walkingToPass').expectCounts({ tickets: { atPass: 1 } });
    t.at(200).expectState('runner-1', 'carryingDish').expectCounts({ tickets: { carrying: 1 } });
    t.at(210).expectCounts({ tickets: { served: 1 } });
    expect(log.map((m) => `${m.time} ${m.kind} ${m.type} ${m.topic}#${m.offset}`)).toEqual([
      '70 command PlaceOrder kitchen#0',
      '190 event DishReady pass#0',
      '210 event DishDelivered orders#0',
    ]);
    // One dish's story: same correlation id, each message caused by the one before.
    expect(new Set(log.map((m) => m.correlationid)).size).toBe(1);
    expect(log[1]!.causationid).toBe(log[0]!.id);
    expect(log[2]!.causationid).toBe(log[1]!.id);
    expect(log[0]).toMatchObject({ specversion: '1.0', source: '/floor/waiter-1', subject: 'dish-1', datacontenttype: 'application/json' });
  });

  it('a free waiter takes the next order while the kitchen cooks', () => {
    const t = new TestRestaurant({ mode: 'async', staff: { waiters: 1, runners: 1 } }).arrive(2);
    t.at(100).expectState('waiter-1', 'takingOrder').expectCounts({ parties: { waitingForFood: 1, ordering: 1 } });
  });

  it('delivers the salad as soon as it is ready, without waiting for the steak', () => {
    const t = new TestRestaurant({ ...steakAndSalad, mode: 'async', staff: { waiters: 1, runners: 1 } }).arrive(1, ['salad', 'steak']);
    t.at(1400);
    const m = t.r.summary();
    expect(m.perDish.salad!.latencySeconds.mean).toBe(140);
    expect(m.perDish.steak!.latencySeconds.mean).toBe(1220);
  });

  it('with no runners, waiters deliver the dishes', () => {
    const t = new TestRestaurant({ mode: 'async' }).arrive();
    t.at(190).expectState('waiter-1', 'walkingToPass');
    t.at(210).expectCounts({ tickets: { served: 1 } });
  });
});

describe('switching mode while running', () => {
  it('orders in flight finish under the old protocol, new orders use the new one, nothing is lost', () => {
    const t = new TestRestaurant({ staff: { waiters: 2, runners: 1 }, tables: 8 }).arrive(2);
    t.at(90).expectState('waiter-1', 'blockedAtPass');
    t.send({ type: 'setMode', mode: 'async' }).arrive(2);
    // The sync waiter stays blocked for its own order; the new orders go async.
    t.at(150).expectState('waiter-1', 'blockedAtPass');
    const protocols = () => new Map(t.r.snapshot().tickets.map((x) => [x.partyId, x.protocol]));
    t.at(400);
    expect(protocols().get(3)).toBe('async');
    t.send({ type: 'setMode', mode: 'sync' }).arrive(2).at(3000);
    const snap = t.r.snapshot();
    expect(snap.ticketCounts.served).toBe(6);
    expect(snap.ticketsCreated).toBe(6);
    expect(t.r.summary().served).toBe(6);
    expect(t.r.modeSpans.map((s) => s.mode)).toEqual(['sync', 'async', 'sync']);
  });

  it('a dish announced with DishReady is still delivered after switching to sync', () => {
    const t = new TestRestaurant({ mode: 'async', staff: { waiters: 1, runners: 1 } }).arrive();
    t.at(150).send({ type: 'setMode', mode: 'sync' }).at(300);
    expect(t.r.snapshot().ticketCounts.served).toBe(1);
  });
});

describe('when a station goes down', () => {
  it('the ticket it was cooking goes back to the head of the queue and is cooked when it returns', () => {
    const t = new TestRestaurant({
      mode: 'async',
      staff: { waiters: 1, runners: 1 },
      faults: [{ station: 'cold-1', downAtSeconds: 100, upAtSeconds: 1000 }],
    }).arrive(2);
    // The first ticket was cooking (70..190) when the fault hit: it goes back in the queue.
    t.at(100).expectState('cold-1', 'down').expectCounts({ tickets: { queued: 1, cooking: 0 } });
    t.at(999).expectCounts({ tickets: { queued: 2 } });
    t.at(1000).expectState('cold-1', 'cooking');
    t.at(1400).expectCounts({ tickets: { served: 2 } });
  });

  it('tickets handed back by a fault on a whole kind keep their order, ahead of those never started', () => {
    const t = new TestRestaurant({ mode: 'async', kitchen: { stations: [{ kind: 'cold', count: 2 }] } });
    t.send({ type: 'admitParty', dishes: ['salad', 'salad', 'salad'] });
    t.at(100);
    const ids = t.r.snapshot().stations.map((st) => st.ticketId!);
    const [queued] = t.r.snapshot().kitchenQueues.cold!;
    t.send({ type: 'stationDown', station: 'cold' });
    expect(t.r.snapshot().kitchenQueues.cold).toEqual([...[...ids].sort((a, b) => a - b), queued]);
    t.send({ type: 'stationUp', station: 'cold' });
    expect(t.r.snapshot().stations.map((st) => st.ticketId)).toEqual(ids);
  });

  it('a fault and repair sent from a bus listener inside a station\'s step lose no ticket', () => {
    const fixed = (value: number) => ({ dist: 'fixed', value }) as const;
    const t = new TestRestaurant({
      mode: 'async',
      menu: [
        { dish: 'salad', station: 'cold', share: 1, cookSeconds: fixed(60) },
        { dish: 'bread', station: 'cold', share: 1, cookSeconds: fixed(0) },
      ],
    });
    let once = true;
    t.r.subscribe((m) => {
      if (m.type !== 'DishReady' || !once) return;
      once = false;
      t.send({ type: 'stationDown', station: 'cold-1' });
      t.send({ type: 'stationUp', station: 'cold-1' });
    });
    t.send({ type: 'admitParty', dishes: ['salad', 'bread', 'bread', 'salad', 'salad'] });
    t.at(5000);
    expect(t.r.checkInvariants()).toEqual([]);
    expect(t.r.summary().served).toBe(5);
  });

  it('a fault on a kind takes every station of that kind down; live commands work too', () => {
    const t = new TestRestaurant({ kitchen: { stations: [{ kind: 'cold', count: 2 }] } });
    t.send({ type: 'stationDown', station: 'cold' }).expectState('cold-1', 'down').expectState('cold-2', 'down');
    t.send({ type: 'stationUp', station: 'cold-2' }).expectState('cold-1', 'down').expectState('cold-2', 'idle');
    expect(() => t.send({ type: 'stationDown', station: 'fryer' })).toThrow(/fryer/);
    expect(() => t.send({ type: 'admitParty', dishes: ['pizza'] })).toThrow(/pizza/);
  });
});

describe('at the door', () => {
  it('a party walks out when its patience runs out before a table frees', () => {
    const t = new TestRestaurant({ tables: 1, patienceSeconds: { dist: 'fixed', value: 300 } }).arrive(2);
    t.at(299).expectCounts({ parties: { waitingForTable: 1 } });
    t.at(300).expectCounts({ parties: { walkedOut: 1, waitingForTable: 0 } });
    expect(t.r.summary().walkedOut).toBe(1);
  });

  it('a party is seated when a table frees, in arrival order', () => {
    const t = new TestRestaurant({ tables: 1 }).arrive(2);
    t.at(809).expectCounts({ parties: { waitingForTable: 1 } });
    t.at(810).expectCounts({ parties: { left: 1, seated: 1 } });
  });
});

describe('randomness', () => {
  const longStay = (over: object) =>
    testScenario({
      arrivals: { kind: 'poisson', ratePerHour: 30 },
      tables: 200,
      timings: {
        takeOrderSeconds: { dist: 'exponential', mean: 60 },
        walkSeconds: { dist: 'uniform', min: 5, max: 30 },
        eatSeconds: { dist: 'fixed', value: 100_000 },
      },
      menu: steakAndSalad.menu!.map((m) => ({ ...m, cookSeconds: { dist: 'exponential', mean: 300 } })),
      kitchen: steakAndSalad.kitchen,
      dishesPerParty: { dist: 'uniform', min: 0.5, max: 3.5 },
      ...over,
    });
  const customers = (over: object) => {
    const r = createRestaurant(longStay(over));
    r.runUntil(4 * 3600);
    const snap = r.snapshot();
    return snap.parties.map((p) => ({
      id: p.id,
      arrivedAt: p.arrivedAt,
      dishes: p.tickets.map((id) => snap.tickets.find((x) => x.id === id)!.dish),
    }));
  };

  it('changing staff or mode does not change the customers who arrive or what they order', () => {
    const a = customers({ staff: { waiters: 1, runners: 0 } });
    const b = customers({ staff: { waiters: 6, runners: 3 }, mode: 'async' });
    expect(a.length).toBeGreaterThan(90);
    expect(b).toEqual(a);
  });

  it('a different seed brings different customers', () => {
    expect(customers({ seed: 2 })).not.toEqual(customers({ seed: 1 }));
  });
});

describe('conservation, over every preset, both modes and many seeds', () => {
  it.each(PRESET_NAMES)('%s: every party and every order is accounted for at every checkpoint', (name) => {
    for (const seed of [1, 2, 3, 4]) {
      for (const mode of ['sync', 'async'] as const) {
        const s = { ...loadPreset(name), seed, mode };
        const r = createRestaurant(s);
        for (let t = 0; t <= s.durationSeconds; t += 600) {
          r.runUntil(t);
          expect(r.checkInvariants(), `${name} seed ${seed} ${mode} t=${t}`).toEqual([]);
        }
        const snap = r.snapshot();
        const pc = snap.partyCounts;
        expect(pc.waitingForTable + pc.seated + pc.ordering + pc.waitingForFood + pc.eating + pc.paying + pc.left + pc.walkedOut).toBe(snap.partiesArrived);
        expect(snap.partiesArrived).toBeGreaterThan(0);
      }
    }
  });

  it('holds while modes flip and stations fail at random moments', () => {
    const s = loadPreset('friday-rush');
    const r = createRestaurant(s);
    const kinds = s.kitchen.stations.map((k) => k.kind);
    for (let i = 1; i <= 200; i++) {
      r.runUntil(i * 71);
      if (i % 3 === 0) r.send({ type: 'setMode', mode: r.mode === 'sync' ? 'async' : 'sync' });
      if (i % 7 === 0) r.send({ type: 'stationDown', station: kinds[i % kinds.length]! });
      if (i % 7 === 3) for (const k of kinds) r.send({ type: 'stationUp', station: k });
      expect(r.checkInvariants(), `t=${r.now}`).toEqual([]);
    }
    for (const k of kinds) r.send({ type: 'stationUp', station: k });
    // Stop arrivals' effect: run on; everything ordered is eventually served.
    r.runUntil(r.now + 4 * 3600);
    const snap = r.snapshot();
    expect(snap.ticketCounts.queued + snap.ticketCounts.cooking).toBeLessThan(60);
  });
});

describe('engine errors', () => {
  it('an error inside an actor stops the run loudly instead of producing numbers', () => {
    // Unvalidated input (the schema caps durations): a walk too long for the clock.
    const s = { ...testScenario(), timings: { ...testScenario().timings, walkSeconds: { dist: 'fixed' as const, value: 1e308 } } };
    const r = createRestaurant(s);
    expect(() => r.send({ type: 'admitParty' })).toThrow(RangeError);
    expect(() => r.runUntil(100)).toThrow(RangeError);
  });
});

describe('overlapping faults', () => {
  it('a station is back only when every fault that took it down is over', () => {
    const t = new TestRestaurant({
      kitchen: { stations: [{ kind: 'grill', count: 2 }] },
      menu: [{ dish: 'steak', station: 'grill', share: 1, cookSeconds: { dist: 'fixed', value: 60 } }],
      faults: [
        { station: 'grill', downAtSeconds: 100, upAtSeconds: 1500 },
        { station: 'grill-1', downAtSeconds: 200, upAtSeconds: 7000 },
      ],
    });
    t.at(1600).expectState('grill-1', 'down').expectState('grill-2', 'idle');
    t.at(7000).expectState('grill-1', 'idle');
    // A live repair does not end a scheduled fault.
    t.send({ type: 'stationDown', station: 'grill-2' }).send({ type: 'stationUp', station: 'grill-2' }).expectState('grill-2', 'idle');
  });
});

describe('determinism', () => {
  it('the same scenario and seed give identical metrics and series', () => {
    const run = () => {
      const r = createRestaurant(loadPreset('friday-rush'));
      r.runUntil(3 * 3600);
      return JSON.stringify([r.summary(), r.series]);
    };
    expect(run()).toBe(run());
  });
});

describe('metrics', () => {
  it('utilisation splits sum to 1 and only sync waiters are ever blocked', () => {
    for (const mode of ['sync', 'async'] as const) {
      const r = createRestaurant({ ...loadPreset('friday-rush'), mode });
      r.runUntil(r.scenario.durationSeconds);
      const u = r.summary().utilisation;
      for (const role of ['waiters', 'cooks', 'runners'] as const) {
        expect(u[role].working + u[role].blocked + u[role].idle).toBeCloseTo(1, 12);
      }
      if (mode === 'async') expect(u.waiters.blocked).toBe(0);
      else expect(u.waiters.blocked).toBeGreaterThan(0.3);
    }
  });

  it('samples the time series at the scenario interval, with the mode of each sample', () => {
    const r = createRestaurant(loadPreset('quiet-lunch'));
    r.runUntil(600);
    r.send({ type: 'setMode', mode: 'async' });
    r.runUntil(1200);
    expect(r.series.t).toEqual(Array.from({ length: 21 }, (_, i) => i * 60));
    expect(r.series.mode[10]).toBe('sync');
    expect(r.series.mode[11]).toBe('async');
    expect(r.modeSpans).toEqual([{ t: 0, mode: 'sync' }, { t: 600, mode: 'async' }]);
  });
});

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
