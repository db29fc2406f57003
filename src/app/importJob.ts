import { BatchError, MAX_BATCH_EVENTS } from '../scenarios/cloudevents.ts';
import { BatchReader } from '../scenarios/batchReader.ts';
import { EventLog, entryOfCloudEvent } from './eventLog.ts';

/**
 * Importing a log in slices (docs/bad-input.md, "Imports"): the batch is read, checked and
 * indexed a few milliseconds at a time, giving the page back between slices, so no task on
 * the main thread grows with the file. Nothing outside the job changes until it is done.
 */

/** Milliseconds of work per slice before the page gets the thread back. */
export const SLICE_MS = 12;

/** How a job finished: the indexed log, a refusal (message naming the problem), or a cancel. */
export type ImportOutcome = { ok: true; log: EventLog } | { ok: false; cancelled: false; reason: string } | { ok: false; cancelled: true };

/** What a sliced job needs from the outside: a clock, a way to give the page the thread back. */
export interface SliceOptions {
  /** Wall clock, milliseconds. */
  now: () => number;
  /** Work per slice, milliseconds ({@link SLICE_MS} by default). */
  sliceMs?: number;
  /** Calls `resume` in a later task (by default through a MessageChannel in a page, else setTimeout). */
  yieldToPage?: (resume: () => void) => void;
}

/** A running job: `cancel()` stops it before its next slice (it then reports `cancelled`). */
export interface SlicedJob {
  cancel(): void;
}

/** Default way to give the thread back: a message (no 4 ms clamp as nested setTimeouts get), else a timeout. */
function defaultYield(): { yieldToPage: (resume: () => void) => void; close: () => void } {
  if (typeof window !== 'undefined' && typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    let next: (() => void) | null = null;
    channel.port1.onmessage = () => {
      const f = next;
      next = null;
      f?.();
    };
    return {
      yieldToPage: (resume) => {
        next = resume;
        channel.port2.postMessage(0);
      },
      close: () => {
        channel.port1.close();
        channel.port2.close();
      },
    };
  }
  return { yieldToPage: (resume) => setTimeout(resume, 0), close: () => {} };
}

/**
 * Run `work` in slices: `work(more)` does a unit at a time while `more()` is true (the slice
 * still has time) and returns true when everything is done. The first slice runs at once,
 * in the caller's task; `finish` is called exactly once, with true when done, false when
 * cancelled, or with the error `work` threw. Never throws.
 */
export function runInSlices(work: (more: () => boolean) => boolean, finish: (result: true | false | { error: unknown }) => void, opts: SliceOptions): SlicedJob {
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const own = opts.yieldToPage ? null : defaultYield();
  const yieldToPage = opts.yieldToPage ?? own!.yieldToPage;
  let cancelled = false;
  let over = false;
  const end = (r: true | false | { error: unknown }) => {
    if (over) return;
    over = true;
    own?.close();
    finish(r);
  };
  const slice = () => {
    if (over) return;
    if (cancelled) return end(false);
    const deadline = opts.now() + sliceMs;
    let done: boolean;
    try {
      done = work(() => opts.now() < deadline);
    } catch (error) {
      return end({ error });
    }
    if (done) end(true);
    else yieldToPage(slice);
  };
  slice();
  return {
    cancel() {
      cancelled = true;
      // A job between slices ends at its next one; say so now rather than later.
      if (!over) end(false);
    },
  };
}

/**
 * Import a CloudEvents batch (the file's text) into a new {@link EventLog} in slices: each
 * event is read, checked (schema, depth and size of every attribute, ids) and indexed by id
 * (and its cause, for the parent index) and by type and topic. `progress(fraction)` (0…1) is called after each slice; `done` once
 * at the end with the outcome. A refusal's reason names the entry, field and line.
 * Never throws; the caller's state is untouched until `done` gets `ok: true`.
 */
export function importInSlices(text: string | readonly string[], progress: (fraction: number) => void, done: (outcome: ImportOutcome) => void, opts: SliceOptions): SlicedJob {
  let reader: BatchReader | null = null;
  const log = new EventLog(MAX_BATCH_EVENTS);
  let indexed = 0;
  let read = false;
  const work = (more: () => boolean): boolean => {
    // Then the causes named before they were seen are looked up, once, for the parent index.
    if (read) return log.resolveCauses(more);
    reader ??= new BatchReader(text);
    const r = reader;
    const finished = r.read(() => {
      // Index each event as it is read, so a slice's time covers both.
      while (indexed < r.events.length) log.push(entryOfCloudEvent(r.events[indexed++]!));
      return more();
    });
    while (indexed < r.events.length) log.push(entryOfCloudEvent(r.events[indexed++]!));
    if (!finished) {
      progress(r.progress);
      return false;
    }
    read = true;
    reader = null; // the text can go
    return more() && log.resolveCauses(more);
  };
  return runInSlices(
    work,
    (result) => {
      if (result === true) return done({ ok: true, log });
      if (result === false) return done({ ok: false, cancelled: true });
      const e = result.error;
      done({ ok: false, cancelled: false, reason: e instanceof BatchError ? e.message : `could not read it (${e instanceof Error ? e.message : String(e)})` });
    },
    opts,
  );
}

/** Characters gathered into one part of a sliced export before it is handed to `makePart`. */
const PART_CHARS = 1 << 20;

/**
 * Collect the strings a generator yields, in slices (the export of a large log), then call
 * `done` with them, or with the error it threw. Never throws. The strings are joined into
 * parts of about 1 M characters, each passed through `makePart` as it is made (the page
 * makes each a `Blob`, so no single task encodes the whole file).
 */
export function collectInSlices<P = string>(
  chunks: Iterator<string>,
  done: (result: { parts: P[] } | { error: unknown } | null) => void,
  opts: SliceOptions,
  makePart: (text: string) => P = (text) => text as unknown as P,
): SlicedJob {
  const parts: P[] = [];
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    parts.push(makePart(pending.join('')));
    pending = [];
    chars = 0;
  };
  return runInSlices(
    (more) => {
      for (;;) {
        const r = chunks.next();
        if (r.done) {
          flush();
          return true;
        }
        pending.push(r.value);
        chars += r.value.length;
        if (chars >= PART_CHARS) flush();
        if (!more()) return false;
      }
    },
    (result) => done(result === true ? { parts } : result === false ? null : result),
    opts,
  );
}

/** Bytes of a file read and decoded per task. */
const READ_BYTES = 2 * 1024 * 1024;

/**
 * A file's text in parts, read and decoded as UTF-8 {@link READ_BYTES} at a time, each piece in a task
 * of its own (one `Blob.text()`, or a stream piped through a decoder, decodes a 100 MB file
 * in one long task). `progress(fraction)` after each piece; `stopped()` is asked between
 * pieces and ends the read early (resolving to null).
 * @throws whatever reading the file throws (a file removed meanwhile, say).
 */
export async function readText(blob: Blob, progress: (fraction: number) => void, stopped: () => boolean): Promise<string[] | null> {
  if (typeof blob.arrayBuffer !== 'function') return [await blob.text()];
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < blob.size; at += READ_BYTES) {
    const bytes = await blob.slice(at, at + READ_BYTES).arrayBuffer();
    if (stopped()) return null;
    parts.push(decoder.decode(bytes, { stream: true }));
    progress(Math.min(1, (at + READ_BYTES) / blob.size));
    // Give the page the thread back between pieces (an arrayBuffer() already read may resolve at once).
    await new Promise((resume) => setTimeout(resume, 0));
    if (stopped()) return null;
  }
  parts.push(decoder.decode());
  // Not joined: one 100 MB string is a long task to build (BatchReader reads the parts in order).
  return parts;
}
