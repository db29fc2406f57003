import type { Scenario } from '../sim/index.ts';
import { parseScenario } from './schema.ts';
import quietLunch from './presets/quiet-lunch.json';
import fridayRush from './presets/friday-rush.json';
import slowSteak from './presets/slow-steak.json';
import kitchenFire from './presets/kitchen-fire.json';
import understaffed from './presets/understaffed.json';

export {
  parseScenario,
  scenarioSchema,
  distributionSchema,
  ScenarioError,
  MAX_SAMPLES,
  MAX_DURATION_SECONDS,
  MAX_DISHES_PER_PARTY,
  type ScenarioInput,
} from './schema.ts';

/** The preset scenarios, by name, as shipped JSON (validated on load). */
const PRESET_JSON: Record<string, unknown> = {
  'quiet-lunch': quietLunch,
  'friday-rush': fridayRush,
  'slow-steak': slowSteak,
  'kitchen-fire': kitchenFire,
  understaffed,
};

/** Names of the presets, in the order a picker shows them. */
export const PRESET_NAMES: readonly string[] = Object.keys(PRESET_JSON);

/**
 * A preset scenario, validated.
 * @throws Error naming the known presets if `name` is not one of them.
 */
export function loadPreset(name: string): Scenario {
  // Own names only: `constructor` or `toString` is no preset (docs/bad-input.md, "Names are data").
  const json = Object.hasOwn(PRESET_JSON, name) ? PRESET_JSON[name] : undefined;
  if (json === undefined) throw new Error(`unknown scenario "${name}" (known: ${PRESET_NAMES.join(', ')})`);
  return parseScenario(json);
}
