import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo.ts';

describe('Fifo', () => {
  it('keeps first-in first-out order through removals from anywhere and compaction', () => {
    const line = new Fifo<{ n: number }>();
    const xs = Array.from({ length: 5000 }, (_, n) => ({ n }));
    const model: { n: number }[] = [];
    for (const x of xs) {
      line.push(x);
      model.push(x);
      // Every third leaves from the middle; every fifth step the head is seated.
      if (x.n % 3 === 0) {
        const gone = model.splice(Math.floor(model.length / 2), 1)[0]!;
        expect(line.remove(gone)).toBe(true);
        expect(line.remove(gone)).toBe(false);
      }
      if (x.n % 5 === 0) expect(line.shift()).toBe(model.shift());
      expect(line.length).toBe(model.length);
    }
    expect([...line]).toEqual(model);
    while (model.length > 0) expect(line.shift()).toBe(model.shift());
    expect(line.shift()).toBeUndefined();
    expect(line.length).toBe(0);
  });

  it('refuses the same object twice', () => {
    const line = new Fifo<object>();
    const x = {};
    line.push(x);
    expect(() => line.push(x)).toThrow(/already in line/);
  });
});
