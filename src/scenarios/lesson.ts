import { z } from 'zod';
import { SUBSCRIBER_KINDS, type Scenario, type SubscriberKind } from '../sim/index.ts';
import { distributionSchema, parseScenario, ScenarioError } from './schema.ts';

/**
 * Guided lessons as data: a scenario (a preset by name, or a whole scenario), a narrative,
 * a prediction to make before running, a tour of steps that drive the page, what the
 * lesson teaches, and an optional quiz. A teacher writes a new lesson as JSON; it is
 * validated here (the scenario by the scenario schema) and never runs code of its own.
 */

/** What a tour step does to the page, in order, when the learner reaches it. */
export const tourActionSchema = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('mode'), mode: z.enum(['sync', 'async']) }),
  z.strictObject({ do: z.literal('speed'), speed: z.union([z.literal('max'), z.number().min(0.25).max(64)]) }),
  z.strictObject({ do: z.literal('play') }),
  z.strictObject({ do: z.literal('pause') }),
  z.strictObject({ do: z.literal('reset') }),
  /** Run (at the current speed) until this simulated time, then pause. */
  z.strictObject({ do: z.literal('runUntil'), seconds: z.number().min(0).max(365 * 24 * 3600) }),
  z.strictObject({ do: z.literal('openLog'), filterType: z.string().max(60).optional() }),
  z.strictObject({ do: z.literal('stock'), dish: z.string().min(1).max(40), portions: z.number().int().min(0).nullable() }),
  z.strictObject({ do: z.literal('crash'), group: z.string().min(1).max(40) }),
  z.strictObject({ do: z.literal('restart'), group: z.string().min(1).max(40) }),
  z.strictObject({ do: z.literal('idempotency'), on: z.boolean() }),
  z.strictObject({ do: z.literal('contract'), version: z.enum(['v1', 'v1-extra', 'v2']) }),
  z.strictObject({ do: z.literal('syncOverAsync'), on: z.boolean() }),
  z.strictObject({ do: z.literal('disguisedCommand'), times: z.number().int().min(1).max(20).default(1) }),
  z.strictObject({
    do: z.literal('addSubscriber'),
    name: z.enum(SUBSCRIBER_KINDS as [SubscriberKind, ...SubscriberKind[]]),
    group: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).optional(),
    from: z.enum(['earliest', 'latest']).optional(),
    processingSeconds: distributionSchema.optional(),
  }),
]);
export type TourAction = z.infer<typeof tourActionSchema>;

const prose = z.string().min(1).max(1200);

/**
 * The parts of the page a tour step can name: the layout shows exactly these beside the
 * stage, fully in view (docs/visual-language.md, "Lessons"). Restaurant figures, the event
 * log's pieces, the lessons' own widgets, and the small worlds' controls and results.
 */
export const LESSON_PARTS = [
  'tiles',
  'blocked',
  'throughput-chart',
  'queues-chart',
  'utilisation',
  'dish-latency',
  'consumer-lag',
  'log',
  'message',
  'consumer-groups',
  'consumer-controls',
  'dead-letters',
  'billing',
  'scrubber',
  'ask-the-log',
  'read-models',
  'linter',
  'quiz',
  'fanout-controls',
  'fanout-results',
  'login-results',
  'transfer-controls',
  'transfer-read',
  'transfer-summary',
] as const;
export type LessonPart = (typeof LESSON_PARTS)[number];

/** What a lesson's stage shows: the restaurant, or the lesson's own small world drawn large. */
export const LESSON_STAGES = ['floor', 'fanout', 'login', 'transfer'] as const;
export type LessonStage = (typeof LESSON_STAGES)[number];

const parts = z.array(z.enum(LESSON_PARTS)).max(6).default([]);

export const lessonSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).max(80),
  /** A preset's name, or a whole scenario (validated by the scenario schema). */
  // Not z.record: it drops a `__proto__` key, which the scenario schema must see to refuse
  // (docs/bad-input.md, "Names are data"). The object goes to the scenario schema as given.
  scenario: z.union([
    z.string().min(1).max(60),
    z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a preset name or a scenario object'),
  ]),
  /** Overrides of the scenario's seed and starting mode. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  mode: z.enum(['sync', 'async']).optional(),
  /** What the stage shows (default: the restaurant floor). */
  stage: z.enum(LESSON_STAGES).default('floor'),
  /** Parts shown beside the stage with the introduction, and with the summary. */
  introParts: parts,
  summaryParts: parts,
  narrative: z.array(prose).min(1).max(8),
  prediction: z.strictObject({
    question: z.string().min(1).max(300),
    options: z.array(z.string().min(1).max(200)).min(2).max(5),
    /** Index into `options`. */
    answer: z.number().int().min(0),
    explanation: prose,
  }),
  tour: z
    .array(z.strictObject({ title: z.string().min(1).max(80), text: prose, actions: z.array(tourActionSchema).max(10).default([]), parts }))
    .min(1)
    .max(10),
  learning: z.array(z.string().min(1).max(300)).min(1).max(8),
  quiz: z
    .array(z.strictObject({ message: z.string().min(1).max(60), answer: z.enum(['command', 'event']), why: z.string().min(1).max(300) }))
    .max(20)
    .default([]),
}).superRefine((l, ctx) => {
  if (l.prediction.answer >= l.prediction.options.length) {
    ctx.addIssue({ code: 'custom', path: ['prediction', 'answer'], message: `must index one of the ${l.prediction.options.length} options` });
  }
});

export type LessonInput = z.input<typeof lessonSchema>;
export type LessonData = z.output<typeof lessonSchema>;

/** A validated lesson with its scenario resolved. */
export interface Lesson extends Omit<LessonData, 'scenario'> {
  scenario: Scenario;
}

/** A lesson that failed validation; the message names the field. */
export class LessonError extends Error {
  override name = 'LessonError';
}

/**
 * Validate a lesson's JSON and resolve its scenario (`loadPreset` for a name).
 * @throws LessonError naming the first bad field (a bad scenario's fields are named under `scenario.`).
 */
export function parseLesson(json: unknown, loadPreset: (name: string) => Scenario): Lesson {
  const r = lessonSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new LessonError(`${i.path.map(String).join('.') || '(lesson)'}: ${i.message}`);
  }
  const l = r.data;
  let scenario: Scenario;
  try {
    scenario = typeof l.scenario === 'string' ? loadPreset(l.scenario) : parseScenario(l.scenario);
  } catch (e) {
    const why = e instanceof ScenarioError ? e.issues.join('; ') : (e as Error).message;
    throw new LessonError(`scenario: ${why}`);
  }
  scenario = { ...scenario, ...(l.seed !== undefined ? { seed: l.seed } : {}), ...(l.mode ? { mode: l.mode } : {}) };
  return { ...l, scenario };
}
