import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './sim.ts';
import { parseBatch } from '../scenarios/batchReader.ts';
import { AWKWARD_DISHES, NAME_PAIRS, namesScenarioJson, toOrdinary } from '../test/names.ts';

// docs/bad-input.md, "Names are data": the CLI's JSON, CSV and --events files of a scenario
// whose every name is an Object.prototype member are those of the same scenario with
// ordinary names, name for name.

const dir = mkdtempSync(join(tmpdir(), 'orderup-names-'));
const ordinaryOf = new Map(NAME_PAIRS);
const files = {
  awkward: join(dir, 'awkward.json'),
  ordinary: join(dir, 'ordinary.json'),
};
writeFileSync(files.awkward, JSON.stringify(namesScenarioJson(), null, 2));
writeFileSync(files.ordinary, JSON.stringify(namesScenarioJson((n) => ordinaryOf.get(n) ?? n), null, 2));

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

describe('npm run sim with names that are Object.prototype members', () => {
  it('JSON of both modes: every figure as with ordinary names, every dish in perDish (__proto__ too)', () => {
    const a = run('--file', files.awkward, '--mode', 'both');
    const o = run('--file', files.ordinary, '--mode', 'both');
    expect([a.code, a.stderr, o.code, o.stderr]).toEqual([0, '', 0, '']);
    expect(toOrdinary(a.stdout)).toBe(o.stdout);
    expect(a.stdout).not.toBe(o.stdout);
    const report = JSON.parse(a.stdout) as Record<'sync' | 'async', { served: number; perDish: Record<string, { served: number; latencySeconds: { p95: number } }> }>;
    for (const mode of ['sync', 'async'] as const) {
      const perDish = report[mode].perDish;
      expect(Object.keys(perDish), mode).toEqual(AWKWARD_DISHES);
      expect(Object.hasOwn(perDish, '__proto__')).toBe(true);
      expect(perDish.__proto__!.served).toBeGreaterThan(0);
      expect(perDish.__proto__!.latencySeconds.p95).toBeGreaterThan(0);
      for (const dish of AWKWARD_DISHES) expect(perDish[dish]!.served, `${mode} ${dish}`).toBeGreaterThan(0);
      expect(Object.values(perDish).reduce((n, d) => n + d.served, 0)).toBe(report[mode].served);
    }
  });

  it('CSV: the same series', () => {
    const a = run('--file', files.awkward, '--mode', 'both', '--format', 'csv');
    const o = run('--file', files.ordinary, '--mode', 'both', '--format', 'csv');
    expect([a.code, o.code]).toEqual([0, 0]);
    expect(a.stdout.split('\n').length).toBeGreaterThan(400);
    expect(a.stdout).toBe(o.stdout);
  });

  it('--events: the same log, message for message, under the renaming', () => {
    const ev = { awkward: join(dir, 'awkward-log.json'), ordinary: join(dir, 'ordinary-log.json') };
    expect(run('--file', files.awkward, '--mode', 'async', '--events', ev.awkward).code).toBe(0);
    expect(run('--file', files.ordinary, '--mode', 'async', '--events', ev.ordinary).code).toBe(0);
    const [a, o] = [readFileSync(ev.awkward, 'utf8'), readFileSync(ev.ordinary, 'utf8')];
    expect(toOrdinary(a)).toBe(o);
    // The batch reads back, dishes named __proto__ included.
    const events = parseBatch(a);
    const dishes = new Set(events.filter((e) => e.type === 'PlaceOrder').map((e) => (e.data as { dish: string }).dish));
    expect([...dishes].sort()).toEqual([...AWKWARD_DISHES].sort());
    expect(events.filter((e) => e.type === 'DishReady').length).toBeGreaterThan(100);
  });

  it('npm run sim itself prints the __proto__ dish on stdout', () => {
    const r = spawnSync('npm', ['run', 'sim', '--', '--file', files.awkward, '--minutes', '60', '--warmup-minutes', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const perDish = (JSON.parse(r.stdout) as { perDish: Record<string, unknown> }).perDish;
    expect(Object.keys(perDish)).toEqual(AWKWARD_DISHES);
    expect(Object.hasOwn(perDish, '__proto__')).toBe(true);
  });
});
