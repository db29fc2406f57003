// The determinism check's Node side: for every preset, the SHA-256 of the event log of the
// scripted run (src/app/determinism.ts), as JSON { preset: { sha, messages } } on stdout.
// The browser test runs the same script in the page and compares.
import { createHash } from 'node:crypto';
import { createSimStore } from '../src/app/simStore.ts';
import { scriptedLog } from '../src/app/determinism.ts';
import { loadPreset, PRESET_NAMES } from '../src/scenarios/index.ts';

const out: Record<string, { sha: string; messages: number }> = {};
for (const preset of PRESET_NAMES) {
  const text = scriptedLog(createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush' }), preset);
  out[preset] = { sha: createHash('sha256').update(text).digest('hex'), messages: JSON.parse(text).length };
}
console.log(JSON.stringify(out));
