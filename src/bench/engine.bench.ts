/**
 * `npm run bench`: the headless engine's speed, printed as figures (not asserted).
 *
 * - friday-rush in each mode, 240 simulated hours: simulated hours per wall-clock second,
 *   discrete events (timers fired) per second, dishes per second.
 * - the M/M/1 model of the theory suite (λ = 0.5/min, μ = 1/min, async, walks and
 *   order-taking 0), 200,000 dishes: wall time and microseconds per dish.
 * Each figure is the median of 3 runs after a warm-up run.
 */
import { createRestaurant, type Scenario } from '../sim/index.ts';
import { loadPreset } from '../scenarios/index.ts';
import { mm1Scenario } from './mm1.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(s: Scenario) {
  const t0 = performance.now();
  const r = createRestaurant(s);
  r.runUntil(s.durationSeconds);
  const m = r.summary();
  const wall = (performance.now() - t0) / 1000;
  return { wall, events: r.eventsFired, served: m.served, meanLatency: m.latencySeconds.mean };
}

function measure(label: string, s: Scenario) {
  time({ ...s, durationSeconds: Math.min(s.durationSeconds, 36_000) });
  const runs = [time(s), time(s), time(s)];
  const wall = median(runs.map((r) => r.wall));
  const { events, served, meanLatency } = runs[0]!;
  console.log(
    `${label.padEnd(28)} ${wall.toFixed(2).padStart(6)} s wall  ` +
      `${((s.durationSeconds / 3600) / wall).toFixed(0).padStart(6)} sim h/s  ` +
      `${(events / wall / 1000).toFixed(0).padStart(5)}k events/s  ` +
      `${(served / wall / 1000).toFixed(1).padStart(5)}k dishes/s  ` +
      `${((wall / served) * 1e6).toFixed(1).padStart(5)} µs/dish  ` +
      `(${served} dishes, mean latency ${(meanLatency / 60).toFixed(3)} min)`,
  );
}

console.log(`Order Up engine benchmark — node ${process.version}, median of 3 runs\n`);
for (const mode of ['sync', 'async'] as const) {
  measure(`friday-rush ${mode}, 240 h`, { ...loadPreset('friday-rush'), mode, durationSeconds: 240 * 3600 });
}
const mm1 = mm1Scenario(200_000);
measure('M/M/1, 200,000 dishes', mm1);
