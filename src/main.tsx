import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { compareModes } from './app/compare.ts';
import { loadPreset, PRESET_NAMES } from './scenarios/index.ts';

// Composition root: presets -> engine runs -> page.
const compare = (name: string) => compareModes(loadPreset(name));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App presetNames={PRESET_NAMES} compare={compare} />
  </StrictMode>,
);
