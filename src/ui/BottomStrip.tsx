import { useSim, useSimStore } from './SimProvider.tsx';
import { clock } from '../app/format.ts';
import { useSession } from './SessionProvider.tsx';
import { G } from './Term.tsx';

/** The bottom strip: the scenario's "what to watch" line and a ticker of the latest messages. */
export function BottomStrip({ logOpen, onToggleLog }: { logOpen: boolean; onToggleLog: () => void }) {
  const store = useSimStore();
  const scenarioWatch = useSim((s) => s.scenario.watch);
  const lesson = useSim((s) => s.lesson);
  const step = useSim((s) => s.tourStep);
  // In a lesson, the strip follows the lesson, not the restaurant's scenario.
  const watch = lesson
    ? step >= 0 && step < lesson.tour.length
      ? `${lesson.title}, step ${step + 1} of ${lesson.tour.length}: ${lesson.tour[step]!.title}.`
      : `${lesson.title}: ${step < 0 ? 'make your prediction, then start the tour.' : 'see what you’re learning in the Lesson panel.'}`
    : scenarioWatch;
  const comparing = useSession((s) => s.compare);
  const presenter = useSession((s) => s.presenter);
  useSim((s) => s.stats); // refresh the ticker with the figures, a few times a second
  const recent = store.getState().recentMessages().slice(-4).reverse();
  return (
    <footer className="bottom">
      <p className="watch">
        <strong>What to watch:</strong> <G>{watch}</G>{' '}
        {!comparing && !presenter && (
        <button
          type="button"
          className="link"
          onClick={() => {
            const el = document.getElementById('how-it-works');
            el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            el?.focus({ preventScroll: true });
          }}
        >
          How it works
        </button>
        )}
      </p>
      {!comparing && !presenter && (
        <button type="button" className="log-toggle" aria-expanded={logOpen} onClick={onToggleLog}>
          {logOpen ? 'Hide event log' : 'Event log'}
        </button>
      )}
      <ol className="ticker" aria-label="Latest messages">
        {recent.map((m) => (
          <li key={m.id} className={m.kind}>
            <span className="t">{clock(m.time)}</span>
            <span className="kind">{m.kind}</span>
            <span className="type">{m.type}</span>
            <span className="to">{m.kind === 'command' ? `→ ${m.topic}` : `on ${m.topic}`}</span>
          </li>
        ))}
      </ol>
    </footer>
  );
}
