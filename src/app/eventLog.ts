import type { Envelope } from '../sim/index.ts';
import { rfc3339ToSimTime, toCloudEvent, type CloudEvent } from '../scenarios/cloudevents.ts';

/** One row of the event log view: a live message or an imported CloudEvent. Times in simulated seconds. */
export interface LogEntry {
  id: string;
  kind: 'command' | 'event';
  type: string;
  topic: string;
  offset: number;
  subject: string;
  time: number;
  correlationid: string;
  causationid: string | null;
  source: string;
  dataschema: string;
  /** `data.table` when the message is about a table, else null. */
  table: number | null;
  data: unknown;
  /** Exactly what was imported (exported back unchanged), or null for a live message. */
  imported: CloudEvent | null;
}

/** Most messages the page keeps; older ones are dropped (and the view says how many). */
export const MAX_LOG_ENTRIES = 100_000;

const tableOf = (data: unknown): number | null => {
  const t = (data as { table?: unknown } | null)?.table;
  return typeof t === 'number' && Number.isFinite(t) ? t : null;
};

export function entryOfEnvelope(m: Envelope): LogEntry {
  return {
    id: m.id,
    kind: m.kind,
    type: m.type,
    topic: m.topic,
    offset: m.offset,
    subject: m.subject,
    time: m.time,
    correlationid: m.correlationid,
    causationid: m.causationid,
    source: m.source,
    dataschema: m.dataschema,
    table: tableOf(m.data),
    data: m.data,
    imported: null,
  };
}

export function entryOfCloudEvent(e: CloudEvent): LogEntry {
  return {
    id: e.id,
    kind: e.kind,
    type: e.type,
    topic: e.topic,
    offset: e.offset,
    subject: e.subject ?? '',
    time: e.time ? rfc3339ToSimTime(e.time) : 0,
    correlationid: e.correlationid ?? '',
    causationid: e.causationid ?? null,
    source: e.source,
    dataschema: e.dataschema ?? '',
    table: tableOf(e.data),
    data: e.data,
    imported: e,
  };
}

/** The entry as a CloudEvent: the imported original, or the live message converted. */
export function cloudEventOf(entry: LogEntry): CloudEvent {
  if (entry.imported) return entry.imported;
  const { id, kind, type, topic, offset, subject, time, correlationid, causationid, source, dataschema, data } = entry;
  return toCloudEvent({ specversion: '1.0', datacontenttype: 'application/json', id, kind, type, topic, offset, subject, time, correlationid, causationid, source, dataschema, data });
}

/**
 * An append-only, bounded list of log entries with an index by id (each message's cause is
 * found through it in O(1), for causation chains) and a count of messages per type and per
 * topic (for the filter menus). Mutable on purpose: a run appends thousands of messages;
 * views read it at a few hertz.
 */
export class EventLog {
  readonly entries: LogEntry[] = [];
  /** Id → sequence number (0 for the first entry ever pushed; `entries[seq - dropped]`). */
  private readonly byId = new Map<string, number>();
  /**
   * The parent index, aligned with `entries`: the sequence number of each entry's cause, -1
   * for none (a first cause, or a cause not kept), {@link PENDING} for a cause named but not
   * yet seen (an import resolves those once at the end: {@link resolveCauses}). Built once,
   * as entries arrive, so a causation chain is walked through numbers, not id look-ups.
   */
  private readonly parents: number[] = [];
  /** Pushed entries whose cause was named but not yet seen, by sequence number. */
  private pending: number[] = [];
  /** Messages kept per type (user text for an imported log: show through `visible`). */
  readonly typeCounts = new Map<string, number>();
  /** Messages kept per topic. */
  readonly topicCounts = new Map<string, number>();
  /** Entries dropped from the front to stay within {@link MAX_LOG_ENTRIES}. */
  dropped = 0;

  constructor(private readonly max = MAX_LOG_ENTRIES) {}

  push(e: LogEntry): void {
    const seq = this.dropped + this.entries.length;
    this.entries.push(e);
    let parent = -1;
    if (e.causationid) {
      const p = this.byId.get(e.causationid);
      if (p !== undefined) parent = p;
      else {
        parent = PENDING;
        this.pending.push(seq);
      }
    }
    this.parents.push(parent);
    this.byId.set(e.id, seq);
    this.typeCounts.set(e.type, (this.typeCounts.get(e.type) ?? 0) + 1);
    this.topicCounts.set(e.topic, (this.topicCounts.get(e.topic) ?? 0) + 1);
    if (this.entries.length > this.max * 1.1) {
      const drop = this.entries.length - this.max;
      this.parents.splice(0, drop);
      for (const x of this.entries.splice(0, drop)) {
        this.byId.delete(x.id);
        uncount(this.typeCounts, x.type);
        uncount(this.topicCounts, x.topic);
      }
      this.dropped += drop;
      this.pending = this.pending.filter((q) => q >= this.dropped);
    }
  }

  /**
   * Look up the causes that were named before they were seen (in an imported file an effect
   * may come before its cause), a few at a time while `more()` says so.
   * @returns true when none are left.
   */
  resolveCauses(more: () => boolean = () => true): boolean {
    while (this.pending.length > 0) {
      const seq = this.pending.pop()!;
      const i = seq - this.dropped;
      if (i >= 0) this.parents[i] = this.byId.get(this.entries[i]!.causationid!) ?? -1;
      if (!more()) break;
    }
    return this.pending.length === 0;
  }

  get(id: string): LogEntry | undefined {
    const seq = this.byId.get(id);
    return seq === undefined ? undefined : this.entries[seq - this.dropped];
  }

  /** The entry at position `i` of `entries`'s direct cause, as a position, or -1 when not kept. */
  private causeAt(i: number): number {
    let p = this.parents[i]!;
    if (p === PENDING) p = this.byId.get(this.entries[i]!.causationid!) ?? -1; // a live cause never comes later
    return p < this.dropped ? -1 : p - this.dropped;
  }

  /** The entry's direct cause, if kept. */
  causeOf(e: LogEntry): LogEntry | undefined {
    const seq = this.byId.get(e.id);
    if (seq === undefined || this.entries[seq - this.dropped] !== e) return e.causationid ? this.get(e.causationid) : undefined;
    const p = this.causeAt(seq - this.dropped);
    return p < 0 ? undefined : this.entries[p];
  }

  /**
   * Walk from the entry `id` towards its first cause, calling `visit` with each link (the
   * entry first); stops after `limit` links. O(links) through the parent index; no recursion.
   * @returns the number of links visited, or -1 when `id` is not in the log.
   */
  walkCauses(id: string, visit: (e: LogEntry) => void, limit = this.entries.length + 1): number {
    const seq = this.byId.get(id);
    if (seq === undefined) return -1;
    let i = seq - this.dropped;
    let n = 0;
    while (i >= 0 && n < limit) {
      visit(this.entries[i]!);
      n++;
      i = this.causeAt(i);
    }
    return n;
  }

  /**
   * The entry and its causes back to the first one (first cause first), as far as kept.
   * Walks the whole chain: for a view, use {@link chainSummary}.
   */
  chain(id: string): LogEntry[] {
    const out: LogEntry[] = [];
    // A chain without a loop holds each entry at most once; a longer walk has gone round one.
    this.walkCauses(id, (e) => out.push(e), this.entries.length);
    return out.reverse();
  }

  /** Entries caused directly by `id`. */
  effects(id: string): LogEntry[] {
    return this.entries.filter((e) => e.causationid === id);
  }
}

/** A cause named but not seen yet, in {@link EventLog}'s parent index. */
const PENDING = -2;

const uncount = (counts: Map<string, number>, key: string) => {
  const n = (counts.get(key) ?? 0) - 1;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
};

/**
 * A causation chain as a view shows it: its first and last links (up to `ends` each, first
 * cause first) and how many lie between, never the whole chain when it is long.
 * `earlierMissing`: the first link kept names a cause the log no longer holds (or never
 * did); `loops`: the causes go round in a circle (an imported file can say so), and the walk
 * stopped after every entry once.
 */
export interface ChainSummary {
  first: LogEntry[];
  last: LogEntry[];
  /** Links not shown, between `first` and `last`. */
  between: number;
  /** Links in the chain, the entry itself included. */
  length: number;
  earlierMissing: boolean;
  loops: boolean;
}

/**
 * Summarise the chain ending at `id` in one walk from it to its first cause: O(chain length)
 * time through the log's id index, O(`ends`) memory, no recursion; bounded by the log's size
 * even when the causes loop. Null when `id` is not in the log.
 */
export function chainSummary(log: EventLog, id: string, ends = 3): ChainSummary | null {
  const newest: LogEntry[] = []; // the first `ends` met, newest first
  const ring: LogEntry[] = []; // the last `ends` met, in a ring
  let length = 0;
  let last: LogEntry | null = null;
  const limit = log.entries.length;
  // One link more than the log holds can only be a loop.
  const walked = log.walkCauses(
    id,
    (e) => {
      if (newest.length < ends) newest.push(e);
      ring[length % ends] = e;
      length++;
      last = e;
    },
    limit + 1,
  );
  if (walked < 0 || last === null) return null;
  const oldest: LogEntry = last;
  const loops = walked > limit;
  const earlierMissing = !loops && oldest.causationid !== null && oldest.causationid !== '';
  if (length <= 2 * ends) {
    // Short: every link, first cause first (`newest` holds up to `ends`, the ring the rest).
    const all: LogEntry[] = [];
    for (let k = length - 1; k >= 0; k--) all.push(k < ends ? newest[k]! : ring[k % ends]!);
    return { first: all, last: [], between: 0, length, earlierMissing, loops };
  }
  const first: LogEntry[] = [];
  for (let k = length - 1; k >= length - ends; k--) first.push(ring[k % ends]!);
  return { first, last: newest.slice().reverse(), between: length - 2 * ends, length, earlierMissing, loops };
}

/** Values of a filter menu as shown: `shown` (at most `cap`), and how many more match. */
export interface CappedFacet {
  shown: string[];
  /** Values matching the search (all of them when it is empty). */
  matching: number;
  /** Matching values not shown. */
  more: number;
}

/**
 * The values a filter menu shows out of `counts` (value → messages): every value, sorted,
 * when there are at most `cap`; otherwise the `cap` with the most messages (ties by name).
 * A non-empty `query` keeps the values containing it (ignoring case) first. O(values × log cap).
 */
export function cappedFacet(counts: ReadonlyMap<string, number>, query: string, cap = 50): CappedFacet {
  const q = query.trim().toLowerCase();
  if (!q && counts.size <= cap) return { shown: [...counts.keys()].sort(), matching: counts.size, more: 0 };
  const best: [string, number][] = []; // sorted: most messages first
  const better = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  let matching = 0;
  for (const item of counts) {
    if (q && !item[0].toLowerCase().includes(q)) continue;
    matching++;
    if (best.length === cap && !better(item, best[cap - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(item, best[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > cap) best.pop();
  }
  return { shown: best.map(([v]) => v), matching, more: matching - best.length };
}

/** What the log view filters on; empty strings mean "any". */
export interface LogFilter {
  type: string;
  topic: string;
  table: string;
  correlationid: string;
}

export const NO_FILTER: LogFilter = { type: '', topic: '', table: '', correlationid: '' };

/** Whether `e` passes `f` (table by number, correlation id as a substring). */
export function matches(e: LogEntry, f: LogFilter): boolean {
  if (f.type && e.type !== f.type) return false;
  if (f.topic && e.topic !== f.topic) return false;
  if (f.table && String(e.table) !== f.table.trim()) return false;
  if (f.correlationid && !e.correlationid.includes(f.correlationid.trim())) return false;
  return true;
}

/** What a table had ordered by a moment, and what had happened to each dish then. */
export interface TableAnswer {
  /** The order (correlation id) of the last party that ordered at the table by then, or null. */
  order: string | null;
  dishes: { subject: string; dish: string; status: 'in the kitchen' | 'rejected, reordering' | 'ready at the pass' | 'served' }[];
}

/**
 * Answer "what did table `table` order, as of `time`?" from the log alone: a fold over the
 * messages up to that moment (the event-sourcing way), not a look at the current state.
 * `rejected(id)` says whether a command was rejected.
 */
export function askTable(entries: readonly LogEntry[], table: number, time: number, rejected: (id: string) => boolean): TableAnswer {
  let order: string | null = null;
  for (const e of entries) {
    if (e.time > time) break;
    if (e.type === 'PlaceOrder' && e.table === table) order = e.correlationid;
  }
  if (order === null) return { order: null, dishes: [] };
  const dishes = new Map<string, TableAnswer['dishes'][number]>();
  for (const e of entries) {
    if (e.time > time) break;
    if (e.correlationid !== order) continue;
    const dish = String((e.data as { dish?: unknown } | null)?.dish ?? '?');
    if (e.type === 'PlaceOrder') dishes.set(e.subject, { subject: e.subject, dish, status: rejected(e.id) ? 'rejected, reordering' : 'in the kitchen' });
    else if (e.type === 'DishReady') dishes.set(e.subject, { subject: e.subject, dish, status: 'ready at the pass' });
    else if (e.type === 'DishDelivered') dishes.set(e.subject, { subject: e.subject, dish, status: 'served' });
  }
  return { order, dishes: [...dishes.values()] };
}
