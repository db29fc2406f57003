import { describe, expect, it } from 'vitest';
import { floorLayout } from './layout.ts';
import type { Box, FloorLayout, FloorSpec, Point } from './layoutTypes.ts';
import { alongPath, laneSlotOf } from './walking.ts';
import { dishCodes } from './dishCodes.ts';
import { lineHeight, shortDuration, textWidth, TYPE_NORMAL, TYPE_PRESENTER } from './text.ts';
import { EFFECT_GAP_WALL_SECONDS, effectGapSeconds, effectSeconds, liveKey, MAX_LIVE, MIN_EFFECT_WALL_SECONDS } from './Effects.tsx';
import type { RecentMessage } from '../../app/simStore.ts';
import { PARAM_SPECS } from '../../app/params.ts';

const MENU = ['salad', 'soup', 'steak', 'pasta', 'burger'];
const kitchen = (perKind: number[]) => perKind.flatMap((n, k) => Array.from({ length: n }, (_, i) => ({ id: `${['cold', 'stove', 'grill'][k]}-${i + 1}`, kind: ['cold', 'stove', 'grill'][k]! })));
const spec = (over: Partial<FloorSpec> = {}): FloorSpec => ({
  width: 740,
  height: 560,
  stations: kitchen([2, 5, 5]),
  tables: 24,
  waiters: 3,
  runners: 2,
  dishes: MENU,
  maxDishes: 5,
  type: TYPE_NORMAL,
  personR: 11,
  ...over,
});

/** Stage sizes the page gives the floor: single view and compare mode, at 1280×720 and 1440×900. */
const STAGES = [
  { width: 740, height: 470 },
  { width: 740, height: 590 },
  { width: 870, height: 740 },
  { width: 622, height: 360 },
  { width: 700, height: 480 },
];

const intersects = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const tableBox = (t: FloorLayout['tables'][number]): Box => ({ x: t.x - t.w / 2, y: t.y - t.h / 2, w: t.w, h: t.h });
const inside = (p: Point, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

/** Every configuration the page's controls allow, sampled: tables, staff and kitchens at their limits and between. */
function* configurations(): Generator<FloorSpec> {
  for (const stage of STAGES)
    for (const tables of [PARAM_SPECS.tables.min, 6, 16, 24, PARAM_SPECS.tables.max])
      for (const [waiters, runners] of [
        [1, 0],
        [3, 2],
        [PARAM_SPECS.waiters.max, PARAM_SPECS.runners.max],
      ] as const)
        for (const perKind of [[1, 1, 1], [2, 5, 5], [8, 8, 8]])
          for (const type of [TYPE_NORMAL, TYPE_PRESENTER])
            yield spec({ ...stage, tables, waiters, runners, stations: kitchen(perKind), type, personR: type === TYPE_PRESENTER ? 14 : 11 });
}

describe('floor layout', () => {
  it('never sets type below the least size (12 px, 16 px in presenter mode), in every configuration', () => {
    for (const s of configurations()) {
      const l = floorLayout(s);
      expect(l.type.small).toBeGreaterThanOrEqual(s.type.small);
      expect(l.type.main).toBeGreaterThanOrEqual(l.type.small);
      expect(l.chip.h).toBeGreaterThanOrEqual(lineHeight(l.type.small));
    }
  });

  it('keeps tables apart, inside the dining room, and off the aisles people walk down', () => {
    for (const s of configurations()) {
      const l = floorLayout(s);
      expect(l.tables).toHaveLength(s.tables);
      const boxes = l.tables.map(tableBox);
      for (const [i, b] of boxes.entries()) {
        if (!l.overflow) {
          expect(b.x).toBeGreaterThanOrEqual(l.dining.x);
          expect(b.x + b.w).toBeLessThanOrEqual(l.dining.x + l.dining.w + 0.01);
          expect(b.y).toBeGreaterThanOrEqual(l.dining.y);
          expect(b.y + b.h).toBeLessThanOrEqual(l.dining.y + l.dining.h + 0.01);
          for (let j = i + 1; j < boxes.length; j++) expect(intersects(b, boxes[j]!), `tables ${i + 1} and ${j + 1} (${s.width}×${s.height}, ${s.tables} tables)`).toBe(false);
        }
        // The aisle beside each table, from the corridor down, crosses no table.
        const aisle = l.tables[i]!.aisleX;
        for (const other of boxes) expect(aisle > other.x + 0.01 && aisle < other.x + other.w - 0.01, `aisle at ${aisle} runs through a table`).toBe(false);
        // Whoever serves a table stands in its aisle, beside it, not on any table.
        for (const other of boxes) expect(inside(l.tables[i]!.slot, other)).toBe(false);
      }
    }
  });

  it('puts the kitchen, the pass, the lane and the corridor one above the other, none overlapping the dining room', () => {
    for (const s of configurations()) {
      const l = floorLayout(s);
      expect(l.kitchen.y + l.kitchen.h).toBeLessThanOrEqual(l.pass.y);
      expect(l.pass.y + l.pass.h).toBeLessThan(Math.min(...l.lane.timerYs, l.lane.y) - 4);
      expect(l.lane.y + l.r).toBeLessThan(l.corridorY - l.r);
      expect(l.corridorY + l.r).toBeLessThanOrEqual(l.dining.y);
      for (const st of l.stations.values()) expect(st.y + st.size / 2).toBeLessThan(l.kitchen.y + l.kitchen.h);
    }
  });

  it('gives stations room for the words they write, and kinds room for their names and counts', () => {
    for (const s of configurations()) {
      const l = floorLayout(s);
      const xs = [...l.stations.values()].map((b) => b.x).sort((a, b) => a - b);
      const size = [...l.stations.values()][0]!.size;
      for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(size);
      for (const st of l.stations.values()) {
        if (st.label === 'word') for (const w of [...s.dishes, 'idle', 'down']) expect(textWidth(w, l.type.small, false)).toBeLessThanOrEqual(st.pitch);
      }
      for (const k of l.kinds) if (k.name) expect(textWidth(k.name, l.type.head) + textWidth('99', l.type.head) + 10).toBeLessThanOrEqual(k.width);
    }
  });

  it('keeps blocked timers apart from each other and from the pass', () => {
    for (const s of configurations()) {
      const l = floorLayout(s);
      if (l.lane.timers === 'count') continue;
      const badge = (i: number): Box => {
        const slot = l.lane.slots[i]!;
        const c = l.lane.timers === 'beside' ? { x: slot.x + l.r + 6 + l.lane.badge.w / 2, y: slot.y } : { x: slot.x, y: l.lane.timerYs[i % l.lane.timerYs.length]! };
        return { x: c.x - l.lane.badge.w / 2, y: c.y - l.lane.badge.h / 2, w: l.lane.badge.w, h: l.lane.badge.h };
      };
      const person = (i: number): Box => ({ x: l.lane.slots[i]!.x - l.r, y: l.lane.y - l.r, w: 2 * l.r, h: 2 * l.r });
      for (let i = 0; i < l.lane.slots.length; i++) {
        expect(intersects(badge(i), l.pass)).toBe(false);
        for (let j = 0; j < l.lane.slots.length; j++) {
          if (j > i) expect(intersects(badge(i), badge(j)), `timers ${i} and ${j}`).toBe(false);
          expect(intersects(badge(i), person(j)), `timer ${i} over person ${j}`).toBe(false);
        }
      }
    }
  });

  it('drops detail on a crowded stage rather than shrinking type: words on a roomy floor, counts on the largest one in compare mode', () => {
    expect(floorLayout(spec({ width: 870, height: 740 })).detail).toBe('words');
    const big = floorLayout(spec({ width: 622, height: 360, tables: 40, waiters: 12, runners: 12, stations: kitchen([8, 8, 8]), type: TYPE_PRESENTER, personR: 14 }));
    expect(['minimal', 'dots']).toContain(big.detail);
    expect(big.summaryAt).not.toBeNull();
    expect(big.stationWords).toBe(false);
  });

  it('walks people along the corridor and down aisles only: every leg is horizontal or vertical', () => {
    const l = floorLayout(spec());
    const who = { role: 'waiter' as const, roleIndex: 1, lane: 2 };
    for (const [from, to] of [
      ['home', 7],
      [7, 'pass'],
      ['pass', 19],
      [3, 22],
      ['home', 'pass'],
    ] as const) {
      const path = l.pathOf(from, to, who);
      expect(path[0]).toEqual(l.placeOf(from, who));
      expect(path.at(-1)).toEqual(l.placeOf(to, who));
      for (let i = 1; i < path.length; i++) {
        const a = path[i - 1]!;
        const b = path[i]!;
        expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01, `leg ${i} of ${String(from)} → ${String(to)}`).toBe(true);
        // A horizontal leg between two places is in the corridor.
        if (Math.abs(a.y - b.y) < 0.01 && Math.abs(a.x - b.x) > 0.01 && i > 1 && i < path.length - 1) expect(a.y).toBeCloseTo(l.corridorY, 6);
      }
    }
  });
});

describe('alongPath', () => {
  it('moves at an even pace by length along the legs, and clamps outside [0, 1]', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
      { x: 30, y: 10 },
    ];
    expect(alongPath(path, 0.5)).toEqual({ x: 20, y: 0 });
    expect(alongPath(path, 0.875)).toEqual({ x: 30, y: 5 });
    expect(alongPath(path, -3)).toEqual({ x: 0, y: 0 });
    expect(alongPath(path, 9)).toEqual({ x: 30, y: 10 });
  });
});

describe('lane slots', () => {
  const staff = [
    { id: 'a', from: 'home' as const, to: 'pass' as const },
    { id: 'b', from: 3, to: 5 },
    { id: 'c', from: 'pass' as const, to: 8 },
  ];
  it('give each person their own slot when everyone fits', () => {
    expect([...laneSlotOf(staff, true)]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });
  it('otherwise number only the people arriving at or leaving the pass', () => {
    expect([...laneSlotOf(staff, false)]).toEqual([
      ['a', 0],
      ['c', 1],
    ]);
  });
});

describe('dish codes', () => {
  it('are two characters, unique within the menu, and start with the dish initial when they can', () => {
    const menus = [MENU, ['salad', 'sauce', 'soup', 'steak', 'stew', 'sorbet', 'sushi', 'salmon', 'spinach'], ['fish pie', 'fish soup', 'fries'], ['__proto__', 'constructor', 'toString', '', '!!!', 'x'], Array.from({ length: 200 }, (_, i) => `dish ${i}`)];
    for (const menu of menus) {
      const codes = dishCodes(menu);
      const values = [...codes.values()];
      expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(values.length);
      for (const v of values) expect(v).toMatch(/^[A-Z][a-z0-9]$/);
    }
    const c = dishCodes(MENU);
    expect([c.get('salad'), c.get('soup'), c.get('steak')]).toEqual(['Sa', 'So', 'St']);
    expect(dishCodes(['salad', 'sauce']).get('sauce')).toBe('Su');
  });
});

describe('durations on the floor', () => {
  it('always carry a unit', () => {
    expect(shortDuration(0)).toBe('0 s');
    expect(shortDuration(59.9)).toBe('59 s');
    expect(shortDuration(134)).toBe('2 min');
    expect(shortDuration(3599)).toBe('59 min');
    expect(shortDuration(3900)).toBe('1 h 05');
    expect(shortDuration(-5)).toBe('0 s');
  });
});

describe('message effects', () => {
  it('last 0.8 s of wall time at 1×, shorten with speed, and never go under 0.4 s of wall time', () => {
    expect(effectSeconds(1)).toBeCloseTo(0.8 * 60, 9);
    expect(effectSeconds(0.25)).toBeCloseTo(0.8 * 60 * 0.25, 9);
    expect(effectSeconds(4) / 4).toBeLessThan(effectSeconds(1));
    for (const s of [16, 32, 64] as const) expect(effectSeconds(s) / (60 * s)).toBeGreaterThanOrEqual(MIN_EFFECT_WALL_SECONDS - 1e-9);
  });

  const msg = (id: number, time: number, kind: 'command' | 'event' = 'event'): RecentMessage => ({ id: `m${id}`, kind, type: kind === 'event' ? 'DishReady' : 'PlaceOrder', topic: 'pass', time, subject: '', source: '', station: 'grill', protocol: 'async', table: 1 });

  it('draw every message up to 4×, and above it at most one new message of each kind per 0.12 s of wall time', () => {
    const messages = Array.from({ length: 200 }, (_, i) => msg(i, i * 2, i % 3 === 0 ? 'command' : 'event'));
    const now = 400;
    // 24 messages in the last 48 s; the newest MAX_LIVE are drawn.
    expect(liveKey(messages, now, 48, effectGapSeconds(1)).split(',')).toEqual(messages.filter((m) => m.time > 352 && m.time <= now).slice(-MAX_LIVE).map((m) => m.id));
    const gap = effectGapSeconds(64);
    expect(gap).toBeCloseTo(EFFECT_GAP_WALL_SECONDS * 60 * 64, 9);
    const drawn = liveKey(messages, now, effectSeconds(64), gap).split(',').map((id) => messages[Number(id.slice(1))]!);
    for (const kind of ['command', 'event']) {
      const times = drawn.filter((m) => m.kind === kind).map((m) => m.time);
      for (let i = 1; i < times.length; i++) expect(Math.floor(times[i]! / gap)).not.toBe(Math.floor(times[i - 1]! / gap));
    }
    // Nothing from the future, nothing older than the span.
    expect(drawn.every((m) => m.time <= now && now - m.time < effectSeconds(64))).toBe(true);
  });

  it('always draws a rejected command, whatever the speed', () => {
    const messages = [msg(1, 100, 'command'), msg(2, 101, 'command'), msg(3, 102, 'command')];
    const key = liveKey(messages, 110, 2000, effectGapSeconds(64), (id) => id === 'm3');
    expect(key.split(',')).toEqual(['m1', 'm3']);
  });
});
