import { memo, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useSim, useSimStore, useViewedLog } from '../SimProvider.tsx';
import { cappedFacet, matches, MAX_LOG_ENTRIES, NO_FILTER, type EventLog, type LogEntry, type LogFilter } from '../../app/eventLog.ts';
import { visible } from '../../app/visible.ts';
import { clock } from '../../app/format.ts';
import { G } from '../Term.tsx';

const ROW_HEIGHT = 30;
/** Most values a filter menu lists; the rest are found by searching (docs/bad-input.md, "Imports"). */
export const FACET_CAP = 50;

/** Which consumers have processed a message: ✓ committed, ◐ handled / in progress, · waiting. */
function Delivery({ entry }: { entry: LogEntry }) {
  const store = useSimStore();
  if (entry.imported) return <span className="muted">—</span>;
  if (entry.kind === 'command') {
    const rejected = store.getState().restaurant().rejectionOf(entry.id);
    return rejected ? <span className="rejected">✗ rejected: {rejected}</span> : <span className="accepted">✓ accepted</span>;
  }
  const status = store.getState().restaurant().deliveryOf(entry);
  const groups = Object.entries(status).filter(([, s]) => s !== 'skipped');
  if (groups.length === 0) return <span className="muted">no consumer</span>;
  return (
    <span className="delivery">
      {groups.map(([g, s]) => (
        <span key={g} className={`dv ${s}`} title={`${g}: ${s}`}>
          {s === 'committed' ? '✓' : s === 'waiting' ? '·' : '◐'}
          {g}
        </span>
      ))}
    </span>
  );
}

/** `tick` changes with each refresh of the figures, so a row's "processed by" stays current. */
const Row = memo(function Row({ entry, selected, onSelect, top }: { entry: LogEntry; selected: boolean; onSelect: (id: string) => void; top: number; tick: unknown }) {
  return (
    <li className={`log-row ${entry.kind}${selected ? ' selected' : ''}`} style={{ transform: `translateY(${top}px)` }}>
      <button type="button" onClick={() => onSelect(entry.id)} aria-pressed={selected}>
        {/* The row's text is its accessible name; the hidden words make it read as a sentence. */}
        <span className="c-time">{clock(entry.time)}</span>
        <span className={`c-kind ${entry.kind}`}>{entry.kind}</span>
        {/* An imported message's text is the file's: shown through visible() (docs/bad-input.md). */}
        <span className="c-type user-text">{visible(entry.type)}</span>
        <span className="c-topic"><span className="visually-hidden"> on </span><span className="user-text">{visible(entry.topic)}</span></span>
        <span className="c-offset"><span className="visually-hidden"> at offset </span>{entry.offset}</span>
        <span className="c-subject"><span className="visually-hidden">, </span><span className="user-text">{visible(entry.subject)}</span></span>
        <span className="c-delivery">
          <Delivery entry={entry} />
        </span>
      </button>
    </li>
  );
});

/**
 * Every message of the viewed log, newest at the bottom, virtualised (only the rows on screen
 * exist in the DOM, so 100,000 entries scroll smoothly), with filters by type, topic, table
 * and correlation id. Follows the newest message unless the user scrolls up.
 */
export function LogList({ selected, onSelect, compact = false }: { selected: string | null; onSelect: (id: string) => void; compact?: boolean }) {
  const store = useSimStore();
  useViewedLog();
  const tick = useSim((s) => s.stats);
  const log = store.getState().eventLog();
  const request = useSim((s) => s.logRequest);
  const [filter, setFilter] = useState<LogFilter>(() => ({ ...NO_FILTER, type: request.filterType ?? '' }));
  // A lesson's tour step can ask for a filter.
  const [seenRequest, setSeenRequest] = useState(request.n);
  if (request.n !== seenRequest) {
    setSeenRequest(request.n);
    setFilter({ ...NO_FILTER, type: request.filterType ?? '' });
  }
  const [follow, setFollow] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);

  // Filtered view, extended incrementally as the log grows (a full pass only when the filter changes).
  // With no filter the rows are the log's own entries (no copy of a large import).
  type Cache = { log: unknown; filter: LogFilter; scanned: number; dropped: number; rows: LogEntry[] };
  const cache = useRef<Cache | null>(null);
  const c = cache.current;
  const unfiltered = !filter.type && !filter.topic && !filter.table.trim() && !filter.correlationid.trim();
  if (!c || c.log !== log || c.filter !== filter || c.dropped !== log.dropped) {
    cache.current = { log, filter, scanned: 0, dropped: log.dropped, rows: unfiltered ? log.entries : [] };
  }
  const cc = cache.current!;
  if (!unfiltered) for (let i = cc.scanned; i < log.entries.length; i++) if (matches(log.entries[i]!, filter)) cc.rows.push(log.entries[i]!);
  cc.scanned = log.entries.length;
  const rows = cc.rows;

  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  if (follow && rows.length > 0) queueMicrotask(() => virtual.scrollToIndex(rows.length - 1, { align: 'end' }));

  const set = (k: keyof LogFilter) => (v: string) => setFilter((f) => ({ ...f, [k]: v }));
  return (
    <div className="log-list">
      <div className="log-filters" role="group" aria-label="Filter messages">
        <FacetFilter log={log} counts={log.typeCounts} label="type" plural="types" value={filter.type} onChange={set('type')} />
        {/* Beside a lesson step the log shows what the step filters by; the Event log tab has every filter. */}
        {!compact && (
          <>
            <FacetFilter log={log} counts={log.topicCounts} label="topic" plural="topics" value={filter.topic} onChange={set('topic')} />
            <input aria-label="Filter by table" placeholder="Table" inputMode="numeric" value={filter.table} onChange={(e) => set('table')(e.target.value.slice(0, 6))} />
            <input aria-label="Filter by correlation id" placeholder="Correlation id (order-12)" value={filter.correlationid} onChange={(e) => set('correlationid')(e.target.value.slice(0, 60))} />
          </>
        )}
        <label className="follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow newest
        </label>
        <span className="log-count" aria-live="off" title={`The page keeps the newest ${MAX_LOG_ENTRIES.toLocaleString('en')} messages in memory; older ones are dropped.`}>
          {rows.length.toLocaleString('en')} of {log.entries.length.toLocaleString('en')}
          {log.dropped > 0 ? ` (oldest ${log.dropped.toLocaleString('en')} dropped)` : ''}
          {!compact && <span className="log-window"> · keeps the newest {MAX_LOG_ENTRIES.toLocaleString('en')}</span>}
        </span>
      </div>
      <div className="log-head">
        <span className="c-time">Time</span>
        <span className="c-kind">Kind</span>
        <span className="c-type">Type</span>
        <span className="c-topic">
          <G>Topic</G>
        </span>
        <span className="c-offset">
          <G>Offset</G>
        </span>
        <span className="c-subject">Subject</span>
        <span className="c-delivery">Processed by</span>
      </div>
      <div
        className="log-scroll"
        ref={scroller}
        onWheel={() => setFollow(false)}
        // Following would scroll the focused row away (and drop focus): reading with the keyboard pauses it.
        onFocus={() => setFollow(false)}
        onKeyDown={(e) => (e.key === 'ArrowUp' || e.key === 'PageUp' || e.key === 'Home') && setFollow(false)}
      >
        <ul aria-label="Messages" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const entry = rows[v.index]!;
            return <Row key={entry.id} entry={entry} selected={entry.id === selected} onSelect={onSelect} top={v.start} tick={tick} />;
          })}
        </ul>
      </div>
    </div>
  );
}

/**
 * A filter menu over one attribute's values (`counts`: value → messages). Up to
 * {@link FACET_CAP} values it lists them all; beyond, it lists the {@link FACET_CAP} with the
 * most messages, says how many more there are, and offers a search box that finds the others
 * (an import may hold 100,000 types: docs/bad-input.md, "Imports"). Values are user text,
 * shown through `visible`.
 */
function FacetFilter({ log, counts, label, plural, value, onChange }: { log: EventLog; counts: ReadonlyMap<string, number>; label: string; plural: string; value: string; onChange: (v: string) => void }) {
  const [query, setQuery] = useState('');
  const size = counts.size;
  // Recomputed when the log grows or the search changes (a few hertz at most).
  const facet = useMemo(() => cappedFacet(counts, query, FACET_CAP), [counts, query, log.entries.length, log.dropped, size]);
  const searchable = size > FACET_CAP;
  const shown = value && !facet.shown.includes(value) ? [value, ...facet.shown] : facet.shown;
  return (
    <span className="facet">
      <select aria-label={`Filter by ${label}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All {plural}</option>
        {shown.map((t) => (
          <option key={t} value={t}>
            {visible(t.length > 80 ? `${t.slice(0, 80)}…` : t)}
          </option>
        ))}
        {facet.more > 0 && (
          <option disabled value="\u0000more">
            … {facet.more.toLocaleString('en')} more: search to find them
          </option>
        )}
      </select>
      {searchable && (
        <>
          <input type="search" aria-label={`Search ${plural}`} placeholder={`Search ${size.toLocaleString('en')} ${plural}`} value={query} onChange={(e) => setQuery(e.target.value.slice(0, 200))} />
          <span className="muted facet-more">
            {query ? `${facet.matching.toLocaleString('en')} match` : `top ${FACET_CAP} by count`}
            {facet.more > 0 ? `, ${facet.more.toLocaleString('en')} more` : ''}
          </span>
        </>
      )}
    </span>
  );
}
