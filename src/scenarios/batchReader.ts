import { z } from 'zod';
import { BatchError, MAX_BATCH_BYTES, printable, type CloudEvent } from './cloudevents.ts';
import { BatchScanner } from './batchScanner.ts';

// Reading a CloudEvents batch, step two: each event's text (cut by BatchScanner,
// batchScanner.ts) parsed and checked against the schema of the format (cloudevents.ts).

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
