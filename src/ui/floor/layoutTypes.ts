import type { Place } from '../../sim/index.ts';
import type { TypeScale } from './text.ts';

// The shapes of the floor's geometry: what the floor asks for (FloorSpec) and what
// floorLayout (layout.ts) answers with, in CSS pixels of the stage (docs/visual-language.md).

export interface Point {
  x: number;
  y: number;
}

/** A rectangle: top-left corner, width and height, CSS pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the restaurant needs drawn, and where. */
export interface FloorSpec {
  /** The stage's drawable size, CSS pixels. */
  width: number;
  height: number;
  stations: readonly { id: string; kind: string }[];
  tables: number;
  waiters: number;
  runners: number;
  /** The menu's dish names, in menu order (their codes, and the words stations show). */
  dishes: readonly string[];
  /** Most dishes one party can order (the badges a table must hold). */
  maxDishes: number;
  /** The least type sizes allowed (12 px normally, 16 px in presenter mode). */
  type: TypeScale;
  /** Radius of a person, CSS pixels, at the least type size. */
  personR: number;
}

/**
 * How much each table shows, most first; chosen by the room a table gets. `words`: number,
 * timer, state glyph and word, dish badges with codes; `full`: the same without the word;
 * `compact`: one line (number, glyph, timer) and small badges without codes; `minimal`:
 * number and glyph; `dots`: the glyph alone. Below `compact`, a line of counts per state
 * stands in for what the tables drop.
 */
export type TableDetail = 'words' | 'full' | 'compact' | 'minimal' | 'dots';

/** What a station writes under itself: the dish's name, its code, or nothing (counts in the header). */
export type StationLabel = 'word' | 'code' | 'none';

export interface StationBox extends Point {
  id: string;
  kind: string;
  /** Side of the station square; its progress ring sits just outside. */
  size: number;
  pitch: number;
  label: StationLabel;
}

export interface KindGroup {
  kind: string;
  x: number;
  width: number;
  /** Centre of the group, where its tickets arrive and its dishes leave the pass. */
  cx: number;
  /** The kind's name as the header writes it ("" when there is no room). */
  name: string;
  /** Whether paper tickets are drawn on its rail (else the count alone). */
  rail: boolean;
  /** How many dish badges of this kind fit on the pass before "+n". */
  passChips: number;
}

export interface TableBox extends Point {
  table: number;
  /** Size of the table's rectangle; (x, y) is its centre. */
  w: number;
  h: number;
  col: number;
  row: number;
  /** Where a member of staff serving this table stands (in the aisle beside it). */
  slot: Point;
  /** The aisle's x, where walkers go down to this table from the corridor. */
  aisleX: number;
  /** Top of the first row of dish badges. */
  chipsY: number;
  chipsPerRow: number;
  chipRows: number;
}

export interface FloorLayout {
  width: number;
  height: number;
  type: TypeScale;
  /** Radius of a person. */
  r: number;
  kinds: KindGroup[];
  kindIndex: Map<string, number>;
  stations: Map<string, StationBox>;
  /** Baselines: kind names, station words, announcements. */
  kindNameY: number;
  railY: number;
  stationLabelY: number;
  announceY: number;
  /** Whether there is a row for announcements (DishReady, ✗ rejected) under the stations. */
  announce: boolean;
  /** The kitchen's outline. */
  kitchen: Box;
  pass: Box;
  passLabelX: number;
  passCountX: number;
  /** Dish badge size (on tables and the pass); `codes`: whether badges carry their dish code. */
  chip: { w: number; h: number; gap: number; codes: boolean };
  /** Dish badges on tables in compact detail (no code: state only). */
  miniChip: number;
  lane: {
    /** Centre line of people standing at the pass. */
    y: number;
    /** Centre lines of the rows of blocked timers above them (slot i uses row i % rows). */
    timerYs: number[];
    badge: { w: number; h: number };
    /** Slots for staff at the pass, left to right. */
    slots: Point[];
    /** Whether each person has a slot of their own (else people take the next free one). */
    personal: boolean;
    /** Blocked timers: beside each person, in rows above them, or one line of counts (`timerYs[0]`). */
    timers: 'beside' | 'above' | 'count';
  };
  corridorY: number;
  /** The dining room's area (door column and tables). */
  dining: Box;
  door: {
    x: number;
    labelY: number;
    /** Where the parties in line stand, first in line first (nearest the door). */
    slots: Point[];
    /** Where "+n" goes when more wait than there are slots. */
    moreAt: Point;
    box: Box;
  };
  tables: TableBox[];
  detail: TableDetail;
  /** Not even dots fit: tables are drawn as small as they come, and may touch. */
  overflow: boolean;
  /** Baseline of the counts-per-state line that stands in for dropped table labels, or null. */
  summaryAt: Point | null;
  /** Dish name → its two-letter code. */
  codes: Map<string, string>;
  /** Whether stations write their dish (else their state shows in the ring and the header). */
  stationWords: boolean;
  /** Where a person stands at home (idle), by role and index within the role. */
  home(role: 'waiter' | 'runner', roleIndex: number): Point;
  /**
   * The path a person walks from `from` to `to`, as points (corridor and aisles only). `lane`
   * is the person's lane slot (see {@link laneSlotOf}) for the pass.
   */
  pathOf(from: Place, to: Place, who: Who): Point[];
  /** Where a person stands at `place`. */
  placeOf(place: Place, who: Who): Point;
}

/** A member of staff as the layout needs them: their role, index within it, and lane slot. */
export interface Who {
  role: 'waiter' | 'runner';
  roleIndex: number;
  lane: number;
}
