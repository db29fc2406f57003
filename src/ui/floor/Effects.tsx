import type { RecentMessage, Speed } from '../../app/simStore.ts';
import { SIM_SECONDS_PER_WALL_SECOND } from '../../app/simStore.ts';
import type { FloorLayout } from './layout.ts';
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

const KITCHEN_IN_Y = 150;

/**
 * Messages on the floor: a command (PlaceOrder) is a paper ticket flying along a directed
 * arrow to its one handler; an event (DishReady, DishDelivered) is a ring pulsing out from
 * where it happened. With reduced motion, tickets and rings appear in place without moving.
 */
export function Effects({
  messages,
  now,
  speed,
  layout,
  reducedMotion,
  rejectionOf,
}: {
  messages: readonly RecentMessage[];
  now: number;
  speed: Speed;
  layout: FloorLayout;
  reducedMotion: boolean;
  /** Why a command was rejected, or null: a rejected ticket flies back, red, with ✗. */
  rejectionOf: (id: string) => string | null;
}) {
  const span = effectSeconds(speed);
  const live = messages.filter((m) => now - m.time < span && now >= m.time).slice(-12);
  return (
    <g className="effects" aria-hidden="true">
      {live.map((m) => {
        const f = (now - m.time) / span;
        const kind = m.station !== null ? layout.kinds[layout.kindIndex.get(m.station) ?? -1] : undefined;
        if (m.kind === 'command' && m.table !== null && kind) {
          const table = layout.tables[m.table - 1];
          if (!table) return null;
          // Async: the ticket is sent from the table. Sync: the waiter carried it to the pass
          // and hands it over in person (a synchronous call), so it leaves from the pass.
          const from = m.protocol === 'sync' ? { x: kind.cx, y: layout.pass.y + layout.pass.h + 20 } : { x: table.x, y: table.y - table.h / 2 };
          const to = { x: kind.cx, y: KITCHEN_IN_Y };
          const rejected = rejectionOf(m.id);
          // Out to the kitchen; a rejected ticket comes back the way it went.
          const out = reducedMotion ? 1 : Math.min(1, f * (rejected ? 2.4 : 1.6));
          const k = rejected && !reducedMotion && f > 0.45 ? Math.max(0, 1 - (f - 0.45) * 2.4) : out;
          const x = from.x + (to.x - from.x) * k;
          const y = from.y + (to.y - from.y) * k;
          const colour = rejected ? BLOCKED : INK;
          return (
            <g key={m.id} opacity={f > 0.8 ? (1 - f) * 5 : 1}>
              <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke={colour} strokeWidth={2} strokeDasharray="6 5" markerEnd="url(#arrow)" opacity={0.55} />
              <g transform={`translate(${x},${y}) rotate(-8)`}>
                <rect x={-13} y={-9} width={26} height={18} rx={2} fill={rejected ? '#FDECEC' : '#FFFDF5'} stroke={colour} strokeWidth={1.5} />
                {rejected ? (
                  <path d="M-5 -5 L5 5 M5 -5 L-5 5" stroke={BLOCKED} strokeWidth={2.4} />
                ) : (
                  <>
                    <line x1={-8} y1={-3} x2={8} y2={-3} stroke={INK} strokeWidth={1.2} />
                    <line x1={-8} y1={2} x2={4} y2={2} stroke={INK} strokeWidth={1.2} />
                  </>
                )}
              </g>
              {rejected && f > 0.3 && (
                <text className="event-label" x={to.x} y={to.y + 26} textAnchor="middle" fill={BLOCKED}>
                  ✗ {rejected}
                </text>
              )}
            </g>
          );
        }
        if (m.kind === 'event') {
          let at: { x: number; y: number } | null = null;
          let colour: string = ROLE_COLOUR.runner;
          if (m.type === 'DishReady' && kind) {
            at = { x: Math.min(layout.pass.x + layout.pass.w - 30, Math.max(layout.pass.x + 30, kind.cx)), y: layout.pass.y + layout.pass.h / 2 };
            colour = ROLE_COLOUR.cook;
          } else if (m.table !== null && layout.tables[m.table - 1]) {
            const t = layout.tables[m.table - 1]!;
            at = { x: t.x, y: t.y };
          }
          if (!at) return null;
          const radius = reducedMotion ? 30 : 12 + 60 * f;
          return (
            <g key={m.id} opacity={reducedMotion ? (f < 0.5 ? 0.9 : 0) : 1 - f}>
              <circle cx={at.x} cy={at.y} r={radius} fill="none" stroke={colour} strokeWidth={4} />
              {m.type === 'DishReady' && (
                <text className="event-label" x={at.x} y={layout.pass.y + layout.pass.h + 22} textAnchor="middle" fill={INK}>
                  DishReady
                </text>
              )}
            </g>
          );
        }
        return null;
      })}
    </g>
  );
}
