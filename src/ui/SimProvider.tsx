import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { motionValue, type MotionValue } from 'framer-motion';
import { useStore } from 'zustand';
import type { SimState, SimStore } from '../app/simStore.ts';

interface SimContextValue {
  store: SimStore;
  /** Simulated seconds, updated every frame without re-rendering React. */
  time: MotionValue<number>;
}

const SimContext = createContext<SimContextValue | null>(null);

/** Gives the tree one simulation store (compare mode will mount two providers). */
export function SimProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  const [value] = useState<SimContextValue>(() => ({ store, time: motionValue(store.getState().snapshot.time) }));
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.snapshot !== prev.snapshot) value.time.set(s.snapshot.time);
      }),
    [store, value],
  );
  return <SimContext.Provider value={value}>{children}</SimContext.Provider>;
}

function useSimContext(): SimContextValue {
  const ctx = useContext(SimContext);
  if (!ctx) throw new Error('useSim must be used inside <SimProvider>');
  return ctx;
}

/** Read a slice of the simulation store; the component re-renders when the slice changes. */
export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(useSimContext().store, selector);
}

/** The store itself, for actions and transient reads inside frame callbacks. */
export function useSimStore(): SimStore {
  return useSimContext().store;
}

/** Simulated time as a motion value: subscribe to it instead of re-rendering per frame. */
export function useSimTime(): MotionValue<number> {
  return useSimContext().time;
}

/**
 * The log the views show (the imported one, else the live one), re-rendering the caller
 * when it grows (at the figures' refresh), when another log is viewed, or when a new
 * restaurant replaces the old one.
 */
export function useViewedLog(): ReturnType<SimState['eventLog']> {
  useSim((s) => s.logged);
  // A new run brings a new live log, so the log's identity covers a new restaurant too.
  return useSim((s) => s.importedLog ?? s.run.log);
}
