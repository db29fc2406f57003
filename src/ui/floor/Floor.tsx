import { useMemo } from 'react';
import { useReducedMotion } from 'framer-motion';
import { useShallow } from 'zustand/react/shallow';
import { useSim, useSimStore, useSimTime } from '../SimProvider.tsx';
import { floorLayout, FLOOR_HEIGHT, FLOOR_WIDTH } from './layout.ts';
import { Staff } from './Staff.tsx';
import { KindHeader, Station } from './Kitchen.tsx';
import { DoorParty, Table, Chip, type DishChip } from './Tables.tsx';
import { Effects } from './Effects.tsx';
import { INK } from './palette.ts';

/**
 * The restaurant drawn top-down from the frame's snapshot: kitchen stations in a row at the
 * top, the pass, tables, the door queue, and the staff moving between them. Moving parts
 * (positions, timers, progress rings) follow simulated time through motion values.
 */
export function Floor({ label = 'Restaurant floor' }: { label?: string }) {
  const store = useSimStore();
  const time = useSimTime();
  const reduced = useReducedMotion() ?? false;
  const snapshot = useSim((s) => s.snapshot);
  const speed = useSim((s) => s.speed);
  const { tables, stationIds } = useSim(
    useShallow((s) => ({ tables: s.scenario.tables, stationIds: s.snapshot.stations.map((st) => `${st.id}|${st.kind}`).join(',') })),
  );
  const layout = useMemo(
    () => floorLayout(stationIds.split(',').filter(Boolean).map((x) => ({ id: x.split('|')[0]!, kind: x.split('|')[1]! })), tables),
    [stationIds, tables],
  );

  const ticketsById = new Map(snapshot.tickets.map((t) => [t.id, t]));
  const partiesByTable = new Map<number, (typeof snapshot.parties)[number]>();
  for (const p of snapshot.parties) if (p.table !== null) partiesByTable.set(p.table, p);
  const chipOf = (id: number): DishChip => {
    const t = ticketsById.get(id)!;
    return { id, dish: t.dish, kindIndex: layout.kindIndex.get(t.station) ?? 0, state: t.state };
  };
  const waiters = snapshot.staff.filter((s) => s.role === 'waiter');
  const runners = snapshot.staff.filter((s) => s.role === 'runner');
  const atPass = snapshot.tickets.filter((t) => t.state === 'atPass');
  const passByKind = new Map<string, DishChip[]>();
  for (const t of atPass) {
    const list = passByKind.get(t.station) ?? [];
    list.push(chipOf(t.id));
    passByKind.set(t.station, list);
  }
  const partyById = new Map(snapshot.parties.map((p) => [p.id, p]));
  const door = snapshot.door;

  return (
    <section className="floor" aria-label={label}>
      <svg viewBox={`0 0 ${FLOOR_WIDTH} ${FLOOR_HEIGHT}`} preserveAspectRatio="xMidYMin meet" role="group" aria-label="Floor plan">
        <defs>
          <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#FFF3D6" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#B8860B" strokeWidth="3" />
          </pattern>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" fill={INK} />
          </marker>
        </defs>
        {/* kitchen */}
        <rect x={16} y={2} width={FLOOR_WIDTH - 32} height={layout.pass.y - 8} rx={14} className="zone kitchen-zone" />
        {layout.kinds.map((k, i) => (
          <KindHeader key={k.kind} kind={k.kind} cx={k.cx} width={k.width} index={i} queued={snapshot.kitchenQueues[k.kind]?.length ?? 0} />
        ))}
        {snapshot.stations.map((st) => {
          const box = layout.stations.get(st.id);
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
              number={Number(st.id.slice(st.id.lastIndexOf('-') + 1))}
              dish={st.ticketId !== null ? (ticketsById.get(st.ticketId)?.dish ?? null) : null}
              time={time}
            />
          );
        })}
        {/* the pass */}
        <g role="img" aria-label={`Pass: ${atPass.length} dish${atPass.length === 1 ? '' : 'es'} waiting`}>
          <rect x={layout.pass.x} y={layout.pass.y} width={layout.pass.w} height={layout.pass.h} rx={6} className="pass" />
          <text className="zone-label" x={layout.pass.x - 8} y={layout.pass.y + 21} textAnchor="end" fill={INK}>
            Pass
          </text>
          {atPass.length > 0 && (
            <text className="zone-count" x={layout.pass.x + layout.pass.w + 8} y={layout.pass.y + 21} fill={INK}>
              {atPass.length}
            </text>
          )}
          {layout.kinds.map((k) => {
            const chips = (passByKind.get(k.kind) ?? []).slice(0, 8);
            const lo = layout.pass.x + 14;
            const hi = layout.pass.x + layout.pass.w - 14 - (chips.length - 1) * 22;
            const start = Math.min(hi, Math.max(lo, k.cx - ((chips.length - 1) * 22) / 2));
            return chips.map((c, i) => <Chip key={c.id} x={start + i * 22} y={layout.pass.y + layout.pass.h / 2} chip={c} />);
          })}
        </g>
        {/* dining room */}
        {layout.tables.map((box) => {
          const p = partiesByTable.get(box.table);
          const chips = p ? p.tickets.filter((id) => ticketsById.has(id)).map(chipOf) : [];
          return (
            <Table
              key={box.table}
              box={box}
              partyId={p?.id ?? null}
              partyState={p?.state ?? null}
              arrivedAt={p?.arrivedAt ?? 0}
              signature={chips.map((c) => c.state).join(',')}
              chips={chips}
              time={time}
            />
          );
        })}
        {/* the door and its queue */}
        <g role="img" aria-label={`Door: ${door.length} part${door.length === 1 ? 'y' : 'ies'} waiting for a table`}>
          <rect x={layout.door.x - 34} y={layout.door.y - 14} width={68} height={20} rx={4} className="door" />
          <text className="zone-label" x={layout.door.x} y={layout.door.y + 1} textAnchor="middle" fill="#fff">
            Door
          </text>
          {door.length > 0 && (
            <text className="zone-count" x={layout.door.x} y={layout.doorSlot(Math.min(door.length, layout.doorSlots)).y + 6} textAnchor="middle" fill={INK}>
              {door.length > layout.doorSlots ? `+${door.length - layout.doorSlots}` : ''}
            </text>
          )}
        </g>
        {door.slice(0, layout.doorSlots).map((id, i) => {
          const p = partyById.get(id);
          if (!p) return null;
          const at = layout.doorSlot(i);
          return <DoorParty key={id} x={at.x} y={at.y} partyId={id} arrivedAt={p.arrivedAt} walksOutAt={p.walksOutAt} time={time} position={i + 1} />;
        })}
        <Effects
          messages={store.getState().recentMessages()}
          now={snapshot.time}
          speed={speed}
          layout={layout}
          reducedMotion={reduced}
          rejectionOf={store.getState().restaurant().rejectionOf}
        />
        {/* staff on top of everything */}
        {[...waiters, ...runners].map((s, index, all) => {
          const group = s.role === 'waiter' ? waiters : runners;
          const carrying = s.ticketId !== null ? ticketsById.get(s.ticketId)?.dish ?? null : null;
          return (
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
              index={index}
              count={all.length}
              number={group.indexOf(s) + 1}
              layout={layout}
              time={time}
              reducedMotion={reduced}
              dish={carrying}
            />
          );
        })}
      </svg>
    </section>
  );
}
