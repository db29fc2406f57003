import { describe, expect, it } from 'vitest';
import { TestRestaurant, testScenario } from '../../test/TestRestaurant.ts';
import { createRestaurant } from './restaurant.ts';
import { loadPreset, PRESET_NAMES, type ScenarioInput } from '../../scenarios/index.ts';
import type { Envelope } from '../bus/bus.ts';

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
