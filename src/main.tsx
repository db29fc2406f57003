import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { SimProvider } from './ui/SimProvider.tsx';
import { createSimStore } from './app/simStore.ts';
import { startFrameLoop } from './app/frameLoop.ts';
import { loadPreset, PRESET_NAMES } from './scenarios/index.ts';

// Composition root: presets -> store (owns the engine) -> frame loop -> page.
const store = createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush' });
startFrameLoop([store]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SimProvider store={store}>
      <App presetNames={PRESET_NAMES} />
    </SimProvider>
  </StrictMode>,
);
