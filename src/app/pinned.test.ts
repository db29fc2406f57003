// Behaviour pins: the SHA-256 of what the engine produces today, for every preset replayed
// with the recorded actions (src/app/determinism.ts), for the CLI's report and --events file
// of every preset in each mode, and for fuzzed runs (src/sim/testing/fuzzRuns.ts). A refactor
// of the engine, the store or the CLI must keep every hash; a change that means to alter
// behaviour updates the pins in the same commit and says why.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimStore } from './simStore.ts';
import { scriptedLog } from './determinism.ts';
import { loadPreset, PRESET_NAMES } from '../scenarios/index.ts';
import { main } from '../cli/sim.ts';
import { fuzzPlan, runPlan } from '../sim/testing/fuzzRuns.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const make = () => createSimStore({ presetNames: PRESET_NAMES, loadPreset, initialPreset: 'friday-rush' });

const SCRIPTED: Record<string, string> = {
  'quiet-lunch': '73193e5c407d6623',
  'friday-rush': 'b548eaf192e97457',
  'slow-steak': 'cd4d64d80af87414',
  'kitchen-fire': '514b544efcc970d1',
  'understaffed': 'f93b7159eb8e1265',
};
const CLI: Record<string, string> = {
  'quiet-lunch sync': 'f87894007d07ecc2 b50d823f10148459',
  'quiet-lunch async': 'db76f0052e856fb7 a0ebf2121e26a6f6',
  'friday-rush sync': 'd27c2cbffb9e7729 dacedb0ee1115427',
  'friday-rush async': '7937254091219372 dc306a2d15c6469f',
  'slow-steak sync': '4d3931bdbd62b31c 20acef121dc23247',
  'slow-steak async': 'd54bc12dc06656c2 ac5cf0417810a8bb',
  'kitchen-fire sync': 'f120d5bb25d0d263 c4d4c3cc461ee2b6',
  'kitchen-fire async': '57e101e78ca2adf9 cf4a5ff4cf7fa9df',
  'understaffed sync': 'ccdf75dd725f2058 600ee10ddb03af9a',
  'understaffed async': '5244ba392c16071f 3dd35fcf3a81ab23',
};
const FUZZ: Record<string, string> = {
  'quiet-lunch 1': '86d1d710e69d7da3 9298af4a94aee95a',
  'quiet-lunch 2': 'b990e7d7587dc440 4e8b2ce84d9a0735',
  'quiet-lunch 3': '0811bb37929ce486 7a1c74ad345d06ce',
  'friday-rush 1': 'c658ad74658e8ee9 8f06c78b4cabab9e',
  'friday-rush 2': 'd164b2f6bbd9c22c d82c48cadeb07564',
  'friday-rush 3': 'f550d301eb209505 62424bae0efc5564',
  'slow-steak 1': 'c19e9b56737282ba 5d7aaff25b31af7a',
  'slow-steak 2': '1d689548a993c93a a15daea61f151051',
  'slow-steak 3': '6763e7f0c11e2ee9 e7921de4b248de57',
  'kitchen-fire 1': '8f962930b95f3e91 e9fce6a3a76e02f7',
  'kitchen-fire 2': 'a51517bd6263a982 df8dd1a7efb1eaaa',
  'kitchen-fire 3': 'a0d442802788d36f b493802da18e4838',
  'understaffed 1': '61235271157c4eba 30a7b404544c8e89',
  'understaffed 2': '8511039a84f10f5f 284095d49cf1c2de',
  'understaffed 3': 'fe237bf857b35bac bb55e286c63831c0',
};

describe('behaviour pins', () => {
  it.each(PRESET_NAMES)('%s: the scripted session gives the pinned event log', (preset) => {
    expect(sha(scriptedLog(make(), preset))).toBe(SCRIPTED[preset]);
  });

  it.each(PRESET_NAMES.flatMap((p) => (['sync', 'async'] as const).map((m) => [p, m] as const)))('%s %s: npm run sim gives the pinned report and --events file', (preset, mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'pin-'));
    try {
      let out = '';
      const events = join(dir, 'events.json');
      const code = main(['--scenario', preset, '--mode', mode, '--minutes', '120', '--events', events], (s) => (out += s), () => {});
      expect(code).toBe(0);
      expect(`${sha(out)} ${sha(readFileSync(events, 'utf8'))}`).toBe(CLI[`${preset} ${mode}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(PRESET_NAMES.flatMap((p) => [1, 2, 3].map((k) => [p, k] as const)))('%s fuzz %i: the fuzzed run gives the pinned log and summary', (preset, k) => {
    const r = runPlan(fuzzPlan(loadPreset(preset), k * 7919 + preset.length));
    expect(`${sha(r.log)} ${sha(r.summary)} ${r.error ?? ''}`.trim()).toBe(FUZZ[`${preset} ${k}`]);
  });
});
