import { memo } from 'react';
import { motion, type MotionValue } from 'framer-motion';
import type { TicketState } from '../../sim/index.ts';
import { useDerived } from '../useDerived.ts';
import { mmss, title } from '../../app/format.ts';
import type { TableBox } from './layout.ts';
import { INK, kindColour, MUTED, PARTY_FILL, PARTY_STATE_LABEL, PARTY_STATE_SHORT, ROLE_COLOUR } from './palette.ts';

/** One dish of a party, as the table shows it. */
export interface DishChip {
  id: number;
  dish: string;
  kindIndex: number;
  state: TicketState;
}

const CHIP = 18;

/** A dish: its initial on the kind's colour; outlined until cooked, ticked when served. */
export function Chip({ x, y, chip }: { x: number; y: number; chip: DishChip }) {
  const cooked = chip.state === 'atPass' || chip.state === 'carrying' || chip.state === 'served';
  const colour = kindColour(chip.kindIndex);
  return (
    <g transform={`translate(${x},${y})`}>
      <rect
        x={-CHIP / 2}
        y={-CHIP / 2}
        width={CHIP}
        height={CHIP}
        rx={4}
        fill={cooked ? colour : '#fff'}
        stroke={colour}
        strokeWidth={2}
        strokeDasharray={chip.state === 'ordered' ? '3 2' : undefined}
        opacity={chip.state === 'served' ? 0.55 : 1}
      />
      <text className="chip-text" y={5} textAnchor="middle" fill={INK}>
        {chip.state === 'served' ? '✓' : chip.dish[0]!.toUpperCase()}
      </text>
    </g>
  );
}

type TableProps = {
  box: TableBox;
  partyId: number | null;
  partyState: string | null;
  arrivedAt: number;
  /** Stable string of the dishes' states, so the table re-renders only when one changes. */
  signature: string;
  chips: DishChip[];
  time: MotionValue<number>;
};

/** A table: its number, the party's state and time waited, and the dishes it ordered. */
export const Table = memo(
  function Table({ box, partyId, partyState, arrivedAt, chips, time }: TableProps) {
    const waiting = partyState === 'seated' || partyState === 'ordering' || partyState === 'waitingForFood';
    const waited = useDerived(time, (t) => (waiting ? mmss(t - arrivedAt) : ''));
    const fill = partyState ? (PARTY_FILL[partyState] ?? '#fff') : '#fff';
    const served = chips.filter((c) => c.state === 'served').length;
    const name =
      partyId === null
        ? `Table ${box.table}: free`
        : `Table ${box.table}: party ${partyId}, ${PARTY_STATE_LABEL[partyState!] ?? partyState}, ${chips.map((c) => c.dish).join(', ')}; ${served} of ${chips.length} served`;
    const shown = chips.slice(0, 5);
    return (
      <g transform={`translate(${box.x},${box.y})`} role="img" aria-label={name}>
        <rect
          x={-box.w / 2}
          y={-box.h / 2}
          width={box.w}
          height={box.h}
          rx={10}
          fill={fill}
          stroke={partyId === null ? '#CBD2D9' : MUTED}
          strokeWidth={2}
          strokeDasharray={partyId === null ? '5 4' : undefined}
        />
        <text className="table-number" x={-box.w / 2 + 2} y={-box.h / 2 - 6} fill={MUTED}>
          {box.table}
        </text>
        {partyId !== null && (
          <>
            {/* the party: a cluster of triangles, one per diner */}
            {Array.from({ length: box.w >= 80 ? Math.min(3, chips.length) : 0 }, (_, i) => (
              <path key={i} d={`M${-box.w / 2 + 7 + i * 12} ${box.h / 2 - 6} l6 -11 l6 11 z`} fill={ROLE_COLOUR.party} />
            ))}
            <text className="table-state" x={0} y={-box.h / 2 + 19} textAnchor="middle" fill={INK}>
              {(box.w >= 80 ? PARTY_STATE_LABEL : PARTY_STATE_SHORT)[partyState!] ?? partyState}
            </text>
            {waiting && (
              <motion.text className="table-timer" x={box.w / 2 - 6} y={box.h / 2 - 6} textAnchor="end" fill={INK}>
                {waited}
              </motion.text>
            )}
            {shown.map((c, i) => (
              <Chip key={c.id} x={-((shown.length - 1) * (CHIP + 4)) / 2 + i * (CHIP + 4)} y={box.h / 2 + 16} chip={c} />
            ))}
            {chips.length > shown.length && (
              <text className="chip-more" x={((shown.length + 1) * (CHIP + 4)) / 2 + 4} y={box.h / 2 + 21} fill={MUTED}>
                +{chips.length - shown.length}
              </text>
            )}
          </>
        )}
      </g>
    );
  },
  (a, b) => a.partyId === b.partyId && a.partyState === b.partyState && a.signature === b.signature && a.box === b.box && a.time === b.time,
);

/** One party in the door queue, with a bar for the patience it has left. */
export const DoorParty = memo(function DoorParty(p: {
  x: number;
  y: number;
  partyId: number;
  arrivedAt: number;
  walksOutAt: number | null;
  time: MotionValue<number>;
  position: number;
}) {
  const width = useDerived(p.time, (t) =>
    p.walksOutAt === null ? 36 : Math.max(0, 36 * ((p.walksOutAt - t) / Math.max(1e-9, p.walksOutAt - p.arrivedAt))),
  );
  return (
    <g transform={`translate(${p.x},${p.y})`} role="img" aria-label={`Party ${p.partyId}, number ${p.position} in the door queue`}>
      <path d="M-16 8 l7 -14 l7 14 z M-3 8 l7 -14 l7 14 z" fill={ROLE_COLOUR.party} />
      {p.walksOutAt !== null && (
        <>
          <rect x={-18} y={12} width={36} height={5} rx={2.5} fill="#E5E9EE" />
          <motion.rect x={-18} y={12} height={5} rx={2.5} fill={MUTED} style={{ width }} />
        </>
      )}
    </g>
  );
});

export { title };
