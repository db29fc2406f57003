import { memo, useEffect, useState } from 'react';
import { motion, type MotionValue } from 'framer-motion';
import type { RecentMessage, Speed } from '../../app/simStore.ts';
import { SIM_SECONDS_PER_WALL_SECOND } from '../../app/simStore.ts';
import { useDerived } from '../useDerived.ts';
import type { FloorLayout, Point } from './layout.ts';
import { textWidth } from './text.ts';
import { Cross } from './Glyphs.tsx';
import { BLOCKED, INK, ROLE_COLOUR } from './palette.ts';

/**
 * How long a message's animation lasts, simulated seconds: about 0.8 s of wall time at 1×,
 * shortening at higher speeds (0.25 s of wall time, then at most {@link MAX_EFFECT_SECONDS})
 * so motion keeps up with simulated time. Being a function of simulated time, a paused or stepped floor is exact.
 */
export function effectSeconds(speed: Speed): number {
  const k = speed === 'max' ? 64 : speed;
  const wall = k <= 1 ? 0.8 : Math.max(0.25, 0.8 / Math.sqrt(k));
  return Math.min(MAX_EFFECT_SECONDS, wall * SIM_SECONDS_PER_WALL_SECOND * k);
}

/** Longest a message stays drawn, simulated seconds: at 64× older tickets would only clutter. */
export const MAX_EFFECT_SECONDS = 240;
/** Most messages drawn at once. */
const MAX_LIVE = 8;

interface Live {
  m: RecentMessage;
  rejected: string | null;
}

/** What a message draws: a flying ticket (a command), a ring (an event), or nothing. */
function geometryOf(m: RecentMessage, layout: FloorLayout): { kind: 'ticket'; from: Point; to: Point } | { kind: 'ring'; at: Point; colour: string } | null {
  const group = m.station !== null ? layout.kinds[layout.kindIndex.get(m.station) ?? -1] : undefined;
  if (m.kind === 'command' && m.table !== null && group) {
    const table = layout.tables[m.table - 1];
    if (!table) return null;
    // Async: the ticket is sent from the table. Sync: the waiter carried it to the pass and
    // hands it over in person (a synchronous call), so it leaves from the pass.
    const from = m.protocol === 'sync' ? { x: group.cx, y: layout.pass.y + layout.pass.h } : { x: table.x, y: table.y - table.h / 2 };
    return { kind: 'ticket', from, to: { x: group.cx, y: layout.kitchen.y + layout.kitchen.h - 8 } };
  }
  if (m.kind === 'event') {
    if (m.type === 'DishReady' && group) return { kind: 'ring', at: { x: Math.min(layout.pass.x + layout.pass.w - 20, Math.max(layout.pass.x + 20, group.cx)), y: layout.pass.y + layout.pass.h / 2 }, colour: ROLE_COLOUR.cook };
    if (m.table !== null && layout.tables[m.table - 1]) {
      const t = layout.tables[m.table - 1]!;
      return { kind: 'ring', at: { x: t.x, y: t.y }, colour: ROLE_COLOUR.runner };
    }
  }
  return null;
}

/** One message's animation, moved by simulated time without re-rendering React. */
const Effect = memo(function Effect({ live, layout, span, time, reduced }: { live: Live; layout: FloorLayout; span: number; time: MotionValue<number>; reduced: boolean }) {
  const g = geometryOf(live.m, layout);
  const f = (t: number) => Math.min(1, Math.max(0, (t - live.m.time) / span));
  const opacity = useDerived(time, (t) => {
    const k = f(t);
    if (g?.kind === 'ring') return reduced ? (k < 0.5 ? 0.9 : 0) : 1 - k;
    return k > 0.8 ? (1 - k) * 5 : 1;
  });
  const transform = useDerived(time, (t) => {
    if (!g) return 'none';
    const k = f(t);
    if (g.kind === 'ring') return `translate(${g.at.x}px, ${g.at.y}px) scale(${reduced ? 1 : 0.5 + 0.9 * k})`;
    // Out to the kitchen; a rejected ticket comes back the way it went.
    const out = reduced ? 1 : Math.min(1, k * (live.rejected ? 2.4 : 1.6));
    const q = live.rejected && !reduced && k > 0.45 ? Math.max(0, 1 - (k - 0.45) * 2.4) : out;
    return `translate(${(g.from.x + (g.to.x - g.from.x) * q).toFixed(1)}px, ${(g.from.y + (g.to.y - g.from.y) * q).toFixed(1)}px) rotate(-8deg)`;
  });
  if (!g) return null;
  if (g.kind === 'ring') {
    return (
      <motion.g style={{ opacity, transform }}>
        <circle r={layout.pass.h * 0.75} fill="none" stroke={g.colour} strokeWidth={3} vectorEffect="non-scaling-stroke" />
      </motion.g>
    );
  }
  const colour = live.rejected ? BLOCKED : INK;
  return (
    <motion.g style={{ opacity }}>
      <line x1={g.from.x} y1={g.from.y} x2={g.to.x} y2={g.to.y} stroke={colour} strokeWidth={1.5} strokeDasharray="6 5" markerEnd="url(#arrow)" opacity={0.35} />
      <motion.g style={{ transform }}>
        <rect x={-12} y={-8} width={24} height={16} rx={2} fill={live.rejected ? '#FDECEC' : '#FFFDF5'} stroke={colour} strokeWidth={1.5} />
        {live.rejected ? <Cross s={12} /> : <path d="M-7 -3h14M-7 2h10" stroke={INK} strokeWidth={1.2} />}
      </motion.g>
    </motion.g>
  );
}, (a, b) => a.live.m.id === b.live.m.id && a.live.rejected === b.live.rejected && a.layout === b.layout && a.span === b.span && a.time === b.time && a.reduced === b.reduced);

/** The announcement under a kind: "DishReady" as its dish leaves, "✗ out of steak" as a ticket comes back. */
function Announcement({ live, layout }: { live: Live; layout: FloorLayout }) {
  const group = live.m.station !== null ? layout.kinds[layout.kindIndex.get(live.m.station) ?? -1] : undefined;
  if (!group) return null;
  const size = layout.type.small;
  const options = live.rejected ? [`✗ ${live.rejected}`, '✗ rejected', '✗'] : ['DishReady', 'Ready'];
  const text = options.find((o) => textWidth(o, size) + 6 <= group.width);
  if (!text) return null;
  return (
    <text className="label event-label" x={group.cx} y={layout.announceY} textAnchor="middle" fill={live.rejected ? BLOCKED : INK} style={{ fontSize: size }}>
      {text}
    </text>
  );
}

/** The ids of the messages live at `now`, newest last (a string, so a change is cheap to see). */
function liveKey(messages: readonly RecentMessage[], now: number, span: number): string {
  const ids: string[] = [];
  for (let i = messages.length - 1; i >= 0 && ids.length < MAX_LIVE; i--) {
    const m = messages[i]!;
    if (now - m.time >= span) break;
    if (now >= m.time) ids.push(m.id);
  }
  return ids.reverse().join(',');
}

/**
 * Messages on the floor: a command (PlaceOrder) is a paper ticket flying along a directed
 * arrow to its one handler; an event (DishReady, DishDelivered) is a ring pulsing out from
 * where it happened, and DishReady is announced under its kind. A rejected ticket flies back,
 * red, and the reason is announced. With reduced motion, tickets and rings appear in place.
 * Re-renders only when the set of live messages changes; motion follows simulated time.
 */
export function Effects({
  layer,
  messages,
  time,
  speed,
  layout,
  reducedMotion,
  rejectionOf,
}: {
  /** `under`: event rings (drawn beneath tables and labels); `over`: command tickets and announcements. */
  layer: 'under' | 'over';
  /** The store's recent messages (read again when time moves). */
  messages: () => readonly RecentMessage[];
  time: MotionValue<number>;
  speed: Speed;
  layout: FloorLayout;
  reducedMotion: boolean;
  /** Why a command was rejected, or null: a rejected ticket flies back, red, with ✗. */
  rejectionOf: (id: string) => string | null;
}) {
  const span = effectSeconds(speed);
  const [key, setKey] = useState(() => liveKey(messages(), time.get(), span));
  useEffect(() => {
    const update = (t: number) => setKey(liveKey(messages(), t, span));
    update(time.get());
    return time.on('change', update);
  }, [messages, time, span]);
  const byId = new Map(messages().map((m) => [m.id, m]));
  const all: Live[] = key
    .split(',')
    .filter(Boolean)
    .map((id) => byId.get(id))
    .filter((m): m is RecentMessage => m !== undefined)
    .map((m) => ({ m, rejected: m.kind === 'command' ? rejectionOf(m.id) : null }));
  const live = all.filter((l) => (l.m.kind === 'event') === (layer === 'under'));
  // One announcement per kind: the newest.
  const announced = new Map<string, Live>();
  for (const l of all) if (l.m.station !== null && ((l.m.kind === 'event' && l.m.type === 'DishReady') || l.rejected)) announced.set(l.m.station, l);
  return (
    <g className="effects" aria-hidden="true">
      {live.map((l) => (
        <Effect key={l.m.id} live={l} layout={layout} span={span} time={time} reduced={reducedMotion} />
      ))}
      {layer === 'over' && layout.announce && [...announced.values()].map((l) => (
        <Announcement key={`a-${l.m.station}`} live={l} layout={layout} />
      ))}
    </g>
  );
}
