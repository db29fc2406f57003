import { useEffect, useState } from 'react';
import { TopBar } from './TopBar.tsx';
import { Notices } from './Notices.tsx';
import { BottomStrip } from './BottomStrip.tsx';
import { CompareView } from './compare/CompareView.tsx';
import { ShortcutsDialog, useShortcuts } from './Keyboard.tsx';
import { Narration } from './Narration.tsx';
import { Stage } from './Stage.tsx';
import { Dock, type DockTab } from './Dock.tsx';
import { Setup } from './Setup.tsx';
import { WorldsProvider } from './lesson/stages.tsx';
import { LogSelectionProvider, widgetOf } from './lesson/parts.tsx';
import { useSim } from './SimProvider.tsx';
import { partsAt } from './lesson/LessonPanel.tsx';
import { useSession } from './SessionProvider.tsx';
import { GlossaryDefinitions, GlossaryDialog } from './Term.tsx';
import './app.css';
import { ViewBoundary } from './ViewBoundary.tsx';

export interface AppProps {
  presetNames: readonly string[];
  /** The lessons the menu offers (id and title). */
  lessons?: readonly { id: string; title: string }[];
}

/**
 * The page (docs/visual-language.md): the top bar, the notices in a row of their own, the
 * stage (the restaurant floor, or a lesson's world) and the dock beside it (the lesson, the
 * figures, the event log, Setup, how it works: one at a time), and the bottom strip. In
 * compare mode two stages and the shared comparison; in presenter mode large type, high
 * contrast and no editing panels. Must sit inside a SessionProvider and a SimProvider of the
 * session's primary store.
 */
export function App({ presetNames, lessons = [] }: AppProps) {
  const [tab, setTab] = useState<DockTab>('metrics');
  /** The tab Setup was opened from, to go back to when it closes. */
  const [beforeSetup, setBeforeSetup] = useState<DockTab>('metrics');
  const lesson = useSim((s) => s.lesson);
  const logRequest = useSim((s) => s.logRequest.n);
  const twin = useSession((s) => s.twin);
  const primary = useSession((s) => s.primary);
  const presenter = useSession((s) => s.presenter);
  const [setupFloating, setSetupFloating] = useState(false);
  useShortcuts();
  // A lesson opens on its own tab; leaving it goes back to the figures.
  const lessonId = lesson?.id ?? null;
  useEffect(() => setTab(lessonId ? 'lesson' : 'metrics'), [lessonId]);
  // In free play, a request for the log opens its tab (a lesson shows the log among its parts).
  useEffect(() => {
    if (logRequest > 0 && !lessonId) setTab('log');
  }, [logRequest, lessonId]);
  const setupOpen = twin ? setupFloating : tab === 'setup';
  const toggleSetup = () => {
    if (twin) return setSetupFloating((o) => !o);
    if (tab === 'setup') setTab(beforeSetup);
    else {
      setBeforeSetup(tab);
      setTab('setup');
    }
  };
  // Escape closes Setup (focus goes back to its button).
  useEffect(() => {
    if (!setupOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      toggleSetup();
      document.querySelector<HTMLElement>('.setup-toggle')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const logOpen = !twin && !presenter && tab === 'log';
  const step = useSim((s) => s.tourStep);
  const wide = !twin && (tab === 'log' || (lesson !== null && tab === 'lesson' && partsAt(lesson, step).some((p) => widgetOf(p).wide)));
  return (
    <WorldsProvider stage={lesson?.stage ?? 'floor'}>
      <LogSelectionProvider>
        <div className={`app${presenter ? ' presenter' : ''}${twin ? ' compare-on' : ''}`}>
          <ViewBoundary part="the top bar">
            <TopBar presetNames={presetNames} setupOpen={setupOpen} onToggleSetup={toggleSetup} />
          </ViewBoundary>
          <ViewBoundary part="the notices">
            <Notices />
          </ViewBoundary>
          {twin ? (
            <>
              <ViewBoundary part="compare mode">
                <CompareView primary={primary} twin={twin} />
              </ViewBoundary>
              {setupFloating && !presenter && (
                <aside className="floating-setup">
                  <ViewBoundary part="Setup">
                    <Setup open />
                  </ViewBoundary>
                </aside>
              )}
            </>
          ) : (
            <main className={`main${wide ? ' wide-dock' : ''}`}>
              <ViewBoundary part="the stage">
                <Stage />
              </ViewBoundary>
              <ViewBoundary part="the side panel">
                <Dock tab={tab} onTab={setTab} lessons={lessons} />
              </ViewBoundary>
            </main>
          )}
          <ViewBoundary part="the bottom strip">
            <BottomStrip logOpen={logOpen} onToggleLog={() => setTab(tab === 'log' ? (lessonId ? 'lesson' : 'metrics') : 'log')} />
          </ViewBoundary>
          <ViewBoundary part="the narration">
            <Narration />
          </ViewBoundary>
          <ViewBoundary part="the dialogs">
            <ShortcutsDialog />
            <GlossaryDialog />
            <GlossaryDefinitions />
          </ViewBoundary>
        </div>
      </LogSelectionProvider>
    </WorldsProvider>
  );
}
