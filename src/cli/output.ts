import { closeSync, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { toCloudEvent } from '../scenarios/cloudevents.ts';
import type { Envelope } from '../sim/index.ts';
import { UsageError } from './errors.ts';

/**
 * The CLI's files (docs/bad-input.md, "CLI"): an output is never the input or another output
 * by any name, and is written to a temporary file beside it that is renamed into place
 * whole, so nothing the CLI was not asked to write is ever opened for writing, and a failed
 * run leaves the old file as it was.
 */

/** A file's identity: device and inode (the same for every name of the file). */
export interface FileId {
  dev: number;
  ino: number;
}

/** One file the CLI reads or writes, as the user named it and as it is on disk. */
export interface NamedFile {
  /** What to call it in a message, e.g. `--events "log.json"` or `stdout`. */
  label: string;
  /** Its real path (symbolic links resolved), or null when it cannot be known (stdout). */
  real: string | null;
  /** Its identity, or null when it does not exist yet. */
  id: FileId | null;
}

const idOf = (st: Stats): FileId => ({ dev: st.dev, ino: st.ino });

/**
 * Write all of `text` (UTF-8) to `fd`: `writeSync` may write fewer bytes than asked (a disk
 * filling up), so it is called again for the rest.
 * @throws Error with code ENOSPC when the device takes no more bytes, or the write's own error.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (n <= 0) throw Object.assign(new Error('the device takes no more bytes'), { code: 'ENOSPC' });
    done += n;
  }
}

/** Follow symbolic links from `path` (absolute) to the path they end at, which may not exist yet (a dangling link). */
function endOfLinks(path: string): string {
  let p = path;
  for (let i = 0; i < 40; i++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new UsageError('too many levels of symbolic links');
}

/** The identity of an open file descriptor when it is a regular file (stdout sent to a file), else null. */
export function regularFileIdOf(fd: number): FileId | null {
  try {
    const st = fstatSync(fd);
    return st.isFile() ? idOf(st) : null;
  } catch {
    return null;
  }
}

/**
 * Where an output named `path` (absolute) is written: the real path of the file it names
 * when that exists (so a symbolic link is written through, and stays a link), else the real
 * path of its directory joined with its name.
 * @throws UsageError when it names a directory or anything but a regular file (a FIFO, a
 *   device such as /dev/null, which a rename would replace), or its directory does not exist.
 */
export function outputFile(label: string, given: string): NamedFile {
  // A dangling symbolic link is written through too: to the file it names, which it creates.
  let path: string;
  try {
    path = endOfLinks(given);
  } catch (e) {
    throw new UsageError(`${label}: ${(e as Error).message}`);
  }
  let st: Stats | null = null;
  try {
    st = statSync(path);
  } catch {
    // does not exist yet (or a dangling symbolic link): written as a new file
  }
  if (st?.isDirectory()) throw new UsageError(`${label} is a directory: give a file path`);
  if (st && !st.isFile()) throw new UsageError(`${label} is not a regular file: give the path of a file to (over)write`);
  if (st) return { label, real: realpathSync(path), id: idOf(st) };
  let dir: string;
  try {
    dir = realpathSync(dirname(path));
  } catch (e) {
    throw new UsageError(`${label}: cannot write there, its directory cannot be found (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { label, real: join(dir, basename(path)), id: null };
}

/** Whether two files are the same file: same device and inode, or the same real path. */
export function sameFile(a: NamedFile, b: NamedFile): boolean {
  if (a.id && b.id && a.id.dev === b.id.dev && a.id.ino === b.id.ino) return true;
  return a.real !== null && a.real === b.real;
}

/**
 * Refuse, before anything is written, an output that is one of the inputs or another output,
 * by any name: a symbolic link, a hard link, `./x` and `x`, a path through a linked directory.
 * @throws UsageError naming both.
 */
export function checkOutputs(inputs: readonly NamedFile[], outputs: readonly NamedFile[]): void {
  outputs.forEach((o, i) => {
    for (const input of inputs) {
      if (sameFile(o, input)) throw new UsageError(`${o.label} is the scenario file itself (${input.label}), by this or another name: pick another path; nothing was written`);
    }
    for (const other of outputs.slice(0, i)) {
      if (sameFile(o, other)) throw new UsageError(`${o.label} and ${other.label} are the same file: give them different paths; nothing was written`);
    }
  });
}

/**
 * A file written whole or not at all: bytes go to a new temporary file in the same directory
 * (created exclusively: it never opens an existing file), and {@link commit} renames it over
 * `path`. {@link abort} (or a failed commit) removes the temporary file.
 */
export class AtomicFile {
  readonly temp: string;
  private fd: number | null;

  /** @throws Error (with an errno `code`) if the temporary file cannot be created. */
  constructor(readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.temp, 'wx', 0o666);
  }

  /** Append text (UTF-8), all of it. @throws Error on a write failure (a full disk: ENOSPC). */
  write(text: string): void {
    if (this.fd === null) throw new Error('the file is already closed');
    writeAll(this.fd, text);
  }

  /**
   * Make the bytes durable and close, keeping an existing file's permissions; the old file is
   * still untouched. @throws Error, after removing the temporary file.
   */
  close(): void {
    if (this.fd === null) return;
    try {
      const fd = this.fd;
      try {
        fchmodSync(fd, statSync(this.path).mode & 0o7777);
      } catch {
        // a new file: the umask's permissions
      }
      fsyncSync(fd);
      this.fd = null;
      closeSync(fd);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** {@link close}, then rename into place. @throws Error, after removing the temporary file. */
  commit(): void {
    this.close();
    try {
      renameSync(this.temp, this.path);
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Give up: close and remove the temporary file (never the file at `path`). Safe to call twice. */
  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone (renamed, or never made)
    }
  }
}

/** Bytes buffered before a write to the file. */
const FLUSH_CHARS = 1 << 20;

/**
 * The log as a CloudEvents batch, written as the run goes (nothing is held but a buffer of
 * about 1 MB): the same bytes as `batchJson` of every message (`src/scenarios/cloudevents.ts`).
 * A write failure is kept (see {@link error}) and ends the writing; the run goes on.
 */
export class BatchStream {
  private parts: string[] = [];
  private chars = 0;
  private count = 0;
  /** The first write failure, or null. */
  error: Error | null = null;

  constructor(private readonly file: AtomicFile) {}

  /** Add one message (as a bus observer would see it). */
  add(m: Envelope): void {
    if (this.error) return;
    const body = JSON.stringify(toCloudEvent(m), null, 2).replace(/\n/g, '\n  ');
    const text = `${this.count === 0 ? '[\n' : ',\n'}  ${body}`;
    this.count++;
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }

  /** Write the closing bracket and what is buffered. @throws the first write failure. */
  finish(): void {
    if (!this.error) {
      this.parts.push(this.count === 0 ? '[]\n' : '\n]\n');
      this.flush();
    }
    if (this.error) throw this.error;
  }

  private flush(): void {
    try {
      this.file.write(this.parts.join(''));
    } catch (e) {
      this.error = e instanceof Error ? e : new Error(String(e));
    }
    this.parts = [];
    this.chars = 0;
  }
}
