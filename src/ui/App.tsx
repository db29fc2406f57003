import { useEffect, useState } from 'react';
import { TopBar } from './TopBar.tsx';
import { Floor } from './floor/Floor.tsx';
import { PeopleScale } from './floor/Staff.tsx';
import { MetricsPanel } from './metrics/MetricsPanel.tsx';
import { Setup } from './Setup.tsx';
import { Notices } from './Notices.tsx';
import { BottomStrip } from './BottomStrip.tsx';
import { Explainer } from './Explainer.tsx';
import { EventLogPanel } from './log/EventLogPanel.tsx';
import { LessonMenu, LessonPanel } from './lesson/LessonPanel.tsx';
import { CompareView } from './compare/CompareView.tsx';
import { ShortcutsDialog, useShortcuts } from './Keyboard.tsx';
import { Narration } from './Narration.tsx';
import { useSim } from './SimProvider.tsx';
import { useSession } from './SessionProvider.tsx';
import './app.css';

export interface AppProps {
  presetNames: readonly string[];
  /** The lessons the menu offers (id and title). */
  lessons?: readonly { id: string; title: string }[];
}

/** How much larger people are drawn in presenter mode (read from the back row). */
const PRESENTER_PEOPLE = 1.3;

/**
 * The page of UI.md: top bar, the restaurant floor (about 60% of the width), the metrics
 * column (with Setup sliding over it), and the bottom strip; in compare mode two floors and
 * the shared comparison; in presenter mode large type, high contrast and no editing panels.
 * Must sit inside a SessionProvider and a SimProvider of the session's primary store.
 */
export function App({ presetNames, lessons = [] }: AppProps) {
  const [setupOpen, setSetupOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const lesson = useSim((s) => s.lesson);
  const logRequest = useSim((s) => s.logRequest.n);
  const primary = useSession((s) => s.primary);
  const twin = useSession((s) => s.twin);
  const presenter = useSession((s) => s.presenter);
  useShortcuts();
  useEffect(() => {
    if (logRequest > 0) setLogOpen(true);
  }, [logRequest]);
  // Escape closes the Setup panel (focus goes back to its button).
  useEffect(() => {
    if (!setupOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      setSetupOpen(false);
      document.querySelector<HTMLElement>('.setup-toggle')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setupOpen]);
  const showLog = logOpen && !presenter && !twin;
  return (
    <PeopleScale.Provider value={presenter ? PRESENTER_PEOPLE : 1}>
      <div className={`app${showLog ? ' log-open' : ''}${presenter ? ' presenter' : ''}${twin ? ' compare-on' : ''}`}>
        <TopBar presetNames={presetNames} setupOpen={setupOpen} onToggleSetup={() => setSetupOpen((o) => !o)} />
        <Notices />
        {twin ? (
          <>
            <CompareView primary={primary} twin={twin} />
            {setupOpen && !presenter && (
              <aside className="floating-setup">
                <Setup open />
              </aside>
            )}
          </>
        ) : (
          <main className="main">
            <Floor />
            {/* Focusable: it scrolls, and keyboard users must be able to scroll it. */}
            <aside className="side" tabIndex={0} aria-label="Metrics and lessons">
              {lessons.length > 0 && <LessonMenu lessons={lessons} />}
              {lesson && <LessonPanel key={lesson.id} lesson={lesson} />}
              {!presenter && <Setup open={setupOpen} />}
              <MetricsPanel />
              {!presenter && <Explainer />}
            </aside>
          </main>
        )}
        {showLog && <EventLogPanel />}
        <BottomStrip logOpen={showLog} onToggleLog={() => setLogOpen((o) => !o)} />
        <Narration />
        <ShortcutsDialog />
      </div>
    </PeopleScale.Provider>
  );
}
