import { useEffect, useRef } from 'react';
import { useSim, useSimStore } from '../SimProvider.tsx';
import { title } from '../../app/format.ts';
import type { Lesson, LessonPart } from '../../scenarios/lesson.ts';
import { Prediction } from './LessonWidgets.tsx';
import { Parts } from './parts.tsx';
import { G } from '../Term.tsx';

/** The parts shown beside the stage at tour step `step` (-1: the introduction; n: the summary). */
export function partsAt(lesson: Lesson, step: number): readonly LessonPart[] {
  if (step < 0) return lesson.introParts;
  if (step >= lesson.tour.length) return lesson.summaryParts;
  return lesson.tour[step]!.parts;
}

/**
 * The Lesson region: title, then the introduction and prediction, a tour step, or what you
 * are learning; the tour's buttons; then exactly the parts the moment names (a scrubber, a
 * read-model table, the log filtered to a type…), so nothing the text talks about is out of
 * view. Focus stays on the tour button so Enter walks the whole tour from the keyboard.
 */
export function LessonPanel({ lesson }: { lesson: Lesson }) {
  const store = useSimStore();
  const step = useSim((s) => s.tourStep);
  const n = lesson.tour.length;
  const next = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [lesson]);
  // The tour's buttons move with the step (beside its heading): keep the keyboard on them, so
  // Enter walks the whole tour, unless the learner has moved elsewhere.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current && (document.activeElement === document.body || document.activeElement === null)) {
      (next.current ?? document.querySelector<HTMLButtonElement>('.lesson .tour-nav button'))?.focus();
    }
  }, [step]);
  const go = (i: number) => store.getState().goToStep(i);
  const nav = (
    <div className="tour-nav" onFocus={() => (hadFocus.current = true)} onBlur={(e) => (hadFocus.current = e.relatedTarget === null)}>
      {step >= 0 && (
        <button type="button" onClick={() => go(step - 1)}>
          Back
        </button>
      )}
      {step < n && (
        <button ref={next} type="button" className="primary" onClick={() => go(step + 1)}>
          {step < 0 ? 'Start the tour' : step === n - 1 ? 'Finish' : 'Next step'}
        </button>
      )}
      {step >= n && (
        <button type="button" onClick={() => go(-1)}>
          Read the introduction again
        </button>
      )}
    </div>
  );
  return (
    <section className="lesson" aria-label="Lesson">
      <div className="lesson-text">
        {/* The lesson menu above already shows the title; the heading stays for screen readers and focus. */}
        <div className={step >= 0 ? '' : 'step-head intro-head'}>
          <h2 ref={heading} tabIndex={-1} className={step >= 0 ? 'visually-hidden' : ''}>
            <G>{lesson.title}</G>
          </h2>
          {/* The introduction's button sits beside its title: never over the prediction below. */}
          {step < 0 && nav}
        </div>
        {step < 0 && (
          <>
            {lesson.narrative.map((p) => (
              <p key={p.slice(0, 40)}>
                <G>{p}</G>
              </p>
            ))}
            <Prediction lesson={lesson} />
          </>
        )}
        {step >= 0 && step < n && (
          <div className="tour-step" aria-live="polite">
            <div className="step-head">
              <h3>
                <G>
                  Step {step + 1} of {n}: {lesson.tour[step]!.title}
                </G>
              </h3>
              {nav}
            </div>
            <p>
              <G>{lesson.tour[step]!.text}</G>
            </p>
          </div>
        )}
        {step >= n && (
          <div className="learning" aria-live="polite">
            <div className="step-head">
              <h3>What you’re learning</h3>
              {nav}
            </div>
            <ul>
              {lesson.learning.map((l) => (
                <li key={l.slice(0, 40)}>
                  <G>{l}</G>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <Parts ids={partsAt(lesson, step)} lesson={lesson} />
    </section>
  );
}

/** The lesson menu: free play or one of the lessons (also reachable as `?lesson=ID`). */
export function LessonMenu({ lessons }: { lessons: readonly { id: string; title: string }[] }) {
  const store = useSimStore();
  const current = useSim((s) => s.lesson?.id ?? '');
  return (
    <label className="lesson-menu">
      <span>Lesson</span>
      <select
        aria-label="Lesson"
        value={current}
        onChange={(e) => {
          const id = e.target.value;
          if (!id) store.getState().endLesson();
          else store.getState().startLessonById(id);
        }}
      >
        <option value="">Free play</option>
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {title(l.title)}
          </option>
        ))}
      </select>
    </label>
  );
}
