/** User text made visible as given: see `src/scenarios/visible.ts` (shared with the schemas at the edge). */
export { hasInvisible, visible } from '../scenarios/visible.ts';
