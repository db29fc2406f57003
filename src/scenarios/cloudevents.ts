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

/** A batch that failed validation: the message names the first problem (entry, field and line). */
export class BatchError extends Error {
  override name = 'BatchError';
}

/** Keep text from a file printable and short inside our messages: printable ASCII (others as `?`), at most 80 characters and an ellipsis. */
export function printable(s: string): string {
  const p = s.replace(/[^\x20-\x7e]/g, '?');
  return p.length > 80 ? `${p.slice(0, 80)}…` : p;
}
