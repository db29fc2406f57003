import { describe, expect, it } from 'vitest';
import { IndexSet } from './indexSet.ts';
import { createStreams } from './rng.ts';

describe('IndexSet', () => {
  it('finds the least member at or after a position, across word boundaries', () => {
    const s = new IndexSet(100);
    for (const i of [0, 31, 32, 63, 64, 99]) s.add(i);
    expect(s.next(0)).toBe(0);
    expect(s.next(1)).toBe(31);
    expect(s.next(32)).toBe(32);
    expect(s.next(33)).toBe(63);
    expect(s.next(65)).toBe(99);
    expect(s.next(100)).toBe(-1);
    expect(s.next(65, 99)).toBe(-1);
    s.delete(31);
    expect(s.next(1)).toBe(32);
    expect(s.has(31)).toBe(false);
    expect(s.has(32)).toBe(true);
  });

  it('agrees with a plain array of flags over random adds, deletes and searches', () => {
    const rng = createStreams(7).misc;
    const n = 300;
    const s = new IndexSet(n);
    const flags = new Array<boolean>(n).fill(false);
    for (let k = 0; k < 20_000; k++) {
      const i = Math.floor(rng.next() * n);
      if (rng.next() < 0.5) {
        s.add(i);
        flags[i] = true;
      } else {
        s.delete(i);
        flags[i] = false;
      }
      const from = Math.floor(rng.next() * (n + 5));
      const want = flags.findIndex((f, j) => f && j >= from);
      expect(s.next(from)).toBe(want);
    }
  });

  it('refuses members outside its capacity', () => {
    const s = new IndexSet(3);
    expect(() => s.add(40)).toThrow(RangeError);
    expect(() => new IndexSet(-1)).toThrow(RangeError);
    expect(() => s.has(1.5)).toThrow(RangeError);
  });
});
