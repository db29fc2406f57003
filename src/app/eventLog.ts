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
 * An append-only, bounded list of log entries with an index by id (for causation chains).
 * Mutable on purpose: a run appends thousands of messages; views read it at a few hertz.
 */
export class EventLog {
  readonly entries: LogEntry[] = [];
  private readonly byId = new Map<string, LogEntry>();
  /** Entries dropped from the front to stay within {@link MAX_LOG_ENTRIES}. */
  dropped = 0;

  constructor(private readonly max = MAX_LOG_ENTRIES) {}

  push(e: LogEntry): void {
    this.entries.push(e);
    this.byId.set(e.id, e);
    if (this.entries.length > this.max * 1.1) {
      const drop = this.entries.length - this.max;
      for (const x of this.entries.splice(0, drop)) this.byId.delete(x.id);
      this.dropped += drop;
    }
  }

  get(id: string): LogEntry | undefined {
    return this.byId.get(id);
  }

  /** The entry and its causes back to the first one (first cause first), as far as kept. */
  chain(id: string): LogEntry[] {
    const out: LogEntry[] = [];
    let e = this.byId.get(id);
    const seen = new Set<string>();
    while (e && !seen.has(e.id)) {
      out.unshift(e);
      seen.add(e.id);
      e = e.causationid ? this.byId.get(e.causationid) : undefined;
    }
    return out;
  }

  /** Entries caused directly by `id`. */
  effects(id: string): LogEntry[] {
    return this.entries.filter((e) => e.causationid === id);
  }
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
