import { useMemo } from 'react';
import { runLogins, type LoginDesign } from '../../sim/index.ts';

const DESIGNS: { design: LoginDesign; label: string; how: string }[] = [
  { design: 'sync', label: 'Synchronous login', how: 'The request waits for validation and answers yes or no.' },
  { design: 'events', label: 'Event-driven login', how: 'LoginRequested is published; “we’ll email you when you’re logged in”.' },
  { design: 'mixed', label: 'Both: sync login, then events', how: 'Validated synchronously; UserLoggedIn then drives the welcome email and analytics.' },
  { design: 'all-sync', label: 'All synchronous calls', how: 'The login also sends the welcome email and waits for it.' },
];
const quantile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))] ?? 0;
const human = (s: number) => (s < 60 ? `${s.toFixed(s < 10 ? 2 : 0)} s` : `${(s / 60).toFixed(1)} min`);

/** The "when sync is right" lesson's world: how long 300 users wait to get in, by design. */
export function LoginWorld() {
  const runs = useMemo(() => DESIGNS.map((d) => ({ ...d, run: runLogins({ design: d.design }) })), []);
  return (
    <section className="world" aria-label="Logins">
      <h3>300 users log in</h3>
      <table className="read-models" aria-label="Time until the user can use the app">
        <thead>
          <tr>
            <th scope="col">Design</th>
            <th scope="col">Median wait</th>
            <th scope="col">p95 wait</th>
            <th scope="col">Downstream jobs done</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ design, label, how, run }) => (
            <tr key={design}>
              <th scope="row">
                {label}
                <div className="muted">{how}</div>
              </th>
              <td>{human(quantile(run.waitSeconds, 0.5))}</td>
              <td>{human(quantile(run.waitSeconds, 0.95))}</td>
              <td>{design === 'mixed' ? run.downstreamDone : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
