import { useMemo, useState } from 'react';
import { FANOUT_DEFAULTS, FANOUT_SERVICES, runFanout, type FanoutRun, type FanoutService } from '../../sim/index.ts';
import { title } from '../../app/format.ts';
import { ROLE_COLOUR } from '../floor/palette.ts';

const COLOUR: Record<FanoutService, string> = { search: '#56B4E9', analytics: ROLE_COLOUR.cook, notification: ROLE_COLOUR.runner, audit: ROLE_COLOUR.party };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const secs = (x: number) => `${x.toFixed(1)} s`;

/** One task's timeline: when each service had handled it, from the task's creation. */
function Timeline({ run, task, label, scale }: { run: FanoutRun; task: number; label: string; scale: number }) {
  const t = run.tasks[task]!;
  const w = 300;
  // Bars take the left part; the label after the longest still fits.
  const x = (s: number) => (s / scale) * (w - 130) + 4;
  return (
    <figure className="timeline">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${w} ${FANOUT_SERVICES.length * 18 + 6}`} role="img" aria-label={`${label}: ${FANOUT_SERVICES.map((s) => `${s} after ${secs(t.done[s]! - t.createdAt)}`).join(', ')}`}>
        {FANOUT_SERVICES.map((s, i) => {
          const d = t.done[s]! - t.createdAt;
          return (
            <g key={s} transform={`translate(0,${i * 18 + 4})`}>
              <rect x={4} y={0} width={Math.max(2, x(d) - 4)} height={12} rx={3} fill={COLOUR[s]} />
              <text x={x(d) + 4} y={10} className="tl-text">
                {s} {secs(d)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/**
 * The fan-out lesson's world: the same tasks handled with TaskCreated events (four consumer
 * groups) and with four sequential synchronous calls; analytics' speed is the lever.
 */
export function FanoutWorld() {
  const [slow, setSlow] = useState(false);
  const services = useMemo(() => ({ analytics: slow ? ({ dist: 'lognormal', mean: 15, sd: 5 } as const) : ({ dist: 'lognormal', mean: 6, sd: 3 } as const) }), [slow]);
  const events = useMemo(() => runFanout({ design: 'events', serviceSeconds: { ...FANOUT_DEFAULTS.serviceSeconds, ...services } }), [services]);
  const calls = useMemo(() => runFanout({ design: 'calls', serviceSeconds: { ...events.options.serviceSeconds } }), [events]);
  const [task, setTask] = useState(40);
  const scale = Math.max(...FANOUT_SERVICES.map((s) => calls.tasks[task]!.done[s]! - calls.tasks[task]!.createdAt), ...FANOUT_SERVICES.map((s) => events.tasks[task]!.done[s]! - events.tasks[task]!.createdAt), 1);
  return (
    <section className="world" aria-label="Fan-out">
      <h3>TaskCreated, handled two ways</h3>
      <div className="world-controls">
        <label>
          <input type="checkbox" checked={slow} onChange={(e) => setSlow(e.target.checked)} /> Slow analytics down (6 s → 15 s a task)
        </label>
        <label>
          Task{' '}
          <input type="number" aria-label="Task" min={1} max={events.tasks.length} value={task + 1} onChange={(e) => setTask(Math.min(events.tasks.length - 1, Math.max(0, Math.round(Number(e.target.value) || 1) - 1)))} />
        </label>
      </div>
      <Timeline run={events} task={task} scale={scale} label="Events: each service reads TaskCreated on its own" />
      <Timeline run={calls} task={task} scale={scale} label="Calls: search → analytics → notification → audit, in turn" />
      <table className="read-models" aria-label="Median delay after a task is created">
        <thead>
          <tr>
            <th scope="col">Median delay</th>
            <th scope="col">Events</th>
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
              <th scope="row">{title(s)}</th>
              <td>{secs(median(events.delays[s]))}</td>
              <td>{secs(median(calls.delays[s]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
