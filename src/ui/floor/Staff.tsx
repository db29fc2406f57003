import { createContext, memo, useContext } from 'react';
import { motion, type MotionValue } from 'framer-motion';
import type { Place, StaffView } from '../../sim/index.ts';
import { useDerived } from '../useDerived.ts';
import { mmss } from '../../app/format.ts';
import { lerp, PASS_ROW, WALKING_STATES, type FloorLayout } from './layout.ts';
import { BLOCKED, IDLE, INK, ROLE_COLOUR, STAFF_STATE_LABEL, STAFF_STATE_SHORT } from './palette.ts';

type Props = Pick<StaffView, 'id' | 'role' | 'state' | 'activity' | 'since' | 'legSeconds' | 'from' | 'to'> & {
  index: number;
  count: number;
  number: number;
  layout: FloorLayout;
  time: MotionValue<number>;
  reducedMotion: boolean;
  /** Dish being carried, for the label ("carrying steak"). */
  dish: string | null;
};

/** Hourglass icon (drawn, so it never depends on an emoji font). */
export function Hourglass({ x, y, size, colour }: { x: number; y: number; size: number; colour: string }) {
  const h = size / 2;
  return (
    <path
      d={`M${x - h} ${y - h}h${size}l${-h} ${h}l${h} ${h}h${-size}l${h} ${-h}z`}
      fill="none"
      stroke={colour}
      strokeWidth={2.2}
      strokeLinejoin="round"
    />
  );
}

/** The small icon at a person's shoulder: notepad (taking an order), ticket (sending or carrying it), plate (carrying a dish). */
function StateIcon({ state }: { state: string }) {
  switch (state) {
    case 'takingOrder':
      return (
        <g transform="translate(15,-17)">
          <rect x={-6} y={-8} width={12} height={15} rx={1.5} fill="#fff" stroke={INK} strokeWidth={1.6} />
          <path d="M-3 -3h6M-3 1h6M-3 4h4" stroke={INK} strokeWidth={1.3} />
        </g>
      );
    case 'submittingTicket':
    case 'walkingToKitchen':
      return (
        <g transform="translate(16,-16) rotate(-12)">
          <rect x={-9} y={-6} width={18} height={12} rx={1.5} fill="#FFFDF5" stroke={INK} strokeWidth={1.6} />
          <path d="M-5 -2h10M-5 2h7" stroke={INK} strokeWidth={1.2} />
        </g>
      );
    case 'carryingDish':
      return (
        <g transform="translate(15,-15)">
          <circle r={8} fill="#fff" stroke={INK} strokeWidth={2} />
          <circle r={4} fill="none" stroke={INK} strokeWidth={1} />
        </g>
      );
    default:
      return null;
  }
}

/** How much larger than normal people are drawn (presenter mode sets 1.3). */
export const PeopleScale = createContext(1);

/**
 * A waiter (circle) or runner (diamond). Position is a function of simulated time: on a walk
 * it moves from `from` to `to` over `legSeconds` from `since`; otherwise it stands at `to`.
 */
export const Staff = memo(function Staff(p: Props) {
  const { layout, index, count, role } = p;
  const from = (place: Place) => layout.placeOf(place, index, count, role, p.number - 1);
  const walking = WALKING_STATES.has(p.state) && !p.reducedMotion && p.legSeconds > 0;
  const transform = useDerived(p.time, (t) => {
    const pt = walking ? lerp(from(p.from), from(p.to), (t - p.since) / p.legSeconds) : from(p.to);
    return `translate(${pt.x.toFixed(1)}px, ${pt.y.toFixed(1)}px)`;
  });
  const blocked = p.activity === 'blocked';
  const idle = p.activity === 'idle';
  const timer = useDerived(p.time, (t) => mmss(t - p.since));
  const colour = idle ? IDLE : ROLE_COLOUR[role];
  const name = `${role === 'waiter' ? 'Waiter' : 'Runner'} ${p.number}: ${STAFF_STATE_LABEL[p.state] ?? p.state}${p.dish && p.state === 'carryingDish' ? ` (${p.dish})` : ''}`;
  const scale = useContext(PeopleScale);
  const r = 15;
  const short = STAFF_STATE_SHORT[p.state] ?? p.state;
  return (
    <motion.g style={{ transform }} role="img" aria-label={name} className={`person ${p.activity}`}>
      <g transform={scale !== 1 ? `scale(${scale})` : undefined}>
      {blocked && <circle r={r + 6} fill="none" stroke={BLOCKED} strokeWidth={4} />}
      {role === 'waiter' ? (
        <circle r={r} fill={blocked ? '#fff' : colour} stroke={blocked ? BLOCKED : '#fff'} strokeWidth={2} opacity={idle ? 0.75 : 1} />
      ) : (
        <rect x={-r} y={-r} width={2 * r} height={2 * r} transform="rotate(45)" fill={blocked ? '#fff' : colour} stroke="#fff" strokeWidth={2} opacity={idle ? 0.75 : 1} />
      )}
      <text className="person-id" y={5} textAnchor="middle" fill={blocked ? BLOCKED : '#fff'}>
        {role === 'waiter' ? p.number : `R${p.number}`}
      </text>
      <StateIcon state={p.state} />
      {blocked ? (
        <g transform={`translate(0,${p.index % 2 === 1 && p.count > PASS_ROW ? 40 : -40})`}>
          <rect x={-40} y={-13} width={80} height={26} rx={13} fill={BLOCKED} />
          <Hourglass x={-26} y={0} size={12} colour="#fff" />
          <motion.text className="badge-text" x={7} y={6} textAnchor="middle" fill="#fff">
            {timer}
          </motion.text>
        </g>
      ) : (
        <g transform={`translate(0,${r + 15})`} className="person-label">
          <rect x={-short.length * 5 - 6} y={-11} width={short.length * 10 + 12} height={22} rx={11} fill="#fff" stroke={idle ? '#CBD2D9' : colour} strokeWidth={1.5} opacity={0.94} />
          <text y={6} textAnchor="middle" fill={idle ? '#5B6470' : INK}>
            {short}
          </text>
        </g>
      )}
      </g>
    </motion.g>
  );
});
