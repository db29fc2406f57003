import { useMemo, useState } from 'react';
import type { Comparison } from '../app/compare.ts';
import './app.css';

export interface AppProps {
  presetNames: readonly string[];
  /** Runs the named preset in both modes (the composition root wires the engine in). */
  compare: (preset: string) => Comparison;
}

/**
 * The first page: pick a preset, see the same customers served synchronously and
 * asynchronously. The live floor, controls and charts arrive with the page issue.
 */
export function App({ presetNames, compare }: AppProps) {
  const [preset, setPreset] = useState(presetNames.includes('friday-rush') ? 'friday-rush' : presetNames[0]!);
  const result = useMemo(() => compare(preset), [compare, preset]);
  const s = result.scenario;
  const hours = (s.durationSeconds - s.warmupSeconds) / 3600;

  return (
    <div className="page">
      <header className="top">
        <h1>Order Up</h1>
        <label>
          Scenario{' '}
          <select aria-label="Scenario" value={preset} onChange={(e) => setPreset(e.target.value)}>
            {presetNames.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <p className="lede">{s.description}</p>
        <p className="watch">
          <strong>What to watch:</strong> {s.watch}
        </p>
        <table className="compare" aria-label="Synchronous and asynchronous compared">
          <caption>
            The same {s.arrivals.ratePerHour} parties an hour (seed {s.seed}), {hours.toFixed(1)} hours measured after a{' '}
            {Math.round(s.warmupSeconds / 60)}-minute warm-up
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Synchronous</th>
              <th scope="col">Asynchronous</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.sync}</td>
                <td>{r.async}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="explain">
          <div>
            <h2>Synchronous</h2>
            <p>
              The waiter takes the order, carries the ticket to the kitchen and stands at the pass until every dish is cooked,
              then carries them out. Like a thread blocked on a call, a waiter at the pass serves nobody else.
            </p>
          </div>
          <div>
            <h2>Asynchronous</h2>
            <p>
              The waiter sends a <code>PlaceOrder</code> command and goes back to the floor. The kitchen announces{' '}
              <code>DishReady</code>; any free runner picks it up and delivers it. Nobody waits on the kitchen.
            </p>
          </div>
        </section>
      </main>
    </div>
  );
}
