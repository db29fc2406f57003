import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { motionValue, type MotionValue } from 'framer-motion';

/**
 * A motion value computed from `source` by `fn`, recomputed on every change of `source` and
 * whenever the component re-renders with a new `fn` (new props). Lets per-frame figures
 * (positions, timers, progress) update the DOM without re-rendering React.
 */
export function useDerived<T>(source: MotionValue<number>, fn: (t: number) => T): MotionValue<T> {
  const fnRef = useRef(fn);
  const [value] = useState(() => motionValue(fn(source.get())));
  useLayoutEffect(() => {
    fnRef.current = fn;
    value.set(fn(source.get()));
  });
  useEffect(() => source.on('change', (t) => value.set(fnRef.current(t))), [source, value]);
  return value;
}

/**
 * Write `compute(t)` into the DOM (through `apply`) whenever the motion value `source` moves,
 * and whenever the component renders: a value per frame (a position, a timer, a ring) without
 * re-rendering React or going through a motion component. Writes only when the computed text
 * changes, so a standing person or a stopped timer costs no DOM work. Returns the ref to attach.
 */
export function useTimed<E extends Element>(source: MotionValue<number>, compute: (t: number) => string, apply: (el: E, value: string) => void) {
  const ref = useRef<E>(null);
  const fns = useRef({ compute, apply });
  const last = useRef<string | null>(null);
  const run = useRef((t: number) => {
    const el = ref.current;
    if (!el) return;
    const v = fns.current.compute(t);
    if (v === last.current) return;
    last.current = v;
    fns.current.apply(el, v);
  });
  useLayoutEffect(() => {
    fns.current = { compute, apply };
    last.current = null;
    run.current(source.get());
  });
  useEffect(() => source.on('change', run.current), [source]);
  return ref;
}

/** Appliers for {@link useTimed}. */
export const setText = (el: Element, v: string) => void (el.textContent = v);
export const setTransform = (el: Element, v: string) => el.setAttribute('transform', v);
export const setAttr = (name: string) => (el: Element, v: string) => el.setAttribute(name, v);
