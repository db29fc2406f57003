import { BatchError, MAX_ATTRIBUTE_DEPTH, MAX_BATCH_EVENTS, MAX_EVENT_CHARS, printable } from './cloudevents.ts';

// Reading a CloudEvents batch, step one: cutting its text into events' texts, with the
// bounds on work that docs/bad-input.md ("Imports") asks for. BatchReader (batchReader.ts)
// then checks each event.

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
export class BatchScanner {
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
