/**
 * A wall clock that never moves, for stores under test: a frame's simulated span is then never
 * cut short by the frame budget however busy the machine is, so `tick(dt)` advances exactly
 * dt × speed and tests do not depend on the machine's load.
 */
export const frozenWall = (): number => 0;
