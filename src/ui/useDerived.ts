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
