import type { ReactElement } from 'react';
import { BLOCKED, INK } from './palette.ts';

/**
 * The floor's small pictures, drawn (never an emoji font) and centred on (0, 0), so the floor
 * and its key draw exactly the same thing. `s` is the glyph's size in CSS pixels; `c` its
 * colour. See docs/visual-language.md for what each one means.
 */
export interface GlyphProps {
  s: number;
  c?: string;
}

/** Hourglass: someone blocked, waiting on another role. */
export function Hourglass({ s, c = '#fff' }: GlyphProps) {
  const h = s / 2;
  return <path d={`M${-h} ${-h}h${s}l${-h} ${h}l${h} ${h}h${-s}l${h} ${-h}z`} fill="none" stroke={c} strokeWidth={Math.max(1.6, s / 6)} strokeLinejoin="round" />;
}

/** Notepad: taking an order. */
export function Notepad({ s, c = '#fff' }: GlyphProps) {
  const w = s * 0.62;
  const h = s * 0.8;
  return (
    <g>
      <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={1.2} fill="none" stroke={c} strokeWidth={1.5} />
      <path d={`M${-w / 2 + 2} ${-h / 6}h${w - 4}M${-w / 2 + 2} ${h / 6}h${w - 4}`} stroke={c} strokeWidth={1.2} />
    </g>
  );
}

/** Paper ticket: a PlaceOrder command being sent or carried to the kitchen. */
export function Ticket({ s, c = '#fff' }: GlyphProps) {
  const w = s * 0.9;
  const h = s * 0.6;
  return (
    <g transform="rotate(-10)">
      <rect x={-w / 2} y={-h / 2} width={w} height={h} rx={1.2} fill="none" stroke={c} strokeWidth={1.5} />
      <path d={`M${-w / 2 + 2.5} 0h${w - 5}`} stroke={c} strokeWidth={1.2} />
    </g>
  );
}

/** Plate: carrying a dish. */
export function Plate({ s, c = '#fff' }: GlyphProps) {
  return (
    <g>
      <circle r={s * 0.42} fill="none" stroke={c} strokeWidth={1.6} />
      <circle r={s * 0.18} fill={c} />
    </g>
  );
}

/** Chevron: walking (to a table or to the pass), empty-handed. */
export function Walking({ s, c = '#fff' }: GlyphProps) {
  const h = s * 0.34;
  return <path d={`M${-h} ${-h * 1.2}L${h} 0L${-h} ${h * 1.2}`} fill="none" stroke={c} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />;
}

/** Chair: seated, waiting for a waiter to take the order. */
export function Chair({ s, c = INK }: GlyphProps) {
  const h = s / 2;
  return <path d={`M${-h * 0.6} ${-h}v${s}M${-h * 0.6} ${h * 0.1}h${h * 1.3}v${h * 0.9}`} fill="none" stroke={c} strokeWidth={1.8} strokeLinecap="round" />;
}

/** Clock: waiting for the food. */
export function Clock({ s, c = INK }: GlyphProps) {
  const r = s * 0.45;
  return (
    <g>
      <circle r={r} fill="none" stroke={c} strokeWidth={1.6} />
      <path d={`M0 ${-r * 0.65}V0h${r * 0.55}`} fill="none" stroke={c} strokeWidth={1.6} strokeLinecap="round" />
    </g>
  );
}

/** Fork and knife: eating. */
export function Cutlery({ s, c = INK }: GlyphProps) {
  const h = s / 2;
  return (
    <g fill="none" stroke={c} strokeWidth={1.6} strokeLinecap="round">
      <path d={`M${-h * 0.5} ${-h}v${s}M${-h * 0.8} ${-h}v${h * 0.6}M${-h * 0.2} ${-h}v${h * 0.6}`} />
      <path d={`M${h * 0.5} ${h}V${-h}c${h * 0.4} ${h * 0.3} ${h * 0.4} ${h * 0.8} 0 ${h}`} />
    </g>
  );
}

/** Coin: paying. */
export function Coin({ s, c = INK }: GlyphProps) {
  const r = s * 0.45;
  return (
    <g>
      <circle r={r} fill="none" stroke={c} strokeWidth={1.6} />
      <path d={`M0 ${-r * 0.55}v${r * 1.1}`} stroke={c} strokeWidth={1.6} strokeLinecap="round" />
    </g>
  );
}

/** A party at the door: two small triangles. */
export function Party({ s, c }: GlyphProps) {
  const h = s / 2;
  return <path d={`M${-h} ${h * 0.8} l${h * 0.45} ${-h * 1.6} l${h * 0.45} ${h * 1.6} z M${h * 0.1} ${h * 0.8} l${h * 0.45} ${-h * 1.6} l${h * 0.45} ${h * 1.6} z`} fill={c} />;
}

/** Warning sign: a station that is down. */
export function Warning({ s }: GlyphProps) {
  const h = s / 2;
  return (
    <g>
      <path d={`M0 ${-h} L${h} ${h * 0.8} H${-h} Z`} fill="#FFD54F" stroke={INK} strokeWidth={1.4} strokeLinejoin="round" />
      <path d={`M0 ${-h * 0.35}v${h * 0.6}`} stroke={INK} strokeWidth={1.6} strokeLinecap="round" />
      <circle cy={h * 0.52} r={0.9} fill={INK} />
    </g>
  );
}

/** The corner mark of a dish whose order was taken under the other mode (it finishes that way). */
export function OldProtocolCorner({ w, h }: { w: number; h: number }) {
  const k = Math.min(w, h) * 0.5;
  return <path d={`M${w / 2 - k} ${-h / 2} H${w / 2} V${-h / 2 + k} Z`} fill={INK} />;
}

/** A red ✗, for a rejected command. */
export function Cross({ s, c = BLOCKED }: GlyphProps) {
  const h = s * 0.35;
  return <path d={`M${-h} ${-h}L${h} ${h}M${h} ${-h}L${-h} ${h}`} stroke={c} strokeWidth={2.2} strokeLinecap="round" />;
}

/** The glyph inside a person for what they are doing (none: idle or standing at the pass with their number). */
export function activityGlyph(state: string, s: number): ReactElement | null {
  switch (state) {
    case 'takingOrder':
      return <Notepad s={s} />;
    case 'submittingTicket':
    case 'walkingToKitchen':
      return <Ticket s={s} />;
    case 'carryingDish':
      return <Plate s={s} />;
    case 'walkingToTable':
    case 'walkingToPass':
      return <Walking s={s} />;
    case 'blockedAtPass':
      return <Hourglass s={s * 0.7} c={BLOCKED} />;
    default:
      return null;
  }
}

/** The glyph of a party's state at its table. */
export function partyGlyph(state: string, s: number): ReactElement | null {
  switch (state) {
    case 'seated':
      return <Chair s={s} />;
    case 'ordering':
      return <Notepad s={s} c={INK} />;
    case 'waitingForFood':
      return <Clock s={s} />;
    case 'eating':
      return <Cutlery s={s} />;
    case 'paying':
      return <Coin s={s} />;
    default:
      return null;
  }
}
