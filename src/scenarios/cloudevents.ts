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
/** Deepest nesting of an event's `data` accepted (deeper structures overflow the stack when shown or written). */
export const MAX_DATA_DEPTH = 64;

/** Nesting depth of a JSON value, counted without recursion; stops counting past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return deepest;
}

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
 * file without building one giant string (V8 caps a string at about 512 MB).
 */
export function* batchChunks(events: readonly CloudEvent[]): Generator<string> {
  if (events.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < events.length; i++) {
    const body = JSON.stringify(events[i], null, 2).replace(/\n/g, '\n  ');
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

/** A batch that failed validation: the message names the first problem (entry and field). */
export class BatchError extends Error {
  override name = 'BatchError';
}

/**
 * Parse a CloudEvents JSON batch (text of a file) into events, checking every entry.
 * @throws BatchError naming the first problem, e.g. `entry 3, field "offset": expected a
 *   whole number ≥ 0`, or that the text is not JSON, not an array, too large, or has two
 *   events with one id.
 */
export function parseBatch(textOfFile: string): CloudEvent[] {
  if (textOfFile.length > MAX_BATCH_BYTES) throw new BatchError(`the file is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(textOfFile);
  } catch (e) {
    throw new BatchError(`not JSON: ${printable((e as Error).message)}`);
  }
  if (!Array.isArray(json)) throw new BatchError(`a CloudEvents batch is a JSON array of events; this file holds ${json === null ? 'null' : typeof json}`);
  if (json.length > MAX_BATCH_EVENTS) throw new BatchError(`at most ${MAX_BATCH_EVENTS.toLocaleString('en')} events, got ${json.length.toLocaleString('en')}`);
  const ids = new Set<string>();
  const out: CloudEvent[] = [];
  for (let i = 0; i < json.length; i++) {
    const r = cloudEventSchema.safeParse(json[i]);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.path.length > 0 ? `, field "${printable(issue.path.map(String).join('.'))}"` : '';
      const message = /received undefined$/.test(issue.message) ? 'missing (required)' : issue.message;
      throw new BatchError(`entry ${i}${field}: ${printable(message)}`);
    }
    if (depthOf(r.data.data, MAX_DATA_DEPTH) > MAX_DATA_DEPTH) throw new BatchError(`entry ${i}, field "data": nested deeper than ${MAX_DATA_DEPTH} levels`);
    if (ids.has(r.data.id)) throw new BatchError(`entry ${i}, field "id": "${printable(r.data.id)}" is used by an earlier event`);
    ids.add(r.data.id);
    out.push(json[i] as CloudEvent);
  }
  return out;
}

/** Keep text from a file printable and short inside our messages. */
function printable(s: string): string {
  const p = s.replace(/[^\x20-\x7e]/g, '?');
  return p.length > 80 ? `${p.slice(0, 80)}…` : p;
}
