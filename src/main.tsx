import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { SimProvider } from './ui/SimProvider.tsx';
import { createSimStore } from './app/simStore.ts';
import { startFrameLoop } from './app/frameLoop.ts';
import { loadPreset, PRESET_NAMES } from './scenarios/index.ts';
import { LESSON_IDS, loadLesson } from './scenarios/lessons.ts';

// Composition root: presets and lessons -> store (owns the engine) -> frame loop -> page.
const lessonById = (id: string) => loadLesson(id, loadPreset);
const store = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush', loadLesson: lessonById });
const lessons = LESSON_IDS.map((id) => ({ id, title: lessonById(id).title }));
const requested = new URLSearchParams(location.search).get('lesson');
if (requested !== null) store.getState().startLessonById(requested.slice(0, 60));
startFrameLoop([store]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimProvider store={store}>
      <App presetNames={PRESET_NAMES} lessons={lessons} />
    </SimProvider>
  </StrictMode>,
);
