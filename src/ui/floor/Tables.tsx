import { memo } from 'react';
import type { MotionValue } from 'framer-motion';
import type { TicketState } from '../../sim/index.ts';
import { setAttr, setText, useTimed } from '../useDerived.ts';
import { title } from '../../app/format.ts';
import type { FloorLayout, TableBox } from './layoutTypes.ts';
import { shortDuration, textWidth } from './text.ts';
import { OldProtocolCorner, Party, partyGlyph } from './Glyphs.tsx';
import { INK, kindColour, MUTED, PARTY_FILL, PARTY_STATE_LABEL, ROLE_COLOUR } from './palette.ts';

/** One dish of a party, as the floor shows it. */
export interface DishChip {
  id: number;
  dish: string;
  code: string;
  kindIndex: number;
  state: TicketState;
  /** Ordered under the other mode than the one running now: it finishes the old way. */
  old: boolean;
}

const cooked = (s: TicketState) => s === 'atPass' || s === 'carrying' || s === 'served';

/** Words for a dish's state, as its badge's accessible name and the key say them. */
export const TICKET_STATE_WORD: Record<TicketState, string> = {
  ordered: 'ordered',
  queued: 'in the kitchen',
  cooking: 'in the kitchen',
  atPass: 'cooked, at the pass',
  carrying: 'on its way',
  served: 'served',
};

/**
 * A dish badge: its two-letter code on the colour of its station kind. Dashed outline:
 * ordered; outlined: in the kitchen; filled: cooked; faded with ✓: served; a black corner:
 * ordered under the other mode. `size` is the text size (the badge fits it).
 */
export function Chip({ x, y, chip, w, h, size }: { x: number; y: number; chip: DishChip; w: number; h: number; size: number }) {
  const colour = kindColour(chip.kindIndex);
  return (
    <g transform={`translate(${x},${y})`} className="chip">
      <rect
        x={-w / 2}
        y={-h / 2}
        width={w}
        height={h}
        rx={4}
        fill={cooked(chip.state) ? colour : '#fff'}
        stroke={chip.state === 'served' ? MUTED : colour}
        strokeWidth={2}
        strokeDasharray={chip.state === 'ordered' ? '3 2' : undefined}
        opacity={chip.state === 'served' ? 0.6 : 1}
      />
      {chip.old && <OldProtocolCorner w={w} h={h} />}
      <text className="label chip-text" y={size * 0.36} textAnchor="middle" fill={INK} style={{ fontSize: size }}>
        {chip.state === 'served' ? '✓' : chip.code}
      </text>
    </g>
  );
}

/** A dish badge with no room for its code: state and kind colour only (the table's name lists the dishes). */
function MiniChip({ x, y, chip, s }: { x: number; y: number; chip: DishChip; s: number }) {
  const colour = kindColour(chip.kindIndex);
  return (
    <g transform={`translate(${x},${y})`}>
      <rect
        x={-s / 2}
        y={-s / 2}
        width={s}
        height={s}
        rx={2}
        fill={cooked(chip.state) ? colour : '#fff'}
        stroke={chip.state === 'served' ? MUTED : colour}
        strokeWidth={1.6}
        strokeDasharray={chip.state === 'ordered' ? '2 1.5' : undefined}
        opacity={chip.state === 'served' ? 0.45 : 1}
      />
      {chip.old && <OldProtocolCorner w={s} h={s} />}
    </g>
  );
}

/** Badges in rows from `left`, the last slot saying "+n" when they do not all fit. */
export function ChipRows({ chips, box, layout }: { chips: DishChip[]; box: TableBox; layout: FloorLayout }) {
  const full = layout.detail === 'words' || layout.detail === 'full';
  const pitch = full ? layout.chip.w + layout.chip.gap : layout.miniChip + 2;
  const cap = box.chipsPerRow * box.chipRows;
  const shown = chips.length > cap ? chips.slice(0, cap - 1) : chips;
  const more = chips.length - shown.length;
  const rowOf = (i: number) => Math.floor(i / box.chipsPerRow);
  const inRow = (row: number) => Math.min(box.chipsPerRow, shown.length + (more > 0 ? 1 : 0) - row * box.chipsPerRow);
  const xOf = (i: number) => {
    const row = rowOf(i);
    return box.x - ((inRow(row) - 1) * pitch) / 2 + (i - row * box.chipsPerRow) * pitch;
  };
  const h = full ? layout.chip.h : layout.miniChip;
  const yOf = (i: number) => box.chipsY + h / 2 + rowOf(i) * (h + layout.chip.gap);
  return (
    <>
      {shown.map((c, i) =>
        full ? (
          <Chip key={c.id} x={xOf(i)} y={yOf(i)} chip={c} w={layout.chip.w} h={layout.chip.h} size={layout.type.small} />
        ) : (
          <MiniChip key={c.id} x={xOf(i)} y={yOf(i)} chip={c} s={layout.miniChip} />
        ),
      )}
      {more > 0 && full && (
        <text className="label chip-more" x={xOf(shown.length)} y={yOf(shown.length) + layout.type.small * 0.36} textAnchor="middle" fill={MUTED} style={{ fontSize: layout.type.small }}>
          +{more}
        </text>
      )}
    </>
  );
}

type TableProps = {
  box: TableBox;
  layout: FloorLayout;
  partyId: number | null;
  partyState: string | null;
  arrivedAt: number;
  /** Stable string of the dishes' states, so the table re-renders only when one changes. */
  signature: string;
  chips: DishChip[];
  time: MotionValue<number>;
};

const WAITING = new Set(['seated', 'ordering', 'waitingForFood']);

/**
 * A table: its number, the party's state (a glyph, and a word when there is room), how long
 * the party has waited since it arrived, and its dishes. What is drawn follows the layout's
 * level of detail; the accessible name always says everything.
 */
export const Table = memo(
  function Table({ box, layout, partyId, partyState, arrivedAt, chips, time }: TableProps) {
    const waiting = partyState !== null && WAITING.has(partyState);
    const waited = useTimed<SVGTextElement>(time, (t) => (waiting ? shortDuration(t - arrivedAt) : ''), setText);
    const t = layout.type;
    const fill = partyState ? (PARTY_FILL[partyState] ?? '#fff') : '#fff';
    const served = chips.filter((c) => c.state === 'served').length;
    const stateWord = partyState ? (PARTY_STATE_LABEL[partyState] ?? partyState) : 'free';
    const name =
      partyId === null
        ? `Table ${box.table}: free`
        : `Table ${box.table}: party ${partyId}, ${stateWord}, ${chips.map((c) => `${c.dish} (${TICKET_STATE_WORD[c.state]})`).join(', ')}; ${served} of ${chips.length} served`;
    const left = box.x - box.w / 2;
    const top = box.y - box.h / 2;
    const d = layout.detail;
    const icon = t.small + 2;
    const line1 = top + 4 + t.small;
    const glyph = partyState ? partyGlyph(partyState, icon) : null;
    const numberW = d === 'dots' ? 0 : String(box.table).length * t.small * 0.72 + 6;
    return (
      <g role="img" aria-label={name} className="table">
        <title>{name}</title>
        <rect
          x={left}
          y={top}
          width={box.w}
          height={box.h}
          rx={8}
          fill={fill}
          stroke={partyId === null ? '#B8C0CA' : MUTED}
          strokeWidth={2}
          strokeDasharray={partyId === null ? '5 4' : undefined}
        />
        {d !== 'dots' && (
          <text className="label table-number" x={left + 5} y={d === 'words' ? line1 : box.y + t.small * 0.36} fill={MUTED} style={{ fontSize: t.small }}>
            {box.table}
          </text>
        )}
        {glyph && d === 'words' && (
          <>
            <g transform={`translate(${left + 5 + icon / 2},${top + box.h - 5 - t.main * 0.45})`}>{glyph}</g>
            <text className="label table-state" x={left + 5 + icon + 5} y={top + box.h - 6} fill={INK} style={{ fontSize: t.main }}>
              {stateWord}
            </text>
          </>
        )}
        {glyph && d !== 'words' && <g transform={`translate(${d === 'dots' ? box.x : left + 5 + numberW + icon / 2},${box.y})`}>{glyph}</g>}
        {partyId !== null && d === 'words' && left + 10 + icon + textWidth(stateWord, t.main, false) + 6 + 16 <= left + box.w && (
          <g transform={`translate(${left + box.w - 12},${top + box.h - 5 - t.main * 0.45})`}>
            <Party s={Math.min(14, t.small)} c={ROLE_COLOUR.party} />
          </g>
        )}
        {waiting && (d === 'words' || d === 'full' || d === 'compact') && (
          <text ref={waited} className="label table-timer" x={left + box.w - 5} y={d === 'words' ? line1 : box.y + t.small * 0.36} textAnchor="end" fill={INK} style={{ fontSize: t.small }} />
        )}
        {partyId !== null && chips.length > 0 && box.chipRows > 0 && <ChipRows chips={chips} box={box} layout={layout} />}
      </g>
    );
  },
  (a, b) => a.partyId === b.partyId && a.partyState === b.partyState && a.signature === b.signature && a.box === b.box && a.layout === b.layout && a.time === b.time,
);

/** One party in the door queue, with a bar for the patience it has left. */
export const DoorParty = memo(function DoorParty(p: {
  x: number;
  y: number;
  r: number;
  partyId: number;
  arrivedAt: number;
  walksOutAt: number | null;
  time: MotionValue<number>;
  position: number;
}) {
  const barW = 3 * p.r;
  const bar = useTimed<SVGRectElement>(
    p.time,
    (t) => (p.walksOutAt === null ? barW : Math.max(0, barW * ((p.walksOutAt - t) / Math.max(1e-9, p.walksOutAt - p.arrivedAt)))).toFixed(1),
    setAttr('width'),
  );
  return (
    <g transform={`translate(${p.x},${p.y})`} role="img" aria-label={`Party ${p.partyId}, number ${p.position} in the door queue`}>
      <g transform={`translate(0,${-p.r * 0.3})`}>
        <Party s={2 * p.r} c={ROLE_COLOUR.party} />
      </g>
      {p.walksOutAt !== null && (
        <>
          <rect x={-barW / 2} y={p.r * 0.7} width={barW} height={5} rx={2.5} fill="#E5E9EE" />
          <rect ref={bar} x={-barW / 2} y={p.r * 0.7} height={5} rx={2.5} fill={MUTED} />
        </>
      )}
    </g>
  );
});

export { title };
