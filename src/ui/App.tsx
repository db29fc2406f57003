import { useState } from 'react';
import { TopBar } from './TopBar.tsx';
import { Floor } from './floor/Floor.tsx';
import { MetricsPanel } from './metrics/MetricsPanel.tsx';
import { Setup } from './Setup.tsx';
import { Notices } from './Notices.tsx';
import { BottomStrip } from './BottomStrip.tsx';
import { Explainer } from './Explainer.tsx';
import { EventLogPanel } from './log/EventLogPanel.tsx';
import { LessonMenu, LessonPanel } from './lesson/LessonPanel.tsx';
import { useSim } from './SimProvider.tsx';
import { useEffect } from 'react';
import './app.css';

export interface AppProps {
  presetNames: readonly string[];
  /** The lessons the menu offers (id and title). */
  lessons?: readonly { id: string; title: string }[];
}

/**
 * The page of UI.md: top bar, the restaurant floor (about 60% of the width), the metrics
 * column (with Setup sliding over it), and the bottom strip. Must sit inside a SimProvider.
 */
export function App({ presetNames, lessons = [] }: AppProps) {
  const [setupOpen, setSetupOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const lesson = useSim((s) => s.lesson);
  const logRequest = useSim((s) => s.logRequest.n);
  useEffect(() => {
    if (logRequest > 0) setLogOpen(true);
  }, [logRequest]);
  return (
    <div className={`app${logOpen ? ' log-open' : ''}`}>
      <TopBar presetNames={presetNames} setupOpen={setupOpen} onToggleSetup={() => setSetupOpen((o) => !o)} />
      <Notices />
      <main className="main">
        <Floor />
        <aside className="side">
          {lessons.length > 0 && <LessonMenu lessons={lessons} />}
          {lesson && <LessonPanel key={lesson.id} lesson={lesson} />}
          <Setup open={setupOpen} />
          <MetricsPanel />
          <Explainer />
        </aside>
      </main>
      {logOpen && <EventLogPanel />}
      <BottomStrip logOpen={logOpen} onToggleLog={() => setLogOpen((o) => !o)} />
    </div>
  );
}
