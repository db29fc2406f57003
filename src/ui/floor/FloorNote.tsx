import { useSim } from '../SimProvider.tsx';
import { oldOrdersSentence } from '../../app/inFlight.ts';

export { oldOrders, oldOrdersSentence } from '../../app/inFlight.ts';

/** What is still in flight under the old mode, said under the floor (its own line: it never covers the floor). */
export function FloorNote() {
  // A string selector: recomputed each frame, re-rendered only when the sentence changes.
  const text = useSim((s) => oldOrdersSentence(s.snapshot));
  if (!text) return null;
  return <p className="floor-note">{text}</p>;
}
