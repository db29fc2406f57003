import { useSim, useSimStore } from '../SimProvider.tsx';
import { cloudEventOf } from '../../app/eventLog.ts';
import { clock } from '../../app/format.ts';

/** Longest envelope text shown; a huge imported `data` is cut (the export keeps it whole). */
const MAX_SHOWN = 20_000;

function envelopeText(entry: Parameters<typeof cloudEventOf>[0]): string {
  const text = JSON.stringify(cloudEventOf(entry), null, 2);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n… (${(text.length - MAX_SHOWN).toLocaleString('en')} more characters not shown)` : text;
}

/** The selected message's envelope (as a CloudEvent) and its causation chain, first cause first. */
export function MessageDetail({ id, onSelect }: { id: string | null; onSelect: (id: string) => void }) {
  const store = useSimStore();
  useSim((s) => s.logVersion);
  const log = store.getState().eventLog();
  const entry = id ? log.get(id) : undefined;
  if (!entry) return <p className="muted detail-empty">Pick a message to see its envelope and what caused it.</p>;
  const chain = log.chain(entry.id);
  const rejection = entry.kind === 'command' && !entry.imported ? store.getState().restaurant().rejectionOf(entry.id) : null;
  const first = chain[0]!;
  return (
    <div className="detail">
      <h3>
        <span className={`c-kind ${entry.kind}`}>{entry.kind}</span> {entry.type}
      </h3>
      <p className="muted">
        {entry.kind === 'command'
          ? 'A command: addressed to exactly one handler, which may reject it.'
          : 'An event: a fact, published to its topic for every consumer group; it cannot be rejected.'}
      </p>
      {entry.kind === 'command' && !entry.imported && (
        <p className={rejection ? 'rejected' : 'accepted'}>
          {rejection ? `✗ Rejected by the kitchen: ${rejection}. Nothing was published; the party reorders.` : '✓ Accepted by the kitchen.'}
        </p>
      )}
      <h4>Causation chain</h4>
      <ol className="chain">
        {first.causationid && <li className="muted">… earlier messages are no longer kept</li>}
        {chain.map((e) => (
          <li key={e.id}>
            <button type="button" className={`link ${e.id === entry.id ? 'current' : ''}`} onClick={() => onSelect(e.id)}>
              {clock(e.time)} {e.type}
            </button>{' '}
            <span className="muted">
              {e.kind} on {e.topic}#{e.offset}
            </span>
          </li>
        ))}
      </ol>
      <h4>Envelope (CloudEvents 1.0)</h4>
      {/* Text only: an imported file's strings are never rendered as HTML. */}
      <pre className="envelope">{envelopeText(entry)}</pre>
    </div>
  );
}
