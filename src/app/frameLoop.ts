import type { SimStore } from './simStore.ts';

/**
 * Drive `stores` from the browser's animation frames: each frame calls `tick` with the wall
 * time since the last one (the store clamps it). Drawing never advances the model; this is
 * the only place wall time enters. Returns a function that stops the loop.
 */
export function startFrameLoop(stores: readonly SimStore[]): () => void {
  let last: number | null = null;
  let handle = 0;
  const frame = (t: number) => {
    const dt = last === null ? 0 : (t - last) / 1000;
    last = t;
    for (const s of stores) s.getState().tick(dt);
    handle = requestAnimationFrame(frame);
  };
  handle = requestAnimationFrame(frame);
  return () => cancelAnimationFrame(handle);
}
