import type { TableDetail } from './layoutTypes.ts';
import { lineHeight, textWidth, WIDEST_DURATION, type TypeScale } from './text.ts';

// The dining room's grid for floorLayout (layout.ts): how much room a table needs at each
// level of detail, and the grid of columns, rows and aisles that fits the most detail.

/** Room one table needs, CSS pixels. */
export interface TableNeeds {
  w: number;
  /** Height of the table's rectangle. */
  rectH: number;
  /** Height of its rectangle plus dish badges. */
  cellH: number;
}

/** Room a table needs at each level of detail, with `chip` dish badges and `mini` dots, CSS pixels. */
export function tableNeeds(detail: TableDetail, t: TypeScale, tables: number, chip: { w: number; h: number; gap: number }, mini: number, maxDishes: number): TableNeeds {
  const num = textWidth(String(tables), t.small);
  const timer = textWidth(WIDEST_DURATION, t.small);
  const icon = t.small + 2;
  const word = Math.max(...['ordering', 'waiting', 'seated', 'eating', 'paying'].map((w) => textWidth(w, t.main, false)));
  if (detail === 'words' || detail === 'full') {
    const w = Math.max(detail === 'words' ? Math.max(num + 10 + timer + 10, icon + 6 + word + 12) : num + 6 + icon + 8 + timer + 10, 3 * (chip.w + chip.gap));
    const rectH = detail === 'words' ? lineHeight(t.small) + lineHeight(t.main) + 10 : lineHeight(t.small) + 8;
    const perRow = Math.max(1, Math.floor((w + chip.gap) / (chip.w + chip.gap)));
    const rows = Math.min(2, Math.ceil(maxDishes / perRow));
    return { w, rectH, cellH: rectH + 4 + rows * (chip.h + chip.gap) };
  }
  if (detail === 'compact') {
    const w = Math.max(num + 6 + icon + 8 + timer + 10, 5 * (mini + 2));
    const rectH = lineHeight(t.small) + 8;
    return { w, rectH, cellH: rectH + 3 + mini };
  }
  if (detail === 'minimal') {
    const rectH = lineHeight(t.small) + 6;
    return { w: num + 6 + icon + 12, rectH, cellH: rectH };
  }
  return { w: icon + 8, rectH: icon + 6, cellH: icon + 6 };
}

/** A grid of tables: columns and rows, each cell's size (CSS pixels), its detail and its room to spare. */
export interface Grid {
  cols: number;
  rows: number;
  /** Width of one table's column. */
  colW: number;
  rowH: number;
  detail: TableDetail;
  slack: number;
}

/** Columns of tables and their aisles: tables come in pairs sharing the aisle between them. */
export function groupsOf(cols: number): number {
  return Math.floor(cols / 2) + (cols % 2);
}

/** The best grid of `n` tables in `w`×`h` (most detail, then most room), or null when even dots do not fit. */
export function chooseGrid(n: number, w: number, h: number, aisle: number, needs: (d: TableDetail) => TableNeeds, details: TableDetail[]): Grid | null {
  let best: Grid | null = null;
  for (const detail of details) {
    const need = needs(detail);
    for (let cols = 1; cols <= Math.min(n, 14); cols++) {
      const rows = Math.ceil(n / cols);
      const groups = groupsOf(cols);
      const colW = (w - groups * aisle - (groups - 1) * 8) / cols;
      const rowH = h / rows;
      const gapY = detail === 'words' || detail === 'full' ? 8 : 5;
      if (colW < need.w + 4 || rowH < need.cellH + gapY) continue;
      const slack = Math.min(colW / (need.w + 4), rowH / (need.cellH + gapY));
      if (!best || slack > best.slack) best = { cols, rows, colW, rowH, detail, slack };
    }
    if (best) return best;
  }
  return null;
}
