import { useEffect, useRef, useState } from 'react';
import { createNarrator, describeFloor, type Narration as Sentence } from '../app/narrator.ts';
import type { SessionStore } from '../app/session.ts';
import type { SimStore } from '../app/simStore.ts';
import { useSession, useSessionStore } from './SessionProvider.tsx';

/**
 * Time between two narrated sentences, wall-clock milliseconds: a listener can follow. Each
 * time, the most important thing that happened since the last sentence is said, the rest
 * dropped, so the narration never falls behind the picture.
 */
export const NARRATION_GAP_MS = 4000;

/** The restaurants on screen, with the name the narration gives each (compare mode has two). */
function restaurants(session: SessionStore): { store: SimStore; name: string }[] {
  const s = session.getState();
  return s.twin ? [{ store: s.primary, name: 'Synchronous' }, { store: s.twin, name: 'Asynchronous' }] : [{ store: s.primary, name: '' }];
}

/** "Describe the floor": the whole picture in words, as a notice (a polite status region). */
export function describeAll(session: SessionStore): void {
  const text = restaurants(session)
    .map(({ store, name }) => {
      // Figures refresh a few times a second: bring them to the moment described.
      store.getState().syncTo(store.getState().snapshot.time, true);
      return describeFloor(store.getState().snapshot, store.getState().stats, name);
    })
    .join(' ');
  session.getState().primary.getState().notice('info', text);
}

/**
 * The screen-reader narration: a visually hidden polite live region that says notable events
 * in plain words ("Waiter 2 is blocked at the pass waiting for a steak"), at most one sentence
 * every {@link NARRATION_GAP_MS}: the most important since the last. Off when the session says so.
 */
export function Narration() {
  const session = useSessionStore();
  const on = useSession((s) => s.narrate);
  const twin = useSession((s) => s.twin);
  const [text, setText] = useState('');
  /** Sentences since the last one spoken; only these can be said (no backlog of old news). */
  const fresh = useRef<(Sentence & { at: number })[]>([]);

  useEffect(() => {
    if (!on) return;
    fresh.current = [];
    let n = 0;
    const offs = restaurants(session).map(({ store, name }) => {
      const narrator = createNarrator(name);
      narrator.observe(store.getState().snapshot, store.getState().stats);
      return store.subscribe((s, prev) => {
        // A new restaurant (Reset, a scenario, a lesson): what was pending is about the old one.
        if (s.generation !== prev.generation) fresh.current = [];
        if (s.stats === prev.stats) return;
        for (const said of narrator.observe(s.snapshot, s.stats)) fresh.current.push({ ...said, at: n++ });
      });
    });
    const timer = setInterval(() => {
      const pending = fresh.current;
      fresh.current = [];
      if (pending.length === 0) return;
      // The most important of what happened since the last sentence; the newest among equals.
      const best = pending.reduce((a, b) => (b.priority > a.priority || (b.priority === a.priority && b.at > a.at) ? b : a));
      setText(best.text);
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
