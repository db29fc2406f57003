import { useRef, useSyncExternalStore } from 'react';
import type { MotionValue } from 'framer-motion';
import { setText, useTimed } from '../useDerived.ts';
import type { RestaurantSnapshot } from '../../sim/index.ts';
import type { SimStore } from '../../app/simStore.ts';
import type { FloorLayout, StationBox } from './layoutTypes.ts';
import { laneSlotOf } from './walking.ts';
import { shortDuration, textWidth } from './text.ts';
import { Staff } from './Staff.tsx';
import { KindHeader, Station } from './Kitchen.tsx';
import { Chip, DoorParty, Table, type DishChip } from './Tables.tsx';
import { BLOCKED, INK, MUTED } from './palette.ts';

// The floor's layers (docs/visual-language.md), each drawn by Floor (Floor.tsx) in this order:
// kitchen, pass, tables, door, staff. Each re-renders only when what it draws changes.

/**
 * The snapshot, re-read only when `key` of it changes: each layer of the floor keys on what
 * it draws (the kitchen on its stations, the tables on their parties and dishes…), so an
 * event re-renders only the layers it touches. Between events only time moves, and the
 * floor follows time through direct writes (`useTimed`) without re-rendering React.
 */
function useSnapshotBy(store: SimStore, key: (s: RestaurantSnapshot) => string): RestaurantSnapshot {
  const cache = useRef<{ key: string; seen: RestaurantSnapshot; snapshot: RestaurantSnapshot } | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const get = () => {
    const snap = store.getState().snapshot;
    const c = cache.current;
    if (c && c.seen === snap) return c.snapshot;
    const k = keyRef.current(snap);
    if (!c || c.key !== k) cache.current = { key: k, seen: snap, snapshot: snap };
    else c.seen = snap;
    return cache.current!.snapshot;
  };
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Staff in drawing order: waiters, then runners. */
const staffOrder = (snap: RestaurantSnapshot) => [...snap.staff.filter((s) => s.role === 'waiter'), ...snap.staff.filter((s) => s.role === 'runner')];

/** A dish badge's description, from its ticket. */
function chipOf(snap: RestaurantSnapshot, layout: FloorLayout, tk: RestaurantSnapshot['tickets'][number]): DishChip {
  return { id: tk.id, dish: tk.dish, code: layout.codes.get(tk.dish) ?? tk.dish.slice(0, 2), kindIndex: layout.kindIndex.get(tk.station) ?? 0, state: tk.state, old: tk.protocol !== snap.mode };
}

const kitchenKey = (s: RestaurantSnapshot) =>
  s.stations.map((st) => `${st.id}:${st.state}:${st.since}:${st.legSeconds}:${st.ticketId}:${st.down}`).join('|') + Object.values(s.kitchenQueues).map((q) => q.length).join(',');

/** The kitchen: kind headers with their ticket rails, and the stations. */
export function KitchenLayer({ store, layout, time }: { store: SimStore; layout: FloorLayout; time: MotionValue<number> }) {
  const snap = useSnapshotBy(store, kitchenKey);
  const dishOf = new Map(snap.tickets.map((tk) => [tk.id, tk.dish]));
  return (
    <>
      {layout.kinds.map((k, i) => {
        const list = snap.stations.filter((st) => st.kind === k.kind);
        return (
          <KindHeader
            key={k.kind}
            group={k}
            index={i}
            queued={snap.kitchenQueues[k.kind]?.length ?? 0}
            layout={layout}
            busy={list.filter((st) => st.state === 'cooking' || st.state === 'plating').length}
            stations={list.length}
          />
        );
      })}
      {snap.stations.map((st) => {
        const box: StationBox | undefined = layout.stations.get(st.id);
        if (!box) return null;
        return (
          <Station
            key={st.id}
            id={st.id}
            kind={st.kind}
            state={st.state}
            since={st.since}
            legSeconds={st.legSeconds}
            down={st.down}
            box={box}
            layout={layout}
            number={Number(st.id.slice(st.id.lastIndexOf('-') + 1))}
            dish={st.ticketId !== null ? (dishOf.get(st.ticketId) ?? null) : null}
            time={time}
          />
        );
      })}
    </>
  );
}

const passKey = (s: RestaurantSnapshot) => `${s.mode}|${s.tickets.filter((tk) => tk.state === 'atPass').map((tk) => `${tk.id}${tk.protocol}`).join(',')}`;

/** The pass and the cooked dishes waiting on it, grouped under their kind. */
export function PassLayer({ store, layout }: { store: SimStore; layout: FloorLayout }) {
  const snap = useSnapshotBy(store, passKey);
  const t = layout.type;
  const atPass = snap.tickets.filter((tk) => tk.state === 'atPass');
  const passByKind = new Map<string, DishChip[]>();
  for (const tk of atPass) {
    const list = passByKind.get(tk.station) ?? [];
    list.push(chipOf(snap, layout, tk));
    passByKind.set(tk.station, list);
  }
  return (
    <g role="img" aria-label={`Pass: ${atPass.length} dish${atPass.length === 1 ? '' : 'es'} waiting`}>
      <rect x={layout.pass.x} y={layout.pass.y} width={layout.pass.w} height={layout.pass.h} rx={6} className="pass" />
      <text className="label zone-label" x={layout.passLabelX} y={layout.pass.y + layout.pass.h / 2 + t.main * 0.36} textAnchor="end" fill={INK} style={{ fontSize: t.main }}>
        Pass
      </text>
      {atPass.length > 0 && (
        <text className="label zone-count" x={layout.passCountX} y={layout.pass.y + layout.pass.h / 2 + t.main * 0.36} fill={INK} style={{ fontSize: t.main }}>
          {atPass.length}
        </text>
      )}
      {layout.kinds.map((k) => {
        const all = passByKind.get(k.kind) ?? [];
        if (all.length === 0 || k.passChips === 0) return null;
        // Room for one badge only: it shows, and the pass's own count says how many wait.
        const shown = all.length > k.passChips ? all.slice(0, Math.max(1, k.passChips - 1)) : all;
        const pitch = layout.chip.w + layout.chip.gap;
        // Within the kind's width and within the pass, centred under the kind where it can be.
        const lo = Math.max(k.x, layout.pass.x) + 3;
        const hi = Math.min(k.x + k.width, layout.pass.x + layout.pass.w) - 3 - (shown.length + (shown.length < all.length && k.passChips > 1 ? 1 : 0)) * pitch + layout.chip.gap;
        const left = Math.max(lo, Math.min(k.cx - ((shown.length - 1) * pitch) / 2 - layout.chip.w / 2, hi));
        const y = layout.pass.y + layout.pass.h / 2;
        return (
          <g key={k.kind}>
            {shown.map((c, i) => (
              <Chip key={c.id} x={left + layout.chip.w / 2 + i * pitch} y={y} chip={c} w={layout.chip.w} h={layout.chip.h} size={t.small} />
            ))}
            {shown.length < all.length && k.passChips > 1 && (
              <text className="label chip-more" x={left + layout.chip.w / 2 + shown.length * pitch} y={y + t.small * 0.36} textAnchor="middle" fill={MUTED} style={{ fontSize: t.small }}>
                +{all.length - shown.length}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

const tablesKey = (s: RestaurantSnapshot) => {
  const state = new Map(s.tickets.map((tk) => [tk.id, `${tk.state}${tk.protocol === s.mode ? '' : '*'}`]));
  return s.parties.filter((p) => p.table !== null).map((p) => `${p.id}@${p.table}:${p.state}:${p.tickets.map((id) => state.get(id) ?? '').join('')}`).join('|');
};

/** The tables, and the counts per state that stand in for their labels on a crowded floor. */
export function TablesLayer({ store, layout, time, tables }: { store: SimStore; layout: FloorLayout; time: MotionValue<number>; tables: number }) {
  const snap = useSnapshotBy(store, tablesKey);
  const ticketsById = new Map(snap.tickets.map((tk) => [tk.id, tk]));
  const partiesByTable = new Map<number, (typeof snap.parties)[number]>();
  for (const p of snap.parties) if (p.table !== null) partiesByTable.set(p.table, p);
  return (
    <>
      {layout.summaryAt && (
        <text className="label table-summary" x={layout.summaryAt.x} y={layout.summaryAt.y} fill={INK} style={{ fontSize: layout.type.small }}>
          {tableSummary(snap, tables, layout)}
        </text>
      )}
      {layout.tables.map((box) => {
        const p = partiesByTable.get(box.table);
        const chips = p ? p.tickets.map((id) => ticketsById.get(id)).filter((tk) => tk !== undefined).map((tk) => chipOf(snap, layout, tk)) : [];
        return (
          <Table
            key={box.table}
            box={box}
            layout={layout}
            partyId={p?.id ?? null}
            partyState={p?.state ?? null}
            arrivedAt={p?.arrivedAt ?? 0}
            signature={chips.map((c) => `${c.state}${c.old ? '*' : ''}`).join(',')}
            chips={chips}
            time={time}
          />
        );
      })}
    </>
  );
}

const doorKey = (s: RestaurantSnapshot) => s.door.join(',');

/** The door and the parties waiting at it, first in line nearest the door. */
export function DoorLayer({ store, layout, time }: { store: SimStore; layout: FloorLayout; time: MotionValue<number> }) {
  const snap = useSnapshotBy(store, doorKey);
  const t = layout.type;
  const door = snap.door;
  const shown = Math.min(door.length, layout.door.slots.length);
  const partyById = new Map(snap.parties.map((p) => [p.id, p]));
  return (
    <>
      <g role="img" aria-label={`Door: ${door.length} part${door.length === 1 ? 'y' : 'ies'} waiting for a table`}>
        <rect x={layout.door.box.x} y={layout.door.labelY - t.small - 3} width={layout.door.box.w} height={t.small + 8} rx={4} className="door" />
        <text className="label zone-label" x={layout.door.x} y={layout.door.labelY} textAnchor="middle" fill="#fff" style={{ fontSize: t.small }}>
          Door
        </text>
        {door.length > shown && (
          <text className="label zone-count" x={layout.door.moreAt.x} y={layout.door.moreAt.y} textAnchor="middle" fill={INK} style={{ fontSize: t.small }}>
            +{door.length - shown}
          </text>
        )}
      </g>
      {door.slice(0, shown).map((id, i) => {
        const p = partyById.get(id);
        if (!p) return null;
        const at = layout.door.slots[i]!;
        return <DoorParty key={id} x={at.x} y={at.y} r={layout.r} partyId={id} arrivedAt={p.arrivedAt} walksOutAt={p.walksOutAt} time={time} position={i + 1} />;
      })}
    </>
  );
}

const staffKey = (s: RestaurantSnapshot) => {
  const protocol = new Map(s.tickets.map((tk) => [tk.id, tk.protocol]));
  return `${s.mode}|${s.staff.map((p) => `${p.id}:${p.state}:${p.activity}:${p.since}:${p.legSeconds}:${String(p.from)}>${String(p.to)}:${p.ticketId}:${p.partyId}:${p.ticketId !== null ? protocol.get(p.ticketId) : ''}`).join('|')}`;
};

/** The staff, on top of everything, and the lane's count line when it has no room for a timer each. */
export function StaffLayer({ store, layout, time, reduced }: { store: SimStore; layout: FloorLayout; time: MotionValue<number>; reduced: boolean }) {
  const snap = useSnapshotBy(store, staffKey);
  const staff = staffOrder(snap);
  const lanes = laneSlotOf(staff, layout.lane.personal);
  // More people at the pass than slots: the last slot is shared, and nobody on it shows a number.
  const overflow = Math.max(-1, ...lanes.values()) >= layout.lane.slots.length;
  const ticketsById = new Map(snap.tickets.map((tk) => [tk.id, tk]));
  const partyById = new Map(snap.parties.map((p) => [p.id, p]));
  const oldOf = (s: (typeof staff)[number]): boolean => {
    const tk = s.ticketId !== null ? ticketsById.get(s.ticketId) : undefined;
    if (tk) return tk.protocol !== snap.mode;
    if (s.partyId === null || s.activity === 'idle') return false;
    const p = partyById.get(s.partyId);
    const first = p?.tickets.map((id) => ticketsById.get(id)).find((x) => x !== undefined);
    return first !== undefined && first.protocol !== snap.mode && s.state !== 'walkingToTable' && s.state !== 'takingOrder';
  };
  const roleIndex = new Map<string, number>();
  let w = 0;
  let r = 0;
  for (const s of staff) roleIndex.set(s.id, s.role === 'waiter' ? w++ : r++);
  return (
    <>
      {layout.lane.timers === 'count' && <LaneCount layout={layout} since={staff.filter((x) => x.activity === 'blocked').map((x) => x.since)} time={time} />}
      {staff.map((s) => (
        <Staff
          key={s.id}
          id={s.id}
          role={s.role}
          state={s.state}
          activity={s.activity}
          since={s.since}
          legSeconds={s.legSeconds}
          from={s.from}
          to={s.to}
          roleIndex={roleIndex.get(s.id)!}
          lane={lanes.get(s.id) ?? 0}
          shared={overflow && (lanes.get(s.id) ?? 0) >= layout.lane.slots.length - 1}
          number={roleIndex.get(s.id)! + 1}
          layout={layout}
          time={time}
          reducedMotion={reduced}
          dish={s.ticketId !== null ? (ticketsById.get(s.ticketId)?.dish ?? null) : null}
          old={oldOf(s)}
        />
      ))}
    </>
  );
}

/** The floor's labels for tables it cannot label one by one: how many tables are in each state. */
function tableSummary(snapshot: RestaurantSnapshot, tables: number, layout: FloorLayout): string {
  const c = snapshot.partyCounts;
  const seatedAt = snapshot.parties.filter((p) => p.table !== null).length;
  // [long, short] words per state: the short ones when the long do not fit.
  const parts: [number, string, string][] = [
    [c.waitingForFood, 'waiting for food', 'waiting'],
    [c.seated + c.ordering, 'ordering', 'ordering'],
    [c.eating, 'eating', 'eating'],
    [c.paying, 'paying', 'paying'],
    [Math.max(0, tables - seatedAt), 'free', 'free'],
  ];
  const room = layout.width - layout.summaryAt!.x - 8;
  for (const [lead, short] of [['Tables: ', false], ['', true]] as const) {
    const text = lead + parts.filter(([n], i) => n > 0 || i === 4).map(([n, long, brief]) => `${n} ${short ? brief : long}`).join(' · ');
    if (textWidth(text, layout.type.small) <= room) return text;
  }
  // Not even that: as many short counts as fit.
  let text = '';
  for (const [n, , brief] of parts.filter(([n], i) => n > 0 || i === 4)) {
    const next = `${text}${text ? ' · ' : ''}${n} ${brief}`;
    if (textWidth(next, layout.type.small) > room) break;
    text = next;
  }
  return text;
}

/** The lane's one line when it has no room for a timer per person: how many are blocked, and the longest wait. */
function LaneCount({ layout, since, time }: { layout: FloorLayout; since: readonly number[]; time: MotionValue<number> }) {
  const text = useTimed<SVGTextElement>(time, (t) => (since.length === 0 ? '' : `${since.length} blocked at the pass · longest ${shortDuration(t - Math.min(...since))}`), setText);
  return <text ref={text} className="label lane-count" x={layout.pass.x} y={layout.lane.timerYs[0]! + layout.type.small * 0.36} fill={BLOCKED} style={{ fontSize: layout.type.small }} />;
}
