import { TRANSFER_DEFAULTS } from '../../sim/index.ts';
import { clock, duration } from '../../app/format.ts';
import { BLOCKED, INK, MUTED, ROLE_COLOUR } from '../floor/palette.ts';
import { textWidth } from '../floor/text.ts';
import { useElementSize } from '../floor/Floor.tsx';
import { useSession } from '../SessionProvider.tsx';
import { quantile, useTransferWorld } from './worlds.tsx';
import { G } from '../Term.tsx';

const money = (x: number) => `$${x.toLocaleString('en', { maximumFractionDigits: 0 })}`;

/**
 * The eventual-consistency lesson's stage: the two accounts and the money between them at
 * the moment picked, drawn large. Checking is debited, MoneyDebited travels to the savings
 * service (down during the outage, hatched), which credits it; the books always add up.
 * Below, money in flight over the whole run, with the outage shaded and the moment marked.
 */
export function TransferStage() {
  const world = useTransferWorld();
  const presenter = useSession((s) => s.presenter);
  const { ref, size } = useElementSize({ width: 800, height: 560 });
  if (!world) return null;
  const { run, t, mode, outage } = world;
  const books = run.at(t);
  const sum = books.checking + books.savings + books.inFlight;
  const end = run.samples.at(-1)!.t;
  const o = TRANSFER_DEFAULTS.savingsOutage!;
  const down = outage && t >= o.fromSeconds && t < o.toSeconds;
  const inFlightCount = Math.round(books.inFlight / run.options.amount);
  const small = presenter ? 16 : 14;
  const big = presenter ? 22 : 19;
  const huge = presenter ? 34 : 30;
  const W = size.width;
  const H = size.height;
  const pad = 14;
  const boxW = Math.min(Math.max(240, textWidth('Savings ⚠ down', big) + 20), Math.max(textWidth('$20,000', huge) + 24, textWidth('Savings ⚠ down', big) + 20, (W - 2 * pad) * 0.28));
  const boxH = huge + big + 40;
  const topY = pad + big * 1.6;
  const midX0 = pad + boxW;
  const midX1 = W - pad - boxW;
  const chartTop = topY + boxH + big * 3.4;
  const chartH = Math.max(60, H - chartTop - small * 3 - pad);
  const maxFlight = Math.max(1, ...run.samples.map((s) => s.inFlight));
  const x = (time: number) => pad + (time / end) * (W - 2 * pad);
  const y = (v: number) => chartTop + chartH - (v / maxFlight) * (chartH - 4);
  const points = run.samples.map((s) => `${x(s.t).toFixed(1)},${y(s.inFlight).toFixed(1)}`).join(' ');
  // The chart's key, on two lines when one does not fit the stage.
  const keyParts = [...(outage ? [`red band: savings down ${clock(o.fromSeconds)}–${clock(o.toSeconds)}`] : []), 'dashed line: the moment', `transfers stop at ${clock(run.options.durationSeconds)}`];
  const oneLine = keyParts.join(' · ');
  const caption = textWidth(oneLine, small, false) <= W - 2 * pad ? [oneLine] : [keyParts.slice(0, -1).join(' · '), keyParts.at(-1)!];
  const chips = Math.min(inFlightCount, Math.max(0, Math.floor((midX1 - midX0 - 40) / 16)));
  const account = (name: string, value: number, x0: number, hatched: boolean) => (
    <g>
      <rect x={x0} y={topY} width={boxW} height={boxH} rx={12} fill={hatched ? 'url(#transfer-hatch)' : '#F3F6FA'} stroke={INK} strokeWidth={2} />
      <text x={x0 + boxW / 2} y={topY + big + 8} textAnchor="middle" fill={INK} style={{ fontSize: big, fontWeight: 700 }}>
        {name}
        {hatched ? ' ⚠ down' : ''}
      </text>
      <text x={x0 + boxW / 2} y={topY + big + 14 + huge} textAnchor="middle" fill={INK} style={{ fontSize: huge, fontWeight: 800 }}>
        {money(value)}
      </text>
    </g>
  );
  return (
    <section className="world-stage transfer-stage" aria-label="Transfers: the stage">
      <div className="world-canvas" ref={ref}>
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`At ${clock(t)}: checking ${money(books.checking)}, savings ${money(books.savings)}, in flight ${money(books.inFlight)}, total ${money(sum)}`}>
          <defs>
            <pattern id="transfer-hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="10" height="10" fill="#FFF3D6" />
              <line x1="0" y1="0" x2="0" y2="10" stroke="#B8860B" strokeWidth="3" />
            </pattern>
            <marker id="transfer-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0 0 L10 5 L0 10 z" fill={INK} />
            </marker>
          </defs>
          <text x={pad} y={pad + big} fill={INK} style={{ fontSize: big, fontWeight: 800 }}>
            {mode === 'eventual' ? 'Eventually consistent' : 'Strongly consistent'}: ${run.options.amount} transfers, checking → savings
          </text>
          {account('Checking', books.checking, pad, false)}
          {account('Savings', books.savings, W - pad - boxW, down)}
          {/* the money in flight: one chip per transfer debited and not yet credited */}
          <line x1={midX0 + 8} y1={topY + boxH / 2} x2={midX1 - 8} y2={topY + boxH / 2} stroke={INK} strokeWidth={2} strokeDasharray="8 6" markerEnd="url(#transfer-arrow)" />
          <text x={(midX0 + midX1) / 2} y={topY + small} textAnchor="middle" fill={INK} style={{ fontSize: big, fontWeight: 800 }}>
            at {clock(t)}
          </text>
          <text x={(midX0 + midX1) / 2} y={topY + boxH / 2 - 10} textAnchor="middle" fill={INK} style={{ fontSize: small, fontWeight: 700 }}>
            {mode === 'eventual' ? 'MoneyDebited' : 'one transaction'}
          </text>
          {Array.from({ length: chips }, (_, i) => (
            <rect key={i} x={midX0 + 20 + i * 16} y={topY + boxH / 2 + 8} width={12} height={16} rx={2} fill="#FFF0CC" stroke="#8A5A00" strokeWidth={1.5} />
          ))}
          <text x={(midX0 + midX1) / 2} y={topY + boxH / 2 + 24 + small + 6} textAnchor="middle" fill="#8A5A00" style={{ fontSize: small, fontWeight: 700 }}>
            in flight: {money(books.inFlight)} ({inFlightCount} transfer{inFlightCount === 1 ? '' : 's'})
          </text>
          <text x={W / 2} y={topY + boxH + big * 1.5} textAnchor="middle" fill={sum === run.total ? '#006B4F' : BLOCKED} style={{ fontSize: big, fontWeight: 800 }}>
            Checking + savings + in flight = {money(sum)} {sum === run.total ? '✓ nothing lost' : `✗ should be ${money(run.total)}`}
          </text>
          {/* money in flight over the run */}
          <text x={pad} y={chartTop - 8} fill={INK} style={{ fontSize: small, fontWeight: 700 }}>
            Money in flight, 0:00:00 to {clock(end)}
          </text>
          <rect x={pad} y={chartTop} width={W - 2 * pad} height={chartH} rx={6} fill="#F7F8FA" />
          {outage && <rect x={x(o.fromSeconds)} y={chartTop} width={x(o.toSeconds) - x(o.fromSeconds)} height={chartH} fill="rgba(198,40,40,0.14)" />}
          <polyline points={points} fill="none" stroke={ROLE_COLOUR.waiter} strokeWidth={2.5} />
          {/* Scale labels with a halo of the chart's ground: readable where the line runs under them. */}
          <text x={pad + 6} y={chartTop + small + 2} fill={MUTED} stroke="#F7F8FA" strokeWidth={5} paintOrder="stroke" style={{ fontSize: small }}>
            {money(maxFlight)} (most in flight)
          </text>
          <text x={pad + 6} y={chartTop + chartH - 6} fill={MUTED} stroke="#F7F8FA" strokeWidth={5} paintOrder="stroke" style={{ fontSize: small }}>
            $0
          </text>
          <line x1={x(t)} x2={x(t)} y1={chartTop - 2} y2={chartTop + chartH + 2} stroke={INK} strokeWidth={2} strokeDasharray="4 3" />
          {caption.map((line, i) => (
            <text key={i} x={pad} y={chartTop + chartH + small + 6 + i * (small * 1.3)} fill={MUTED} style={{ fontSize: small }}>
              {line}
            </text>
          ))}
        </svg>
      </div>
      {/* The same figures as the drawing, as a table for screen readers and tests. */}
      <div className="visually-hidden">
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
      </div>
    </section>
  );
}

/** Strong or eventual consistency, the outage, and the moment shown. */
export function TransferControls() {
  const world = useTransferWorld();
  if (!world) return null;
  const { run, t, mode, outage } = world;
  const o = TRANSFER_DEFAULTS.savingsOutage!;
  const end = run.samples.at(-1)!.t;
  return (
    <div className="world-controls transfer-controls">
      <div role="radiogroup" aria-label="Consistency" className="segmented small">
        {(['strong', 'eventual'] as const).map((m) => (
          <label key={m} className={mode === m ? 'on' : ''}>
            <input type="radio" name="consistency" checked={mode === m} onChange={() => world.setMode(m)} /> {m === 'strong' ? 'Strong' : 'Eventual'}
          </label>
        ))}
      </div>
      <label>
        <input type="checkbox" checked={outage} onChange={(e) => world.setOutage(e.target.checked)} /> Savings down {clock(o.fromSeconds)}–{clock(o.toSeconds)}
      </label>
      <label className="scrubber">
        <span>Moment: {clock(t)}</span>
        <input type="range" aria-label="Moment" min={0} max={end} step={10} value={Math.min(t, end)} aria-valuetext={clock(t)} onChange={(e) => world.setT(Number(e.target.value))} />
      </label>
    </div>
  );
}

/** "Read your savings balance now": a stale read while money is in flight. */
export function TransferRead() {
  const world = useTransferWorld();
  if (!world) return null;
  const { run, t, read } = world;
  return (
    <div className="transfer-read">
      <button type="button" onClick={() => world.setRead(t)}>
        Read your savings balance now
      </button>
      {read !== null && (
        <p role="status" className={run.at(read).inFlight > 0 ? 'wrong' : 'right'}>
          At {clock(read)} the savings app shows {money(run.at(read).savings)}.{' '}
          {run.at(read).inFlight > 0 ? `A stale read: ${money(run.at(read).inFlight)} already left checking and has not arrived yet.` : 'Up to date: nothing is in flight.'}
        </p>
      )}
    </div>
  );
}

/** How many transfers completed, failed or are still in flight, and the consistency lag. */
export function TransferSummary() {
  const world = useTransferWorld();
  if (!world) return null;
  const { run } = world;
  const failed = run.transfers.filter((x) => x.failed !== null).length;
  const credited = run.lags.length;
  const stillInFlight = run.transfers.filter((x) => x.debitedAt !== null && x.creditedAt === null).length;
  return (
    <p role="status" aria-label="Transfer summary" className="transfer-summary">
      <G>
        {run.transfers.length} transfers requested: {credited} completed, {failed} failed{stillInFlight > 0 ? `, ${stillInFlight} still in flight` : ''}. Consistency lag (debit to credit, {credited}{' '}
        transfers): median {duration(quantile(run.lags, 0.5))}, p95 {duration(quantile(run.lags, 0.95))}, longest {duration(quantile(run.lags, 1))}.
      </G>
    </p>
  );
}
