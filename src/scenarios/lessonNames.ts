import { TOUR_ACTION_NAMES } from './tourActions.ts';

/**
 * The names a lesson's JSON may use for its widgets (`introParts`, `summaryParts`, each
 * step's `parts`) and its `stage`. The page's tables own them and register them here when
 * they load (src/ui/lesson/parts.tsx, src/ui/lesson/stages.tsx), so this layer stays free of
 * React and a new widget is only its component, its table entry and the JSON naming it
 * (docs/lessons.md). A headless run that loads no table checks names for shape only: it
 * draws nothing.
 */
export interface LessonNames {
  /** Widget names a lesson may show; null: any well-formed name (nothing is drawn). */
  widgets: ReadonlySet<string> | null;
  /** Stage names; null: any well-formed name. */
  stages: ReadonlySet<string> | null;
}

const registered: { widgets: Set<string> | null; stages: Set<string> | null } = { widgets: null, stages: null };

/** Add names to the set lessons may use (called by the page's widget and stage tables as they register entries). */
export function registerLessonNames(kind: 'widgets' | 'stages', names: Iterable<string>): void {
  const set = (registered[kind] ??= new Set());
  for (const n of names) set.add(n);
}

/** The names registered so far (a snapshot). */
export function registeredLessonNames(): LessonNames {
  return { widgets: registered.widgets && new Set(registered.widgets), stages: registered.stages && new Set(registered.stages) };
}

/** Where in a lesson a name sits, for a message: `lesson "cqrs", step 2 ("Rebuild")`. */
function where(lesson: { id?: unknown; tour?: unknown }, step: number | 'intro' | 'summary' | null): string {
  const id = typeof lesson.id === 'string' ? `lesson "${lesson.id}"` : 'the lesson';
  if (step === null) return id;
  if (step === 'intro') return `${id}, the introduction`;
  if (step === 'summary') return `${id}, the summary`;
  const t = Array.isArray(lesson.tour) ? (lesson.tour[step] as { title?: unknown } | undefined)?.title : undefined;
  return `${id}, step ${step + 1}${typeof t === 'string' ? ` ("${t}")` : ''}`;
}

/**
 * The first tour action in raw lesson JSON whose `do` is not in the action table, as a
 * message naming the field, the lesson, the step and the name; null if there is none.
 */
export function unknownActionIn(json: unknown): string | null {
  const l = (typeof json === 'object' && json !== null ? json : {}) as { id?: unknown; tour?: unknown };
  if (!Array.isArray(l.tour)) return null;
  for (const [i, step] of l.tour.entries()) {
    const actions = (step as { actions?: unknown } | null)?.actions;
    if (!Array.isArray(actions)) continue;
    for (const [j, a] of actions.entries()) {
      const name = (a as { do?: unknown } | null)?.do;
      if (typeof name === 'string' && !TOUR_ACTION_NAMES.includes(name)) {
        return `tour.${i}.actions.${j}.do: ${where(l, i)}: unknown tour action "${name}" (known: ${TOUR_ACTION_NAMES.join(', ')})`;
      }
    }
  }
  return null;
}

/**
 * The first widget or stage a validated lesson names that `names` does not know, as a
 * message naming the field, the lesson, the step and the name; null if all are known.
 */
export function unknownNameIn(
  l: { id: string; tour: readonly { title: string; parts: readonly string[] }[]; introParts: readonly string[]; summaryParts: readonly string[]; stage: string },
  names: LessonNames,
): string | null {
  const { widgets, stages } = names;
  if (stages && !stages.has(l.stage)) return `stage: ${where(l, null)}: unknown stage "${l.stage}" (known: ${[...stages].join(', ')})`;
  if (!widgets) return null;
  const lists: [string, readonly string[], number | 'intro' | 'summary'][] = [
    ['introParts', l.introParts, 'intro'],
    ...l.tour.map((s, i): [string, readonly string[], number] => [`tour.${i}.parts`, s.parts, i]),
    ['summaryParts', l.summaryParts, 'summary'],
  ];
  for (const [field, parts, step] of lists) {
    const k = parts.findIndex((p) => !widgets.has(p));
    if (k >= 0) return `${field}.${k}: ${where(l, step)}: unknown widget "${parts[k]}" (known: ${[...widgets].join(', ')})`;
  }
  return null;
}
