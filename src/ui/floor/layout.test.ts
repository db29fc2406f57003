import { describe, expect, it } from 'vitest';
import { floorLayout, FLOOR_HEIGHT, FLOOR_WIDTH, lerp } from './layout.ts';
import { effectSeconds, MAX_EFFECT_SECONDS } from './Effects.tsx';
import { PARAM_SPECS } from '../../app/params.ts';

const kitchen = (kinds: number, perKind: number) =>
  Array.from({ length: kinds }, (_, k) => Array.from({ length: perKind }, (_, i) => ({ id: `k${k}-${i + 1}`, kind: `k${k}` }))).flat();

describe('floor layout', () => {
  it('keeps every table inside the floor and apart from the others, for every table count the page allows', () => {
    for (let n = PARAM_SPECS.tables.min; n <= PARAM_SPECS.tables.max; n++) {
      const { tables, pass } = floorLayout(kitchen(3, 2), n);
      expect(tables).toHaveLength(n);
      for (const t of tables) {
        expect(t.x - t.w / 2).toBeGreaterThan(0);
        expect(t.x + t.w / 2 + 40).toBeLessThan(FLOOR_WIDTH); // room for a waiter beside it
        expect(t.y - t.h / 2).toBeGreaterThan(pass.y + pass.h);
        expect(t.y + t.h / 2 + 28).toBeLessThan(FLOOR_HEIGHT); // room for the dish chips
        expect(t.w).toBeGreaterThan(40);
      }
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const a = tables[i]!;
          const b = tables[j]!;
          const apart = Math.abs(a.x - b.x) >= (a.w + b.w) / 2 + 20 || Math.abs(a.y - b.y) >= (a.h + b.h) / 2 + 20;
          expect(apart, `tables ${a.table} and ${b.table} of ${n}`).toBe(true);
        }
    }
  });

  it('fits the largest kitchen the page allows in one row without overlap', () => {
    const stations = kitchen(3, PARAM_SPECS.station.max);
    const { stations: boxes, kinds } = floorLayout(stations, 24);
    const xs = [...boxes.values()].map((b) => b.x).sort((a, b) => a - b);
    const size = [...boxes.values()][0]!.size;
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(size);
    expect(xs[0]! - size / 2).toBeGreaterThan(0);
    expect(xs.at(-1)! + size / 2).toBeLessThan(FLOOR_WIDTH);
    expect(kinds.map((k) => k.kind)).toEqual(['k0', 'k1', 'k2']);
  });

  it('puts staff at the pass in distinct spots and walks them in a straight line', () => {
    const layout = floorLayout(kitchen(1, 2), 8);
    const spots = Array.from({ length: 24 }, (_, i) => layout.placeOf('pass', i, 24, 'waiter', i).x);
    expect(new Set(spots).size).toBe(24);
    const a = layout.placeOf('pass', 0, 1, 'waiter', 0);
    const b = layout.placeOf(3, 0, 1, 'waiter', 0);
    expect(lerp(a, b, 0.5)).toEqual({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    expect(lerp(a, b, 7)).toEqual(b);
    expect(lerp(a, b, -1)).toEqual(a);
  });
});

describe('message effects', () => {
  it('last about 0.8 s of wall time at 1×, shorten with speed, and never exceed the cap', () => {
    expect(effectSeconds(1)).toBeCloseTo(0.8 * 60, 9);
    expect(effectSeconds(0.25)).toBeCloseTo(0.8 * 60 * 0.25, 9);
    expect(effectSeconds(4) / 4).toBeLessThan(effectSeconds(1));
    for (const s of [16, 32, 64, 'max'] as const) expect(effectSeconds(s)).toBeLessThanOrEqual(MAX_EFFECT_SECONDS);
  });
});
