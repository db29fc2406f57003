import { FANOUT_SERVICES, type FanoutRun, type FanoutService } from '../../sim/index.ts';
import { title } from '../../app/format.ts';
import { ROLE_COLOUR, INK, MUTED } from '../floor/palette.ts';
import { textWidth } from '../floor/text.ts';
import { useElementSize } from '../floor/Floor.tsx';
import { useSession } from '../SessionProvider.tsx';
import { ANALYTICS_SECONDS, quantile, useFanoutWorld } from './worlds.tsx';
import { G } from '../Term.tsx';
import { useState } from 'react';
import { clampParam } from '../../app/params.ts';
import { useSimStore } from '../SimProvider.tsx';

const COLOUR: Record<FanoutService, string> = { search: '#56B4E9', analytics: ROLE_COLOUR.cook, notification: ROLE_COLOUR.runner, audit: ROLE_COLOUR.party };
const secs = (x: number) => `${x.toFixed(1)} s`;

/** Tasks created up to task `k`'s creation that service `s` had not yet handled then (its lag, in tasks). */
export function lagAt(run: FanoutRun, k: number, s: FanoutService): number {
  const at = run.tasks[k]!.createdAt;
  let n = 0;
  for (let j = 0; j <= k; j++) if (run.tasks[j]!.done[s]! > at) n++;
  return n;
}

/**
 * The fan-out lesson's stage: one task handled two ways, drawn large. Events: the task
 * service publishes TaskCreated to a topic and each service, its own consumer group, reads it
 * at its own pace (its lag, in tasks, beside it). Calls: the task service calls the four in
 * turn and the user waits for the last. Bars are how long after the task was created each
 * service had handled it, on one scale for both designs.
 */
export function FanoutStage() {
  const world = useFanoutWorld();
  const presenter = useSession((s) => s.presenter);
  const { ref, size } = useElementSize({ width: 800, height: 560 });
  if (!world) return null;
  const { events, calls, task } = world;
  const small = presenter ? 16 : 14;
  const big = presenter ? 20 : 17;
  const W = size.width;
  const H = size.height;
  const pad = 14;
  const scale = Math.max(1, ...FANOUT_SERVICES.flatMap((s) => [calls.tasks[task]!.done[s]! - calls.tasks[task]!.createdAt, events.tasks[task]!.done[s]! - events.tasks[task]!.createdAt]));
  const nodeW = Math.max(textWidth('Task service', big) + 20, 120);
  const nameW = Math.max(...FANOUT_SERVICES.map((s) => textWidth(title(s), big))) + 16;
  const labelW = textWidth('99.9 s after · lag 99', small) + 12;
  const barX = pad + nodeW + 60 + nameW;
  const barW = Math.max(40, W - barX - labelW - pad);
  const panelH = (H - 3 * pad - big * 1.6) / 2;
  const rowH = Math.min(panelH / 5.2, 56);
  const panel = (run: FanoutRun, design: 'events' | 'calls', y0: number) => {
    const t = run.tasks[task]!;
    const rows = FANOUT_SERVICES.map((s, i) => ({ s, i, d: t.done[s]! - t.createdAt, lag: lagAt(run, task, s), y: y0 + big * 1.7 + rowH * (i + 0.5) }));
    const response = t.respondedAt - t.createdAt;
    const nodeY = y0 + big * 1.7 + rowH * 2;
    const hub = { x: pad + nodeW + 30, y: nodeY };
    return (
      <g key={design} role="img" aria-label={`${design === 'events' ? 'Events' : 'Calls'}: ${rows.map((r) => `${r.s} handled it ${secs(r.d)} after creation${design === 'events' ? `, lag ${r.lag}` : ''}`).join('; ')}; the user was told after ${secs(response)}`}>
        <text x={pad} y={y0 + big} fill={INK} style={{ fontSize: big, fontWeight: 800 }}>
          {design === 'events' ? 'Events: one TaskCreated, four consumer groups' : 'Calls: search → analytics → notification → audit, in turn'}
        </text>
        <rect x={pad} y={nodeY - rowH * 0.8} width={nodeW} height={rowH * 1.6} rx={10} fill="#F3F6FA" stroke={INK} strokeWidth={2} />
        <text x={pad + nodeW / 2} y={nodeY - 2} textAnchor="middle" fill={INK} style={{ fontSize: big, fontWeight: 700 }}>
          Task service
        </text>
        <text x={pad + nodeW / 2} y={nodeY + small + 2} textAnchor="middle" fill={response > 1 ? '#B71C1C' : '#006B4F'} style={{ fontSize: small, fontWeight: 700 }}>
          user waits {secs(response)}
        </text>
        {design === 'events' ? (
          <>
            {/* the topic, then one arrow per consumer group */}
            <line x1={pad + nodeW} y1={nodeY} x2={hub.x} y2={hub.y} stroke={INK} strokeWidth={3} />
            <circle cx={hub.x} cy={hub.y} r={7} fill={ROLE_COLOUR.runner} />
            {rows.map((r) => (
              <path key={r.s} d={`M${hub.x} ${hub.y} C${hub.x + 20} ${hub.y} ${hub.x + 10} ${r.y} ${barX - nameW - 6} ${r.y}`} fill="none" stroke={ROLE_COLOUR.runner} strokeWidth={2.5} markerEnd="url(#fan-arrow)" />
            ))}
          </>
        ) : (
          <>
            <path d={`M${pad + nodeW} ${nodeY} H${hub.x} V${rows[0]!.y} H${barX - nameW - 6}`} fill="none" stroke={INK} strokeWidth={2.5} strokeDasharray="7 5" markerEnd="url(#fan-arrow-ink)" />
            {rows.slice(1).map((r) => (
              <path key={r.s} d={`M${hub.x} ${r.y - rowH + 4} V${r.y} H${barX - nameW - 6}`} fill="none" stroke={INK} strokeWidth={2} strokeDasharray="5 4" markerEnd="url(#fan-arrow-ink)" />
            ))}
          </>
        )}
        {rows.map((r) => (
          <g key={r.s}>
            <text x={barX - 8} y={r.y + big * 0.36} textAnchor="end" fill={INK} style={{ fontSize: big, fontWeight: 700 }}>
              {title(r.s)}
            </text>
            <rect x={barX} y={r.y - rowH * 0.28} width={Math.max(3, (r.d / scale) * barW)} height={rowH * 0.56} rx={4} fill={COLOUR[r.s]} />
            <text x={barX + Math.max(3, (r.d / scale) * barW) + 8} y={r.y + small * 0.36} fill={INK} style={{ fontSize: small, fontWeight: 600 }}>
              {secs(r.d)} after{design === 'events' ? ` · lag ${r.lag}` : ''}
            </text>
          </g>
        ))}
      </g>
    );
  };
  return (
    <section className="world-stage fanout-stage" aria-label="Fan-out: the stage">
      <div className="world-canvas" ref={ref}>
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Task ${task + 1}, handled with events and with calls`}>
          <defs>
            <marker id="fan-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0 0 L10 5 L0 10 z" fill={ROLE_COLOUR.runner} />
            </marker>
            <marker id="fan-arrow-ink" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0 0 L10 5 L0 10 z" fill={INK} />
            </marker>
          </defs>
          {panel(events, 'events', pad)}
          {panel(calls, 'calls', pad * 2 + panelH)}
          <text x={W - pad} y={H - pad / 2} textAnchor="end" fill={MUTED} style={{ fontSize: small }}>
            Task {task + 1} of {events.tasks.length} · bar: time from creation until handled · lag: tasks waiting
          </text>
        </svg>
      </div>
    </section>
  );
}

/**
 * The task picked, 1…count as typed. A number outside the range is brought into it and a
 * value that is not a number is refused, each with a notice saying so (the page's rule for
 * every number box, as `clampParam`); while the box is empty nothing changes.
 */
function TaskInput({ task, count, onTask }: { task: number; count: number; onTask: (k: number) => void }) {
  const store = useSimStore();
  const [text, setText] = useState<string | null>(null);
  const spec = { key: 'task', label: 'Task', min: 1, max: count, step: 1, unit: '', applies: 'live' } as const;
  const apply = (raw: string, bad: boolean) => {
    if (bad) {
      store.getState().notice('warning', `Task: what was typed is not a number; kept task ${task + 1}.`);
      return;
    }
    if (raw.trim() === '') return;
    const { value, message } = clampParam(spec, 'Task', raw, task + 1);
    if (message) store.getState().notice('warning', message);
    onTask(value - 1);
  };
  return (
    <input
      type="number"
      aria-label="Task"
      min={1}
      max={count}
      step={1}
      value={text ?? task + 1}
      onChange={(e) => {
        setText(e.target.value);
        apply(e.target.value, false);
      }}
      onBlur={(e) => {
        // A number box holds "" for text that is not a number: say so and show the task kept.
        if (e.target.validity.badInput) apply('', true);
        setText(null);
      }}
    />
  );
}

/** The fan-out lesson's lever and the task picked. */
export function FanoutControls() {
  const world = useFanoutWorld();
  if (!world) return null;
  return (
    <div className="world-controls">
      <label>
        <input type="checkbox" checked={world.slow} onChange={(e) => world.setSlow(e.target.checked)} /> Slow analytics down (its mean handling time {ANALYTICS_SECONDS.normal} s →{' '}
        {ANALYTICS_SECONDS.slow} s a task)
      </label>
      <label>
        Task{' '}
        <TaskInput task={world.task} count={world.events.tasks.length} onTask={world.setTask} />
      </label>
    </div>
  );
}

/** Median delays of all tasks, both designs: when the user hears back, and when each service has handled it. */
export function FanoutResults() {
  const world = useFanoutWorld();
  if (!world) return null;
  const { events, calls } = world;
  const median = (xs: number[]) => quantile(xs, 0.5);
  return (
    <table className="read-models" aria-label="Median delay after a task is created">
      <caption>
        <G>Median over all {events.tasks.length} tasks: seconds from a task’s creation until…</G>
      </caption>
      <thead>
        <tr>
          <th scope="col">…this happened</th>
          <th scope="col">
            <G>Events</G>
          </th>
          <th scope="col">Calls</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">User gets “task created”</th>
          <td>{secs(median(events.responseSeconds))}</td>
          <td>{secs(median(calls.responseSeconds))}</td>
        </tr>
        {FANOUT_SERVICES.map((s) => (
          <tr key={s}>
            <th scope="row">{title(s)} has handled it</th>
            <td>{secs(median(events.delays[s]))}</td>
            <td>{secs(median(calls.delays[s]))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
