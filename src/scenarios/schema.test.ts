import { describe, expect, it } from 'vitest';
import { loadPreset, parseScenario, PRESET_NAMES, ScenarioError } from './index.ts';
import { capacityBound, meanDishesPerParty } from '../sim/index.ts';

const minimal = {
  name: 'minimal',
  durationSeconds: 3600,
  arrivals: { kind: 'poisson', ratePerHour: 10 },
  tables: 4,
  staff: { waiters: 1 },
  kitchen: { stations: [{ kind: 'cold', count: 1 }] },
  menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 0 } }],
  timings: {
    takeOrderSeconds: { dist: 'fixed', value: 60 },
    walkSeconds: { dist: 'uniform', min: 5, max: 20 },
    eatSeconds: { dist: 'lognormal', mean: 900, sd: 300 },
  },
};

function problems(json: unknown): string[] {
  try {
    parseScenario(json);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
}

describe('scenario schema', () => {
  it('fills defaults for the optional fields', () => {
    const s = parseScenario(minimal);
    expect(s).toMatchObject({
      seed: 1,
      warmupSeconds: 0,
      mode: 'sync',
      sampleIntervalSeconds: 60,
      patienceSeconds: null,
      staff: { waiters: 1, runners: 0 },
      dishesPerParty: { dist: 'fixed', value: 1 },
      faults: [],
    });
    expect(s.timings.submitTicketSeconds).toEqual({ dist: 'fixed', value: 0 });
  });

  it.each(PRESET_NAMES)('preset %s is valid, and its kitchen can keep up with its arrivals', (name) => {
    const s = loadPreset(name);
    expect(s.name).toBe(name);
    expect(s.description.length).toBeGreaterThan(10);
    expect(s.watch.length).toBeGreaterThan(10);
    // A preset teaches the protocols, not an overloaded kitchen: every station kind runs
    // below 80% utilisation at the offered load (dishes per hour).
    const offered = s.arrivals.ratePerHour * meanDishesPerParty(s);
    for (const stage of capacityBound(s, 'async').stages.filter((x) => x.stage.startsWith('kitchen'))) {
      expect(offered / stage.perHour, stage.stage).toBeLessThan(0.8);
    }
  });

  it.each([
    [{ ...minimal, tables: 0 }, 'tables: Too small'],
    [{ ...minimal, tables: 2.5 }, 'tables: Invalid input: expected int'],
    [{ ...minimal, mode: 'both' }, 'mode: Invalid option'],
    [{ ...minimal, arrivals: { kind: 'batch', ratePerHour: 1 } }, 'arrivals.kind: Invalid input'],
    [{ ...minimal, warmupSeconds: 3600 }, 'warmupSeconds: must be less than durationSeconds'],
    [{ ...minimal, staff: { waiters: 0 } }, 'staff.waiters: Too small'],
    [{ ...minimal, menu: [{ ...minimal.menu[0], station: 'grill' }] }, 'menu[0].station: no kitchen station of kind "grill"'],
    [{ ...minimal, menu: [minimal.menu[0], minimal.menu[0]] }, 'menu[1].dish: dish "salad" is listed twice'],
    [{ ...minimal, menu: [{ ...minimal.menu[0], cookSeconds: { dist: 'exponential', mean: -1 } }] }, 'menu[0].cookSeconds.mean: Too small'],
    [{ ...minimal, menu: [{ ...minimal.menu[0], cookSeconds: { dist: 'gamma', k: 2 } }] }, 'menu[0].cookSeconds.dist: Invalid discriminator value'],
    [{ ...minimal, timings: { ...minimal.timings, walkSeconds: { dist: 'uniform', min: 9, max: 3 } } }, 'timings.walkSeconds.max: max must be at least min'],
    [{ ...minimal, timings: { ...minimal.timings, walkSeconds: { dist: 'fixed', value: 1, extra: 2 } } }, 'timings.walkSeconds: Unrecognized key: "extra"'],
    [{ ...minimal, faults: [{ station: 'fryer', downAtSeconds: 10, upAtSeconds: 20 }] }, 'faults[0].station: no station or station kind "fryer"'],
    [{ ...minimal, faults: [{ station: 'cold-1', downAtSeconds: 10, upAtSeconds: 5 }] }, 'faults[0].upAtSeconds: must be after downAtSeconds'],
    [{ ...minimal, durationSeconds: 'long' }, 'durationSeconds: Invalid input: expected number'],
    [{ ...minimal, seed: -4 }, 'seed: Too small'],
    [{ ...minimal, name: undefined }, 'name: missing (required)'],
    [[1, 2], '(scenario): Invalid input: expected object'],
  ])('%# names the field and the problem', (json, message) => {
    expect(problems(json).some((p) => p.startsWith(message)), problems(json).join(' | ')).toBe(true);
  });

  it('accepts zero as a fixed duration and a fault on a station id or kind', () => {
    const s = parseScenario({ ...minimal, faults: [{ station: 'cold-1', downAtSeconds: 0, upAtSeconds: 10 }, { station: 'cold', downAtSeconds: 20, upAtSeconds: 30 }] });
    expect(s.faults).toHaveLength(2);
    expect(s.menu[0]!.cookSeconds).toEqual({ dist: 'fixed', value: 0 });
  });
});
