import type { Place } from '../../sim/index.ts';
import type { Point } from './layoutTypes.ts';

// How people move on the floor's layout (layout.ts): along a path, which states walk, and
// who stands in which slot of the lane at the pass (docs/visual-language.md).

/** The point a fraction `f` (clamped to [0, 1]) of the way along a polyline, by length. */
export function alongPath(path: readonly Point[], f: number): Point {
  if (path.length === 0) return { x: 0, y: 0 };
  if (path.length === 1 || f <= 0) return path[0]!;
  if (f >= 1) return path[path.length - 1]!;
  let total = 0;
  for (let i = 1; i < path.length; i++) total += Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y);
  let left = total * f;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= d && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return path[path.length - 1]!;
}

/** States in which a person walks from `from` to `to` (elsewhere they stand at `to`). */
export const WALKING_STATES: ReadonlySet<string> = new Set(['walkingToTable', 'walkingToKitchen', 'walkingToPass', 'carryingDish']);

/**
 * Lane slots for the staff at the pass: with room for everyone, each person keeps a slot of
 * their own (their index among all staff); otherwise the people whose walk starts or ends at
 * the pass take slots in staff order. Returns staff id → slot index.
 * @param staff every member of staff, waiters then runners, with where they are going.
 */
export function laneSlotOf(staff: readonly { id: string; from: Place; to: Place }[], personal: boolean): Map<string, number> {
  const out = new Map<string, number>();
  if (personal) staff.forEach((s, i) => out.set(s.id, i));
  else {
    let n = 0;
    for (const s of staff) if (s.to === 'pass' || s.from === 'pass') out.set(s.id, n++);
  }
  return out;
}
