// Lessons (docs/lessons.md): a lesson loads its scenario, mode and seed, shows its
// introduction, and walks a tour whose steps apply their actions as the learner would.
import { parseLesson } from '../../scenarios/lesson.ts';
import { runTourAction } from '../../scenarios/tourActions.ts';
import type { Lesson, TourAction } from '../../scenarios/lessons.ts';
import { expected, isFiniteNumber } from '../args.ts';
import { paramsOf } from '../params.ts';
import type { StoreContext } from './context.ts';
import { guardedCommandOf } from './replay.ts';
import { SPEEDS, type LessonSlice } from './types.ts';

/** The lesson slice. */
export function lessonSlice(ctx: StoreContext): LessonSlice {
  const { set, get, opts, refuse, rebuild } = ctx;
  const command = guardedCommandOf(ctx);

  /** One tour action, as the learner would do it by hand (the handlers: src/scenarios/tourActions.ts). */
  const apply = (a: TourAction) => {
    const st = get();
    runTourAction(
      {
        setMode: (mode) => st.setMode(mode),
        setSpeed: (speed) => st.setSpeed(speed === 'max' ? 'max' : (SPEEDS.find((x) => x === speed) ?? 8)),
        play: () => st.play(),
        pause: () => st.pause(),
        reset: () => st.reset(),
        runUntil: (seconds) => {
          if (ctx.r().now >= seconds) return;
          set({ pauseAt: seconds });
          st.play();
        },
        openLog: (filterType) => set((s) => ({ logRequest: { n: s.logRequest.n + 1, filterType } })),
        command,
      },
      a,
    );
  };

  return {
    lesson: null,
    tourStep: -1,
    startLesson(given) {
      let lesson: Lesson;
      try {
        if (typeof given !== 'object' || given === null || typeof (given as Partial<Lesson>).scenario !== 'object') throw new Error(expected('a lesson (an object with a scenario)', given));
        lesson = parseLesson(given, opts.loadPreset);
      } catch (e) {
        return refuse('startLesson(lesson)', e instanceof Error ? e.message : String(e));
      }
      ctx.setPlaying(false, { lesson, tourStep: -1, pauseAt: null });
      get().setSpeed(8);
      rebuild(lesson.scenario, paramsOf(lesson.scenario), lesson.scenario.name, lesson.scenario.mode);
    },
    startLessonById(id) {
      if (!opts.loadLesson) return;
      if (typeof id !== 'string') refuse('startLessonById(id)', expected('a lesson id', id));
      let lesson: Lesson;
      try {
        lesson = opts.loadLesson(id);
      } catch (e) {
        return refuse('startLessonById(id)', `${e instanceof Error ? e.message : String(e)} (kept what was running)`);
      }
      get().startLesson(lesson);
    },
    endLesson() {
      set({ lesson: null, tourStep: -1, pauseAt: null });
    },
    goToStep(step) {
      if (!isFiniteNumber(step)) refuse('goToStep(step)', expected('a step number', step));
      const { lesson } = get();
      if (!lesson) return;
      const i = Math.max(-1, Math.min(lesson.tour.length, Math.floor(step)));
      set({ tourStep: i });
      if (i >= 0 && i < lesson.tour.length) for (const a of lesson.tour[i]!.actions) apply(a);
    },
  };
}
