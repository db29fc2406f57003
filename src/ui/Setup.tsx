import { useState, type KeyboardEvent } from 'react';
import { useSim, useSimStore } from './SimProvider.tsx';
import { PARAM_SPECS, type ParamSpec } from '../app/params.ts';
import { title } from '../app/format.ts';

/**
 * A number field with − / + steppers. Typing commits on Enter or leaving the field; the
 * store clamps out-of-range values and says so.
 */
function NumberField({ label, spec, value, onCommit }: { label: string; spec: ParamSpec; value: number; onCommit: (v: number | string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    onCommit(draft);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape' && draft !== null) {
      e.stopPropagation(); // the first Escape drops the edit; the next closes the panel
      setDraft(null);
    }
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      setDraft(null);
      onCommit(value + (e.key === 'ArrowUp' ? spec.step : -spec.step));
    }
  };
  return (
    <div className="param">
      <label className="param-label">
        <span>
          {label} {spec.unit && <span className="unit">({spec.unit})</span>}
        </span>
        <span className={`applies ${spec.applies}`}>{spec.applies === 'live' ? 'live' : 'on Reset'}</span>
      </label>
      <div className="stepper">
        {/* Never disabled: a disabled button drops keyboard focus; at a limit the store clamps and says so. */}
        <button type="button" aria-label={`Decrease ${label}`} onClick={() => onCommit(value - spec.step)}>
          −
        </button>
        <input
          type="text"
          inputMode="numeric"
          aria-label={label}
          value={draft ?? String(value)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
        />
        <button type="button" aria-label={`Increase ${label}`} onClick={() => onCommit(value + spec.step)}>
          +
        </button>
      </div>
    </div>
  );
}

/** The parameters panel: arrival rate (live), staffing, tables, stations and seed (on Reset). */
export function Setup({ open }: { open: boolean }) {
  const store = useSimStore();
  const edited = useSim((s) => s.edited);
  const pending = useSim((s) => s.pending);
  const set = store.getState().setParam;
  return (
    <section id="setup" className="setup" aria-label="Setup" hidden={!open}>
      <h2>Setup</h2>
      <p className="hint">
        <span className="applies live">live</span> changes apply at once; <span className="applies reset">on Reset</span> changes rebuild the restaurant
        with the same customers.
      </p>
      <NumberField label="Arrival rate" spec={PARAM_SPECS.ratePerHour} value={edited.ratePerHour} onCommit={(v) => set('ratePerHour', v)} />
      <NumberField label="Tables" spec={PARAM_SPECS.tables} value={edited.tables} onCommit={(v) => set('tables', v)} />
      <NumberField label="Waiters" spec={PARAM_SPECS.waiters} value={edited.waiters} onCommit={(v) => set('waiters', v)} />
      <NumberField label="Runners" spec={PARAM_SPECS.runners} value={edited.runners} onCommit={(v) => set('runners', v)} />
      {Object.entries(edited.stations).map(([kind, n]) => (
        <NumberField key={kind} label={`${title(kind)} stations`} spec={PARAM_SPECS.station} value={n} onCommit={(v) => set('station', v, kind)} />
      ))}
      <NumberField label="Seed" spec={PARAM_SPECS.seed} value={edited.seed} onCommit={(v) => set('seed', v)} />
      {/* Always rendered, so focus stays here after pressing it. */}
      <p className="pending">
        {pending.length > 0 ? `Waiting for Reset: ${pending.join(', ')}.` : 'Nothing is waiting for Reset.'}{' '}
        <button type="button" className={pending.length > 0 ? 'primary' : ''} aria-disabled={pending.length === 0} onClick={() => pending.length > 0 && store.getState().reset()}>
          Reset to apply
        </button>
      </p>
    </section>
  );
}
