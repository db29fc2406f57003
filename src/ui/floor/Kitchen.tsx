import { memo } from 'react';
import { motion, type MotionValue } from 'framer-motion';
import type { StationView } from '../../sim/index.ts';
import { useDerived } from '../useDerived.ts';
import { title } from '../../app/format.ts';
import { LABEL_PITCH, type FloorLayout, type StationBox } from './layout.ts';
import { IDLE, INK, kindColour, MUTED, ROLE_COLOUR } from './palette.ts';

type StationProps = Pick<StationView, 'id' | 'kind' | 'state' | 'since' | 'legSeconds' | 'down'> & {
  box: StationBox;
  number: number;
  dish: string | null;
  time: MotionValue<number>;
};

/** A station with its cook (square) and a progress ring over the current cooking or plating. */
export const Station = memo(function Station(p: StationProps) {
  const { box } = p;
  const ringR = box.size / 2 + 7;
  const circumference = 2 * Math.PI * ringR;
  const active = p.state === 'cooking' || p.state === 'plating';
  const dashOffset = useDerived(p.time, (t) =>
    active && p.legSeconds > 0 ? circumference * (1 - Math.min(1, Math.max(0, (t - p.since) / p.legSeconds))) : circumference,
  );
  // A narrow station shows the dish's initial; the full words stay in its accessible name.
  const word = p.down ? 'down' : active ? (p.dish ?? p.state) : 'idle';
  const label = box.pitch >= LABEL_PITCH ? word : p.down ? '⚠' : active ? word[0]!.toUpperCase() : '';
  const name = `${title(p.kind)} ${p.number}: ${p.down ? 'down (fault)' : active ? `${p.state} ${p.dish ?? ''}`.trim() : 'idle'}`;
  const s = box.size;
  return (
    <g transform={`translate(${box.x},${box.y})`} role="img" aria-label={name} className={`station ${p.down ? 'down' : p.state}`}>
      <rect x={-s / 2} y={-s / 2} width={s} height={s} rx={8} fill={p.down ? 'url(#hatch)' : '#fff'} stroke={p.down ? INK : '#CBD2D9'} strokeWidth={2} />
      <circle r={ringR} fill="none" stroke="#E5E9EE" strokeWidth={5} />
      {active && (
        <motion.circle
          r={ringR}
          fill="none"
          stroke={p.state === 'plating' ? ROLE_COLOUR.runner : ROLE_COLOUR.cook}
          strokeWidth={5}
          strokeDasharray={circumference}
          style={{ strokeDashoffset: dashOffset }}
          transform="rotate(-90)"
          strokeLinecap="round"
        />
      )}
      {/* the cook */}
      <rect x={-11} y={-11} width={22} height={22} rx={3} fill={p.down ? '#fff' : active ? ROLE_COLOUR.cook : IDLE} stroke={INK} strokeWidth={p.down ? 2 : 0} />
      {p.down && (
        <g transform="translate(0,-1)">
          <path d="M0 -9 L9 7 H-9 Z" fill="#FFD54F" stroke={INK} strokeWidth={1.5} strokeLinejoin="round" />
          <text className="warn" y={5} textAnchor="middle" fill={INK}>!</text>
        </g>
      )}
      <text className="station-label" y={s / 2 + 24} textAnchor="middle" fill={active ? INK : MUTED}>
        {label}
      </text>
    </g>
  );
});

/** Kitchen header per station kind: name, stations, and the tickets waiting on its rail. */
export const KindHeader = memo(function KindHeader({ kind, cx, width, index, queued }: { kind: string; cx: number; width: number; index: number; queued: number }) {
  const shown = Math.min(queued, 6);
  return (
    <g className="kind-header" role="img" aria-label={`${title(kind)}: ${queued} ticket${queued === 1 ? '' : 's'} queued`}>
      <rect x={cx - width / 2 + 4} y={8} width={width - 8} height={6} rx={3} fill={kindColour(index)} />
      <text className="kind-label" x={cx - width / 2 + 6} y={38} fill={INK}>
        {title(kind)}
      </text>
      {/* the ticket rail: one paper ticket per queued order, then a count */}
      {Array.from({ length: shown }, (_, i) => (
        <rect key={i} x={cx + width / 2 - 18 - i * 9} y={22} width={12} height={18} rx={1.5} fill="#FFFDF5" stroke={MUTED} strokeWidth={1.2} />
      ))}
      {queued > 0 && (
        <text className="queue-count" x={cx + width / 2 - 24 - shown * 9} y={38} textAnchor="end" fill={INK}>
          {queued}
        </text>
      )}
    </g>
  );
});

export type KitchenProps = { layout: FloorLayout };
