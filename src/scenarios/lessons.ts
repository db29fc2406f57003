/// <reference types="vite/client" />
import type { Scenario } from '../sim/index.ts';
import { parseLesson, type Lesson } from './lesson.ts';

export { parseLesson, LessonError, lessonSchema, registerLessonNames, type Lesson, type LessonNames, type TourAction } from './lesson.ts';

/**
 * The shipped lessons' JSON: every file in src/scenarios/lessons/, found at build time, so a
 * new lesson is its file alone (docs/lessons.md). Keyed by the lesson's `id`, in the order
 * the menu lists them (each file's `order`; files without one follow, by id).
 */
const LESSON_JSON: Record<string, unknown> = lessonsById(import.meta.glob<unknown>('./lessons/*.json', { eager: true, import: 'default' }));

/** The files' JSON by their lesson `id` (the file's name without `.json` if it has none), sorted by `order`. */
function lessonsById(files: Record<string, unknown>): Record<string, unknown> {
  const field = (json: unknown, k: string): unknown => (typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[k] : undefined);
  const rows = Object.entries(files).map(([path, json]) => {
    const id = field(json, 'id');
    const order = field(json, 'order');
    return { id: typeof id === 'string' ? id : path.replace(/^.*\//, '').replace(/\.json$/, ''), order: typeof order === 'number' ? order : Infinity, json };
  });
  rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.fromEntries(rows.map((r) => [r.id, r.json]));
}

/** Ids of the shipped lessons (`?lesson=ID`), in the menu's order. */
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
