/**
 * The M/M/1 model both benchmarks run: Poisson arrivals at λ = 0.5 per minute, one station
 * with exponential cooking at μ = 1 per minute, FIFO, every other stage of the restaurant
 * taking no time, so latency = time in system with mean 1/(μ − λ) = 2 minutes (M/M/1).
 * Run directly (`tsx src/bench/mm1.ts [dishes]`) it prints one JSON line like the SimPy peer:
 * dishes served, mean latency (minutes) and the simulation's own wall time (seconds).
 */
import { createRestaurant, type Scenario } from '../sim/index.ts';
import { testScenario } from '../test/scenarios.ts';

const zero = { dist: 'fixed', value: 0 } as const;

/** The scenario: `dishes` expected dishes (arrivals at 0.5 per minute for dishes/0.5 minutes). */
export function mm1Scenario(dishes = 200_000, seed = 2026): Scenario {
  return testScenario({
    seed,
    mode: 'async',
    durationSeconds: (dishes / 0.5) * 60,
    warmupSeconds: 0,
    sampleIntervalSeconds: 3600,
    arrivals: { kind: 'poisson', ratePerHour: 30 },
    tables: 1000,
    staff: { waiters: 1, runners: 1 },
    kitchen: { stations: [{ kind: 'k', count: 1 }] },
    menu: [{ dish: 'dish', station: 'k', share: 1, cookSeconds: { dist: 'exponential', mean: 60 } }],
    timings: { takeOrderSeconds: zero, walkSeconds: zero, eatSeconds: zero },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dishes = Number(process.argv[2] ?? 200_000);
  const s = mm1Scenario(dishes);
  const t0 = performance.now();
  const r = createRestaurant(s);
  r.runUntil(s.durationSeconds);
  const m = r.summary();
  console.log(JSON.stringify({ served: m.served, meanMinutes: m.latencySeconds.mean / 60, wallSeconds: (performance.now() - t0) / 1000 }));
}
