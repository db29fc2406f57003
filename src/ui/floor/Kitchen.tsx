import { memo } from 'react';
import type { MotionValue } from 'framer-motion';
import type { StationView } from '../../sim/index.ts';
import { setAttr, useTimed } from '../useDerived.ts';
import { title } from '../../app/format.ts';
import type { FloorLayout, KindGroup, StationBox } from './layoutTypes.ts';
import { Warning } from './Glyphs.tsx';
import { IDLE, INK, kindColour, MUTED, ROLE_COLOUR } from './palette.ts';

type StationProps = Pick<StationView, 'id' | 'kind' | 'state' | 'since' | 'legSeconds' | 'down'> & {
  box: StationBox;
  layout: FloorLayout;
  number: number;
  dish: string | null;
  time: MotionValue<number>;
};

/** A station with its cook (square) and a progress ring over the current cooking (orange) or plating (green). */
export const Station = memo(function Station(p: StationProps) {
  const { box, layout } = p;
  const ringR = Math.max(3, Math.min(box.size / 2 + 5, box.pitch / 2 - 3));
  const circumference = 2 * Math.PI * ringR;
  const active = p.state === 'cooking' || p.state === 'plating';
  // Whole pixels of arc: the ring redraws only when it visibly moves.
  const ring = useTimed<SVGCircleElement>(
    p.time,
    (t) => (active && p.legSeconds > 0 ? circumference * (1 - Math.min(1, Math.max(0, (t - p.since) / p.legSeconds))) : circumference).toFixed(0),
    setAttr('stroke-dashoffset'),
  );
  const word = p.down ? 'down' : active ? (p.dish ?? p.state) : 'idle';
  const label = box.label === 'word' ? word : box.label === 'code' ? (p.down ? '⚠' : active && p.dish ? (layout.codes.get(p.dish) ?? '') : '') : '';
  const name = `${title(p.kind)} ${p.number}: ${p.down ? 'down (fault)' : active ? `${p.state} ${p.dish ?? ''}`.trim() : 'idle'}`;
  const s = box.size;
  const cook = Math.max(8, s * 0.42);
  return (
    <g transform={`translate(${box.x},${box.y})`} role="img" aria-label={name} className={`station ${p.down ? 'down' : p.state}`}>
      <rect x={-s / 2} y={-s / 2} width={s} height={s} rx={6} fill={p.down ? 'url(#hatch)' : '#fff'} stroke={p.down ? INK : '#CBD2D9'} strokeWidth={2} />
      <circle r={ringR} fill="none" stroke="#E5E9EE" strokeWidth={ringR < 9 ? 2.5 : 4} />
      {active && (
        <circle
          ref={ring}
          r={ringR}
          fill="none"
          stroke={p.state === 'plating' ? ROLE_COLOUR.runner : ROLE_COLOUR.cook}
          strokeWidth={ringR < 9 ? 2.5 : 4}
          strokeDasharray={circumference}
          transform="rotate(-90)"
          strokeLinecap="round"
        />
      )}
      {/* the cook */}
      {p.down ? (
        <Warning s={Math.max(10, cook * 1.2)} />
      ) : (
        <rect x={-cook / 2} y={-cook / 2} width={cook} height={cook} rx={2} fill={active ? ROLE_COLOUR.cook : IDLE} />
      )}
      {label && (
        <text className="label station-label" y={layout.stationLabelY - box.y} textAnchor="middle" fill={p.down ? '#B71C1C' : active ? INK : MUTED} style={{ fontSize: layout.type.small }}>
          {label}
        </text>
      )}
    </g>
  );
});

/** Kitchen header per station kind: its colour, name, and the tickets waiting on its rail (then their count). */
export const KindHeader = memo(function KindHeader({ group, index, queued, layout, busy, stations }: { group: KindGroup; index: number; queued: number; layout: FloorLayout; busy: number; stations: number }) {
  const t = layout.type;
  const shown = group.rail ? Math.min(queued, 6) : 0;
  const right = group.x + group.width - 4;
  const railW = 9;
  return (
    <g className="kind-header" role="img" aria-label={`${title(group.kind)}: ${busy} of ${stations} station${stations === 1 ? '' : 's'} busy, ${queued} ticket${queued === 1 ? '' : 's'} queued`}>
      <rect x={group.x + 2} y={layout.railY - 4} width={group.width - 4} height={5} rx={2.5} fill={kindColour(index)} />
      {group.name && (
        <text className="label kind-label" x={group.x + 4} y={layout.kindNameY + 2} fill={INK} style={{ fontSize: t.head }}>
          {group.name}
        </text>
      )}
      {Array.from({ length: shown }, (_, i) => (
        <rect key={i} x={right - 11 - i * railW} y={layout.railY + 4} width={11} height={t.head - 1} rx={1.5} fill="#FFFDF5" stroke={MUTED} strokeWidth={1.2} />
      ))}
      {queued > 0 && (
        <text className="label queue-count" x={right - (shown > 0 ? 11 + shown * railW + 2 : 0)} y={layout.kindNameY + 2} textAnchor="end" fill={INK} style={{ fontSize: t.head }}>
          {queued}
        </text>
      )}
    </g>
  );
});
