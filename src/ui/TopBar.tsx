import { motion } from 'framer-motion';
import { useSim, useSimStore, useSimTime } from './SimProvider.tsx';
import { useDerived } from './useDerived.ts';
import { SPEEDS, type Speed } from '../app/simStore.ts';
import { clock, speedLabel } from '../app/format.ts';
import type { Mode } from '../sim/index.ts';
import { useSession, useSessionStore } from './SessionProvider.tsx';
import { setPresenter } from './Keyboard.tsx';
import { MoreMenu } from './MoreMenu.tsx';
import { G } from './Term.tsx';
import { visible } from '../app/visible.ts';

/** Play / pause (one button whose name and icon change). */
function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {playing ? <path d="M3 2h3.5v12H3zM9.5 2H13v12H9.5z" fill="currentColor" /> : <path d="M4 2l10 6-10 6z" fill="currentColor" />}
    </svg>
  );
}

/**
 * The top bar (docs/visual-language.md): scenario, mode, play / step / reset, speed, the simulated clock and
 * the Setup toggle. Every control has the accessible name the tests and screen readers use.
 */
export function TopBar({ presetNames, setupOpen, onToggleSetup }: { presetNames: readonly string[]; setupOpen: boolean; onToggleSetup: () => void }) {
  const store = useSimStore();
  const presetName = useSim((s) => s.presetName);
  const mode = useSim((s) => s.mode);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const duration = useSim((s) => s.scenario.durationSeconds);
  const pendingCount = useSim((s) => s.pending.length);
  const effective = useSim((s) => s.effectiveSpeed);
  const time = useSimTime();
  const clockText = useDerived(time, (t) => clock(t));
  const act = store.getState();
  const session = useSessionStore();
  const compare = useSession((s) => s.compare);
  const presenter = useSession((s) => s.presenter);
  const inLesson = useSim((s) => s.lesson !== null);
  const world = useSim((s) => s.lesson !== null && s.lesson.stage !== 'floor');

  return (
    <header className="topbar">
      <h1 className="brand">
        Order Up
      </h1>
      {world ? (
        // A lesson with a world of its own: the restaurant is not the subject, so its controls step aside.
        <p className="world-note">This lesson runs its own small world, drawn on the stage; its controls are beside it.</p>
      ) : (
        <>
      {presenter && <p className="presenter-scenario user-text">{visible(presetName)}</p>}
      {!presenter && (
      <label className="field">
        <span className="field-label visually-hidden">Scenario</span>
        <select aria-label="Scenario" value={presetName} onChange={(e) => act.loadPreset(e.target.value)}>
          {presetNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      )}
      {compare ? (
        <p className="comparing" aria-label="Mode">
          <G>Synchronous</G> <span aria-hidden="true">vs</span> <G>Asynchronous</G>
        </p>
      ) : (
      <div role="radiogroup" aria-label="Mode" className="segmented">
        {(['sync', 'async'] as Mode[]).map((m) => (
          <label key={m} className={mode === m ? 'on' : ''}>
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => act.setMode(m)} />
            {m === 'sync' ? 'Synchronous' : 'Asynchronous'}
          </label>
        ))}
      </div>
      )}
      <div className="transport">
        <button type="button" className="primary" onClick={() => store.getState().togglePlay()} aria-label={playing ? 'Pause' : 'Play'}>
          <PlayIcon playing={playing} />
          <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" onClick={() => act.step()} title="Advance to the next simulation event">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M2 2l8 6-8 6zM11 2h3v12h-3z" fill="currentColor" />
          </svg>
          Step
        </button>
        <button type="button" onClick={() => act.reset()} className={pendingCount > 0 ? 'attention' : ''} title={pendingCount > 0 ? 'Reset applies your pending changes' : 'Start the service again (same customers)'}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M8 3a5 5 0 1 1-4.6 3H1.2A7 7 0 1 0 8 1V0L4.5 2.5 8 5z" fill="currentColor" />
          </svg>
          Reset
        </button>
      </div>
      <label className="field" title="Speed: simulated minutes per second">
        <svg viewBox="0 0 20 16" width="20" height="16" aria-hidden="true" className="field-icon">
          <path d="M1 2l8 6-8 6zM10 2l8 6-8 6z" fill="currentColor" />
        </svg>
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={String(speed)} onChange={(e) => act.setSpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {/* Two fixed lines: the time, then "of 4:00:00" or, when this machine cannot keep up, the speed it runs at. */}
      <div className="clock" aria-label="Simulated time">
        <motion.span className="clock-now">{clockText}</motion.span>
        {effective !== null ? (
          <span className="clock-sub behind" role="status" title="This machine cannot keep up with the speed you chose: the simulation runs slower, every event still in order.">
            at {effective}×
          </span>
        ) : (
          <span className="clock-sub"> of {clock(duration)}</span>
        )}
      </div>
        </>
      )}
      <div className="views">
        <button
          type="button"
          aria-pressed={compare}
          onClick={() => session.getState().setCompare(!compare)}
          title={inLesson ? 'End the lesson to compare' : 'Run sync and async side by side on the same customers (C)'}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M1.5 2.5h5.5v11H1.5zM9 2.5h5.5v11H9z" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span className="wide-only">Compare</span>
        </button>
        <button type="button" aria-pressed={presenter} onClick={() => setPresenter(session, !presenter)} title="Full screen, large type, for a projector (P)">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M1.5 2h13v9h-13zM8 11v3M5 14.5h6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span className="wide-only">Presenter</span>
        </button>
        <MoreMenu />
      </div>
      {!presenter && !world && (
        <button type="button" className="setup-toggle" aria-expanded={setupOpen} aria-controls="setup" onClick={onToggleSetup}>
          Setup{pendingCount > 0 ? ` (${pendingCount})` : ''}
        </button>
      )}
    </header>
  );
}
