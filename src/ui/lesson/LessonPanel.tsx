import { useEffect, useRef, useState } from 'react';
import { useSim, useSimStore } from '../SimProvider.tsx';
import { askTable } from '../../app/eventLog.ts';
import { clock, title } from '../../app/format.ts';
import type { Lesson } from '../../scenarios/lessons.ts';
import { TransferWorld } from './TransferWorld.tsx';
import { FanoutWorld } from './FanoutWorld.tsx';
import { LoginWorld } from './LoginWorld.tsx';
import { lintMessages } from '../../app/linter.ts';

/** The prediction: pick an answer before running, then see whether and why. */
function Prediction({ lesson }: { lesson: Lesson }) {
  const [picked, setPicked] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const p = lesson.prediction;
  return (
    <fieldset className="prediction">
      <legend>Predict first: {p.question}</legend>
      {p.options.map((o, i) => (
        <label key={o}>
          <input type="radio" name="prediction" checked={picked === i} onChange={() => setPicked(i)} /> {o}
        </label>
      ))}
      <button type="button" onClick={() => setChecked(true)} disabled={picked === null}>
        Check my prediction
      </button>
      {checked && picked !== null && (
        <p className={picked === p.answer ? 'right' : 'wrong'} role="status">
          {picked === p.answer ? 'Right. ' : `Not quite: the answer is “${p.options[p.answer]}”. `}
          {p.explanation}
        </p>
      )}
    </fieldset>
  );
}

/** Classify messages as command or event, with the reason for each answer. */
function Quiz({ lesson }: { lesson: Lesson }) {
  const [answers, setAnswers] = useState<Record<string, 'command' | 'event'>>({});
  const right = lesson.quiz.filter((q) => answers[q.message] === q.answer).length;
  const done = Object.keys(answers).length;
  return (
    <section className="quiz" aria-label="Quiz: command or event?">
      <h3>Quiz: command or event?</h3>
      <ol>
        {lesson.quiz.map((q) => {
          const a = answers[q.message];
          return (
            <li key={q.message}>
              <fieldset>
                <legend>
                  <code>{q.message}</code>
                </legend>
                {(['command', 'event'] as const).map((k) => (
                  <label key={k}>
                    <input type="radio" name={`quiz-${q.message}`} checked={a === k} onChange={() => setAnswers((x) => ({ ...x, [q.message]: k }))} /> {k}
                  </label>
                ))}
                {a && (
                  <span className={a === q.answer ? 'right' : 'wrong'}>
                    {a === q.answer ? '✓' : `✗ it is ${q.answer === 'command' ? 'a command' : 'an event'}`}: {q.why}
                  </span>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p role="status">
        {done} of {lesson.quiz.length} answered, {right} right.
      </p>
    </section>
  );
}

/** Event sourcing: travel in time by replay, and ask the log about a table. */
function TimeTravel() {
  const store = useSimStore();
  const time = useSim((s) => s.stats.time);
  const duration = useSim((s) => s.scenario.durationSeconds);
  const tables = useSim((s) => s.scenario.tables);
  useSim((s) => s.logVersion);
  const [draft, setDraft] = useState<number | null>(null);
  const [table, setTable] = useState(7);
  const log = store.getState().eventLog();
  const r = store.getState().restaurant();
  const answer = askTable(log.entries, table, time, (id) => r.rejectionOf(id) !== null);
  return (
    <section className="time-travel" aria-label="Time travel">
      <h3>Time travel</h3>
      <label className="scrubber">
        <span>Replay to {clock(draft ?? time)}</span>
        <input
          type="range"
          aria-label="Time travel"
          min={0}
          max={duration}
          step={60}
          value={draft ?? time}
          aria-valuetext={clock(draft ?? time)}
          onChange={(e) => setDraft(Number(e.target.value))}
          onPointerUp={() => draft !== null && (store.getState().seek(draft), setDraft(null))}
          onKeyUp={() => draft !== null && (store.getState().seek(draft), setDraft(null))}
        />
      </label>
      <h3>Ask the log</h3>
      <label>
        What had the party at table{' '}
        <select aria-label="Table" value={table} onChange={(e) => setTable(Number(e.target.value))}>
          {Array.from({ length: tables }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>{' '}
        ordered by {clock(time)}?
      </label>
      <div role="status" aria-label="Answer from the log">
        {answer.order === null ? (
          <p>Nothing yet: no PlaceOrder for table {table} in the log before {clock(time)}.</p>
        ) : (
          <p>
            {answer.order}:{' '}
            {answer.dishes.map((d, i) => (
              <span key={d.subject}>
                {i > 0 ? ', ' : ''}
                {d.dish} ({d.status})
              </span>
            ))}
            .
          </p>
        )}
      </div>
    </section>
  );
}

/** CQRS: each read model's lag and table; the rebuilt dashboard compared with the live one. */
function ReadModels() {
  const store = useSimStore();
  const groups = useSim((s) => s.snapshot.consumers.groups);
  useSim((s) => s.stats);
  const r = store.getState().restaurant();
  const models = groups.filter((g) => g.kind === 'kitchen-display' || g.kind === 'dashboard' || g.kind === 'tracker');
  if (models.length === 0) return <p className="muted">The read models appear when the tour adds them.</p>;
  const live = r.projection('dashboard');
  const rebuilt = r.projection('dashboard-rebuilt');
  const same = live && rebuilt && JSON.stringify(live) === JSON.stringify(rebuilt);
  const rows = (p: Record<string, number> | null) => (p ? Object.entries(p).map(([k, v]) => `${k} ${v}`).join(', ') || '(empty)' : '—');
  return (
    <section aria-label="Read models">
      <h3>Read models</h3>
      <table className="read-models">
        <thead>
          <tr>
            <th scope="col">Projection</th>
            <th scope="col">Lag</th>
            <th scope="col">Its table</th>
          </tr>
        </thead>
        <tbody>
          {models.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              <td>{g.lag}</td>
              <td>{g.kind === 'tracker' ? `${Object.keys(r.projection(g.group) ?? {}).length} orders tracked` : rows(r.projection(g.group))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rebuilt && (
        <p role="status" className={same ? 'right' : ''}>
          {(() => {
            const lagOf = (name: string) => models.find((g) => g.group === name)?.lag ?? 0;
            const ahead = lagOf('dashboard') - lagOf('dashboard-rebuilt');
            const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
            if (same) return 'The rebuilt dashboard shows exactly what the live one shows: same events, same table.';
            if (ahead > 0) return `The rebuilt dashboard is ${events(ahead)} ahead of the slower live one; their tables agree on every event both have handled.`;
            return `The rebuilt dashboard is catching up: ${events(-ahead)} behind the live one.`;
          })()}
        </p>
      )}
    </section>
  );
}

/** The anti-patterns lesson's live linter over the message types in the log. */
function Linter() {
  const store = useSimStore();
  useSim((s) => s.logVersion);
  useSim((s) => s.snapshot.consumers.groups);
  const r = store.getState().restaurant();
  const findings = lintMessages(store.getState().eventLog().entries, r.readersOf);
  return (
    <section aria-label="Message linter">
      <h3>Message linter</h3>
      {findings.length === 0 ? (
        <p className="right">No findings: every event is named as a fact and has a consumer.</p>
      ) : (
        <ul className="lint">
          {findings.map((f) => (
            <li key={f.type + f.rule} className="wrong">
              ⚠ {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The Lesson region: title, narrative, prediction, the tour (Next / Back), what you are
 * learning, and the lesson's extras (quiz, time travel). Focus stays on the tour button so
 * Enter walks the whole tour from the keyboard.
 */
export function LessonPanel({ lesson }: { lesson: Lesson }) {
  const store = useSimStore();
  const step = useSim((s) => s.tourStep);
  const n = lesson.tour.length;
  const next = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [lesson]);
  const go = (i: number) => store.getState().goToStep(i);
  return (
    <section className="lesson" aria-label="Lesson">
      <h2 ref={heading} tabIndex={-1}>
        {lesson.title}
      </h2>
      {step < 0 && (
        <>
          {lesson.narrative.map((p) => (
            <p key={p.slice(0, 40)}>{p}</p>
          ))}
          <Prediction lesson={lesson} />
        </>
      )}
      {step >= 0 && step < n && (
        <div className="tour-step" aria-live="polite">
          <h3>
            Step {step + 1} of {n}: {lesson.tour[step]!.title}
          </h3>
          <p>{lesson.tour[step]!.text}</p>
        </div>
      )}
      {step >= n && (
        <div className="learning" aria-live="polite">
          <h3>What you’re learning</h3>
          <ul>
            {lesson.learning.map((l) => (
              <li key={l.slice(0, 40)}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="tour-nav">
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
      {lesson.quiz.length > 0 && step >= 0 && <Quiz lesson={lesson} />}
      {lesson.id === 'event-sourcing' && step >= 1 && <TimeTravel />}
      {lesson.id === 'cqrs' && step >= 0 && <ReadModels />}
      {lesson.id === 'eventual-consistency' && <TransferWorld />}
      {lesson.id === 'fan-out' && <FanoutWorld />}
      {lesson.id === 'when-sync' && <LoginWorld />}
      {lesson.id === 'anti-patterns' && step >= 0 && <Linter />}
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
