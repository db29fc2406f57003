import type { Scenario } from '../sim/index.ts';
import { parseLesson, type Lesson } from './lesson.ts';
import syncVsAsync from './lessons/sync-vs-async.json';
import eventsVsCommands from './lessons/events-vs-commands.json';
import eventSourcing from './lessons/event-sourcing.json';
import cqrs from './lessons/cqrs.json';
import contracts from './lessons/contracts.json';
import eventualConsistency from './lessons/eventual-consistency.json';
import fanOut from './lessons/fan-out.json';
import whenSync from './lessons/when-sync.json';
import antiPatterns from './lessons/anti-patterns.json';

export { parseLesson, LessonError, lessonSchema, type Lesson, type TourAction } from './lesson.ts';

/** The shipped lessons' JSON, in the order the menu lists them. */
const LESSON_JSON: Record<string, unknown> = {
  'sync-vs-async': syncVsAsync,
  'events-vs-commands': eventsVsCommands,
  'fan-out': fanOut,
  'when-sync': whenSync,
  'eventual-consistency': eventualConsistency,
  'event-sourcing': eventSourcing,
  cqrs,
  'anti-patterns': antiPatterns,
  contracts,
};

/** Ids of the shipped lessons (`?lesson=ID`). */
export const LESSON_IDS: readonly string[] = Object.keys(LESSON_JSON);

/**
 * A shipped lesson, validated, with its scenario resolved.
 * @throws Error naming the known lessons if `id` is not one of them.
 */
export function loadLesson(id: string, loadPreset: (name: string) => Scenario): Lesson {
  // Own ids only: `constructor` or `toString` is no lesson (docs/bad-input.md, "Names are data").
  const json = Object.hasOwn(LESSON_JSON, id) ? LESSON_JSON[id] : undefined;
  if (json === undefined) throw new Error(`unknown lesson "${id}" (known: ${LESSON_IDS.join(', ')})`);
  return parseLesson(json, loadPreset);
}
