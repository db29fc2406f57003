import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { SimProvider } from './ui/SimProvider.tsx';
import { SessionProvider } from './ui/SessionProvider.tsx';
import { createSimStore } from './app/simStore.ts';
import { applyLink, createSession, setupOf } from './app/session.ts';
import { linkOf, parseLink } from './app/link.ts';
import { startFrameLoop } from './app/frameLoop.ts';
import { scriptedLog } from './app/determinism.ts';
import { startFuzzing } from './ui/fuzzPage.ts';
import { loadPreset, PRESET_NAMES } from './scenarios/index.ts';
import { LESSON_IDS, loadLesson } from './scenarios/lessons.ts';
import { GLOSSARY, TERM_PATTERN } from './app/glossary.ts';
import { ViewBoundary } from './ui/ViewBoundary.tsx';

// Composition root: presets and lessons -> stores (each owns an engine) -> session (compare,
// presenter) -> link in the address bar -> frame loop -> page.
const lessonById = (id: string) => loadLesson(id, loadPreset);
const makeStore = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: lessonById });
const store = makeStore();
const session = createSession(store, makeStore);
const lessons = LESSON_IDS.map((id) => ({ id, title: lessonById(id).title }));

// A bare address opens paused on the default scenario; a link restores its setup.
let fuzzSeed: number | null = null;
if (location.search.length > 1) {
  const { setup, problems } = parseLink(location.search, { presetNames: PRESET_NAMES, lessonIds: LESSON_IDS });
  applyLink(session, setup, problems);
  fuzzSeed = setup.fuzz ?? null;
}

// Keep the address bar equal to the setup on screen, so it can be bookmarked or copied too.
let shown = location.search;
const showSetup = () => {
  const search = linkOf(setupOf(session));
  if (search === shown) return;
  shown = search;
  try {
    history.replaceState(history.state, '', search + location.hash);
  } catch {
    // Some browsers refuse to change a file:// address; the Copy link button still works.
  }
};
store.subscribe((s, prev) => {
  if (s.playing !== prev.playing || s.generation !== prev.generation || s.speed !== prev.speed || s.mode !== prev.mode || s.running !== prev.running || s.lesson !== prev.lesson) showSetup();
});
session.subscribe((s, prev) => {
  if (s.compare !== prev.compare || s.presenter !== prev.presenter) showSetup();
});
// A link opened: show the setup it produced (what was ignored is gone, the defaults spelled out).
if (location.search.length > 1) showSetup();

startFrameLoop([store]);
const fuzzer = fuzzSeed === null ? null : startFuzzing(session, fuzzSeed);

/**
 * For engineers and browser tests driving the page from the console: the session (compare,
 * presenter) and through it the running stores (`orderUp.session.getState().primary`), and
 * `scriptedLog(preset)`: the determinism check's scripted run on a fresh, unseen store.
 */
(window as unknown as { orderUp: unknown }).orderUp = {
  session,
  fuzzer,
  scriptedLog: (preset: string) => scriptedLog(makeStore(), preset),
  // For the browser tests that find every glossary term on the page.
  glossary: { pattern: TERM_PATTERN.source, flags: TERM_PATTERN.flags, forms: Object.fromEntries(GLOSSARY.flatMap((t) => t.forms.map((f) => [f.toLowerCase(), t.id]))) },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <ViewBoundary part="the page">
        <SimProvider store={store}>
          <App presetNames={PRESET_NAMES} lessons={lessons} />
        </SimProvider>
      </ViewBoundary>
    </SessionProvider>
  </StrictMode>,
);
