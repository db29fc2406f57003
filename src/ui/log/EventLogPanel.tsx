import { useRef } from 'react';
import { useSim, useSimStore } from '../SimProvider.tsx';
import { LogList } from './LogList.tsx';
import { MessageDetail } from './MessageDetail.tsx';
import { Consumers } from './Consumers.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { download } from '../download.ts';
import { useLogSelection } from '../lesson/parts.tsx';
import { CLOUDEVENTS_BATCH_TYPE, MAX_BATCH_BYTES } from '../../scenarios/cloudevents.ts';
import { G } from '../Term.tsx';

/**
 * The event log panel: every message as it happens (or an imported batch), the selected
 * message's envelope and causation chain, the consumer groups with their lag, the
 * dead-letter topic, and export / import.
 */
export function EventLogPanel() {
  const store = useSimStore();
  const imported = useSim((s) => s.imported);
  const { selected, select: setSelected } = useLogSelection();
  const file = useRef<HTMLInputElement>(null);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_BATCH_BYTES) {
      store.getState().notice('error', `${f.name.slice(0, 60)} was not imported: it is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB. The simulation is untouched.`);
      return;
    }
    store.getState().importLog(await f.text(), f.name);
    setSelected(null);
  };

  return (
    <section className="log-panel" aria-label="Event log">
      <div className="log-main">
        <div className="log-bar">
          <h2>
            <G>Event log</G>
          </h2>
          {imported ? (
            <span className="imported">
              Viewing {imported.count.toLocaleString('en')} imported messages from <strong>{imported.name}</strong>{' '}
              <button type="button" onClick={() => store.getState().closeImport()}>
                Back to live
              </button>
            </span>
          ) : (
            <span className="muted">live</span>
          )}
          <span className="spacer" />
          <button type="button" onClick={() => download('order-up-log.json', new Blob([store.getState().exportLog()], { type: CLOUDEVENTS_BATCH_TYPE }))}>
            Export log
          </button>
          <button type="button" onClick={() => download('order-up-series.csv', new Blob([store.getState().exportCsv()], { type: 'text/csv' }))}>
            Export series CSV
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            Import log…
          </button>
          <input
            ref={file}
            type="file"
            accept=".json,application/json,application/cloudevents-batch+json"
            aria-label="Import a CloudEvents batch"
            hidden
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        <LogList selected={selected} onSelect={setSelected} />
      </div>
      <div className="log-side">
        <MessageDetail id={selected} onSelect={setSelected} />
        <h3 className="panel-h">
          <G>Consumer groups</G>
        </h3>
        <Consumers />
        <DeadLetters onSelect={setSelected} />
      </div>
    </section>
  );
}
