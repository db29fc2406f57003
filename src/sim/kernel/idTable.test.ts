import { describe, expect, it } from 'vitest';
import { IdTable } from './idTable.ts';

/** The same operations on an IdTable and on a Map (whose iteration is sorted by id to compare). */
function against(ops: (t: IdTable<{ id: number }>, m: Map<number, { id: number }>) => void) {
  const t = new IdTable<{ id: number }>();
  const m = new Map<number, { id: number }>();
  ops(t, m);
  expect(t.size).toBe(m.size);
  expect([...t.values()]).toEqual([...m.values()].sort((a, b) => a.id - b.id));
  for (const id of m.keys()) expect(t.get(id)).toBe(m.get(id));
}

describe('IdTable', () => {
  it('behaves as a Map for ids set in order and removed about in order', () => {
    against((t, m) => {
      const live: number[] = [];
      for (let id = 1; id <= 20_000; id++) {
        const v = { id };
        t.set(id, v);
        m.set(id, v);
        live.push(id);
        while (live.length > 3) {
          const k = live.splice(id % 3, 1)[0]!;
          expect(t.delete(k)).toBe(m.delete(k));
        }
      }
    });
  });

  it('keeps an entry that stays while thousands pass, without keeping their slots', () => {
    against((t, m) => {
      const stays = { id: 5 };
      t.set(5, stays);
      m.set(5, stays);
      for (let id = 6; id < 50_000; id++) {
        t.set(id, { id });
        m.set(id, { id });
        expect(t.delete(id)).toBe(m.delete(id));
      }
      expect(t.get(5)).toBe(stays);
      expect((t as unknown as { items: unknown[] }).items.length).toBeLessThan(10_000);
    });
  });

  it('takes ids out of order, below the window, far ahead and not integers', () => {
    against((t, m) => {
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const ids = [0, -3, 2.5, 1e9, 1e9 + 1, 40, 39, 41, 2 ** 60];
      for (let k = 0; k < 30_000; k++) {
        const id = rnd() < 0.1 ? ids[Math.floor(rnd() * ids.length)]! : Math.floor(k / 2 + rnd() * 50);
        if (rnd() < 0.55) {
          const v = { id };
          t.set(id, v);
          m.set(id, v);
        } else expect(t.delete(id)).toBe(m.delete(id));
        expect(t.get(id)).toBe(m.get(id));
        expect(t.has(id)).toBe(m.has(id));
      }
    });
  });
});
