import { useSim } from './SimProvider.tsx';
import { useSession } from './SessionProvider.tsx';
import { LessonMenu, LessonPanel } from './lesson/LessonPanel.tsx';
import { MetricDetails, MetricsPanel } from './metrics/MetricsPanel.tsx';
import { EventLogPanel } from './log/EventLogPanel.tsx';
import { Setup } from './Setup.tsx';
import { Explainer } from './Explainer.tsx';

/** The panels beside the stage, one at a time. */
export type DockTab = 'lesson' | 'metrics' | 'details' | 'log' | 'setup' | 'about';

const TAB_NAMES: Record<DockTab, string> = {
  lesson: 'Lesson',
  metrics: 'Metrics',
  details: 'More',
  log: 'Event log',
  setup: 'Setup',
  about: 'About',
};

/**
 * The tabs offered now: a lesson with a world of its own offers only itself (the restaurant
 * is not its subject); presenter mode shows the lesson, or else the figures (no editing panels).
 */
export function dockTabs(inLesson: boolean, presenter: boolean, ownWorld = false): DockTab[] {
  if (ownWorld) return ['lesson'];
  const all: DockTab[] = [...(inLesson ? (['lesson'] as const) : []), 'metrics', 'details', 'log', 'setup', 'about'];
  return presenter ? (inLesson ? ['lesson'] : ['metrics']) : all;
}

/**
 * The dock (docs/visual-language.md): beside the stage, one panel at a time under tabs, each
 * sized to fit without scrolling at 1280×720: the running lesson (its step and exactly the
 * parts the step names), the figures, more figures, the event log, Setup, how it works.
 */
export function Dock({ tab, onTab, lessons }: { tab: DockTab; onTab: (t: DockTab) => void; lessons: readonly { id: string; title: string }[] }) {
  const lesson = useSim((s) => s.lesson);
  const presenter = useSession((s) => s.presenter);
  const tabs = dockTabs(lesson !== null, presenter, lesson !== null && lesson.stage !== 'floor');
  const current = tabs.includes(tab) ? tab : tabs[0]!;
  return (
    <aside className={`dock tab-${current}`} aria-label="Metrics and lessons">
      <div className="dock-head">
        {lessons.length > 0 && <LessonMenu lessons={lessons} />}
        {tabs.length > 1 && (
        <div role="tablist" aria-label="Panels" className="dock-tabs">
          {tabs.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`tab-${t}`}
              aria-selected={t === current}
              aria-controls="dock-panel"
              tabIndex={t === current ? 0 : -1}
              onClick={() => onTab(t)}
              onKeyDown={(e) => {
                const i = tabs.indexOf(t);
                const to = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
                if (!to) return;
                e.preventDefault();
                onTab(to);
                document.getElementById(`tab-${to}`)?.focus();
              }}
            >
              {TAB_NAMES[t]}
            </button>
          ))}
        </div>
        )}
      </div>
      {/* Focusable: keyboard users must be able to scroll a panel taller than the window. */}
      <div className="dock-body" id="dock-panel" role={tabs.length > 1 ? 'tabpanel' : undefined} aria-labelledby={tabs.length > 1 ? `tab-${current}` : undefined} tabIndex={0}>
        {current === 'lesson' && lesson && <LessonPanel key={lesson.id} lesson={lesson} />}
        {current === 'metrics' && <MetricsPanel />}
        {current === 'details' && <MetricDetails />}
        {current === 'log' && <EventLogPanel />}
        {current === 'setup' && <Setup open />}
        {current === 'about' && <Explainer />}
      </div>
    </aside>
  );
}
