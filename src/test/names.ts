import { parseScenario, type ScenarioInput } from '../scenarios/index.ts';
import type { Scenario } from '../sim/index.ts';

/**
 * The "names are data" fixture (docs/bad-input.md): one restaurant written twice, once with
 * every name a user can give (dishes, station kinds, station ids in faults, consumer groups)
 * taken from the members of `Object.prototype` (and, for consumer groups, which must be
 * lower-case, of `Function.prototype` and thenables), once with ordinary names. The mapping
 * is a bijection, so every figure of the two runs must be equal once the names are swapped.
 *
 * The ordinary names keep the pattern the engine could see: dishes whose three-letter codes
 * (`dishCode`, used by the v2 contract's upcaster) collide collide in both (`__defineGetter__`
 * and `__defineSetter__` are both `__D`; `soup` and `sour cream` both `SOU`), and a name used
 * for a dish, a kind and a group is one name in both.
 */
export const NAME_PAIRS: readonly (readonly [awkward: string, ordinary: string])[] = [
  ['__proto__', 'pasta'],
  ['constructor', 'curry'],
  ['toString', 'tofu'],
  ['hasOwnProperty', 'hash'],
  ['valueOf', 'veal'],
  ['isPrototypeOf', 'icecream'],
  ['propertyIsEnumerable', 'prawns'],
  ['toLocaleString', 'toast'],
  ['__defineGetter__', 'soup'],
  ['__defineSetter__', 'sour cream'],
  ['__lookupGetter__', 'lamb'],
  ['__lookupSetter__', 'lamb stew'],
  // Consumer groups are lower-case: members of Function.prototype, a thenable's `then`.
  ['then', 'alpha'],
  ['length', 'bravo'],
  ['call', 'charlie'],
  ['apply', 'delta'],
  ['bind', 'echo'],
  ['caller', 'foxtrot'],
];

/** Dish names of the awkward menu, in menu order. */
export const AWKWARD_DISHES = NAME_PAIRS.slice(0, 12).map(([a]) => a);
/** Station kinds (a letter first, so no `__proto__`: the schema refuses it with a message). */
export const AWKWARD_KINDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
/** Consumer groups of the scenario's subscribers (lower-case, as the schema wants). */
export const AWKWARD_GROUPS = ['constructor', 'then', 'length', 'call', 'apply', 'bind', 'caller'];

const TOKEN = new RegExp(
  `(?<![A-Za-z0-9_])(${[...NAME_PAIRS]
    .map(([a]) => a)
    .sort((x, y) => y.length - x.length)
    .join('|')})(?![A-Za-z0-9_])`,
  'g',
);
const ORDINARY = new Map(NAME_PAIRS);

/**
 * The v2 DishReady carries a dish's code, its first three letters upper-cased (the engine's
 * `dishCode`), not its name: the awkward menu's codes and the ordinary one's, paired.
 */
const CODES = new Map<string, string>();
for (const [a, o] of NAME_PAIRS.slice(0, 12)) {
  const [ca, co] = [a.slice(0, 3).toUpperCase(), o.slice(0, 3).toUpperCase()];
  if ((CODES.get(ca) ?? co) !== co) throw new Error(`the fixture's dish codes do not pair: ${ca}`);
  CODES.set(ca, co);
}

/**
 * Text from the awkward run with every awkward name (a whole word: `toString-1` is the station
 * `toString`'s first, `caller` is not `call`) replaced by its ordinary twin, and every dish code
 * a v2 event carries by its twin's. Applied to JSON or CSV, the result must equal the ordinary
 * run's text byte for byte.
 */
export function toOrdinary(text: string): string {
  return text
    .replace(TOKEN, (name) => ORDINARY.get(name)!)
    .replace(/("dishCode": ?")([^"]*)"/g, (_, head: string, code: string) => `${head}${CODES.get(code) ?? code}"`);
}

/** The scenario as JSON, its names given by `name` (identity: the awkward one). */
export function namesScenarioJson(name: (n: string) => string = (n) => n): ScenarioInput {
  const kinds = AWKWARD_KINDS;
  return {
    name: 'names-are-data',
    seed: 11,
    durationSeconds: 4 * 3600,
    warmupSeconds: 600,
    mode: 'sync',
    arrivals: { kind: 'poisson', ratePerHour: 40 },
    tables: 14,
    patienceSeconds: { dist: 'lognormal', mean: 900, sd: 300 },
    staff: { waiters: 3, runners: 2 },
    kitchen: { stations: kinds.map((kind, i) => ({ kind: name(kind), count: 1 + (i % 2) })) },
    menu: AWKWARD_DISHES.map((dish, i) => ({
      dish: name(dish),
      station: name(kinds[i % kinds.length]!),
      share: 1 + (i % 3),
      cookSeconds: { dist: 'lognormal', mean: 120 + 40 * i, sd: 30 },
      price: 10 + i,
      // A dish that runs out: rejected PlaceOrders, reorders, and a restock later.
      ...(dish === '__proto__' ? { stock: 25 } : dish === 'toString' ? { stock: 8 } : {}),
    })),
    dishesPerParty: { dist: 'uniform', min: 0.5, max: 3.5 },
    timings: {
      takeOrderSeconds: { dist: 'lognormal', mean: 60, sd: 20 },
      walkSeconds: { dist: 'uniform', min: 10, max: 25 },
      eatSeconds: { dist: 'lognormal', mean: 900, sd: 200 },
      submitTicketSeconds: { dist: 'fixed', value: 8 },
      plateSeconds: { dist: 'fixed', value: 15 },
      payingSeconds: { dist: 'fixed', value: 60 },
    },
    faults: [
      { station: name('toString'), downAtSeconds: 2000, upAtSeconds: 2600 },
      { station: `${name('constructor')}-1`, downAtSeconds: 4000, upAtSeconds: 4500 },
    ],
    subscribers: [
      { name: 'billing', group: name('constructor') },
      { name: 'billing', group: name('constructor') },
      { name: 'analytics', group: name('then') },
      { name: 'notifications', group: name('length') },
      { name: 'loyalty', group: name('call') },
      { name: 'kitchen-display', group: name('apply') },
      { name: 'dashboard', group: name('bind') },
      { name: 'tracker', group: name('caller') },
    ],
    consumerFaults: [
      { group: name('constructor'), downAtSeconds: 3600, upAtSeconds: 4200 },
      { group: name('then'), downAtSeconds: 5000, upAtSeconds: 5600 },
    ],
  };
}

/** The awkward scenario and its ordinary twin, validated. */
export function namesScenarios(): { awkward: Scenario; ordinary: Scenario } {
  return { awkward: parseScenario(namesScenarioJson()), ordinary: parseScenario(namesScenarioJson((n) => ORDINARY.get(n) ?? n)) };
}
