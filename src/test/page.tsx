import { render } from '@testing-library/react';
import { App } from '../ui/App.tsx';
import { SimProvider } from '../ui/SimProvider.tsx';
import { SessionProvider } from '../ui/SessionProvider.tsx';
import { createSimStore, type SimStore } from '../app/simStore.ts';
import { createSession, type SessionStore } from '../app/session.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { frozenWall } from './clock.ts';

/** Render the whole page (component tests) on `preset`; returns its primary store and session. */
export function renderPage(preset = 'friday-rush'): { store: SimStore; session: SessionStore } {
  const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: preset, now: frozenWall });
  const store = make();
  const session = createSession(store, make);
  render(
    <SessionProvider session={session}>
      <SimProvider store={store}>
        <App presetNames={PRESET_NAMES} />
      </SimProvider>
    </SessionProvider>,
  );
  return { store, session };
}
