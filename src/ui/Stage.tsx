import { useSim } from './SimProvider.tsx';
import { stageOf } from './lesson/stages.tsx';

/**
 * The stage (docs/visual-language.md): the left of the page, always showing the subject of
 * the moment. The restaurant floor with its key, or the running lesson's own world drawn
 * large (src/ui/lesson/stages.tsx); never the idle restaurant while a lesson's world is the subject.
 */
export function Stage() {
  const stage = useSim((s) => s.lesson?.stage ?? 'floor');
  return <div className="stage">{stageOf(stage).render()}</div>;
}
