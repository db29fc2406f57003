import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from '../app/session.ts';

export const SessionContext = createContext<SessionStore | null>(null);

/** Gives the tree the page's session (compare, presenter, narration, the shortcuts dialog). */
export function SessionProvider({ session, children }: { session: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session store itself, for actions. Throws outside a SessionProvider. */
export function useSessionStore(): SessionStore {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession must be used inside <SessionProvider>');
  return s;
}

/** Read a slice of the session; the component re-renders when it changes. */
export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useSessionStore(), selector);
}
