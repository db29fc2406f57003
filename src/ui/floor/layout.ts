import type { Place } from '../../sim/index.ts';

/**
 * Geometry of the floor in SVG user units (viewBox {@link FLOOR_WIDTH}×{@link FLOOR_HEIGHT}):
 * kitchen stations in a row at the top, the pass below them, tables in a grid, the door
 * queue up the left edge. Pure: the same restaurant always gets the same picture.
 */
export const FLOOR_WIDTH = 1000;
export const FLOOR_HEIGHT = 720;

export interface Point {
  x: number;
  y: number;
}

export interface StationBox extends Point {
  id: string;
  kind: string;
  size: number;
  /** Distance between neighbouring stations: under {@link LABEL_PITCH} there is no room for a word. */
  pitch: number;
}

/** Narrowest station pitch, in user units, that fits a dish name under the station. */
export const LABEL_PITCH = 62;
/** Most staff that stand in one row at the pass; more stand in two staggered rows. */
export const PASS_ROW = 9;

export interface KindGroup {
  kind: string;
  x: number;
  width: number;
  /** Centre of the group, where its tickets arrive and its dishes leave the pass. */
  cx: number;
}

export interface TableBox extends Point {
  table: number;
  w: number;
  h: number;
}

export interface FloorLayout {
  stations: Map<string, StationBox>;
  kinds: KindGroup[];
  kindIndex: Map<string, number>;
  tables: TableBox[];
  pass: { x: number; y: number; w: number; h: number };
  door: Point;
  /** Where the n-th party in the door queue stands (0 = first in line). */
  doorSlot(n: number): Point;
  doorSlots: number;
  /**
   * Where a staff member stands at `place`: `index` of `count` among all floor staff (spreads
   * people along the pass and around a table), `roleIndex` among their role (home spots).
   */
  placeOf(place: Place, index: number, count: number, role: 'waiter' | 'runner', roleIndex: number): Point;
}

/** Centre line of the stations; their labels sit below, clear of the pass. */
const STATION_Y = 98;
const PASS_Y = 168;
const PASS_H = 30;
const FLOOR_TOP = 282;
const FLOOR_BOTTOM = 700;
const FLOOR_LEFT = 150;
const FLOOR_RIGHT = 945;

/**
 * Lay out a kitchen of `stations` (ids and kinds, in order) and `tables` tables.
 * @param stations station ids with their kind, grouped by kind as the scenario lists them.
 */
export function floorLayout(stations: readonly { id: string; kind: string }[], tables: number): FloorLayout {
  const kindsInOrder: string[] = [];
  for (const s of stations) if (!kindsInOrder.includes(s.kind)) kindsInOrder.push(s.kind);
  const gapBetweenKinds = 28;
  const usable = FLOOR_WIDTH - 60 - gapBetweenKinds * Math.max(0, kindsInOrder.length - 1);
  const pitch = Math.min(96, usable / Math.max(1, stations.length));
  const size = Math.min(56, pitch - 16);
  const totalWidth = pitch * stations.length + gapBetweenKinds * Math.max(0, kindsInOrder.length - 1);
  let x = (FLOOR_WIDTH - totalWidth) / 2;
  const boxes = new Map<string, StationBox>();
  const kinds: KindGroup[] = [];
  for (const kind of kindsInOrder) {
    const start = x;
    for (const s of stations.filter((t) => t.kind === kind)) {
      boxes.set(s.id, { id: s.id, kind, size, pitch, x: x + pitch / 2, y: STATION_Y });
      x += pitch;
    }
    kinds.push({ kind, x: start, width: x - start, cx: (start + x) / 2 });
    x += gapBetweenKinds;
  }

  const cols = Math.max(1, Math.min(8, Math.ceil(Math.sqrt(tables * 1.5))));
  const rows = Math.max(1, Math.ceil(tables / cols));
  const cellW = (FLOOR_RIGHT - FLOOR_LEFT) / cols;
  const cellH = (FLOOR_BOTTOM - FLOOR_TOP) / rows;
  const tableBoxes: TableBox[] = [];
  for (let i = 0; i < tables; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    tableBoxes.push({
      table: i + 1,
      x: FLOOR_LEFT + cellW * (c + 0.5),
      y: FLOOR_TOP + cellH * (r + 0.5) - 8,
      w: Math.min(92, cellW - 40),
      h: Math.min(48, cellH - 50),
    });
  }

  const door = { x: 62, y: FLOOR_BOTTOM - 6 };
  const doorSlots = 11;
  // The counter leaves room on its left for its label.
  const pass = { x: 100, y: PASS_Y, w: FLOOR_WIDTH - 140, h: PASS_H };
  return {
    stations: boxes,
    kinds,
    kindIndex: new Map(kindsInOrder.map((k, i) => [k, i])),
    tables: tableBoxes,
    pass,
    door,
    doorSlots,
    doorSlot: (n) => ({ x: door.x, y: door.y - 46 - n * 36 }),
    placeOf(place, index, count, role, roleIndex) {
      if (place === 'pass') {
        const span = pass.w - 80;
        // A crowd at the pass stands in two staggered rows so their timers stay apart.
        const second = count > PASS_ROW && index % 2 === 1;
        return { x: pass.x + 40 + (span * (index + 0.5)) / Math.max(1, count), y: PASS_Y + PASS_H + 44 + (second ? 40 : 0) };
      }
      if (place === 'home') {
        return role === 'waiter'
          ? { x: FLOOR_LEFT - 70 + (roleIndex % 2) * 62, y: FLOOR_TOP + 10 + Math.floor(roleIndex / 2) * 64 }
          : { x: FLOOR_RIGHT + 10 - (roleIndex % 6) * 62, y: PASS_Y + PASS_H + 44 + Math.floor(roleIndex / 6) * 52 };
      }
      const t = tableBoxes[place - 1];
      if (!t) return { x: FLOOR_WIDTH / 2, y: FLOOR_TOP };
      // Stand beside the table's right edge, fanned out so two people never coincide.
      const angle = -0.9 + ((index * 0.7) % 1.8);
      return { x: t.x + t.w / 2 + 20 + 6 * Math.cos(angle), y: t.y + 16 * Math.sin(angle) };
    },
  };
}

/** Linear interpolation between two points, `f` clamped to [0, 1]. */
export function lerp(a: Point, b: Point, f: number): Point {
  const k = f <= 0 ? 0 : f >= 1 ? 1 : f;
  return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
}

/** States in which a person walks from `from` to `to` (elsewhere they stand at `to`). */
export const WALKING_STATES: ReadonlySet<string> = new Set(['walkingToTable', 'walkingToKitchen', 'walkingToPass', 'carryingDish']);
