import { useMemo, useState } from 'react';
import { runTransfers, TRANSFER_DEFAULTS } from '../../sim/index.ts';
import { clock, mmss } from '../../app/format.ts';

const money = (x: number) => `$${x.toLocaleString('en', { maximumFractionDigits: 0 })}`;
const quantile = (xs: readonly number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};

/**
 * The eventual-consistency lesson's world: $100 transfers from checking to savings, strongly
 * or eventually consistent, with a savings outage. Everything shown is computed by the
 * transfer simulation; the scrubber picks the moment.
 */
export function TransferWorld() {
  const [mode, setMode] = useState<'strong' | 'eventual'>('eventual');
  const [outage, setOutage] = useState(true);
  const run = useMemo(() => runTransfers({ mode, savingsOutage: outage ? TRANSFER_DEFAULTS.savingsOutage : null }), [mode, outage]);
  const end = run.samples.at(-1)!.t;
  const [t, setT] = useState(1500);
  const [read, setRead] = useState<number | null>(null);
  const books = run.at(t);
  const sum = books.checking + books.savings + books.inFlight;
  const failed = run.transfers.filter((x) => x.failed !== null).length;
  const credited = run.lags.length;
  const stillInFlight = run.transfers.filter((x) => x.debitedAt !== null && x.creditedAt === null).length;
  const maxFlight = Math.max(1, ...run.samples.map((s) => s.inFlight));
  const o = TRANSFER_DEFAULTS.savingsOutage!;
  const x = (time: number) => (time / end) * 300;
  const points = run.samples.map((s) => `${x(s.t).toFixed(1)},${(60 - (s.inFlight / maxFlight) * 56).toFixed(1)}`).join(' ');
  return (
    <section className="world" aria-label="Transfers">
      <h3>Transfers: $100 at a time, checking → savings</h3>
      <div className="world-controls">
        <div role="radiogroup" aria-label="Consistency" className="segmented small">
          {(['strong', 'eventual'] as const).map((m) => (
            <label key={m} className={mode === m ? 'on' : ''}>
              <input type="radio" name="consistency" checked={mode === m} onChange={() => setMode(m)} /> {m === 'strong' ? 'Strong' : 'Eventual'}
            </label>
          ))}
        </div>
        <label>
          <input type="checkbox" checked={outage} onChange={(e) => setOutage(e.target.checked)} /> Savings down {clock(o.fromSeconds)}–{clock(o.toSeconds)}
        </label>
      </div>
      <label className="scrubber">
        <span>At {clock(t)}</span>
        <input type="range" aria-label="Moment" min={0} max={end} step={10} value={t} aria-valuetext={clock(t)} onChange={(e) => (setT(Number(e.target.value)), setRead(null))} />
      </label>
      <table className="books" aria-label="The books">
        <tbody>
          <tr>
            <th scope="row">Checking</th>
            <td>{money(books.checking)}</td>
          </tr>
          <tr>
            <th scope="row">Savings</th>
            <td>{money(books.savings)}</td>
          </tr>
          <tr className="flight">
            <th scope="row">In flight (debited, not yet credited)</th>
            <td>{money(books.inFlight)}</td>
          </tr>
          <tr className="total">
            <th scope="row">Total</th>
            <td>
              {money(sum)} {sum === run.total ? '✓ nothing lost' : `✗ should be ${money(run.total)}`}
            </td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={() => setRead(t)}>
        Read your savings balance now
      </button>
      {read !== null && (
        <p role="status" className={run.at(read).inFlight > 0 ? 'wrong' : 'right'}>
          The savings app shows {money(run.at(read).savings)}.{' '}
          {run.at(read).inFlight > 0 ? `A stale read: ${money(run.at(read).inFlight)} already left checking and has not arrived yet.` : 'Up to date: nothing is in flight.'}
        </p>
      )}
      <svg className="flight-chart" viewBox="0 0 300 64" role="img" aria-label={`Money in flight over time, at most ${money(maxFlight)}`}>
        {outage && <rect x={x(o.fromSeconds)} y={0} width={x(o.toSeconds) - x(o.fromSeconds)} height={64} fill="rgba(198,40,40,0.12)" />}
        <polyline points={points} fill="none" stroke="#0072B2" strokeWidth={1.6} />
        <line x1={x(t)} x2={x(t)} y1={0} y2={64} stroke="#1B1F24" strokeDasharray="3 3" />
      </svg>
      <p className="muted">
        Money in flight from 0:00:00 to {clock(end)} (transfers stop at 1:00:00; the rest lets money land){outage ? '; the red band is the savings outage' : ''}; the dashed line is the moment picked.
      </p>
      <p role="status" aria-label="Transfer summary">
        {run.transfers.length} transfers: {credited} completed, {failed} failed{stillInFlight > 0 ? `, ${stillInFlight} still in flight` : ''}. Consistency lag: median{' '}
        {mmss(quantile(run.lags, 0.5))}, p95 {mmss(quantile(run.lags, 0.95))}, longest {mmss(quantile(run.lags, 1))}.
      </p>
    </section>
  );
}
