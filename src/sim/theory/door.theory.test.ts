import { describe, expect, it } from 'vitest';
import { createRestaurant } from '../index.ts';
import { mmc } from '../metrics/theory.ts';
import { testScenario } from '../../test/scenarios.ts';
import { zero } from '../../test/theory.ts';

// The door wait (arrival → seated) against Erlang C. With order-taking, walking, cooking and
// paying all fixed at 0 and plenty of staff and stations, a table is held exactly as long as
// its party eats: the tables are c servers, eating is the service time, and the door queue is
// an M/M/c queue whose mean wait is Wq (docs/metrics.md, "The customer's time"). A door wait is
// 0 for most parties and long for a few, so its mean needs millions of parties to settle
// within 1%: at 400,000 parties seeds spread ±3%.

describe("the door wait is an M/M/c queue with the tables as servers (Erlang C)", () => {
  it('4 tables, parties λ = 2.4/min, eating exp(1 min): Wq = 0.1794 min, within 3% over 2,000,000 parties', () => {
    const lambdaPerMin = 2.4;
    const eatMeanMin = 1;
    const c = 4;
    const parties = 2_000_000;
    const warmup = 3600 * 10;
    const s = testScenario({
      seed: 2027,
      mode: 'async',
      durationSeconds: warmup + (parties / lambdaPerMin) * 60,
      warmupSeconds: warmup,
      sampleIntervalSeconds: 3600,
      arrivals: { kind: 'poisson', ratePerHour: lambdaPerMin * 60 },
      tables: c,
      staff: { waiters: 4, runners: 4 },
      kitchen: { stations: [{ kind: 'cold', count: 8 }] },
      menu: [{ dish: 'salad', station: 'cold', share: 1, cookSeconds: zero }],
      dishesPerParty: { dist: 'fixed', value: 1 },
      timings: {
        takeOrderSeconds: zero,
        walkSeconds: zero,
        eatSeconds: { dist: 'exponential', mean: eatMeanMin * 60 },
        submitTicketSeconds: zero,
        plateSeconds: zero,
        payingSeconds: zero,
      },
    });
    const r = createRestaurant(s);
    r.runUntil(s.durationSeconds);
    expect(r.checkInvariants()).toEqual([]);
    const m = r.summary();
    const theory = mmc(lambdaPerMin, 1 / eatMeanMin, c).Wq;
    const door = m.customerSeconds.seated;
    expect(door.parties).toBeGreaterThan(parties * 0.97);
    const measured = door.mean / 60;
    expect(Math.abs(measured - theory) / theory, `measured Wq ${measured.toFixed(4)} min vs Erlang C ${theory.toFixed(4)}`).toBeLessThan(0.03);
    // Nothing else takes time, so the customer's wait (arrival → last dish) is the door wait.
    expect(Math.abs(m.customerSeconds.lastDish.mean - door.mean)).toBeLessThan(1e-6 * door.mean + 1e-9);
    // The time-average door queue agrees by Little's law: Lq = λ·Wq.
    expect(Math.abs(m.meanQueues.door - lambdaPerMin * measured) / (lambdaPerMin * measured)).toBeLessThan(0.03);
  });
});
