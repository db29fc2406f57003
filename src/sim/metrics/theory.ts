import { meanOf, sampler } from '../kernel/distributions.ts';
import { createStreams } from '../kernel/rng.ts';
import type { Mode, Scenario } from '../scenario.ts';

/**
 * Queueing theory used for overlays, capacity bounds and tests. Formulas from
 * docs/queueing.md: Kleinrock, Queueing Systems vol. 1 (M/M/c, M/G/1); Lazowska et al.,
 * Quantitative System Performance (closed networks, bounds). Rates and times in any one
 * consistent unit (e.g. per minute and minutes).
 */

/** Result of an open single-station model: mean time in system W, in queue Wq, and Lq, ρ. */
export interface QueueFigures {
  W: number;
  Wq: number;
  Lq: number;
  rho: number;
}

/**
 * M/M/c (Erlang C): Poisson arrivals at rate `lambda`, `c` servers each of rate `mu`.
 * @throws RangeError unless c ≥ 1 and ρ = λ/(cμ) < 1.
 */
export function mmc(lambda: number, mu: number, c: number): QueueFigures {
  if (!(c >= 1) || !Number.isInteger(c)) throw new RangeError(`c must be an integer >= 1, got ${c}`);
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1) || !(lambda > 0) || !(mu > 0)) throw new RangeError(`unstable or invalid: rho = ${rho}`);
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  // term is now a^c / c!
  const tail = term / (1 - rho);
  const p0 = 1 / (sum + tail);
  const C = tail * p0;
  const Wq = C / (c * mu - lambda);
  return { W: Wq + 1 / mu, Wq, Lq: (C * rho) / (1 - rho), rho };
}

/**
 * M/G/1 by Pollaczek–Khinchine: Wq = ρ(1 + Cs²) / (2μ(1 − ρ)), Cs² the squared coefficient of
 * variation of service time (0 for M/D/1, 1 for M/M/1).
 * @throws RangeError unless ρ < 1.
 */
export function mg1(lambda: number, mu: number, cs2: number): QueueFigures {
  const rho = lambda / mu;
  if (!(rho < 1) || !(lambda > 0) || !(mu > 0)) throw new RangeError(`unstable or invalid: rho = ${rho}`);
  const Wq = (rho * (1 + cs2)) / (2 * mu * (1 - rho));
  return { W: Wq + 1 / mu, Wq, Lq: lambda * Wq, rho };
}

/**
 * Throughput of the synchronous restaurant as a closed product-form network: `m` waiters
 * cycle between taking an order (a delay of mean `Z`, no queueing among waiters) and holding
 * while a kitchen of `k` identical FCFS exponential stations cooks (mean `D`).
 * p(n) ∝ Z^(m−n)/(m−n)! · D^n/β(n), β(n) = n! for n ≤ k, k!·k^(n−k) beyond;
 * X = Σ p(n)·min(n, k)/D. Example: Z = 2, D = 5, m = 2, k = 1 → X = 0.18919/min (11.35/h).
 * @returns jobs per unit time.
 */
export function closedNetworkThroughput(m: number, Z: number, D: number, k: number): number {
  const weights: number[] = [];
  for (let n = 0; n <= m; n++) {
    let w = 1;
    for (let i = 1; i <= m - n; i++) w *= Z / i;
    for (let i = 1; i <= n; i++) w *= D / Math.min(i, k);
    weights.push(w);
  }
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.reduce((x, w, n) => x + (w / total) * (Math.min(n, k) / D), 0);
}

/** Capacity of each stage and the bound (the smallest), all in dishes per hour. */
export interface CapacityBound {
  mode: Mode;
  /** The smallest stage capacity: throughput cannot exceed it. Dishes per hour. */
  boundPerHour: number;
  /** Each stage's capacity (dishes per hour) and which stage limits. */
  stages: { stage: string; perHour: number }[];
  limitingStage: string;
}

/**
 * The capacity bound of a mode, from the scenario's means (throughput ≤ min over stages of
 * servers ÷ mean demand per dish; Lazowska et al., ch. 5, asymptotic bounds):
 * - kitchen, per station kind: stations ÷ Σ(share × mean cook + mean plating) over its dishes;
 * - sync floor: floor staff (waiters + runners) ÷ mean time a waiter holds an order
 *   (walk to table + take order + walk to kitchen + cook + plate + carry back), per party, × mean dishes per party
 *   (cook is a dish's mean cook time, so with several dishes this is an optimistic bound);
 * - async waiters: waiters ÷ (walk + take order + submit) × mean dishes per party;
 * - async runners: runners ÷ (2 walks) per dish (waiters do it when there are no runners);
 * - tables: tables ÷ the least mean time a party holds one (walk + take order + ticket to
 *   the kitchen + one dish's mean cook + plate + carry + eat + pay; the slowest of several
 *   dishes takes at least as long as one), × mean dishes per party. By Little's law on the
 *   tables, party throughput = busy tables ÷ mean holding time ≤ tables ÷ that minimum.
 */
export function capacityBound(s: Scenario, mode: Mode): CapacityBound {
  const totalShare = s.menu.reduce((t, m) => t + m.share, 0);
  const walk = meanOf(s.timings.walkSeconds);
  const take = meanOf(s.timings.takeOrderSeconds);
  const plate = meanOf(s.timings.plateSeconds);
  const submit = meanOf(s.timings.submitTicketSeconds);
  const dishes = meanDishesPerParty(s);
  const perHour = (servers: number, secondsPerJob: number) =>
    secondsPerJob <= 0 ? Infinity : (servers * 3600) / secondsPerJob;

  const stages: { stage: string; perHour: number }[] = [];
  for (const st of s.kitchen.stations) {
    const demand = s.menu
      .filter((m) => m.station === st.kind)
      .reduce((d, m) => d + (m.share / totalShare) * (meanOf(m.cookSeconds) + plate), 0);
    if (demand > 0) stages.push({ stage: `kitchen:${st.kind}`, perHour: perHour(st.count, demand) });
  }
  const meanCook = s.menu.reduce((d, m) => d + (m.share / totalShare) * meanOf(m.cookSeconds), 0);
  if (mode === 'sync') {
    const hold = 3 * walk + take + meanCook + plate;
    stages.push({ stage: 'floor', perHour: perHour(s.staff.waiters + s.staff.runners, hold) * dishes });
  } else if (s.staff.runners > 0) {
    stages.push({ stage: 'waiters', perHour: perHour(s.staff.waiters, walk + take + submit) * dishes });
    stages.push({ stage: 'runners', perHour: perHour(s.staff.runners, 2 * walk) });
  } else {
    stages.push({ stage: 'waiters', perHour: perHour(s.staff.waiters, (walk + take + submit) / dishes + 2 * walk) });
  }
  const eat = meanOf(s.timings.eatSeconds);
  const pay = meanOf(s.timings.payingSeconds);
  const hold = walk + take + (mode === 'sync' ? walk : submit) + meanCook + plate + walk + eat + pay;
  stages.push({ stage: 'tables', perHour: perHour(s.tables, hold) * dishes });
  let limiting = stages[0]!;
  for (const st of stages) if (st.perHour < limiting.perHour) limiting = st;
  return { mode, boundPerHour: limiting.perHour, stages, limitingStage: limiting.stage };
}

/**
 * Mean dishes per party after rounding to an integer ≥ 1 (as the engine does): exact for a
 * fixed count, otherwise the average of 50,000 draws from a stream with a fixed seed
 * (deterministic, within about 0.5%).
 */
export function meanDishesPerParty(s: Scenario): number {
  const d = s.dishesPerParty;
  if (d.dist === 'fixed') return Math.max(1, Math.round(d.value));
  const draw = sampler(d, createStreams(1).misc);
  const N = 50_000;
  let acc = 0;
  for (let i = 0; i < N; i++) acc += Math.max(1, Math.round(draw()));
  return acc / N;
}
