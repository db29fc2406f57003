// The compiled transition table (src/sim/machines/compile.ts) must run the floor staff's and
// stations' machines exactly as XState's interpreter does: every preset's scripted session,
// every preset's CLI run in each mode (its --events log, JSON report and CSV series) and
// many fuzzed runs (src/sim/testing/fuzzRuns.ts) give byte-identical output with both.
import { describe, expect, it } from 'vitest';
import { SCRIPT, SCRIPT_END } from './determinism.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { report, runScenario } from '../cli/sim.ts';
import { fuzzPlan, runPlan, type FuzzPlan } from '../sim/testing/fuzzRuns.ts';
import type { Envelope, MachineInterpreter } from '../sim/index.ts';

const BOTH: MachineInterpreter[] = ['xstate', 'compiled'];

/** The scripted session (src/app/determinism.ts) as engine commands. */
const scripted = (preset: string): FuzzPlan => ({
  scenario: { ...loadPreset(preset), mode: 'sync', warmupSeconds: 0, durationSeconds: SCRIPT_END },
  commands: SCRIPT.map((a) => ({
    t: a.t,
    command: 'mode' in a ? { type: 'setMode' as const, mode: a.mode } : { type: 'setArrivalRate' as const, ratePerHour: a.ratePerHour },
  })),
});

describe('the compiled machines run as XState does', () => {
  it.each(PRESET_NAMES)('%s: the scripted session', (preset) => {
    const [a, b] = BOTH.map((machines) => runPlan(scripted(preset), { machines, retainMessages: 200 }));
    expect(a!.error).toBeNull();
    expect(b).toEqual(a);
  });

  it.each(PRESET_NAMES.flatMap((p) => (['sync', 'async'] as const).map((m) => [p, m] as const)))('%s %s: the CLI run', (preset, mode) => {
    const scenario = { ...loadPreset(preset), durationSeconds: 2 * 3600 };
    const [a, b] = BOTH.map((machines) => {
      const log: Envelope[] = [];
      const r = runScenario(scenario, mode, (m) => void log.push(m), { machines, sampling: 'all', retainMessages: 0 });
      return JSON.stringify({ log, report: report(r), series: r.series, lag: [...r.lagSeries] });
    });
    expect(b).toBe(a);
  });

  const seeds = PRESET_NAMES.flatMap((p) => Array.from({ length: 10 }, (_, k) => [p, 1000 + k * 104729] as const));
  it.each(seeds)('%s fuzz seed %i', (preset, seed) => {
    const plan = fuzzPlan(loadPreset(preset), seed);
    const [a, b] = BOTH.map((machines) => runPlan(plan, { machines }));
    expect(b).toEqual(a);
  });
});
