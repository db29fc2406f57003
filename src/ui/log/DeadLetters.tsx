import { useSimStore, useViewedLog } from '../SimProvider.tsx';
import type { DeadLetter } from '../../sim/index.ts';
import { clock } from '../../app/format.ts';
import { G } from '../Term.tsx';

/** The dead-letter topic's contents: what could not be handled, by whom, and why. */
export function DeadLetters({ onSelect }: { onSelect: (id: string) => void }) {
  const store = useSimStore();
  useViewedLog();
  const all = store.getState().eventLog().entries.filter((e) => e.topic === 'deadletter');
  const dead = all.slice(-50);
  return (
    <div className="dead">
      <h4>
        <G>
          Dead-letter topic ({all.length}){all.length > dead.length ? `, latest ${dead.length} shown` : ''}
        </G>
      </h4>
      {dead.length === 0 ? (
        <p className="muted">Empty: every message was handled.</p>
      ) : (
        <ul>
          {dead.map((e) => {
            const d = e.data as Partial<DeadLetter> | null;
            return (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => onSelect(e.id)}>
                  {clock(e.time)} {String(d?.group ?? '?')}
                </button>{' '}
                <span>
                  gave up on {String(d?.message?.type ?? '?')} {String(d?.message?.subject ?? '')} after {String(d?.attempts ?? '?')} attempt(s): {String(d?.reason ?? '')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
