import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useSim } from '../SimProvider.tsx';
import { useSession, useSessionStore } from '../SessionProvider.tsx';
import { dishCodes } from './dishCodes.ts';
import { Chair, Clock, Coin, Cross, Cutlery, Hourglass, Notepad, OldProtocolCorner, Party, Plate, Ticket, Walking, Warning } from './Glyphs.tsx';
import { BLOCKED, IDLE, INK, kindColour, MUTED, ROLE_COLOUR } from './palette.ts';
import { G } from '../Term.tsx';
import { visible } from '../../app/visible.ts';

/** One entry of the key: a glyph drawn as the floor draws it, and what it means. */
function Entry({ children, text, w = 22 }: { children: ReactNode; text: string; w?: number }) {
  return (
    <li>
      <svg width={w} height={20} viewBox={`${-w / 2} -10 ${w} 20`} aria-hidden="true">
        {children}
      </svg>
      <span>
        <G>{text}</G>
      </span>
    </li>
  );
}

function Badge({ fill, dashed, old, tick }: { fill: boolean; dashed?: boolean; old?: boolean; tick?: boolean }) {
  return (
    <g>
      <rect x={-10} y={-8} width={20} height={16} rx={3} fill={fill ? kindColour(0) : '#fff'} stroke={kindColour(0)} strokeWidth={2} strokeDasharray={dashed ? '3 2' : undefined} />
      {old && <OldProtocolCorner w={20} h={16} />}
      {tick && <path d="M-5 0 L-1.5 4 L5 -4" fill="none" stroke={INK} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />}
    </g>
  );
}

/** Window heights, CSS pixels, from which the whole key shows by itself (single view, compare mode). */
export const KEY_ROOM = { single: 860, compare: 1040 };

/**
 * The key to the floor, beside it on the stage: every shape, line style, ring and glyph the
 * floor draws, drawn the same way, and the codes of this menu's dishes. Collapsible; the
 * choice is kept for the session (compare mode shows one key for both floors).
 */
export function FloorKey() {
  const session = useSessionStore();
  const chosen = useSession((s) => s.keyOpen);
  const compare = useSession((s) => s.compare);
  // Unless the user chose, the whole key shows when the window is tall enough to keep the floor detailed.
  const open = chosen ?? (typeof window !== 'undefined' && window.innerHeight >= (compare ? KEY_ROOM.compare : KEY_ROOM.single));
  const menu = useSim((s) => s.scenario.menu);
  const codes = useMemo(() => dishCodes(menu.map((m) => m.dish)), [menu]);
  return (
    <section className={`floor-key${open ? ' open' : ''}`} aria-label="Key to the floor">
      <button type="button" className="key-toggle" aria-expanded={open} onClick={() => session.getState().setKeyOpen(!open)}>
        {open ? 'Hide the key' : 'Key'}
      </button>
      <ul className="key-codes" aria-label="Dish codes">
        {[...codes].map(([dish, code]) => (
          <li key={dish}>
            <b>{code}</b> <span className="user-text">{visible(dish)}</span>
          </li>
        ))}
      </ul>
      {open && (
        <div className="key-rows">
          <ul aria-label="People">
            <Entry text="waiter">
              <circle r={8} fill={ROLE_COLOUR.waiter} />
            </Entry>
            <Entry text="runner">
              <rect x={-6} y={-6} width={12} height={12} transform="rotate(45)" fill={ROLE_COLOUR.runner} />
            </Entry>
            <Entry text="cook">
              <rect x={-6} y={-6} width={12} height={12} rx={2} fill={ROLE_COLOUR.cook} />
            </Entry>
            <Entry text="idle">
              <circle r={8} fill={IDLE} />
            </Entry>
            <Entry text="walking">
              <g>
                <circle r={8} fill={ROLE_COLOUR.waiter} />
                <Walking s={10} />
              </g>
            </Entry>
            <Entry text="taking an order">
              <g>
                <circle r={8} fill={ROLE_COLOUR.waiter} />
                <Notepad s={10} />
              </g>
            </Entry>
            <Entry text="ticket (PlaceOrder)">
              <g>
                <circle r={8} fill={ROLE_COLOUR.waiter} />
                <Ticket s={10} />
              </g>
            </Entry>
            <Entry text="carrying a dish">
              <g>
                <rect x={-6} y={-6} width={12} height={12} transform="rotate(45)" fill={ROLE_COLOUR.runner} />
                <Plate s={9} />
              </g>
            </Entry>
            <Entry text="blocked: how long" w={40}>
              <g>
                <circle cx={-10} r={6} fill="#fff" stroke={BLOCKED} strokeWidth={1.5} />
                <circle cx={-10} r={8.5} fill="none" stroke={BLOCKED} strokeWidth={2} />
                <rect x={0} y={-7} width={19} height={14} rx={7} fill={BLOCKED} />
                <g transform="translate(9.5,0)">
                  <Hourglass s={7} />
                </g>
              </g>
            </Entry>
            <Entry text="party at the door, patience left">
              <g>
                <Party s={14} c={ROLE_COLOUR.party} />
                <rect x={-9} y={7} width={18} height={3} rx={1.5} fill={MUTED} />
              </g>
            </Entry>
          </ul>
          <ul aria-label="Tables">
            <Entry text="free">
              <rect x={-9} y={-6} width={18} height={12} rx={3} fill="#fff" stroke="#B8C0CA" strokeWidth={1.5} strokeDasharray="3 2" />
            </Entry>
            <Entry text="seated">
              <Chair s={13} />
            </Entry>
            <Entry text="ordering">
              <Notepad s={13} c={INK} />
            </Entry>
            <Entry text="waiting for food (time since arriving)">
              <Clock s={14} />
            </Entry>
            <Entry text="eating">
              <Cutlery s={14} />
            </Entry>
            <Entry text="paying">
              <Coin s={14} />
            </Entry>
          </ul>
          <ul aria-label="Dishes">
            <Entry text="ordered">
              <Badge fill={false} dashed />
            </Entry>
            <Entry text="in the kitchen">
              <Badge fill={false} />
            </Entry>
            <Entry text="cooked">
              <Badge fill />
            </Entry>
            <Entry text="served">
              <g opacity={0.6}>
                <Badge fill tick />
              </g>
            </Entry>
            <Entry text="ordered before the mode switch: finishes the old way">
              <Badge fill={false} old />
            </Entry>
            <Entry text="colour: its station kind" w={30}>
              <g>
                <rect x={-14} y={-5} width={8} height={10} fill={kindColour(0)} />
                <rect x={-4} y={-5} width={8} height={10} fill={kindColour(1)} />
                <rect x={6} y={-5} width={8} height={10} fill={kindColour(2)} />
              </g>
            </Entry>
          </ul>
          <ul aria-label="Kitchen and messages">
            <Entry text="cooking">
              <circle r={7} fill="none" stroke={ROLE_COLOUR.cook} strokeWidth={3} />
            </Entry>
            <Entry text="plating">
              <circle r={7} fill="none" stroke={ROLE_COLOUR.runner} strokeWidth={3} />
            </Entry>
            <Entry text="station down">
              <g>
                <rect x={-9} y={-9} width={18} height={18} rx={3} fill="url(#key-hatch)" stroke={INK} />
                <Warning s={10} />
              </g>
            </Entry>
            <Entry text="tickets queued">
              <g>
                <rect x={-7} y={-8} width={6} height={14} rx={1} fill="#FFFDF5" stroke={MUTED} />
                <rect x={1} y={-8} width={6} height={14} rx={1} fill="#FFFDF5" stroke={MUTED} />
              </g>
            </Entry>
            <Entry text="command: to one handler" w={30}>
              <g>
                <line x1={-14} y1={4} x2={12} y2={4} stroke={INK} strokeDasharray="3 2" />
                <rect x={-7} y={-8} width={13} height={9} rx={1} fill="#FFFDF5" stroke={INK} />
              </g>
            </Entry>
            <Entry text="rejected">
              <g>
                <rect x={-8} y={-6} width={16} height={12} rx={1} fill="#FDECEC" stroke={BLOCKED} />
                <Cross s={9} />
              </g>
            </Entry>
            <Entry text="event: to every subscriber">
              <circle r={7} fill="none" stroke={ROLE_COLOUR.cook} strokeWidth={2.5} opacity={0.7} />
            </Entry>
          </ul>
          <svg width={0} height={0} aria-hidden="true" style={{ position: 'absolute' }}>
            <defs>
              <pattern id="key-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#FFF3D6" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#B8860B" strokeWidth="2" />
              </pattern>
            </defs>
          </svg>
        </div>
      )}
    </section>
  );
}
