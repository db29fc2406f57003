import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useReducedMotion } from 'framer-motion';
import type { Distribution, Scenario } from '../../sim/index.ts';
import { MAX_DISHES_PER_PARTY } from '../../sim/index.ts';
import { useSim, useSimStore, useSimTime } from '../SimProvider.tsx';
import { useSession } from '../SessionProvider.tsx';
import { floorLayout } from './layout.ts';
import { TYPE_NORMAL, TYPE_PRESENTER } from './text.ts';
import { Effects } from './Effects.tsx';
import { DoorLayer, KitchenLayer, PassLayer, StaffLayer, TablesLayer } from './FloorLayers.tsx';
import { INK } from './palette.ts';

/** Person radius at the least type size, CSS pixels: normal and presenter. */
const PERSON_R = { normal: 11, presenter: 14 };

/** The most dishes a party of this scenario orders, for the badges a table must hold (capped, "+n" beyond). */
export function maxDishesOf(d: Distribution): number {
  const cap = (n: number) => Math.max(1, Math.min(MAX_DISHES_PER_PARTY, Math.round(n)));
  switch (d.dist) {
    case 'fixed':
      return cap(d.value);
    case 'uniform':
      return cap(d.max);
    case 'exponential':
      return cap(d.mean * 3);
    case 'lognormal':
      return cap(d.mean + 3 * d.sd);
  }
}

/** The size of an element in CSS pixels, kept up to date as it resizes (jsdom, which lays nothing out, gets `fallback`). */
export function useElementSize(fallback: { width: number; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The inside of its border, where the drawing goes: drawn 1:1, so a 12 px font is 12 px on screen.
    const read = () => {
      const r = { width: el.clientWidth, height: el.clientHeight };
      if (r.width < 1 || r.height < 1) return;
      const next = { width: Math.floor(r.width), height: Math.floor(r.height) };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, size };
}

/**
 * The restaurant drawn top-down, in the stage's own pixels (docs/visual-language.md): kitchen
 * stations in a row at the top, the pass, the staff standing at it, the corridor, the door
 * queue and the tables. The layout decides what fits, so no label is ever under 12 px (16 px
 * in presenter mode) or on top of another. Moving parts (positions, timers, progress rings)
 * follow simulated time through motion values.
 */
export function Floor({ label = 'Restaurant floor' }: { label?: string }) {
  const store = useSimStore();
  const time = useSimTime();
  const reduced = useReducedMotion() ?? false;
  const presenter = useSession((s) => s.presenter);
  const speed = useSim((s) => s.speed);
  const scenario: Scenario = useSim((s) => s.scenario);
  // What the layout depends on: stations, and the head count per role (a string, so it is stable).
  const shape = useSim((s) => `${s.snapshot.stations.map((st) => `${st.id}|${st.kind}`).join(',')}#${s.snapshot.staff.filter((x) => x.role === 'waiter').length}#${s.snapshot.staff.filter((x) => x.role === 'runner').length}`);
  const { ref, size } = useElementSize({ width: 1000, height: 640 });
  const dishes = useMemo(() => scenario.menu.map((m) => m.dish), [scenario]);
  const maxDishes = useMemo(() => maxDishesOf(scenario.dishesPerParty), [scenario]);
  const layout = useMemo(() => {
    const [stations, waiters, runners] = shape.split('#');
    return floorLayout({
      width: size.width,
      height: size.height,
      stations: stations!.split(',').filter(Boolean).map((x) => ({ id: x.split('|')[0]!, kind: x.split('|')[1]! })),
      tables: scenario.tables,
      waiters: Number(waiters),
      runners: Number(runners),
      dishes,
      maxDishes,
      type: presenter ? TYPE_PRESENTER : TYPE_NORMAL,
      personR: presenter ? PERSON_R.presenter : PERSON_R.normal,
    });
  }, [size.width, size.height, shape, scenario.tables, dishes, maxDishes, presenter]);
  const rejectionOf = useSim((s) => s.restaurant().rejectionOf);

  return (
    <section className="floor" aria-label={label}>
      <div className="floor-canvas" ref={ref}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="Floor plan" data-detail={layout.detail}>
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
          <rect x={layout.kitchen.x} y={layout.kitchen.y} width={layout.kitchen.w} height={layout.kitchen.h} rx={12} className="zone kitchen-zone" />
          <KitchenLayer store={store} layout={layout} time={time} />
          {/* events pulse under the tables and the pass, so a ring never covers a label */}
          <Effects layer="under" messages={store.getState().recentMessages} time={time} speed={speed} layout={layout} reducedMotion={reduced} rejectionOf={rejectionOf} />
          <PassLayer store={store} layout={layout} />
          <TablesLayer store={store} layout={layout} time={time} tables={scenario.tables} />
          <DoorLayer store={store} layout={layout} time={time} />
          <Effects layer="over" messages={store.getState().recentMessages} time={time} speed={speed} layout={layout} reducedMotion={reduced} rejectionOf={rejectionOf} />
          <StaffLayer store={store} layout={layout} time={time} reduced={reduced} />
        </svg>
      </div>
    </section>
  );
}
