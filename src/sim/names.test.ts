import { describe, expect, it } from 'vitest';
import { createRestaurant, nameRecord, ownValue, withName, type Envelope, type Mode, type RestaurantCommand, type Scenario } from './index.ts';
import { AWKWARD_DISHES, AWKWARD_GROUPS, AWKWARD_KINDS, NAME_PAIRS, namesScenarios, toOrdinary } from '../test/names.ts';

// docs/bad-input.md, "Names are data": a name a user gives is data, never a key of a plain object.

describe('name records', () => {
  const awkward = NAME_PAIRS.map(([a]) => a);

  it('nameRecord keeps every name as an own key, in order, with no prototype', () => {
    const r = nameRecord(awkward.map((n, i) => [n, i]));
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.keys(r)).toEqual(awkward);
    expect(awkward.map((n) => r[n])).toEqual(awkward.map((_, i) => i));
    // JSON keeps them all, and reads `__proto__` back as an own key.
    const back = JSON.parse(JSON.stringify(r)) as Record<string, number>;
    expect(Object.keys(back)).toEqual(awkward);
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(back.__proto__).toBe(0);
  });

  it('a plain object loses __proto__ and invents toString: what nameRecord avoids', () => {
    const plain: Record<string, number> = {};
    for (const [i, n] of awkward.entries()) plain[n] = i;
    expect(Object.keys(plain)).not.toContain('__proto__');
    expect(typeof ({} as Record<string, unknown>).toString).toBe('function');
    expect(nameRecord<number>().toString).toBeUndefined();
  });

  it('withName copies without a prototype, adds a new name last and replaces an old one in place', () => {
    const r = withName(nameRecord([['constructor', 1]]), '__proto__', 2);
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.entries(r)).toEqual([['constructor', 1], ['__proto__', 2]]);
    expect(Object.entries(withName(r, 'constructor', 3))).toEqual([['constructor', 3], ['__proto__', 2]]);
  });

  it('ownValue never finds an inherited member', () => {
    expect(ownValue({} as Record<string, number>, 'toString')).toBeUndefined();
    expect(ownValue({} as Record<string, number>, '__proto__')).toBeUndefined();
    expect(ownValue(JSON.parse('{"__proto__": 4}') as Record<string, number>, '__proto__')).toBe(4);
  });
});

/** The same user actions in both runs, at the same simulated times, names given by `name`. */
function script(name: (n: string) => string): { t: number; c: RestaurantCommand }[] {
  return [
    { t: 1500, c: { type: 'admitParty', dishes: [name('__proto__'), name('constructor'), name('__defineSetter__')] } },
    { t: 1800, c: { type: 'setMode', mode: 'async' } },
    { t: 2400, c: { type: 'stationDown', station: name('valueOf') } },
    // The engine takes any group name: these three are not lower-case, one is __proto__.
    { t: 2700, c: { type: 'addSubscriber', name: 'kitchen-display', group: name('__proto__'), from: 'earliest' } },
    { t: 2700, c: { type: 'addSubscriber', name: 'dashboard', group: name('toString') } },
    { t: 2700, c: { type: 'addSubscriber', name: 'billing', group: name('hasOwnProperty') } },
    { t: 3000, c: { type: 'stationUp', station: name('valueOf') } },
    { t: 3300, c: { type: 'setContract', version: 'v2' } },
    { t: 3900, c: { type: 'setContract', version: 'v1' } },
    { t: 4300, c: { type: 'consumerDown', group: name('__proto__') } },
    { t: 4700, c: { type: 'consumerUp', group: name('__proto__') } },
    { t: 5200, c: { type: 'removeSubscriber', group: name('hasOwnProperty') } },
    { t: 6000, c: { type: 'setStock', dish: name('__proto__'), portions: null } },
    { t: 6000, c: { type: 'setStock', dish: name('toString'), portions: 5 } },
    { t: 6600, c: { type: 'setIdempotency', on: false } },
    { t: 7000, c: { type: 'consumerDown', group: name('constructor') } },
    { t: 7300, c: { type: 'consumerUp', group: name('constructor') } },
    { t: 7800, c: { type: 'setMode', mode: 'sync' } },
    { t: 9000, c: { type: 'injectPoison' } },
  ];
}

/** Everything the engine reports about a run, as JSON texts (names included), plus the restaurant. */
function run(scenario: Scenario, mode: Mode, name: (n: string) => string) {
  const r = createRestaurant({ ...scenario, mode }, { retainMessages: 1_000_000 });
  const log: Envelope[] = [];
  r.subscribe((m) => log.push(m));
  const snapshots: string[] = [];
  const rolling: string[] = [];
  for (const { t, c } of script(name)) {
    r.runUntil(t);
    r.send(c);
    snapshots.push(JSON.stringify(r.snapshot()));
    rolling.push(JSON.stringify(r.rolling(900)));
  }
  r.runUntil(scenario.durationSeconds);
  snapshots.push(JSON.stringify(r.snapshot()));
  const groups = r.snapshot().consumers.groups.map((g) => g.group);
  return {
    r,
    log,
    /** Each group's read model (null: not a projection), entries in key order. */
    projections: groups.map((g) => [g, r.projection(g) && Object.entries(r.projection(g)!)] as const),
    texts: {
      summary: JSON.stringify(r.summary()),
      rolling: JSON.stringify([...rolling, JSON.stringify(r.rolling(900))]),
      snapshots: JSON.stringify(snapshots),
      series: JSON.stringify(r.series),
      lagSeries: JSON.stringify([...r.lagSeries]),
      delivery: JSON.stringify(log.map((m) => r.deliveryOf(m))),
      log: JSON.stringify(log),
    },
  };
}

const ordinaryOf = new Map(NAME_PAIRS);

describe('names are data: every name an Object.prototype member, every figure as with ordinary names', () => {
  const { awkward, ordinary } = namesScenarios();

  it.each(['sync', 'async'] as const)('%s start, live switches, faults, stock, consumer crashes: the same run under the renaming', (mode) => {
    const a = run(awkward, mode, (n) => n);
    const o = run(ordinary, mode, (n) => ordinaryOf.get(n) ?? n);

    // Every figure and every message, name for name (the texts differ only by the names).
    for (const key of Object.keys(a.texts) as (keyof typeof a.texts)[]) {
      expect(toOrdinary(a.texts[key]), key).toBe(o.texts[key]);
      // The rolling figures and the series carry no names; everything else does.
      if (key !== 'rolling' && key !== 'series') expect(a.texts[key], `${key} holds the names`).not.toBe(o.texts[key]);
    }

    // A read model lists its keys sorted, and sorting sees the names: the same entries, each
    // list in its own names' order.
    const sorted = (e: [string, number][]) => [...e].sort(([x], [y]) => (x < y ? -1 : 1));
    expect(a.projections.map(([g, e]) => [toOrdinary(g), e && sorted(e.map(([k, v]) => [toOrdinary(k), v]))])).toEqual(o.projections);
    expect(a.projections.filter(([, e]) => e && e.length > 0).map(([g]) => g)).toEqual(['apply', 'bind', 'caller', '__proto__', 'toString']);

    // And none of it is vacuous: every awkward name is in the report, with its dishes.
    const s = a.r.summary();
    expect(Object.getPrototypeOf(s.perDish)).toBeNull();
    expect(Object.keys(s.perDish)).toEqual(AWKWARD_DISHES);
    for (const dish of AWKWARD_DISHES) expect(s.perDish[dish]!.served, dish).toBeGreaterThan(0);
    expect(Object.values(s.perDish).reduce((n, d) => n + d.served, 0)).toBe(s.served);
    expect(s.perDish.__proto__!.latencySeconds.p95).toBeGreaterThan(0);
    const parsed = JSON.parse(a.texts.summary) as { perDish: Record<string, { served: number }> };
    expect(Object.hasOwn(parsed.perDish, '__proto__')).toBe(true);
    expect(parsed.perDish.__proto__!.served).toBe(s.perDish.__proto__!.served);

    const snap = a.r.snapshot();
    expect(Object.keys(snap.kitchenQueues)).toEqual(AWKWARD_KINDS);
    expect(Object.keys(snap.consumers.stock)).toEqual(AWKWARD_DISHES);
    expect(snap.consumers.stock.__proto__).toBeNull();
    expect(typeof snap.consumers.stock.toString).toBe('number');
    expect(snap.consumers.stock.toString).toBeLessThanOrEqual(5);
    expect(snap.consumers.rejectedOrders).toBeGreaterThan(0);
    expect(snap.consumers.groups.map((g) => g.group)).toEqual(['runners', ...AWKWARD_GROUPS, '__proto__', 'toString']);
    for (const g of snap.consumers.groups) expect(g.handledTotal, g.group).toBeGreaterThan(0);
    expect(snap.consumers.groups.find((g) => g.group === 'constructor')!.duplicates).toBeGreaterThan(0);
    expect([...a.r.lagSeries.keys()]).toContain('__proto__');

    // The kitchen display read from offset 0 counts by dish: __proto__ among them.
    const display = a.r.projection('__proto__')!;
    expect(Object.getPrototypeOf(display)).toBeNull();
    expect(display.__proto__).toBeGreaterThan(0);
    for (const dish of Object.keys(display)) expect(AWKWARD_DISHES).toContain(dish);
    expect(Object.keys(display).length).toBeGreaterThanOrEqual(8);

    // A DishReady's delivery names every group of the pass topic, __proto__ and constructor too.
    const ready = a.log.find((m) => m.type === 'DishReady' && m.time > 3000)!;
    const delivery = a.r.deliveryOf(ready);
    expect(Object.getPrototypeOf(delivery)).toBeNull();
    expect(Object.keys(delivery)).toEqual(['runners', 'constructor', 'then', 'length', 'apply', '__proto__']);
    expect(a.r.checkInvariants()).toEqual([]);
  });

  it('a subscriber kind named like an Object.prototype member is refused, and nothing changes', () => {
    const r = createRestaurant(awkward);
    r.runUntil(1200);
    const before = JSON.stringify(r.snapshot());
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => r.send({ type: 'addSubscriber', name: kind as never })).toThrow(`no subscriber kind "${kind}"`);
    }
    expect(JSON.stringify(r.snapshot())).toBe(before);
  });
});
