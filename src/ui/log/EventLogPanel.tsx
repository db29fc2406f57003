import { useRef } from 'react';
import { useSim, useSimStore } from '../SimProvider.tsx';
import { LogList } from './LogList.tsx';
import { MessageDetail } from './MessageDetail.tsx';
import { Consumers } from './Consumers.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { download } from '../download.ts';
import { useLogSelection } from '../lesson/parts.tsx';
import { visible } from '../../app/visible.ts';
import { G } from '../Term.tsx';

/**
 * The event log panel: every message as it happens (or an imported batch), the selected
 * message's envelope and causation chain, the consumer groups with their lag, the
 * dead-letter topic, and export / import.
 */
export function EventLogPanel() {
  const store = useSimStore();
  const imported = useSim((s) => s.imported);
  const importing = useSim((s) => s.importing);
  const { selected, select: setSelected } = useLogSelection();
  const file = useRef<HTMLInputElement>(null);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    // Read, checked and indexed in slices (docs/bad-input.md, "Imports"); the size is checked first.
    if (await store.getState().importLog(f, f.name)) setSelected(null);
  };
  const onExport = async () => {
    const blob = await store.getState().exportLogFile();
    if (blob) download('order-up-log.json', blob);
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
              Viewing {imported.count.toLocaleString('en')} imported messages from <strong className="user-text">{visible(imported.name)}</strong>{' '}
              <button type="button" onClick={() => store.getState().closeImport()}>
                Back to live
              </button>
            </span>
          ) : (
            <span className="muted">live</span>
          )}
          {importing && (
            <span className="importing" role="group" aria-label="Import under way">
              {importing.phase === 'reading' ? 'Reading' : 'Checking'} <span className="user-text">{visible(importing.name.slice(0, 60))}</span>{' '}
              <progress aria-label="Import progress" max={1} value={importing.fraction} /> {Math.floor(importing.fraction * 100)}%{' '}
              <button type="button" onClick={() => store.getState().cancelImport()}>
                Cancel import
              </button>
            </span>
          )}
          <span className="spacer" />
          <button type="button" onClick={() => void onExport()}>
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
