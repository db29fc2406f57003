import { z } from 'zod';
import type { Scenario } from '../sim/index.ts';

/**
 * The scenario format: JSON in, a validated {@link Scenario} out. Every duration is a
 * distribution in simulated seconds; omitted optional fields get the defaults below.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

/** `{ "dist": "fixed", "value": s }` and friends; zero is a valid fixed duration. */
export const distributionSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('fixed'), value: nonNegative }),
    z.strictObject({ dist: z.literal('exponential'), mean: nonNegative }),
    z
      .strictObject({ dist: z.literal('uniform'), min: nonNegative, max: nonNegative })
      .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
    z.strictObject({ dist: z.literal('lognormal'), mean: nonNegative, sd: nonNegative }),
  ])
  .describe('a distribution: fixed | exponential | uniform | lognormal');

const count = (min: number, max: number) => z.number().int().min(min).max(max);
const zero = { dist: 'fixed', value: 0 } as const;

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(80),
    description: z.string().max(500).default(''),
    watch: z.string().max(300).default(''),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    durationSeconds: positive.max(10 * 365 * 24 * 3600),
    warmupSeconds: nonNegative.default(0),
    sampleIntervalSeconds: positive.min(1).default(60),
    mode: z.enum(['sync', 'async']).default('sync'),
    arrivals: z.strictObject({ kind: z.literal('poisson'), ratePerHour: nonNegative.max(100_000) }),
    tables: count(1, 10_000),
    patienceSeconds: distributionSchema.nullable().default(null),
    staff: z.strictObject({ waiters: count(1, 1000), runners: count(0, 1000).default(0) }),
    kitchen: z.strictObject({
      stations: z
        .array(z.strictObject({ kind: z.string().min(1).max(40), count: count(1, 1000) }))
        .min(1),
    }),
    menu: z
      .array(
        z.strictObject({
          dish: z.string().min(1).max(40),
          station: z.string().min(1).max(40),
          share: positive,
          cookSeconds: distributionSchema,
        }),
      )
      .min(1),
    dishesPerParty: distributionSchema.default({ dist: 'fixed', value: 1 }),
    timings: z.strictObject({
      takeOrderSeconds: distributionSchema,
      walkSeconds: distributionSchema,
      eatSeconds: distributionSchema,
      submitTicketSeconds: distributionSchema.default(zero),
      plateSeconds: distributionSchema.default(zero),
      payingSeconds: distributionSchema.default(zero),
    }),
    faults: z
      .array(z.strictObject({ station: z.string().min(1), downAtSeconds: nonNegative, upAtSeconds: nonNegative }))
      .default([]),
  })
  .superRefine((s, ctx) => {
    if (s.warmupSeconds >= s.durationSeconds) {
      ctx.addIssue({ code: 'custom', path: ['warmupSeconds'], message: 'must be less than durationSeconds' });
    }
    const kinds = new Set(s.kitchen.stations.map((st) => st.kind));
    s.kitchen.stations.forEach((st, i) => {
      if (s.kitchen.stations.findIndex((o) => o.kind === st.kind) !== i) {
        ctx.addIssue({ code: 'custom', path: ['kitchen', 'stations', i, 'kind'], message: `station kind "${st.kind}" is listed twice` });
      }
    });
    s.menu.forEach((m, i) => {
      if (!kinds.has(m.station)) {
        ctx.addIssue({ code: 'custom', path: ['menu', i, 'station'], message: `no kitchen station of kind "${m.station}"` });
      }
      if (s.menu.findIndex((o) => o.dish === m.dish) !== i) {
        ctx.addIssue({ code: 'custom', path: ['menu', i, 'dish'], message: `dish "${m.dish}" is listed twice` });
      }
    });
    const ids = new Set<string>(kinds);
    for (const st of s.kitchen.stations) for (let k = 1; k <= st.count; k++) ids.add(`${st.kind}-${k}`);
    s.faults.forEach((f, i) => {
      if (!ids.has(f.station)) {
        ctx.addIssue({ code: 'custom', path: ['faults', i, 'station'], message: `no station or station kind "${f.station}"` });
      }
      if (f.upAtSeconds <= f.downAtSeconds) {
        ctx.addIssue({ code: 'custom', path: ['faults', i, 'upAtSeconds'], message: 'must be after downAtSeconds' });
      }
    });
  });

/** A scenario as written in JSON (defaults not yet filled). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

// The schema's output must be exactly the engine's Scenario type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _check: Same<z.output<typeof scenarioSchema>, Scenario> = true;
void _check;

/** A scenario that failed validation; `issues` name each field and problem. */
export class ScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'ScenarioError';
  }
}

/** Render a field path like `menu[2].cookSeconds.mean`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || '(scenario)';
}

/**
 * Validate unknown JSON as a scenario and fill defaults.
 * @throws ScenarioError whose message names each bad field and its problem, e.g.
 *   `tables: Too small: expected number to be >=1`.
 */
export function parseScenario(json: unknown): Scenario {
  const r = scenarioSchema.safeParse(json);
  if (r.success) return r.data;
  throw new ScenarioError(
    r.error.issues.map((i) => `${pathText(i.path)}: ${/received undefined$/.test(i.message) ? 'missing (required)' : i.message}`),
  );
}
