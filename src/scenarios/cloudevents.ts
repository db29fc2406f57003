import { z } from 'zod';
import type { Envelope } from '../sim/index.ts';

/**
 * The log as CloudEvents 1.0 (JSON event format, batched as
 * `application/cloudevents-batch+json`): what `npm run sim -- --events` writes and the
 * page exports and imports.
 *
 * Each event has the required attributes (`specversion`, `id`, `source`, `type`), the
 * optional ones we use (`time` as RFC 3339, `subject`, `datacontenttype`, `dataschema`,
 * `data`), and our extension attributes: `correlationid`, `causationid` (left out for a first
 * cause), `kind` (`command` | `event`), `topic` and `offset`. `time` counts simulated time
 * from 1970-01-01T00:00:00Z, so its time of day is the page's clock (1:23:45 into service is
 * `1970-01-01T01:23:45.000Z`).
 */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time?: string;
  subject?: string;
  datacontenttype?: string;
  dataschema?: string;
  data?: unknown;
  correlationid?: string;
  causationid?: string;
  kind: 'command' | 'event';
  topic: string;
  offset: number;
}

export const CLOUDEVENTS_BATCH_TYPE = 'application/cloudevents-batch+json';
/** Most events an imported batch may hold. */
export const MAX_BATCH_EVENTS = 500_000;
/** Largest file the page or the CLI reads as a batch, bytes. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;
/**
 * Deepest nesting of any attribute of an imported event (`data` and every other one, known or
 * not): an attribute's value may hold at most this many arrays or objects one inside the
 * other. Deeper structures would overflow the stack when shown or written
 * (docs/bad-input.md, "Imports").
 */
export const MAX_ATTRIBUTE_DEPTH = 32;
/** Longest JSON text of one imported event, characters (UTF-16 code units) of the file. */
export const MAX_EVENT_CHARS = 256 * 1024;

/** Simulated seconds → RFC 3339 (millisecond precision). */
export function simTimeToRfc3339(seconds: number): string {
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/** RFC 3339 → simulated seconds since opening. */
export function rfc3339ToSimTime(time: string): number {
  return Date.parse(time) / 1000;
}

/** One logged message as a CloudEvent. */
export function toCloudEvent(m: Envelope): CloudEvent {
  const e: CloudEvent = {
    specversion: '1.0',
    id: m.id,
    source: m.source,
    type: m.type,
    time: simTimeToRfc3339(m.time),
    subject: m.subject,
    datacontenttype: m.datacontenttype,
    dataschema: m.dataschema,
    correlationid: m.correlationid,
    kind: m.kind,
    topic: m.topic,
    offset: m.offset,
    data: m.data,
  };
  if (m.causationid !== null) e.causationid = m.causationid;
  return e;
}

/** A batch as the JSON text of a file (two-space indented, one trailing newline). */
export function batchJson(events: readonly CloudEvent[]): string {
  return [...batchChunks(events)].join('');
}

/**
 * The same text as {@link batchJson}, one event at a time, so a large log can be written to a
 * file without building one giant string (V8 caps a string at about 512 MB). `toEvent` turns
 * each item into its event as it is written (by default the items are the events).
 */
export function* batchChunks<T = CloudEvent>(events: readonly T[], toEvent: (item: T) => CloudEvent = (item) => item as CloudEvent): Generator<string> {
  if (events.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < events.length; i++) {
    const body = JSON.stringify(toEvent(events[i]!), null, 2).replace(/\n/g, '\n  ');
    yield `  ${body}${i + 1 < events.length ? ',' : ''}\n`;
  }
  yield ']\n';
}

const rfc3339 = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'expected an RFC 3339 timestamp')
  .refine((t) => Number.isFinite(Date.parse(t)), 'expected an RFC 3339 timestamp of a real date and time');
const text = (max: number) => z.string().min(1).max(max);

const cloudEventSchema = z.looseObject({
  specversion: z.literal('1.0'),
  id: text(200),
  source: text(500),
  type: text(200),
  time: rfc3339.optional(),
  subject: z.string().max(500).optional(),
  datacontenttype: z.string().max(200).optional(),
  dataschema: z.string().max(500).optional(),
  data: z.unknown().optional(),
  correlationid: z.string().max(200).optional(),
  causationid: z.string().max(200).optional(),
  kind: z.enum(['command', 'event']),
  topic: text(100),
  offset: z.number().int().min(0).max(2 ** 31 - 1),
});

/** A batch that failed validation: the message names the first problem (entry, field and line). */
export class BatchError extends Error {
  override name = 'BatchError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const isSpace = (c: number) => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;

/** Most white space read in a row between, before or after events (inside one, {@link MAX_EVENT_CHARS} bounds it). */
export const MAX_SPACE_CHARS = 1024 * 1024;

/**
 * Splits a batch's text into its events' texts without parsing them, one event per call, so
 * a caller can stop between any two events (docs/bad-input.md, "Imports"). The text may come
 * in parts (a file read a piece at a time), never joined into one string: an event cut
 * between two parts is put together from them. On the way it refuses, before anything is
 * parsed, an event nested deeper than {@link MAX_ATTRIBUTE_DEPTH} in any attribute, longer
 * than {@link MAX_EVENT_CHARS}, or more events than {@link MAX_BATCH_EVENTS}; the message
 * names the entry, the attribute and the line. Work per call is proportional to the event's
 * length; nothing recurses.
 */
class BatchScanner {
  /** The part being read (with the unread end of the one before, when an event spans both). */
  private text = '';
  private i = 0;
  /** Characters of the parts before `text`'s start. */
  private before = 0;
  private nextPart = 0;
  private line = 1;
  private count = 0;
  private ended = false;

  /** @throws BatchError when the text is not a JSON array. */
  constructor(private readonly parts: string[]) {
    this.skipSpace();
    const c = this.text.charCodeAt(this.i);
    if (c !== OPEN_ARRAY) throw new BatchError(notAnArray([this.text.slice(this.i), ...parts.slice(this.nextPart)]));
    this.i++;
    this.skipSpace();
    if (this.text.charCodeAt(this.i) === CLOSE_ARRAY) this.end();
  }

  /** Characters read so far (for progress: compare with the text's length). */
  get position(): number {
    return this.before + this.i;
  }

  /**
   * Append the next part to what is left of `text` from `keep` on; false when there is none.
   * Positions in `text` move back by `keep`.
   */
  private refill(keep: number): boolean {
    if (this.nextPart >= this.parts.length) return false;
    const part = this.parts[this.nextPart]!;
    this.parts[this.nextPart++] = ''; // read: let it go
    this.before += keep;
    this.text = keep >= this.text.length ? part : this.text.slice(keep) + part;
    this.i -= keep;
    return true;
  }

  /**
   * The next event's text, or null after the last one.
   * @throws BatchError naming the entry and line: too deep, too long, too many, or not JSON.
   */
  next(): string | null {
    if (this.ended) return null;
    if (this.count > 0) {
      this.skipSpace();
      const c = this.text.charCodeAt(this.i);
      if (c === CLOSE_ARRAY) {
        this.end();
        return null;
      }
      if (c !== COMMA) throw this.notJson(Number.isNaN(c) ? `the text ends before the batch's closing ]` : `expected , or ] after entry ${this.count - 1} (line ${this.line})`);
      this.i++;
      this.skipSpace();
    }
    if (this.count >= MAX_BATCH_EVENTS) throw new BatchError(`at most ${MAX_BATCH_EVENTS.toLocaleString('en')} events, and this file holds more`);
    const index = this.count++;
    this.lineOfLast = this.line;
    const line = this.line;
    // Positions below are in `text`; a refill moves them back by what it drops.
    let start = this.i;
    if (Number.isNaN(this.text.charCodeAt(start))) throw this.notJson(`the text ends where entry ${index} should begin`);
    let depth = 0;
    /** The event's attribute being read (the last key seen at the event's own level). */
    let key: string | null = null;
    let lastString = -1;
    let lastStringEnd = -1;
    const tooLong = () => new BatchError(`entry ${index}${field(key)}: the event is longer than ${MAX_EVENT_CHARS / 1024} K characters of JSON (line ${line})`);
    const more = (): boolean => {
      const keep = start;
      if (!this.refill(keep)) return false;
      start -= keep;
      lastString -= keep;
      lastStringEnd -= keep;
      return true;
    };
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) {
        if (more()) continue;
        if (depth === 0 && this.i > start) break; // a bare value at the very end
        throw this.notJson(`the text ends inside entry ${index} (line ${line})`);
      }
      if (c === QUOTE) {
        let close = this.i;
        for (;;) {
          const found = this.text.indexOf('"', close + 1);
          if (found < 0) {
            const searched = this.text.length - 1;
            const open = this.i;
            if (!more()) throw this.notJson(`the text ends inside a string of entry ${index} (line ${line})`);
            close = searched - (open - this.i); // where the search stopped, in the new text
            if (close - start > MAX_EVENT_CHARS) throw tooLong();
            continue;
          }
          close = found;
          let slashes = 0;
          while (this.text.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
          if (slashes % 2 === 0) break;
          if (close - start > MAX_EVENT_CHARS) throw tooLong();
        }
        if (depth === 1) {
          lastString = this.i + 1;
          lastStringEnd = close;
        }
        this.i = close + 1;
        if (this.i - start > MAX_EVENT_CHARS) throw tooLong();
        if (depth === 0) break;
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
        // The event itself is level 1; an attribute's value may open MAX_ATTRIBUTE_DEPTH more.
        if (depth > MAX_ATTRIBUTE_DEPTH + 1) throw new BatchError(`entry ${index}${field(key)}: nested deeper than ${MAX_ATTRIBUTE_DEPTH} levels (line ${line})`);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 0) break; // a bare value ends where the batch does
        depth--;
        if (depth === 0) {
          this.i++;
          break;
        }
      } else if (c === COLON && depth === 1 && lastString >= 0) {
        key = this.text.slice(lastString, lastStringEnd);
      } else if (c === NEWLINE) {
        this.line++;
      } else if (depth === 0 && (c === COMMA || isSpace(c))) {
        break; // the end of a bare value (a number, true, null…)
      }
      this.i++;
      if (this.i - start > MAX_EVENT_CHARS) throw tooLong();
    }
    return this.text.slice(start, this.i);
  }

  /** The first line of the event {@link next} returned last. */
  lineOfLast = 1;

  private end(): void {
    this.i++;
    this.ended = true;
    this.skipSpace();
    if (this.i < this.text.length) throw this.notJson(`more text after the batch's closing ] (line ${this.line})`);
  }

  /**
   * Skip white space, reading on into the next parts (keeping nothing behind).
   * @throws BatchError after {@link MAX_SPACE_CHARS} in a row: the work of one call stays bounded.
   */
  private skipSpace(): void {
    let skipped = 0;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) {
        if (this.refill(this.i)) continue;
        return;
      }
      if (!isSpace(c)) return;
      if (c === NEWLINE) this.line++;
      this.i++;
      if (++skipped > MAX_SPACE_CHARS) throw new BatchError(`more than ${MAX_SPACE_CHARS / 1024} K characters of white space in a row (line ${this.line}), which no batch needs`);
    }
  }

  private notJson(why: string): BatchError {
    return new BatchError(`not JSON: ${why}`);
  }
}

const field = (key: string | null) => (key === null ? '' : `, field "${printable(key)}"`);

/** What a text that does not start with `[` holds, said without parsing more than 1 MB of it. */
function notAnArray(parts: readonly string[]): string {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length > 1024 * 1024) return 'a CloudEvents batch is a JSON array of events; this file does not begin with [';
  let json: unknown;
  try {
    json = JSON.parse(parts.join(''));
  } catch (e) {
    return `not JSON: ${printable((e as Error).message)}`;
  }
  return `a CloudEvents batch is a JSON array of events; this file holds ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`;
}

/**
 * Reads a CloudEvents JSON batch a few events at a time, checking each one, so the page can
 * read a large file in slices between which it stays responsive (docs/bad-input.md,
 * "Imports"). Every event is checked against the schema, against the depth and size limits
 * ({@link MAX_ATTRIBUTE_DEPTH}, {@link MAX_EVENT_CHARS}, for every attribute) and for an id
 * used twice. The text may be given in parts (pieces of a file as read), which are read in
 * order as one text and let go as they are read; `events` grows as it reads.
 */
export class BatchReader {
  /** The events read and checked so far, in the file's order. */
  readonly events: CloudEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly scanner: BatchScanner;
  private finished = false;

  private readonly length: number;

  /** @throws BatchError when the text is too large or not a JSON array. */
  constructor(text: string | readonly string[]) {
    const parts = typeof text === 'string' ? [text] : [...text];
    this.length = 0;
    for (const p of parts) this.length += p.length;
    if (this.length > MAX_BATCH_BYTES) throw new BatchError(`the file is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB`);
    this.scanner = new BatchScanner(parts);
  }

  /** Whether every event has been read. */
  get done(): boolean {
    return this.finished;
  }

  /** How far through the text, 0…1. */
  get progress(): number {
    return this.finished || this.length === 0 ? 1 : this.scanner.position / this.length;
  }

  /**
   * Read events while `more()` says so (asked after each event) or to the end.
   * @returns true when the whole batch has been read.
   * @throws BatchError naming the first problem, e.g. `entry 3, field "offset": expected a
   *   whole number ≥ 0 (line 40)`, or a text that is not JSON, too deep, too long, or has two
   *   events with one id.
   */
  read(more: () => boolean = () => true): boolean {
    while (!this.finished) {
      const text = this.scanner.next();
      if (text === null) {
        this.finished = true;
        break;
      }
      this.events.push(this.check(text, this.events.length, this.scanner.lineOfLast));
      if (!more()) break;
    }
    return this.finished;
  }

  private check(text: string, index: number, line: number): CloudEvent {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new BatchError(`not JSON: entry ${index}: ${printable((e as Error).message)} (line ${line})`);
    }
    const r = cloudEventSchema.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const where = issue.path.length > 0 ? `, field "${printable(issue.path.map(String).join('.'))}"` : '';
      const message = /received undefined$/.test(issue.message) ? 'missing (required)' : issue.message;
      throw new BatchError(`entry ${index}${where}: ${printable(message)} (line ${line})`);
    }
    if (this.ids.has(r.data.id)) throw new BatchError(`entry ${index}, field "id": "${printable(r.data.id)}" is used by an earlier event (line ${line})`);
    this.ids.add(r.data.id);
    return json as CloudEvent;
  }
}

/**
 * Parse a CloudEvents JSON batch (text of a file) into events, checking every entry, all at
 * once (the CLI and tests; the page reads in slices with {@link BatchReader}).
 * @throws BatchError naming the first problem, e.g. `entry 3, field "offset": expected a
 *   whole number ≥ 0 (line 40)`, or that the text is not JSON, not an array, too large, too
 *   deep, or has two events with one id.
 */
export function parseBatch(textOfFile: string): CloudEvent[] {
  const reader = new BatchReader(textOfFile);
  reader.read();
  return reader.events;
}

/** Keep text from a file printable and short inside our messages. */
function printable(s: string): string {
  const p = s.replace(/[^\x20-\x7e]/g, '?');
  return p.length > 80 ? `${p.slice(0, 80)}…` : p;
}
