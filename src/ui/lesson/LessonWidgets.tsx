import { useState } from 'react';
import { useSim, useSimStore, useViewedLog } from '../SimProvider.tsx';
import { askTable } from '../../app/eventLog.ts';
import { clock } from '../../app/format.ts';
import type { Lesson } from '../../scenarios/lessons.ts';
import { lintMessages } from '../../app/linter.ts';
import { G } from '../Term.tsx';
import { visible } from '../../app/visible.ts';

/** The prediction: pick an answer before running, then see whether and why. */
export function Prediction({ lesson }: { lesson: Lesson }) {
  const [picked, setPicked] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const p = lesson.prediction;
  return (
    <fieldset className="prediction">
      <legend>
        <G>Predict first: {p.question}</G>
      </legend>
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
          <G>
            {picked === p.answer ? 'Right. ' : `Not quite: the answer is “${p.options[p.answer]}”. `}
            {p.explanation}
          </G>
        </p>
      )}
    </fieldset>
  );
}

/**
 * Classify messages as command or event. One line per message; the reason for the latest
 * answer shows once, under the list, so the quiz keeps its height as it is answered.
 */
export function Quiz({ lesson }: { lesson: Lesson }) {
  // Keyed by the lesson's message names, which may be `constructor` or `__proto__`: a Map
  // (docs/bad-input.md, "Names are data").
  const [answers, setAnswers] = useState<ReadonlyMap<string, 'command' | 'event'>>(() => new Map());
  const [last, setLast] = useState<string | null>(null);
  const right = lesson.quiz.filter((q) => answers.get(q.message) === q.answer).length;
  const done = answers.size;
  const latest = lesson.quiz.find((q) => q.message === last);
  return (
    <section className="quiz" aria-label="Quiz: command or event?">
      <h3>
        <G>Quiz: command or event?</G>
      </h3>
      <ol>
        {lesson.quiz.map((q) => {
          const a = answers.get(q.message);
          return (
            <li key={q.message}>
              <fieldset>
                <legend>
                  <code>{q.message}</code>
                </legend>
                {(['command', 'event'] as const).map((k) => (
                  <label key={k}>
                    <input
                      type="radio"
                      name={`quiz-${q.message}`}
                      checked={a === k}
                      onChange={() => {
                        setAnswers((x) => new Map(x).set(q.message, k));
                        setLast(q.message);
                      }}
                    />{' '}
                    {k}
                  </label>
                ))}
                {a && <span className={`mark ${a === q.answer ? 'right' : 'wrong'}`}>{a === q.answer ? '✓' : '✗'}</span>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p role="status" className="quiz-why">
        {latest && answers.has(latest.message) ? (
          <span className={answers.get(latest.message) === latest.answer ? 'right' : 'wrong'}>
            <code>{latest.message}</code> <G>
              {answers.get(latest.message) === latest.answer ? '✓' : `✗ is ${latest.answer === 'command' ? 'a command' : 'an event'}`}: {latest.why}{' '}
            </G>
          </span>
        ) : null}
        {done} of {lesson.quiz.length} answered, {right} right.
      </p>
    </section>
  );
}

/** Event sourcing: travel in time by replaying the log from the seed and the user's actions. */
export function TimeTravel() {
  const store = useSimStore();
  const time = useSim((s) => s.stats.time);
  const duration = useSim((s) => s.scenario.durationSeconds);
  const [draft, setDraft] = useState<number | null>(null);
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
    </section>
  );
}

/** Event sourcing: what a table had ordered by now, answered by a fold over the log. */
export function AskTheLog() {
  const store = useSimStore();
  const time = useSim((s) => s.stats.time);
  const tables = useSim((s) => s.scenario.tables);
  useViewedLog();
  const [table, setTable] = useState(7);
  const log = store.getState().eventLog();
  const r = store.getState().restaurant();
  const answer = askTable(log.entries, table, time, (id) => r.rejectionOf(id) !== null);
  return (
    <section className="ask-log" aria-label="Ask the log">
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
                {visible(d.dish)} ({d.status})
              </span>
            ))}
            .
          </p>
        )}
      </div>
    </section>
  );
}

/** Events a projection has handled: the sum of its counts (each counted event adds one). */
const handled = (p: Record<string, number> | null) => (p ? Object.values(p).reduce((a, b) => a + b, 0) : 0);

/**
 * The sentence comparing the rebuilt dashboard with the live one, from their own tables:
 * identical, ahead (more events handled) or catching up (fewer). Both fold the same log in
 * order, so the one behind always holds a prefix of the other's events.
 */
export function rebuiltSentence(live: Record<string, number> | null, rebuilt: Record<string, number> | null): string {
  const a = handled(live);
  const b = handled(rebuilt);
  const dishes = (n: number) => `${n} dish${n === 1 ? '' : 'es'}`;
  if (JSON.stringify(live) === JSON.stringify(rebuilt)) return `The rebuilt dashboard shows exactly what the live one shows: ${dishes(b)} counted by both, the same table.`;
  if (b > a) return `The rebuilt dashboard is ahead: it has counted ${dishes(b)}, the slower live one ${a}. Their counts agree on every event both have handled.`;
  return `The rebuilt dashboard is catching up: it has counted ${dishes(b)} of the ${a} the live one has.`;
}

/** CQRS: each read model's lag and table; the rebuilt dashboard compared with the live one. */
export function ReadModels() {
  const store = useSimStore();
  const groups = useSim((s) => s.snapshot.consumers.groups);
  useSim((s) => s.stats);
  const r = store.getState().restaurant();
  const models = groups.filter((g) => g.kind === 'kitchen-display' || g.kind === 'dashboard' || g.kind === 'tracker');
  if (models.length === 0) return <p className="muted">The read models appear when the tour adds them.</p>;
  const live = r.projection('dashboard');
  const rebuilt = r.projection('dashboard-rebuilt');
  const rows = (p: Record<string, number> | null) => (p ? Object.entries(p).map(([k, v]) => `${k} ${v}`).join(', ') || '(empty)' : '—');
  return (
    <section aria-label="Read models">
      <h3>
        <G>Read models</G>
      </h3>
      <table className="read-models">
        <thead>
          <tr>
            <th scope="col">
              <G>Projection</G>
            </th>
            <th scope="col">
              <G>Lag (events)</G>
            </th>
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
        <p role="status" className={JSON.stringify(live) === JSON.stringify(rebuilt) ? 'right' : ''}>
          <G>{rebuiltSentence(live, rebuilt)}</G>
        </p>
      )}
    </section>
  );
}

/** The anti-patterns lesson's live linter over the message types in the log. */
export function Linter() {
  const store = useSimStore();
  useViewedLog();
  useSim((s) => s.snapshot.consumers.groups);
  const r = store.getState().restaurant();
  const findings = lintMessages(store.getState().eventLog().entries, r.readersOf);
  return (
    <section aria-label="Message linter">
      <h3>Message linter</h3>
      {findings.length === 0 ? (
        <p className="right">
          <G>No findings: every event is named as a fact and has a consumer.</G>
        </p>
      ) : (
        <ul className="lint">
          {findings.map((f) => (
            <li key={f.type + f.rule} className="wrong">
              <G>⚠ {f.message}</G>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
