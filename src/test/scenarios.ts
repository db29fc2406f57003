import { parseScenario, type ScenarioInput } from '../scenarios/index.ts';
import type { Scenario } from '../sim/index.ts';

const zero = { dist: 'fixed', value: 0 } as const;

/**
 * A small, fully deterministic restaurant for tests: fixed timings, one waiter, no runner,
 * one cold station, salad only, no arrivals unless asked. Override any field.
 */
export function testScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario({
    name: 'test',
    seed: 1,
    durationSeconds: 36_000,
    warmupSeconds: 0,
    mode: 'sync',
    arrivals: { kind: 'poisson', ratePerHour: 0 },
    tables: 4,
    staff: { waiters: 1, runners: 0 },
    kitchen: { stations: [{ kind: 'cold', count: 1 }] },
    menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: { dist: 'fixed', value: 120 } }],
    timings: {
      takeOrderSeconds: { dist: 'fixed', value: 60 },
      walkSeconds: { dist: 'fixed', value: 10 },
      eatSeconds: { dist: 'fixed', value: 600 },
      submitTicketSeconds: zero,
      plateSeconds: zero,
      payingSeconds: zero,
    },
    ...overrides,
  });
}

