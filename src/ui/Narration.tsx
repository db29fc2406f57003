import { useEffect, useRef, useState } from 'react';
import { createNarrator, describeFloor, type Narration as Sentence } from '../app/narrator.ts';
import type { SessionStore } from '../app/session.ts';
import type { SimStore } from '../app/simStore.ts';
import { useSession, useSessionStore } from './SessionProvider.tsx';

/** Least time between two narrated sentences, wall-clock milliseconds: a listener can follow. */
export const NARRATION_GAP_MS = 4000;
/** Sentences waiting to be spoken; older, less important ones are dropped beyond this. */
const QUEUE = 3;

/** The restaurants on screen, with the name the narration gives each (compare mode has two). */
function restaurants(session: SessionStore): { store: SimStore; name: string }[] {
  const s = session.getState();
  return s.twin ? [{ store: s.primary, name: 'Synchronous' }, { store: s.twin, name: 'Asynchronous' }] : [{ store: s.primary, name: '' }];
}

/** "Describe the floor": the whole picture in words, as a notice (a polite status region). */
export function describeAll(session: SessionStore): void {
  const text = restaurants(session)
    .map(({ store, name }) => describeFloor(store.getState().snapshot, store.getState().stats, name))
    .join(' ');
  session.getState().primary.getState().notice('info', text);
}

/**
 * The screen-reader narration: a visually hidden polite live region that says notable events
 * in plain words ("Waiter 2 is blocked at the pass waiting for a steak"), at most one sentence
 * every {@link NARRATION_GAP_MS}, the most important first. Off when the session says so.
 */
export function Narration() {
  const session = useSessionStore();
  const on = useSession((s) => s.narrate);
  const twin = useSession((s) => s.twin);
  const [text, setText] = useState('');
  const queue = useRef<Sentence[]>([]);

  useEffect(() => {
    if (!on) return;
    queue.current = [];
    const offs = restaurants(session).map(({ store, name }) => {
      const narrator = createNarrator(name);
      narrator.observe(store.getState().snapshot, store.getState().stats);
      return store.subscribe((s, prev) => {
        if (s.stats === prev.stats) return;
        const said = narrator.observe(s.snapshot, s.stats);
        if (said.length === 0) return;
        const q = [...queue.current, ...said];
        // Keep the most important, newest sentences.
        q.sort((a, b) => b.priority - a.priority);
        queue.current = q.slice(0, QUEUE);
      });
    });
    const timer = setInterval(() => {
      const next = queue.current.shift();
      if (next) setText(next.text);
    }, NARRATION_GAP_MS);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [session, on, twin]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="narration">
      {on ? text : ''}
    </div>
  );
}
