import { useState } from 'react';
import { useSim, useSimStore } from '../SimProvider.tsx';
import { SUBSCRIBER_DEFAULTS, SUBSCRIBER_KINDS, type GroupView, type SubscriberKind } from '../../sim/index.ts';
import { title } from '../../app/format.ts';
import { G } from '../Term.tsx';
import { visible } from '../../app/visible.ts';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** A tiny line chart of a group's lag over the last samples. */
function Sparkline({ values }: { values: readonly number[] }) {
  const v = values.slice(-60);
  if (v.length < 2) return <svg className="spark" width="90" height="24" aria-hidden="true" />;
  const max = Math.max(1, ...v);
  const pts = v.map((x, i) => `${((i / (v.length - 1)) * 88 + 1).toFixed(1)},${(22 - (x / max) * 20).toFixed(1)}`).join(' ');
  return (
    <svg className="spark" width="90" height="24" viewBox="0 0 90 24" aria-hidden="true">
      <polyline points={pts} fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** One group as a lesson names it: name, lag gauge and number, sparkline, on one line (the log's panel has the controls). */
function CompactGroupRow({ g }: { g: GroupView }) {
  const store = useSimStore();
  const lagSeries = store.getState().restaurant().lagSeries.get(g.group)?.lag ?? [];
  const gauge = Math.min(1, g.lag / 40);
  return (
    <li className={`group compact ${g.down ? 'down' : ''}`}>
      <strong>{title(g.group)}</strong>
      {g.down && <span className="badge-down">crashed</span>}
      <span className="lag-n">
        <G>lag {g.lag}</G>
      </span>
      <span className="lag" role="meter" aria-label={`${title(g.group)} lag`} aria-valuemin={0} aria-valuemax={Math.max(40, g.lag)} aria-valuenow={g.lag} aria-valuetext={`${g.lag} messages behind`}>
        <span className="lag-bar">
          <span style={{ width: `${gauge * 100}%` }} className={g.lag > 20 ? 'high' : ''} />
        </span>
        <Sparkline values={lagSeries} />
      </span>
      {g.deadLettered > 0 && (
        <span className="muted">
          <G>{g.deadLettered} dead-lettered</G>
        </span>
      )}
    </li>
  );
}

function GroupRow({ g, kind }: { g: GroupView; kind: string }) {
  const store = useSimStore();
  const lagSeries = store.getState().restaurant().lagSeries.get(g.group)?.lag ?? [];
  const gauge = Math.min(1, g.lag / 40);
  const act = store.getState().command;
  return (
    <li className={`group ${g.down ? 'down' : ''}`}>
      <div className="group-name">
        <strong>{title(g.group)}</strong>{' '}
        <span className="muted">
          <G>
            reads the {g.topic} topic{g.members.length > 1 ? ` · ${g.members.length} members` : ''}
          </G>
        </span>
        {g.down && <span className="badge-down">crashed</span>}
      </div>
      <div className="lag-row">
        <div className="lag" role="meter" aria-label={`${title(g.group)} lag`} aria-valuemin={0} aria-valuemax={Math.max(40, g.lag)} aria-valuenow={g.lag} aria-valuetext={`${g.lag} messages behind`}>
          <span className="lag-bar">
            <span style={{ width: `${gauge * 100}%` }} className={g.lag > 20 ? 'high' : ''} />
          </span>
        </div>
        <span className="lag-n">
          <G>lag {g.lag}</G>
        </span>
        <Sparkline values={lagSeries} />
      </div>
      <div className="group-meta muted">
        <G>
          committed {g.committed} of {g.endOffset}
          {g.uncommitted > 0 ? ` · ${g.uncommitted} handled, not committed` : ''}
        </G>
        {g.duplicates > 0 ? ` · ${g.duplicates} handled twice` : ''}
        {g.deadLettered > 0 ? ` · ${g.deadLettered} dead-lettered` : ''}
      </div>
      {kind !== 'runners' && (
        <div className="group-actions">
          <button type="button" onClick={() => act({ type: g.down ? 'consumerUp' : 'consumerDown', group: g.group })}>
            {g.down ? `Restart ${visible(g.group)}` : `Crash ${visible(g.group)}`}
          </button>
          <button type="button" onClick={() => act({ type: 'removeSubscriber', group: g.group })}>
            Remove {visible(g.group)}
          </button>
        </div>
      )}
    </li>
  );
}

/** The consumer groups of the bus, each with its lag gauge, sparkline and crash / restart / remove. */
export function ConsumerGroups({ compact = false }: { compact?: boolean }) {
  const groups = useSim((s) => s.snapshot.consumers.groups);
  useSim((s) => s.stats);
  return (
    <ul className="groups" aria-label="Consumer groups">
      {groups.map((g) => (compact ? <CompactGroupRow key={g.group} g={g} /> : <GroupRow key={g.group} g={g} kind={g.kind} />))}
    </ul>
  );
}

/** Add a subscriber, the idempotency toggle, a poison message, and a dish's stock. */
export function ConsumerControls() {
  const store = useSimStore();
  const c = useSim((s) => s.snapshot.consumers);
  const act = store.getState().command;
  const [kind, setKind] = useState<SubscriberKind>('analytics');
  const [dish, setDish] = useState('');
  const dishes = Object.keys(c.stock);
  const chosen = dish || dishes[0] || '';
  return (
    <div className="consumer-controls-part">
      <div className="consumer-controls">
        <label>
          <span className="visually-hidden">Subscriber kind</span>
          <select aria-label="Subscriber kind" value={kind} onChange={(e) => setKind(e.target.value as SubscriberKind)}>
            {SUBSCRIBER_KINDS.map((k) => (
              <option key={k} value={k}>
                {title(k)}: {SUBSCRIBER_DEFAULTS[k].what}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => act({ type: 'addSubscriber', name: kind })}>
          Add subscriber
        </button>
        <label className="toggle">
          <input type="checkbox" checked={c.idempotent} onChange={(e) => act({ type: 'setIdempotency', on: e.target.checked })} /> Idempotent handlers
        </label>
        <button type="button" onClick={() => act({ type: 'injectPoison' })} title="Publish a DishReady in a v2 shape no consumer reads">
          Publish a malformed event
        </button>
      </div>
      <div className="consumer-controls">
        <select aria-label="Dish" value={chosen} onChange={(e) => setDish(e.target.value)}>
          {dishes.map((d) => (
            <option key={d} value={d}>
              {title(d)} ({c.stock[d] === null ? 'plenty' : `${c.stock[d]} left`})
            </option>
          ))}
        </select>
        <button type="button" onClick={() => act({ type: 'setStock', dish: chosen, portions: 0 })}>
          Out of it
        </button>
        <button type="button" onClick={() => act({ type: 'setStock', dish: chosen, portions: null })}>
          Restock
        </button>
        <span className="muted">{c.rejectedOrders} PlaceOrder rejected</span>
      </div>
    </div>
  );
}

/** What billing charged against what it should have, and the last notification sent. */
export function Billing() {
  const c = useSim((s) => s.snapshot.consumers);
  const over = c.billing.chargedCents - c.billing.expectedCents;
  return (
    <p className={`billing ${over > 0 ? 'bad' : ''}`} role="status" aria-label="Billing check">
      Bills total {dollars(c.billing.chargedCents)} for {c.billing.charges} charges
      {over > 0 ? ` — ${dollars(over)} too much: redelivered dishes charged twice` : c.billing.chargedCents > 0 ? ' — every dish billing read was charged once' : ''}.
      {c.notifications.last ? ` Last notification: “${c.notifications.last}”.` : ''}
    </p>
  );
}

/**
 * The consumer groups of the bus: lag gauges with sparklines, crash / restart / remove, adding
 * a subscriber, the idempotency toggle, a poison message, stock, and what billing charged.
 */
export function Consumers() {
  return (
    <div className="consumers">
      <ConsumerGroups />
      <ConsumerControls />
      <Billing />
    </div>
  );
}
