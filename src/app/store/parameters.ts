// Parameters (docs/architecture.md, "The page's stores"): the scenario, the Setup values the
// user edits, and the restaurant built from them. The arrival rate applies live; the rest
// waits for Reset (the derived `pending` lists what waits).
import { ownValue, withName } from '../../sim/index.ts';
import { parseScenario } from '../../scenarios/schema.ts';
import { describe, expected } from '../args.ts';
import { title } from '../format.ts';
import { clampParam, PARAM_SPECS, pageProblem, paramsOf, paramsProblem, type ParamSpec, type Params } from '../params.ts';
import { visible } from '../visible.ts';
import type { StoreContext } from './context.ts';
import type { Run } from './run.ts';
import type { ParametersSlice } from './types.ts';

/** The parameters slice, starting on `base` (the initial preset) running as `run`. */
export function parametersSlice(ctx: StoreContext, base: ParametersSlice['base'], run: Run): ParametersSlice {
  const { set, get, opts, notify, refuse, guarded, refresh, rebuild, input } = ctx;
  const params = paramsOf(base);
  return {
    presetName: opts.initialPreset,
    base,
    running: params,
    edited: params,
    run,
    restaurant: () => get().run.restaurant,
    reset() {
      const st = get();
      rebuild(st.base, st.edited, st.presetName, st.mode);
    },
    setMode(mode) {
      if (mode !== 'sync' && mode !== 'async') refuse('setMode(mode)', expected('"sync" or "async"', mode));
      guarded(() => input({ type: 'setMode', mode }));
      refresh(true);
    },
    loadPreset(name) {
      if (typeof name !== 'string') refuse('loadPreset(name)', expected('a scenario name', name));
      if (!opts.presetNames.includes(name)) refuse('loadPreset(name)', `there is no scenario called ${describe(name)} (kept ${get().presetName})`);
      let loaded: ParametersSlice['base'];
      try {
        loaded = opts.loadPreset(name);
      } catch (e) {
        notify('error', `Scenario ${name} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const discarded = get().pending;
      if (rebuild(loaded, paramsOf(loaded), name, get().mode) && discarded.length > 0)
        notify('info', `Loaded ${name} with its own setup; your changes to ${discarded.join(', ')} were not applied.`);
    },
    setParam(key, raw, kind) {
      if (typeof key !== 'string' || !Object.hasOwn(PARAM_SPECS, key)) refuse('setParam(key)', expected(`one of ${Object.keys(PARAM_SPECS).join(', ')}`, key));
      if (typeof raw !== 'number' && typeof raw !== 'string') refuse('setParam(value)', expected('a number or the text of one', raw));
      if (key === 'station' && typeof kind !== 'string') refuse('setParam(kind)', expected('a station kind of this kitchen', kind));
      const st = get();
      const spec: ParamSpec = PARAM_SPECS[key];
      const label = key === 'station' ? `${title(kind ?? '?')} stations` : spec.label;
      if (key === 'station' && (kind === undefined || !Object.hasOwn(st.edited.stations, kind))) {
        notify('warning', `There is no ${visible(String(kind).slice(0, 40))} station in this kitchen.`);
        return;
      }
      // Own entries only: a kind may be named `constructor` (docs/bad-input.md, "Names are data").
      const current = key === 'station' ? (ownValue(st.edited.stations, kind!) ?? 1) : (st.edited[key] as number);
      const { value, message } = clampParam(spec, label, raw, current);
      if (message) notify('warning', message, `param:${key}:${kind ?? ''}`);
      const edited: Params = key === 'station' ? { ...st.edited, stations: withName(st.edited.stations, kind!, value) } : { ...st.edited, [key]: value };
      if (key === 'ratePerHour') {
        if (!guarded(() => input({ type: 'setArrivalRate', ratePerHour: value }))) return;
        set({ edited, running: { ...st.running, ratePerHour: value } });
        refresh(true);
        return;
      }
      set({ edited });
    },
    restart(given, params, presetName, mode) {
      if (typeof presetName !== 'string') refuse('restart(presetName)', expected('a scenario name', presetName));
      if (mode !== 'sync' && mode !== 'async') refuse('restart(mode)', expected('"sync" or "async"', mode));
      let scenario: ParametersSlice['base'];
      try {
        scenario = parseScenario(given);
      } catch (e) {
        return refuse('restart(base)', e instanceof Error ? e.message : String(e));
      }
      const unfit = pageProblem(scenario);
      if (unfit) refuse('restart(base)', unfit);
      let problem: string | null;
      try {
        problem = paramsProblem(params, scenario);
      } catch (e) {
        problem = `its fields could not be read (${e instanceof Error ? e.message.slice(0, 80) : 'an error'})`;
      }
      if (problem) refuse('restart(params)', problem);
      set({ lesson: null, tourStep: -1 });
      // The validated copy, with the schema's defaults filled in (what the engine trusts).
      rebuild(scenario, params, presetName, mode);
    },
  };
}
