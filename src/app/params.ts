import { nameRecord, ownValue, type NameRecord, type Scenario } from '../sim/index.ts';
import { describe, expected, isFiniteNumber } from './args.ts';

/**
 * The parameters a user edits on the page, and how each applies: `live` changes the running
 * restaurant at once, `reset` rebuilds it (same seed: the same customers) when Reset is pressed.
 */
export interface Params {
  /** Poisson arrival rate, parties per hour. */
  ratePerHour: number;
  tables: number;
  waiters: number;
  runners: number;
  /**
   * Stations per kitchen kind, e.g. `{ grill: 2 }`, in the kitchen's order. Prototype-free
   * (a kind may be `constructor`; docs/bad-input.md, "Names are data"): copy it with
   * `withName`, never by spreading it.
   */
  stations: NameRecord<number>;
  seed: number;
}

/** Limits the page keeps parameters within (tighter than the scenario schema: a floor must fit on a screen). */
export interface ParamSpec {
  key: string;
  label: string;
  min: number;
  max: number;
  step: number;
  unit: string;
  applies: 'live' | 'reset';
}

export const PARAM_SPECS = {
  ratePerHour: { key: 'ratePerHour', label: 'Arrival rate', min: 0, max: 240, step: 1, unit: 'parties/h', applies: 'live' },
  tables: { key: 'tables', label: 'Tables', min: 1, max: 40, step: 1, unit: '', applies: 'reset' },
  waiters: { key: 'waiters', label: 'Waiters', min: 1, max: 12, step: 1, unit: '', applies: 'reset' },
  runners: { key: 'runners', label: 'Runners', min: 0, max: 12, step: 1, unit: '', applies: 'reset' },
  station: { key: 'station', label: 'Stations', min: 1, max: 8, step: 1, unit: '', applies: 'reset' },
  seed: { key: 'seed', label: 'Seed', min: 0, max: 2 ** 32 - 1, step: 1, unit: '', applies: 'reset' },
} as const satisfies Record<string, ParamSpec>;

/** The parameters a scenario starts with. */
export function paramsOf(s: Scenario): Params {
  return {
    ratePerHour: s.arrivals.ratePerHour,
    tables: s.tables,
    waiters: s.staff.waiters,
    runners: s.staff.runners,
    stations: nameRecord(s.kitchen.stations.map((k) => [k.kind, k.count])),
    seed: s.seed,
  };
}

/** `base` with `p` applied (the scenario a Reset builds). */
export function withParams(base: Scenario, p: Params): Scenario {
  return {
    ...base,
    seed: p.seed,
    arrivals: { ...base.arrivals, ratePerHour: p.ratePerHour },
    tables: p.tables,
    staff: { waiters: p.waiters, runners: p.runners },
    kitchen: { stations: base.kitchen.stations.map((k) => ({ kind: k.kind, count: ownValue(p.stations, k.kind) ?? k.count })) },
  };
}

/**
 * Bring a user's number into `spec`'s range. Returns the value to use and, when the input was
 * changed, a sentence saying why (shown in the page). `input` may be typed text; anything
 * that is not a finite number keeps `fallback`.
 */
export function clampParam(spec: ParamSpec, label: string, input: number | string, fallback: number): { value: number; message: string | null } {
  const text = String(input).trim();
  // Plain decimals only: Number() would also take "0x10", "0b101" and "1e400" (Infinity).
  const raw = typeof input === 'number' ? input : DECIMAL.test(text) ? Number(text) : Number.NaN;
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  if (!Number.isFinite(raw)) return { value: fallback, message: `${label}: "${shown}" is not a number; kept ${fallback}.` };
  const rounded = spec.step >= 1 ? Math.round(raw) : raw;
  if (rounded < spec.min) return { value: spec.min, message: `${label}: ${raw} is below the minimum ${spec.min}; using ${spec.min}.` };
  if (rounded > spec.max) return { value: spec.max, message: `${label}: ${raw} is above the maximum ${spec.max}; using ${spec.max}.` };
  if (rounded !== raw) return { value: rounded, message: `${label}: ${raw} is not a whole number; using ${rounded}.` };
  return { value: rounded, message: null };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The largest kitchen and menu the page draws (the floor's layout is tested up to these:
 * `src/ui/floor/layout.test.ts`); the CLI runs any scenario the schema accepts.
 */
export const PAGE_KITCHEN = { kinds: 3, kindChars: 10, dishes: 8 } as const;

/** Why the page cannot draw `s` (too many station kinds or dishes, a kind name too long), or null. */
export function pageProblem(s: Scenario): string | null {
  const kinds = s.kitchen.stations;
  if (kinds.length > PAGE_KITCHEN.kinds) return `kitchen.stations: the page draws at most ${PAGE_KITCHEN.kinds} station kinds, got ${kinds.length} (the CLI runs any)`;
  const long = kinds.find((k) => Array.from(k.kind).length > PAGE_KITCHEN.kindChars);
  if (long) return `kitchen.stations: the page draws station kinds of at most ${PAGE_KITCHEN.kindChars} characters, got ${describe(long.kind)}`;
  if (s.menu.length > PAGE_KITCHEN.dishes) return `menu: the page draws at most ${PAGE_KITCHEN.dishes} dishes, got ${s.menu.length} (the CLI runs any)`;
  if (s.tables > PARAM_SPECS.tables.max || s.staff.waiters > PARAM_SPECS.waiters.max || s.staff.runners > PARAM_SPECS.runners.max) return `the page draws at most ${PARAM_SPECS.tables.max} tables, ${PARAM_SPECS.waiters.max} waiters and ${PARAM_SPECS.runners.max} runners`;
  return null;
}

/**
 * Why `p` is not a setup the page could have made for `scenario` (a console caller's
 * `restart(base, params, …)`), or null when it is: every number within its
 * {@link PARAM_SPECS} range, a station count for each kitchen kind and no other.
 */
export function paramsProblem(p: unknown, scenario: Scenario): string | null {
  if (typeof p !== 'object' || p === null) return expected('parameters { ratePerHour, tables, waiters, runners, stations, seed }', p);
  const q = p as Record<string, unknown>;
  const specs = { ratePerHour: PARAM_SPECS.ratePerHour, tables: PARAM_SPECS.tables, waiters: PARAM_SPECS.waiters, runners: PARAM_SPECS.runners, seed: PARAM_SPECS.seed };
  for (const [k, spec] of Object.entries(specs)) {
    const v = q[k];
    if (!isFiniteNumber(v) || v < spec.min || v > spec.max || (spec.step >= 1 && !Number.isInteger(v))) return `${k}: ${expected(`a ${spec.step >= 1 ? 'whole ' : ''}number ${spec.min}–${spec.max}`, v)}`;
  }
  const stations = q.stations;
  if (typeof stations !== 'object' || stations === null) return `stations: ${expected('a count per kitchen kind', stations)}`;
  const kinds = scenario.kitchen.stations.map((s) => s.kind);
  for (const k of Object.keys(stations)) if (!kinds.includes(k)) return `stations: there is no ${describe(k)} station in this kitchen`;
  for (const k of kinds) {
    const v = Object.hasOwn(stations, k) ? (stations as Record<string, unknown>)[k] : undefined;
    const spec = PARAM_SPECS.station;
    if (!isFiniteNumber(v) || !Number.isInteger(v) || v < spec.min || v > spec.max) return `stations.${k}: ${expected(`a whole number ${spec.min}–${spec.max}`, v)}`;
  }
  return null;
}

/** Names of the parameters that differ between `a` and `b` and apply only on reset. */
export function pendingChanges(running: Params, edited: Params): string[] {
  const out: string[] = [];
  if (running.tables !== edited.tables) out.push('tables');
  if (running.waiters !== edited.waiters) out.push('waiters');
  if (running.runners !== edited.runners) out.push('runners');
  for (const [k, n] of Object.entries(edited.stations)) if (ownValue(running.stations, k) !== n) out.push(`${k} stations`);
  if (running.seed !== edited.seed) out.push('seed');
  return out;
}
