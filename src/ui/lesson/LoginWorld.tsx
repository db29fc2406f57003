import { duration } from '../../app/format.ts';
import { BLOCKED, INK, MUTED, ROLE_COLOUR } from '../floor/palette.ts';
import { textWidth } from '../floor/text.ts';
import { useElementSize } from '../floor/Floor.tsx';
import { useSession } from '../SessionProvider.tsx';
import { quantile, useLoginWorld } from './worlds.tsx';
import { G } from '../Term.tsx';

/** A wait as the login lesson says it: hundredths under 10 s ("0.31 s"), else with units ("45 s", "1 min 5 s"). */
const wait = (s: number) => (s < 10 ? `${s.toFixed(2)} s` : duration(s));

/** Ticks of the log-scale wait axis, seconds, with their labels. */
const TICKS: [number, string][] = [
  [0.1, '0.1 s'],
  [1, '1 s'],
  [10, '10 s'],
  [60, '1 min'],
  [600, '10 min'],
];

/**
 * The "when sync is right" lesson's stage: how long 300 users wait before they can use the
 * app, per design, on a logarithmic axis (a sync login's third of a second and an email's
 * minute both visible), with the downstream work each design gets done.
 */
export function LoginStage() {
  const world = useLoginWorld();
  const presenter = useSession((s) => s.presenter);
  const { ref, size } = useElementSize({ width: 800, height: 560 });
  if (!world) return null;
  const small = presenter ? 16 : 14;
  const big = presenter ? 20 : 17;
  const W = size.width;
  const H = size.height;
  const pad = 14;
  const all = world.runs.flatMap((r) => r.run.waitSeconds);
  const lo = 0.1;
  const hi = Math.max(60, quantile(all, 1) * 1.2);
  const axisX0 = pad + 8;
  const axisX1 = W - pad - textWidth('p95 59 min 59 s', small) - 10;
  const x = (s: number) => axisX0 + ((Math.log10(Math.max(lo, s)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (axisX1 - axisX0);
  const top = pad + big * 1.8;
  const laneH = (H - top - small * 3 - pad) / world.runs.length;
  return (
    <section className="world-stage login-stage" aria-label="Logins: the stage">
      <div className="world-canvas" ref={ref}>
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={world.runs.map((r) => `${r.label}: median wait ${wait(quantile(r.run.waitSeconds, 0.5))}, p95 ${wait(quantile(r.run.waitSeconds, 0.95))}, ${r.run.downstreamDone} downstream jobs done`).join('; ')}>
          <text x={pad} y={pad + big} fill={INK} style={{ fontSize: big, fontWeight: 800 }}>
            300 users log in: how long until each can use the app
          </text>
          {world.runs.map((r, i) => {
            const y0 = top + laneH * i;
            const med = quantile(r.run.waitSeconds, 0.5);
            const p95 = quantile(r.run.waitSeconds, 0.95);
            const barY = y0 + big + small + 16;
            const long = med > 10;
            return (
              <g key={r.design}>
                <text x={pad} y={y0 + big} fill={INK} style={{ fontSize: big, fontWeight: 700 }}>
                  {r.label}
                </text>
                <text x={W - pad} y={y0 + big} textAnchor="end" fill={INK} style={{ fontSize: small, fontWeight: 600 }}>
                  emails and analytics done: {r.run.downstreamDone}
                </text>
                <text x={pad} y={y0 + big + small + 6} fill={MUTED} style={{ fontSize: small }}>
                  {r.how}
                </text>
                <rect x={axisX0} y={barY} width={Math.max(3, x(p95) - axisX0)} height={Math.min(22, laneH * 0.25)} rx={4} fill={long ? '#F6C9C9' : '#CDEBDD'} />
                <rect x={axisX0} y={barY} width={Math.max(3, x(med) - axisX0)} height={Math.min(22, laneH * 0.25)} rx={4} fill={long ? BLOCKED : ROLE_COLOUR.runner} />
                <text x={x(p95) + 8} y={barY + Math.min(22, laneH * 0.25) / 2 + small * 0.36} fill={INK} style={{ fontSize: small, fontWeight: 700 }}>
                  median {wait(med)} · p95 {wait(p95)}
                </text>
              </g>
            );
          })}
          <line x1={axisX0} x2={axisX1} y1={H - pad - small * 2} y2={H - pad - small * 2} stroke={MUTED} strokeWidth={1.5} />
          {TICKS.filter(([s]) => s <= hi).map(([s, label]) => (
            <g key={label}>
              <line x1={x(s)} x2={x(s)} y1={H - pad - small * 2 - 5} y2={H - pad - small * 2 + 5} stroke={MUTED} strokeWidth={1.5} />
              <text x={x(s)} y={H - pad - small * 0.6} textAnchor="middle" fill={MUTED} style={{ fontSize: small }}>
                {label}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </section>
  );
}

/** The login lesson's table: waits and downstream work per design. */
export function LoginResults() {
  const world = useLoginWorld();
  if (!world) return null;
  return (
    <table className="read-models" aria-label="Time until the user can use the app">
      <thead>
        <tr>
          <th scope="col">Design</th>
          <th scope="col">
            <G>Median wait</G>
          </th>
          <th scope="col">
            <G>p95 wait</G>
          </th>
          <th scope="col">Welcome emails and analytics records</th>
        </tr>
      </thead>
      <tbody>
        {world.runs.map(({ design, label, run }) => (
          <tr key={design}>
            <th scope="row">
              <G>{label}</G>
            </th>
            <td>{wait(quantile(run.waitSeconds, 0.5))}</td>
            <td>{wait(quantile(run.waitSeconds, 0.95))}</td>
            <td>{run.downstreamDone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
