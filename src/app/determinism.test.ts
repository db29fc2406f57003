import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimStore } from './simStore.ts';
import { scriptedLog } from './determinism.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';

const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush' });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('determinism: same scenario, seed and recorded actions give the same event log', () => {
  it.each(PRESET_NAMES)('%s: two fresh stores replaying the script agree byte for byte', (preset) => {
    const a = scriptedLog(make(), preset);
    const b = scriptedLog(make(), preset);
    expect(JSON.parse(a).length).toBeGreaterThan(100);
    expect(sha(b)).toBe(sha(a));
  });

  it('a store reused after other runs still agrees (no state leaks between runs)', () => {
    const store = make();
    scriptedLog(store, 'understaffed');
    expect(sha(scriptedLog(store, 'friday-rush'))).toBe(sha(scriptedLog(make(), 'friday-rush')));
  });

  it('the script matters: without the mode switches the log differs', () => {
    expect(sha(scriptedLog(make(), 'friday-rush', []))).not.toBe(sha(scriptedLog(make(), 'friday-rush')));
  });
});
