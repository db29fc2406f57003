// The message log (docs/bad-input.md, "Imports"): the live log of the running restaurant, an
// imported CloudEvents batch viewed in its place, and the export of whichever is viewed.
import { batchChunks, batchJson, MAX_BATCH_BYTES } from '../../scenarios/cloudevents.ts';
import { expected } from '../args.ts';
import { cloudEventOf } from '../eventLog.ts';
import { collectInSlices, importInSlices, readText, type SlicedJob } from '../importJob.ts';
import { visible } from '../visible.ts';
import { KEYS, type StoreContext } from './context.ts';
import type { LogSlice } from './types.ts';

/** The log slice. */
export function logSlice(ctx: StoreContext): LogSlice {
  const { set, get, notify, refuse } = ctx;
  /** The import under way: cancelling it ends it with nothing changed. */
  let importJob: { cancel(): void } | null = null;
  const viewed = () => get().importedLog ?? get().run.log;

  return {
    logged: 0,
    imported: null,
    importedLog: null,
    importing: null,
    logRequest: { n: 0, filterType: null },
    recentMessages: () => get().run.recent,
    eventLog: viewed,
    importLog(source, name) {
      if (typeof source !== 'string' && !(typeof Blob !== 'undefined' && source instanceof Blob)) refuse('importLog(text)', expected("a file's text or the file", source));
      if (typeof name !== 'string') refuse('importLog(name)', expected("the file's name", name));
      get().cancelImport();
      const shown = visible(name.slice(0, 60));
      const refuseImport = (why: string) => notify('error', `${shown} was not imported: ${why}. The simulation is untouched.`, KEYS.import);
      return new Promise<boolean>((resolve) => {
        let over = false;
        let job: SlicedJob | null = null;
        const finish = (ok: boolean) => {
          over = true;
          if (importJob === handle) importJob = null;
          if (get().importing) set({ importing: null });
          resolve(ok);
        };
        const handle = {
          cancel() {
            if (over) return;
            job?.cancel();
            if (!over) {
              notify('info', `The import of ${shown} was cancelled; nothing changed.`, KEYS.import);
              finish(false);
            }
          },
        };
        importJob = handle;
        const start = (text: string | readonly string[]) => {
          if (over) return;
          let lastShown = -1;
          job = importInSlices(
            text,
            (fraction) => {
              // A redraw per percent, not per slice.
              if (Math.floor(fraction * 100) === lastShown) return;
              lastShown = Math.floor(fraction * 100);
              set({ importing: { name, phase: 'checking', fraction } });
            },
            (outcome) => {
              if (over) return;
              if (outcome.ok) {
                const log = outcome.log;
                set({ imported: { name: name.slice(0, 80), count: log.entries.length }, importedLog: log });
                notify('info', `Viewing ${log.entries.length.toLocaleString('en')} imported messages from ${shown}. The simulation keeps running.`, KEYS.import);
                finish(true);
              } else if (!outcome.cancelled) {
                refuseImport(outcome.reason);
                finish(false);
              }
            },
            { now: ctx.wallNow },
          );
        };
        if (typeof source === 'string') return start(source);
        if (source.size > MAX_BATCH_BYTES) {
          refuseImport(`it is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB`);
          return finish(false);
        }
        set({ importing: { name, phase: 'reading', fraction: 0 } });
        let lastRead = 0;
        const reading = (fraction: number) => {
          if (Math.floor(fraction * 100) === lastRead) return;
          lastRead = Math.floor(fraction * 100);
          set({ importing: { name, phase: 'reading', fraction } });
        };
        // The checking starts in a task of its own, after the one that joined the text.
        readText(source, reading, () => over).then(
          (text) => text !== null && void setTimeout(() => start(text), 0),
          (e: unknown) => {
            if (over) return;
            refuseImport(`could not read it (${e instanceof Error ? e.message : String(e)})`);
            finish(false);
          },
        );
      });
    },
    cancelImport() {
      importJob?.cancel();
    },
    closeImport() {
      set({ imported: null, importedLog: null });
    },
    exportLog: () => batchJson(viewed().entries.map(cloudEventOf)),
    exportLogFile() {
      const entries = viewed().entries.slice();
      return new Promise((resolve) => {
        collectInSlices<Blob>(
          batchChunks(entries, cloudEventOf),
          (result) => {
            if (result && 'parts' in result) return resolve(new Blob(result.parts, { type: 'application/cloudevents-batch+json' }));
            const why = result ? (result.error instanceof Error ? result.error.message : String(result.error)) : 'cancelled';
            notify('error', `The log could not be exported: ${why}. Nothing was written.`, 'export');
            resolve(null);
          },
          { now: ctx.wallNow },
          // Each part encoded in its own slice: the Blob of Blobs at the end only links them.
          (text) => new Blob([text]),
        );
      });
    },
  };
}
