import { z } from 'zod';
import { MAX_DISHES_PER_PARTY, SUBSCRIBER_DEFAULTS, SUBSCRIBER_KINDS, type Scenario, type SubscriberKind } from '../sim/index.ts';

export { MAX_DISHES_PER_PARTY };

/**
 * The scenario format: JSON in, a validated {@link Scenario} out. Every duration is a
 * distribution in simulated seconds; omitted optional fields get the defaults below.
 */

const nonNegative = z.number().finite().nonnegative();
const positive = z.number().finite().positive();

/** Longest duration parameter accepted: one year of simulated seconds. */
export const MAX_DURATION_SECONDS = 365 * 24 * 3600;
/** Largest coefficient of variation (sd / mean) a lognormal may have. */
export const MAX_LOGNORMAL_CV = 100;
/** Most time-series samples one run may record (one at time 0, then one per interval). */
export const MAX_SAMPLES = 1_000_000;

/**
 * A distribution schema whose parameters are at most `max` (seconds, or dishes).
 * Lognormal: mean 0 (always 0) or at least 0.001, sd at most 100 × mean, so every draw
 * is a finite number.
 */
function distribution(max: number) {
  const v = nonNegative.max(max);
  return z
    .discriminatedUnion('dist', [
      z.strictObject({ dist: z.literal('fixed'), value: v }),
      z.strictObject({ dist: z.literal('exponential'), mean: v }),
      z
        .strictObject({ dist: z.literal('uniform'), min: v, max: v })
        .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
      z
        .strictObject({ dist: z.literal('lognormal'), mean: v, sd: v })
        .refine((d) => d.mean === 0 || d.mean >= 0.001, { message: 'mean must be 0 or at least 0.001', path: ['mean'] })
        .refine((d) => d.sd <= MAX_LOGNORMAL_CV * d.mean, { message: `sd must be at most ${MAX_LOGNORMAL_CV} times the mean`, path: ['sd'] }),
    ])
    .describe('a distribution: fixed | exponential | uniform | lognormal');
}

/** `{ "dist": "fixed", "value": s }` and friends, in seconds; zero is a valid fixed duration. */
export const distributionSchema = distribution(MAX_DURATION_SECONDS);
const dishCountSchema = distribution(MAX_DISHES_PER_PARTY);

// Station kinds may not end in -<number>: `grill-1` names the first grill station.
const kindName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^(?!.*-\d+$)[A-Za-z][\w -]*$/, 'a letter, then letters, digits, spaces, _ or -, not ending in -<number> (that names a station)');

const count = (min: number, max: number) => z.number().int().min(min).max(max);
const groupName = z.string().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes, starting with a letter');
const zero = { dist: 'fixed', value: 0 } as const;

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(80),
    description: z.string().max(500).default(''),
    watch: z.string().max(300).default(''),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    durationSeconds: positive.max(10 * 365 * 24 * 3600),
    warmupSeconds: nonNegative.default(0),
    sampleIntervalSeconds: positive.min(1).max(MAX_DURATION_SECONDS).default(60),
    mode: z.enum(['sync', 'async']).default('sync'),
    arrivals: z.strictObject({ kind: z.literal('poisson'), ratePerHour: nonNegative.max(100_000) }),
    tables: count(1, 10_000),
    patienceSeconds: distributionSchema.nullable().default(null),
    staff: z.strictObject({ waiters: count(1, 500), runners: count(0, 500).default(0) }),
    kitchen: z.strictObject({
      stations: z
        .array(z.strictObject({ kind: kindName, count: count(1, 500) }))
        .min(1)
        .max(50),
    }),
    menu: z
      .array(
        z.strictObject({
          dish: z.string().min(1).max(40),
          station: z.string().min(1).max(40),
          share: positive.max(1_000_000),
          cookSeconds: distributionSchema,
          price: nonNegative.max(100_000).default(15),
          stock: count(0, 1_000_000_000).nullable().default(null),
        }),
      )
      .min(1)
      .max(200),
    dishesPerParty: dishCountSchema.default({ dist: 'fixed', value: 1 }),
    timings: z.strictObject({
      takeOrderSeconds: distributionSchema,
      walkSeconds: distributionSchema,
      eatSeconds: distributionSchema,
      submitTicketSeconds: distributionSchema.default(zero),
      plateSeconds: distributionSchema.default(zero),
      payingSeconds: distributionSchema.default(zero),
    }),
    faults: z
      .array(z.strictObject({ station: z.string().min(1).max(50), downAtSeconds: nonNegative, upAtSeconds: nonNegative }))
      .max(1000)
      .default([]),
    subscribers: z
      .array(
        z
          .strictObject({
            name: z.enum(SUBSCRIBER_KINDS as [SubscriberKind, ...SubscriberKind[]]),
            group: groupName.optional(),
            processingSeconds: distributionSchema.optional(),
          })
          // A subscriber's group defaults to its name, its processing time to its kind's.
          .transform((x) => ({
            name: x.name,
            group: x.group ?? x.name,
            processingSeconds: x.processingSeconds ?? SUBSCRIBER_DEFAULTS[x.name].processingSeconds,
          })),
      )
      .max(50)
      .default([]),
    consumerFaults: z
      .array(z.strictObject({ group: groupName, downAtSeconds: nonNegative, upAtSeconds: nonNegative }))
      .max(1000)
      .default([]),
  })
  .superRefine((s, ctx) => {
    if (s.warmupSeconds >= s.durationSeconds) {
      ctx.addIssue({ code: 'custom', path: ['warmupSeconds'], message: 'must be less than durationSeconds' });
    }
    if (Math.floor(s.durationSeconds / s.sampleIntervalSeconds) + 1 > MAX_SAMPLES) {
      ctx.addIssue({
        code: 'custom',
        path: ['sampleIntervalSeconds'],
        message: `at most ${MAX_SAMPLES.toLocaleString('en')} samples per run: use at least ${Math.ceil(s.durationSeconds / (MAX_SAMPLES - 1))} for this duration`,
      });
    }
    const totalStations = s.kitchen.stations.reduce((t, st) => t + st.count, 0);
    if (totalStations > 1000) {
      ctx.addIssue({ code: 'custom', path: ['kitchen', 'stations'], message: `at most 1000 stations in all, got ${totalStations}` });
    }
    const kinds = new Set<string>();
    s.kitchen.stations.forEach((st, i) => {
      if (kinds.has(st.kind)) {
        ctx.addIssue({ code: 'custom', path: ['kitchen', 'stations', i, 'kind'], message: `station kind "${st.kind}" is listed twice` });
      }
      kinds.add(st.kind);
    });
    const dishes = new Set<string>();
    s.menu.forEach((m, i) => {
      if (!kinds.has(m.station)) {
        ctx.addIssue({ code: 'custom', path: ['menu', i, 'station'], message: `no kitchen station of kind "${m.station}"` });
      }
      if (dishes.has(m.dish)) {
        ctx.addIssue({ code: 'custom', path: ['menu', i, 'dish'], message: `dish "${m.dish}" is listed twice` });
      }
      dishes.add(m.dish);
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
    const kindOfGroup = new Map<string, string>();
    s.subscribers.forEach((sub, i) => {
      const kind = kindOfGroup.get(sub.group);
      if (sub.group === 'runners') {
        ctx.addIssue({ code: 'custom', path: ['subscribers', i, 'group'], message: 'the group "runners" is the floor staff’s own' });
      } else if (kind !== undefined && kind !== sub.name) {
        ctx.addIssue({ code: 'custom', path: ['subscribers', i, 'group'], message: `group "${sub.group}" already holds ${kind} subscribers; one group, one kind` });
      }
      kindOfGroup.set(sub.group, sub.name);
    });
    s.consumerFaults.forEach((f, i) => {
      if (!kindOfGroup.has(f.group)) {
        ctx.addIssue({ code: 'custom', path: ['consumerFaults', i, 'group'], message: `no subscriber group "${f.group}"` });
      }
      if (f.upAtSeconds <= f.downAtSeconds) {
        ctx.addIssue({ code: 'custom', path: ['consumerFaults', i, 'upAtSeconds'], message: 'must be after downAtSeconds' });
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

/** How many problems an error message lists before "(and N more problems)". */
const MAX_ISSUES_SHOWN = 8;

/** Render a field path like `menu[2].cookSeconds.mean`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    // Keys come from the user's file: keep them printable and short.
    const name = String(k).replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
    out += typeof k === 'number' ? `[${k}]` : out ? `.${name}` : name;
  }
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
  const issues = r.error.issues.map((i) => {
    const message = /received undefined$/.test(i.message) ? 'missing (required)' : i.message;
    // Messages can quote the user's keys: keep them printable and short.
    return `${pathText(i.path)}: ${message.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)}`;
  });
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  if (issues.length > shown.length) shown.push(`(and ${issues.length - shown.length} more problems)`);
  throw new ScenarioError(shown);
}
