// What the browser tests' page.evaluate callbacks find on `window`: the page's console
// handle (set in src/main.tsx) and the scratch values the tests keep there.
import type axeCore from 'axe-core';
import type { SessionStore } from '../src/app/session.ts';
import type { SimState } from '../src/app/simStore.ts';

declare global {
  interface Window {
    orderUp: {
      session: SessionStore;
      fuzzer: { actions: number; broken: readonly string[] } | null;
      scriptedLog(preset: string): string;
      glossary: { pattern: string; flags: string; forms: Record<string, string> };
    };
    axe: typeof axeCore;
    /** Frame intervals (frameStats), script time per frame and long tasks (the long run). */
    __f: number[];
    __work: number[];
    __long: number[];
    /** Long tasks since the page opened and where the current measure starts (imports). */
    __tasks: { start: number; duration: number }[];
    __from: number;
    /** Compare mode: every party each floor showed, with its arrival time, and the twin's lag. */
    __seen: { sync: Record<string, number>; async: Record<string, number>; times: number[] };
    /** The snapshot a console-API test breaks and then restores. */
    __good: SimState['snapshot'];
  }
}
