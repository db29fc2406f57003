/**
 * Geometry of the floor in CSS pixels of the stage it is drawn on (docs/visual-language.md):
 *
 * ```
 *  kitchen    kind headers (name, ticket rail, queue) · stations · station words
 *             announcements (DishReady, ✗ rejected) at each kind
 *  pass       "Pass" · dishes waiting, grouped by kind · count
 *  lane       staff at the pass: blocked timers above them, their numbers inside
 *  corridor   where floor staff walk across, and where idle staff stand
 *  dining     door queue on the left · tables in columns; an aisle beside each column
 * ```
 *
 * Labels have places of their own: no two overlap, and nobody stands or walks on one.
 * People walk along the corridor and down the aisles only (the path from {@link FloorLayout.pathOf}),
 * and show text (their number, a blocked timer) only while standing in the lane. When the
 * stage is too small for every label, the layout drops detail (station words, then dish codes,
 * then timers, then table numbers, with counts per zone instead) rather than shrink the type.
 * Pure: the same restaurant on the same stage always gets the same picture.
 */
import type { Place } from '../../sim/index.ts';
import { dishCodes } from './dishCodes.ts';
import type { Box, FloorLayout, FloorSpec, KindGroup, Point, StationBox, StationLabel, TableBox, TableDetail, Who } from './layoutTypes.ts';
import { chooseGrid, groupsOf, tableNeeds, type Grid } from './tableGrid.ts';
import { lineHeight, scaleType, textWidth, WIDEST_DURATION, type TypeScale } from './text.ts';

const PAD = 6;
const KIND_GAP = 14;

/** Text each station may write under itself, at its widest. */
function widestStationWord(dishes: readonly string[]): string[] {
  return [...dishes, 'idle', 'down'];
}

/** Optional detail above the dining room, dropped in this order when the stage is short. */
interface TopDetail {
  /** Words (or codes) under the stations. */
  stationLabels: boolean;
  /** The announcement row (DishReady, ✗ rejected) under the stations. */
  announce: boolean;
  /** A timer per blocked person at the pass (else one line of counts). */
  laneTimers: boolean;
}
const TOP_DETAILS: TopDetail[] = [
  { stationLabels: true, announce: true, laneTimers: true },
  { stationLabels: false, announce: true, laneTimers: true },
  { stationLabels: false, announce: false, laneTimers: true },
  { stationLabels: false, announce: false, laneTimers: false },
];

/**
 * Lay out a restaurant on a stage of `spec.width`×`spec.height` CSS pixels. Type never goes
 * below `spec.type`. Tables keep as much detail as the stage allows, then the kitchen and the
 * pass keep theirs; with room to spare, type grows (up to 1.3×). Never throws; a stage too
 * small for anything still gets a layout, with labels dropped rather than overlapping.
 */
export function floorLayout(spec: FloorSpec): FloorLayout {
  // Tables first (words and codes count the same), but station words before a table's codes;
  // then the announcements, then a timer per blocked person; then the table's state word.
  const TABLE: Record<TableDetail, number> = { words: 0, full: 0, compact: 1, minimal: 3, dots: 4 };
  const TOP = [0, 12, 16, 20];
  const score = (l: FloorLayout, cfg: number) => (l.overflow ? 90 : TABLE[l.detail] * 10) + TOP[cfg]! + (l.detail === 'words' ? 0 : 1);
  const bestAt = (k: number) => {
    let best: { l: FloorLayout; score: number } | null = null;
    for (let c = 0; c < TOP_DETAILS.length; c++) {
      const l = layoutAt(spec, scaleType(spec.type, k), spec.personR * k, TOP_DETAILS[c]!);
      const sc = score(l, c);
      if (!best || sc < best.score) best = { l, score: sc };
      if (sc === 0) break;
    }
    return best!;
  };
  const base = bestAt(1);
  // Larger type only on a stage with room to spare: when nothing at all is dropped at 1×, and
  // nothing is dropped at the larger size either.
  if (base.score > 0) return base.l;
  for (const k of [1.3, 1.15]) {
    const big = bestAt(k);
    if (big.score === 0) return big.l;
  }
  return base.l;
}

function layoutAt(spec: FloorSpec, t: TypeScale, r: number, top: TopDetail): FloorLayout {
  const W = Math.max(200, spec.width);
  const H = Math.max(200, spec.height);
  const codes = dishCodes(spec.dishes);

  // ---- kitchen: kinds side by side, their stations in a row
  const kindsInOrder: string[] = [];
  for (const s of spec.stations) if (!kindsInOrder.includes(s.kind)) kindsInOrder.push(s.kind);
  const nStations = Math.max(1, spec.stations.length);
  const usable = W - 2 * PAD - 12 - KIND_GAP * Math.max(0, kindsInOrder.length - 1);
  const maxPitch = Math.max(56, textWidth('plating', t.small, false) + 14);
  const pitch = Math.min(maxPitch, usable / nStations);
  // A short stage gets smaller stations: the dining room needs the height more.
  const maxSize = (H < 480 ? 28 : 40) + (t.small - 12) * 2;
  // A kitchen too wide for its row gets small stations (their rings stay inside their pitch).
  const size = Math.max(6, Math.min(maxSize, pitch - 16));
  const wordW = Math.max(...widestStationWord(spec.dishes).map((w) => textWidth(w, t.small, false)));
  const codeW = Math.max(textWidth('Mw', t.small), ...[...codes.values()].map((c) => textWidth(c, t.small, false)));
  const stationLabel: StationLabel = !top.stationLabels ? 'none' : pitch >= wordW + 6 ? 'word' : pitch >= codeW + 6 ? 'code' : 'none';
  const totalWidth = pitch * spec.stations.length + KIND_GAP * Math.max(0, kindsInOrder.length - 1);
  let x = (W - totalWidth) / 2;
  const stationTop = PAD + 6 + lineHeight(t.head) + 2;
  const stationY = stationTop + size / 2 + 6;
  const stations = new Map<string, StationBox>();
  const kinds: KindGroup[] = [];
  const chipH = lineHeight(t.small) + 4;
  const chipW = Math.max(chipH, ...[...codes.values()].map((c) => textWidth(c, t.small) + 8));
  const chip = { w: chipW, h: chipH, gap: 3, codes: true };
  const passLabelW = textWidth('Pass', t.main) + 10;
  const passCountW = textWidth('999', t.main) + 8;
  const pass: Box = { x: PAD + passLabelW, y: 0, w: W - 2 * PAD - passLabelW - passCountW, h: chip.h + 8 };
  for (const kind of kindsInOrder) {
    const start = x;
    for (const s of spec.stations.filter((q) => q.kind === kind)) {
      stations.set(s.id, { id: s.id, kind, size, pitch, x: x + pitch / 2, y: stationY, label: stationLabel });
      x += pitch;
    }
    const width = x - start;
    const count = textWidth('99', t.head);
    const full = kind[0]!.toUpperCase() + kind.slice(1);
    const name = textWidth(full, t.head) + count + 10 <= width ? full : textWidth(full.slice(0, 3), t.head) + count + 10 <= width ? full.slice(0, 3) : '';
    const rail = textWidth(name, t.head) + count + 10 + 6 * 9 + 8 <= width;
    // Its dishes wait on the pass under it, within the pass.
    const onPass = Math.min(start + width, pass.x + pass.w) - Math.max(start, pass.x);
    kinds.push({ kind, x: start, width, cx: (start + x) / 2, name, rail, passChips: Math.max(0, Math.floor((onPass - 4) / (chip.w + chip.gap))) });
    x += KIND_GAP;
  }
  const kindNameY = PAD + 6 + t.head;
  const railY = PAD + 6;
  const stationBottom = stationY + size / 2 + 8;
  const stationLabelY = stationBottom + t.small;
  const labelsBottom = stationLabel === 'none' ? stationBottom : stationBottom + lineHeight(t.small) + 2;
  const announceY = top.announce ? labelsBottom + t.small + 1 : -1000;
  const kitchen: Box = { x: PAD, y: PAD, w: W - 2 * PAD, h: (top.announce ? labelsBottom + lineHeight(t.small) + 4 : labelsBottom + 2) - PAD };

  // ---- pass, and the lane of people standing at it
  pass.y = kitchen.y + kitchen.h + 4;
  const staffCount = Math.max(1, spec.waiters + spec.runners);
  const badge = { w: textWidth(WIDEST_DURATION, t.small) + t.small + 14, h: lineHeight(t.small) + 4 };
  // A blocked person wears a ring 4 px out: neighbours at the pass stay clear of it.
  const minPitch = 2 * (r + 6);
  const personal = staffCount * minPitch <= pass.w;
  const lanePitch = personal ? pass.w / staffCount : minPitch;
  const laneCount = personal ? staffCount : Math.max(1, Math.floor(pass.w / minPitch));
  // Timers beside each person when there is room, else in rows above them, else one line of counts.
  const beside = top.laneTimers && lanePitch >= 2 * r + 10 + badge.w + 6;
  const timerRows = !top.laneTimers ? 1 : beside ? 0 : Math.max(1, Math.min(3, Math.ceil((badge.w + 4) / lanePitch)));
  const laneTop = pass.y + pass.h + 3;
  const rowH = top.laneTimers ? badge.h + 2 : lineHeight(t.small) + 2;
  const timerYs = Array.from({ length: timerRows }, (_, i) => laneTop + rowH / 2 + i * rowH);
  const laneY = laneTop + timerRows * rowH + r + 4;
  const laneX0 = pass.x + (pass.w - laneCount * lanePitch) / 2;
  // Beside: each person at the left of their share of the lane, their timer to their right.
  const slots = Array.from({ length: laneCount }, (_, i) => ({ x: laneX0 + lanePitch * i + (beside ? r + 6 : lanePitch / 2), y: laneY }));
  const corridorY = laneY + r + 4 + r + 2;

  // ---- dining: the door column, then tables in columns with an aisle beside each pair
  const dining: Box = { x: PAD, y: corridorY + r + 4, w: W - 2 * PAD, h: H - PAD - (corridorY + r + 4) };
  const doorW = Math.max(textWidth('Door', t.small) + 16, 4 * r + 8, textWidth('+99', t.small) + 10);
  const doorBox: Box = { x: PAD, y: dining.y, w: doorW, h: dining.h };
  const doorLabelY = dining.y + dining.h - 6;
  const doorSlotH = Math.max(2 * r + 10, 28);
  const doorSlotCount = Math.max(0, Math.floor((dining.h - lineHeight(t.small) - 10 - lineHeight(t.small)) / doorSlotH));
  const doorX = PAD + doorW / 2;
  const doorSlots = Array.from({ length: doorSlotCount }, (_, i) => ({ x: doorX, y: doorLabelY - lineHeight(t.small) - 4 - doorSlotH * (i + 0.5) }));
  const moreAt = { x: doorX, y: doorLabelY - lineHeight(t.small) - 4 - doorSlotH * doorSlotCount - 4 };

  const mini = Math.round(t.small * 0.85);
  const area: Box = { x: PAD + doorW + 10, y: dining.y + 4, w: W - PAD - (PAD + doorW + 10), h: dining.h - 6 };
  const aisle = 2 * r + 6;
  const needs = (d: TableDetail) => tableNeeds(d, t, spec.tables, chip, mini, spec.maxDishes);
  let grid = chooseGrid(spec.tables, area.w, area.h, aisle, needs, ['words', 'full', 'compact']);
  let summaryAt: Point | null = null;
  if (!grid) {
    // Counts per state stand in for the labels the tables drop: at the foot of the dining
    // room, where no aisle runs (walkers come down an aisle only as far as their table).
    const lh = lineHeight(t.small) + 4;
    summaryAt = { x: area.x, y: area.y + area.h - 4 };
    area.h -= lh;
    grid = chooseGrid(spec.tables, area.w, area.h, aisle, needs, ['minimal', 'dots']);
  }
  const overflow = grid === null;
  const g: Grid = grid ?? (() => {
    // Not even dots fit: the tightest grid, drawn as dots (they may touch, but carry no text).
    const cols = Math.max(1, Math.min(spec.tables, Math.ceil(Math.sqrt(spec.tables * Math.max(1, area.w) / Math.max(1, area.h)))));
    const groups = groupsOf(cols);
    const rows = Math.ceil(spec.tables / cols);
    return { cols, rows, colW: Math.max(4, (area.w - groups * aisle - (groups - 1) * 8) / cols), rowH: Math.max(4, area.h / rows), detail: 'dots' as const, slack: 0 };
  })();
  const need = needs(g.detail);
  const tables: TableBox[] = [];
  const groups = groupsOf(g.cols);
  const groupW = (c: number) => (c % 2 === 0 && c + 1 < g.cols ? 2 * g.colW + aisle : g.colW + aisle);
  // x of each column's table centre and its aisle
  const colX: number[] = [];
  const aisleOf: number[] = [];
  let gx = area.x + (area.w - (g.cols * g.colW + groups * aisle + (groups - 1) * 8)) / 2;
  for (let c = 0; c < g.cols; c += 2) {
    if (c + 1 < g.cols) {
      colX[c] = gx + g.colW / 2;
      aisleOf[c] = aisleOf[c + 1] = gx + g.colW + aisle / 2;
      colX[c + 1] = gx + g.colW + aisle + g.colW / 2;
    } else {
      aisleOf[c] = gx + aisle / 2;
      colX[c] = gx + aisle + g.colW / 2;
    }
    gx += groupW(c) + 8;
  }
  const words = g.detail === 'words' || g.detail === 'full';
  const tw = Math.max(4, Math.min(g.colW - 4, need.w * 1.5));
  const rectH = Math.min(need.rectH, g.rowH);
  const chipsPerRow = words ? Math.max(1, Math.floor((tw + chip.gap) / (chip.w + chip.gap))) : Math.max(1, Math.floor((tw + 2) / (mini + 2)));
  const chipRows = words ? Math.min(2, Math.ceil(spec.maxDishes / chipsPerRow)) : g.detail === 'compact' ? 1 : 0;
  const cellH = Math.min(need.cellH, g.rowH);
  for (let i = 0; i < spec.tables; i++) {
    const c = i % g.cols;
    const row = Math.floor(i / g.cols);
    const top0 = area.y + g.rowH * row + (g.rowH - cellH) / 2;
    const y = top0 + rectH / 2;
    const paired = c % 2 === 0 ? c + 1 < g.cols : true;
    const leftOfAisle = paired && c % 2 === 0;
    // Two tables share an aisle: one's server stands a little higher than the other's.
    const dy = paired ? Math.min(r * 0.9, Math.max(0, cellH / 2 - r)) * (leftOfAisle ? -1 : 1) : 0;
    tables.push({
      table: i + 1,
      x: colX[c]!,
      y,
      w: tw,
      h: rectH,
      col: c,
      row,
      aisleX: aisleOf[c]!,
      slot: { x: aisleOf[c]!, y: top0 + cellH / 2 + dy },
      chipsY: top0 + rectH + 4,
      chipsPerRow,
      chipRows,
    });
  }

  const homeSpot = (role: 'waiter' | 'runner', i: number): Point => {
    // Idle staff wait in the corridor: waiters from the left, runners from the right.
    const n = role === 'waiter' ? Math.max(1, spec.waiters) : Math.max(1, spec.runners);
    const half = (area.w - 10) / 2;
    const step = Math.min(2 * r + 8, half / n);
    return role === 'waiter' ? { x: area.x + step * (i + 0.5), y: corridorY } : { x: area.x + area.w - step * (i + 0.5), y: corridorY };
  };
  const laneSlot = (i: number) => slots[Math.max(0, Math.min(slots.length - 1, i))]!;
  const placeOf = (place: Place, who: Who): Point => {
    if (place === 'pass') return laneSlot(who.lane);
    if (place === 'home') return homeSpot(who.role, who.roleIndex);
    return tables[place - 1]?.slot ?? homeSpot(who.role, who.roleIndex);
  };
  const exitOf = (place: Place, at: Point): Point => {
    if (place === 'home') return at;
    if (place === 'pass') return { x: at.x, y: corridorY };
    const tb = tables[place - 1];
    return tb ? { x: tb.aisleX, y: corridorY } : at;
  };
  const aisleMouth = (place: Place, at: Point): Point | null => {
    if (typeof place !== 'number') return null;
    const tb = tables[place - 1];
    return tb ? { x: tb.aisleX, y: at.y } : null;
  };

  return {
    width: W,
    height: H,
    type: t,
    r,
    kinds,
    kindIndex: new Map(kindsInOrder.map((k, i) => [k, i])),
    stations,
    kindNameY,
    railY,
    stationLabelY,
    announceY,
    announce: top.announce,
    kitchen,
    pass,
    passLabelX: pass.x - 8,
    passCountX: pass.x + pass.w + 8,
    chip: { ...chip, codes: words },
    miniChip: mini,
    lane: { y: laneY, timerYs, badge, slots, personal, timers: !top.laneTimers ? 'count' : beside ? 'beside' : 'above' },
    corridorY,
    dining,
    door: { x: doorX, labelY: doorLabelY, slots: doorSlots, moreAt, box: doorBox },
    tables,
    detail: g.detail,
    overflow,
    summaryAt,
    codes,
    stationWords: stationLabel === 'word',
    home: homeSpot,
    placeOf,
    pathOf(from, to, who) {
      const a = placeOf(from, who);
      const b = placeOf(to, who);
      const pts = [a, aisleMouth(from, a), exitOf(from, a), exitOf(to, b), aisleMouth(to, b), b].filter((p): p is Point => p !== null);
      return pts.filter((p, i) => i === 0 || Math.abs(p.x - pts[i - 1]!.x) > 0.01 || Math.abs(p.y - pts[i - 1]!.y) > 0.01);
    },
  };
}
