import { z } from 'zod';
import type { Scenario } from '../sim/index.ts';
import { parseScenario, ScenarioError } from './schema.ts';
import { tourActionSchema } from './tourActions.ts';
import { registeredLessonNames, unknownActionIn, unknownNameIn, type LessonNames } from './lessonNames.ts';

/**
 * Guided lessons as data: a scenario (a preset by name, or a whole scenario), a narrative,
 * a prediction to make before running, a tour of steps that drive the page, what the
 * lesson teaches, and an optional quiz. A teacher writes a new lesson as JSON; it is
 * validated here (the scenario by the scenario schema) and never runs code of its own.
 */

export { tourActionSchema, type TourAction } from './tourActions.ts';
export { registerLessonNames, type LessonNames } from './lessonNames.ts';

const prose = z.string().min(1).max(1200);

/** A widget's or a stage's name: lower-case letters, digits and dashes. */
const name = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes');

/**
 * The widgets a moment of the lesson shows beside the stage, fully in view
 * (docs/visual-language.md, "Lessons"): names from the page's widget table
 * (src/ui/lesson/parts.tsx), checked against it by `parseLesson` (src/scenarios/lessonNames.ts).
 */
const parts = z.array(name).max(6).default([]);

/** A widget's name (a key of the page's widget table). */
export type LessonPart = string;
/** A stage's name (a key of the page's stage table, src/ui/lesson/stages.tsx); `floor` is the restaurant. */
export type LessonStage = string;

export const lessonSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).max(80),
  /** Where the lesson menu lists it: ascending; lessons without one follow, by id. */
  order: z.number().int().min(0).max(1000).optional(),
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
  /** What the stage shows: the restaurant floor (the default), or a lesson's own small world drawn large. */
  stage: name.default('floor'),
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
 * Validate a lesson's JSON and resolve its scenario (`loadPreset` for a name). Its tour
 * actions must be in the action table (src/scenarios/tourActions.ts), its widgets and stage
 * in `names` (by default those the page's tables registered, src/scenarios/lessonNames.ts).
 * @throws LessonError naming the first bad field (a bad scenario's fields are named under
 *   `scenario.`); an unknown action, widget or stage is named with the lesson and the step.
 */
export function parseLesson(json: unknown, loadPreset: (name: string) => Scenario, names: LessonNames = registeredLessonNames()): Lesson {
  const unknownAction = unknownActionIn(json);
  if (unknownAction) throw new LessonError(unknownAction);
  const r = lessonSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new LessonError(`${i.path.map(String).join('.') || '(lesson)'}: ${i.message}`);
  }
  const l = r.data;
  const unknownName = unknownNameIn(l, names);
  if (unknownName) throw new LessonError(unknownName);
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
