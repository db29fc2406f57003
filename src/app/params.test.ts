import { describe, expect, it } from 'vitest';
import { clampParam, PARAM_SPECS, paramsOf, pendingChanges, withParams } from './params.ts';
import { loadPreset } from '../scenarios/index.ts';

const tables = (input: number | string) => clampParam(PARAM_SPECS.tables, 'Tables', input, 24);

describe('clampParam', () => {
  it('passes a value in range untouched', () => {
    expect(tables(12)).toEqual({ value: 12, message: null });
    expect(tables(' 12 ')).toEqual({ value: 12, message: null });
    expect(tables('+7')).toEqual({ value: 7, message: null });
  });

  it('clamps to the range and says which limit', () => {
    expect(tables(500)).toEqual({ value: 40, message: 'Tables: 500 is above the maximum 40; using 40.' });
    expect(tables('-5')).toEqual({ value: 1, message: 'Tables: -5 is below the minimum 1; using 1.' });
    expect(tables('1e9').value).toBe(40);
  });

  it('rounds a fraction for a whole-number parameter, and says so', () => {
    expect(tables('3.7')).toEqual({ value: 4, message: 'Tables: 3.7 is not a whole number; using 4.' });
  });

  it('refuses anything that is not a plain decimal, keeping the fallback', () => {
    for (const bad of ['', '   ', 'lots', '0x10', '0b101', '1e400', 'Infinity', 'NaN', '5     abc', '<script>alert(1)</script>', '7'.repeat(10_000)]) {
      const r = tables(bad);
      expect(r.value, JSON.stringify(bad.slice(0, 20))).toBe(24);
      expect(r.message).toMatch(/^Tables: ".*" is not a number; kept 24\.$/);
      expect(r.message!.length).toBeLessThan(80);
    }
    expect(tables(Number.NaN).value).toBe(24);
  });
});

describe('params of a scenario', () => {
  it('round-trip through withParams and list only the edits that wait for Reset', () => {
    const s = loadPreset('friday-rush');
    const p = paramsOf(s);
    expect(withParams(s, p)).toEqual(s);
    const edited = { ...p, ratePerHour: 50, tables: 30, stations: { ...p.stations, grill: 2 } };
    expect(pendingChanges(p, edited)).toEqual(['tables', 'grill stations']);
    const built = withParams(s, edited);
    expect(built.kitchen.stations.find((k) => k.kind === 'grill')!.count).toBe(2);
    expect(built.arrivals.ratePerHour).toBe(50);
  });
});
