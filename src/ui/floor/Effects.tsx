import { memo, useEffect, useState } from 'react';
import type { MotionValue } from 'framer-motion';
import type { RecentMessage, Speed } from '../../app/simStore.ts';
import { SIM_SECONDS_PER_WALL_SECOND } from '../../app/simStore.ts';
import { setAttr, setTransform, useTimed } from '../useDerived.ts';
import type { FloorLayout, Point } from './layoutTypes.ts';
import { textWidth } from './text.ts';
import { Cross } from './Glyphs.tsx';
import { BLOCKED, INK, ROLE_COLOUR } from './palette.ts';

/**
 * How long a message's animation lasts, simulated seconds: 0.8 s of wall time at 1× and below,
 * shortening with speed to 0.4 s of wall time (motion keeps up with simulated time, and stays
 * long enough to be seen). A function of simulated time, so a paused or stepped floor is exact.
 */
export function effectSeconds(speed: Speed): number {
  const k = speed === 'max' ? 64 : speed;
  const wall = k <= 1 ? 0.8 : Math.max(MIN_EFFECT_WALL_SECONDS, 0.8 / Math.sqrt(k));
  return wall * SIM_SECONDS_PER_WALL_SECOND * k;
}

/** Shortest a message stays drawn, wall-clock seconds. */
export const MIN_EFFECT_WALL_SECONDS = 0.4;

/**
 * Simulated seconds between two drawn messages of one kind (commands, events): above 4× the
 * floor draws at most one new message of each kind per {@link EFFECT_GAP_WALL_SECONDS} of wall
 * time (the first of each such span of simulated time), so at 64× it shows a steady few rather
 * than hundreds of flashes a second. Rejected commands are always drawn. 0 means every message.
 */
export function effectGapSeconds(speed: Speed): number {
  const k = speed === 'max' ? 64 : speed;
  return k <= 4 ? 0 : EFFECT_GAP_WALL_SECONDS * SIM_SECONDS_PER_WALL_SECOND * k;
}
export const EFFECT_GAP_WALL_SECONDS = 0.12;

/** Most messages drawn at once. */
export const MAX_LIVE = 8;

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
  const opacity = useTimed<SVGGElement>(
    time,
    (t) => {
      const k = f(t);
      if (g?.kind === 'ring') return (reduced ? (k < 0.5 ? 0.9 : 0) : 1 - k).toFixed(2);
      return (k > 0.8 ? (1 - k) * 5 : 1).toFixed(2);
    },
    setAttr('opacity'),
  );
  const transform = useTimed<SVGGElement>(
    time,
    (t) => {
      if (!g) return '';
      const k = f(t);
      if (g.kind === 'ring') return `translate(${g.at.x},${g.at.y}) scale(${(reduced ? 1 : 0.5 + 0.9 * k).toFixed(2)})`;
      // Out to the kitchen; a rejected ticket comes back the way it went.
      const out = reduced ? 1 : Math.min(1, k * (live.rejected ? 2.4 : 1.6));
      const q = live.rejected && !reduced && k > 0.45 ? Math.max(0, 1 - (k - 0.45) * 2.4) : out;
      return `translate(${(g.from.x + (g.to.x - g.from.x) * q).toFixed(1)},${(g.from.y + (g.to.y - g.from.y) * q).toFixed(1)}) rotate(-8)`;
    },
    setTransform,
  );
  if (!g) return null;
  if (g.kind === 'ring') {
    return (
      <g ref={transform}>
        <g ref={opacity}>
          <circle r={layout.pass.h * 0.75} fill="none" stroke={g.colour} strokeWidth={3} vectorEffect="non-scaling-stroke" />
        </g>
      </g>
    );
  }
  const colour = live.rejected ? BLOCKED : INK;
  return (
    <g ref={opacity}>
      <line x1={g.from.x} y1={g.from.y} x2={g.to.x} y2={g.to.y} stroke={colour} strokeWidth={1.5} strokeDasharray="6 5" markerEnd="url(#arrow)" opacity={0.35} />
      <g ref={transform}>
        <rect x={-12} y={-8} width={24} height={16} rx={2} fill={live.rejected ? '#FDECEC' : '#FFFDF5'} stroke={colour} strokeWidth={1.5} />
        {live.rejected ? <Cross s={12} /> : <path d="M-7 -3h14M-7 2h10" stroke={INK} strokeWidth={1.2} />}
      </g>
    </g>
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

/**
 * The ids of the messages drawn at `now`, oldest first (a string, so a change is cheap to see):
 * those younger than `span`, at most one of each kind per `gap` of simulated time (a rejected
 * command always), at most {@link MAX_LIVE}.
 */
export function liveKey(messages: readonly RecentMessage[], now: number, span: number, gap: number, rejected: (id: string) => boolean = () => false): string {
  const ids: string[] = [];
  const taken = new Set<string>();
  let first = messages.length;
  while (first > 0 && now - messages[first - 1]!.time < span) first--;
  // Oldest first, so the message that opens each span of `gap` is the one drawn.
  for (let i = first; i < messages.length; i++) {
    const m = messages[i]!;
    if (now < m.time) break;
    if (gap > 0 && !(m.kind === 'command' && rejected(m.id))) {
      const bucket = `${m.kind}:${Math.floor(m.time / gap)}`;
      if (taken.has(bucket)) continue;
      taken.add(bucket);
    }
    ids.push(m.id);
  }
  return ids.slice(-MAX_LIVE).join(',');
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
  const gap = effectGapSeconds(speed);
  const isRejected = (id: string) => rejectionOf(id) !== null;
  const [key, setKey] = useState(() => liveKey(messages(), time.get(), span, gap, isRejected));
  useEffect(() => {
    const update = (t: number) => setKey(liveKey(messages(), t, span, gap, (id) => rejectionOf(id) !== null));
    update(time.get());
    return time.on('change', update);
  }, [messages, time, span, gap, rejectionOf]);
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
