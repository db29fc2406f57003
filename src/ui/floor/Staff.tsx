import { createContext, memo, useMemo } from 'react';
import type { MotionValue } from 'framer-motion';
import type { Place, StaffView } from '../../sim/index.ts';
import { setText, setTransform, useTimed } from '../useDerived.ts';
import type { FloorLayout, Who } from './layoutTypes.ts';
import { alongPath, WALKING_STATES } from './walking.ts';
import { activityGlyph, Hourglass } from './Glyphs.tsx';
import { shortDuration } from './text.ts';
import { BLOCKED, IDLE, ROLE_COLOUR, STAFF_STATE_LABEL } from './palette.ts';

type Props = Pick<StaffView, 'id' | 'role' | 'state' | 'activity' | 'since' | 'legSeconds' | 'from' | 'to'> & {
  /** Index within the role, and the slot at the pass (see `laneSlotOf`). */
  roleIndex: number;
  lane: number;
  /** Standing on a lane slot shared with others (a crowd at the pass): no number, no timer. */
  shared?: boolean;
  /** Number within the role (Waiter 2, Runner 1). */
  number: number;
  layout: FloorLayout;
  time: MotionValue<number>;
  reducedMotion: boolean;
  /** Dish being carried, for the accessible name. */
  dish: string | null;
  /** The order this person works on was taken under the other mode (it finishes that way). */
  old: boolean;
};

/** Kept for callers that scaled people in presenter mode: the layout now sizes people itself. */
export const PeopleScale = createContext(1);

/**
 * A waiter (circle) or runner (diamond). Position is a function of simulated time along the
 * layout's path (corridor and aisles): on a walk it moves from `from` to `to` over `legSeconds`
 * from `since`; otherwise it stands at `to`. Standing at the pass, a person shows their number
 * (and, when blocked, a timer above them); elsewhere, a glyph for what they are doing.
 */
export const Staff = memo(function Staff(p: Props) {
  const { layout, role } = p;
  const blocked = p.activity === 'blocked';
  const idle = p.activity === 'idle';
  const who: Who = useMemo(() => ({ role, roleIndex: p.roleIndex, lane: p.lane }), [role, p.roleIndex, p.lane]);
  const walking = WALKING_STATES.has(p.state) && !p.reducedMotion && p.legSeconds > 0;
  const path = useMemo(() => (walking ? layout.pathOf(p.from, p.to, who) : [layout.placeOf(p.to, who)]), [walking, layout, p.from, p.to, who]);
  const body = useTimed<SVGGElement>(
    p.time,
    (t) => {
      const pt = walking ? alongPath(path, (t - p.since) / p.legSeconds) : path[0]!;
      return `translate(${pt.x.toFixed(1)},${pt.y.toFixed(1)})`;
    },
    setTransform,
  );

  // Beyond the lane's slots (a crowd at the pass) people share the last one: no number, no timer (the lane's count says how many).
  const crowded = p.shared === true || p.lane >= layout.lane.slots.length;
  const atPass = !walking && p.to === ('pass' as Place) && !crowded;
  const timer = useTimed<SVGTextElement>(p.time, (t) => (blocked ? shortDuration(t - p.since) : ''), setText);
  const colour = idle ? IDLE : ROLE_COLOUR[role];
  const name = `${role === 'waiter' ? 'Waiter' : 'Runner'} ${p.number}: ${STAFF_STATE_LABEL[p.state] ?? p.state}${p.dish && p.state === 'carryingDish' ? ` (${p.dish})` : ''}${p.old ? ', finishing an order taken before the mode switch' : ''}`;
  const r = layout.r;
  const t = layout.type;
  const lane = layout.lane;
  const slot = lane.slots[Math.max(0, Math.min(lane.slots.length - 1, who.lane))]!;
  const badgeAt =
    lane.timers === 'beside'
      ? { x: slot.x + r + 6 + lane.badge.w / 2, y: slot.y }
      : lane.timers === 'above'
        ? { x: slot.x, y: lane.timerYs[who.lane % lane.timerYs.length]! }
        : null;
  return (
    <g className={`person ${p.activity}`} role="img" aria-label={name}>
      <g ref={body}>
        {blocked && <circle r={r + 4} fill="none" stroke={BLOCKED} strokeWidth={3.5} />}
        {role === 'waiter' ? (
          <circle r={r} fill={blocked ? '#fff' : colour} stroke={blocked ? BLOCKED : '#fff'} strokeWidth={2} opacity={idle ? 0.8 : 1} />
        ) : (
          <rect x={-r * 0.86} y={-r * 0.86} width={r * 1.72} height={r * 1.72} transform="rotate(45)" fill={blocked ? '#fff' : colour} stroke={blocked ? BLOCKED : '#fff'} strokeWidth={2} opacity={idle ? 0.8 : 1} />
        )}
        {p.old && <circle cx={r * 0.8} cy={-r * 0.8} r={3.5} fill="#1B1F24" stroke="#fff" strokeWidth={1} />}
        {atPass ? (
          <text className="label person-id" y={t.small * 0.36} textAnchor="middle" fill={blocked ? BLOCKED : '#fff'} style={{ fontSize: t.small }}>
            {p.number}
          </text>
        ) : (
          activityGlyph(p.state, r * 1.1)
        )}
      </g>
      {blocked && atPass && badgeAt && (
        <g transform={`translate(${badgeAt.x},${badgeAt.y})`}>
          <rect x={-lane.badge.w / 2} y={-lane.badge.h / 2} width={lane.badge.w} height={lane.badge.h} rx={lane.badge.h / 2} fill={BLOCKED} />
          <g transform={`translate(${-lane.badge.w / 2 + 4 + t.small * 0.4},0)`}>
            <Hourglass s={t.small * 0.75} />
          </g>
          <text ref={timer} className="label badge-text" x={t.small * 0.45} y={t.small * 0.36} textAnchor="middle" fill="#fff" style={{ fontSize: t.small }} />
        </g>
      )}
    </g>
  );
});
