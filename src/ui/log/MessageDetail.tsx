import { useSimStore, useViewedLog } from '../SimProvider.tsx';
import { chainSummary, cloudEventOf, type LogEntry } from '../../app/eventLog.ts';
import { clock } from '../../app/format.ts';
import { visible } from '../../app/visible.ts';

/** Longest envelope text shown; a huge imported `data` is cut (the export keeps it whole). */
const MAX_SHOWN = 20_000;
/** Links shown at each end of a causation chain; the ones between are counted, not drawn. */
const CHAIN_ENDS = 3;

/**
 * The envelope as text, at most {@link MAX_SHOWN} characters. An accepted message is at most
 * 32 levels deep in every attribute (docs/bad-input.md, "Imports"), so stringifying it cannot
 * overflow the stack; should it fail anyway, the view says so instead of going blank.
 */
function envelopeText(entry: LogEntry): string {
  let text: string;
  try {
    text = JSON.stringify(cloudEventOf(entry), null, 2);
  } catch (e) {
    return `(this envelope cannot be shown: ${e instanceof Error ? e.message : String(e)})`;
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n… (${(text.length - MAX_SHOWN).toLocaleString('en')} more characters not shown)` : text;
}

function Link({ e, current, onSelect }: { e: LogEntry; current: boolean; onSelect: (id: string) => void }) {
  return (
    <li>
      <button type="button" className={`link ${current ? 'current' : ''}`} onClick={() => onSelect(e.id)}>
        {clock(e.time)} <span className="user-text">{visible(e.type)}</span>
      </button>{' '}
      <span className="muted">
        {e.kind} on <span className="user-text">{visible(e.topic)}</span>#{e.offset}
      </span>
    </li>
  );
}

/**
 * The selected message's envelope (as a CloudEvent) and its causation chain, first cause
 * first: a long chain shows its first and last links and how many lie between.
 */
export function MessageDetail({ id, onSelect }: { id: string | null; onSelect: (id: string) => void }) {
  const store = useSimStore();
  useViewedLog();
  const log = store.getState().eventLog();
  const entry = id ? log.get(id) : undefined;
  if (!entry) return <p className="muted detail-empty">Pick a message to see its envelope and what caused it.</p>;
  const chain = chainSummary(log, entry.id, CHAIN_ENDS)!;
  const rejection = entry.kind === 'command' && !entry.imported ? store.getState().restaurant().rejectionOf(entry.id) : null;
  return (
    <div className="detail">
      <h3>
        <span className={`c-kind ${entry.kind}`}>{entry.kind}</span> <span className="user-text">{visible(entry.type)}</span>
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
      {chain.length > 2 * CHAIN_ENDS && (
        <p className="muted chain-length">
          {chain.length.toLocaleString('en')} messages long: the first and last {CHAIN_ENDS} shown.
        </p>
      )}
      <ol className="chain" aria-label="Causation chain">
        {chain.loops && <li className="muted">… the causes go round in a circle; shown as far as the log holds</li>}
        {chain.earlierMissing && <li className="muted">… earlier messages are no longer kept</li>}
        {chain.first.map((e, i) => (
          <Link key={`f${i}`} e={e} current={e.id === entry.id} onSelect={onSelect} />
        ))}
        {chain.between > 0 && <li className="muted chain-between">… {chain.between.toLocaleString('en')} more messages between …</li>}
        {chain.last.map((e, i) => (
          <Link key={`l${i}`} e={e} current={e.id === entry.id} onSelect={onSelect} />
        ))}
      </ol>
      <h4>Envelope (CloudEvents 1.0)</h4>
      {/* Text only: an imported file's strings are never rendered as HTML, and what cannot be seen is shown as ⟨U+XXXX⟩. */}
      <pre className="envelope user-text">{envelopeText(entry).split('\n').map(visible).join('\n')}</pre>
    </div>
  );
}
