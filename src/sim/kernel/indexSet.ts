/**
 * A set of small whole numbers (0 … capacity − 1) that answers "the least member at or after
 * `from`" by scanning 32 members per step (a bitset with `Math.clz32`). The floor keeps its
 * free waiters and runners in one, so finding who takes the next job costs the same with 40
 * or 4,000 idle staff, where a scan of every member grew with the headcount
 * (docs/architecture.md, "Dispatch").
 */
export class IndexSet {
  private readonly words: Uint32Array;

  /** An empty set for members 0 … `capacity` − 1. @throws RangeError for a negative or fractional capacity. */
  constructor(capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 0)) throw new RangeError(`capacity must be a whole number ≥ 0, got ${capacity}`);
    this.words = new Uint32Array(Math.ceil(capacity / 32));
  }

  /** Add `i`. @throws RangeError when `i` is outside the capacity. */
  add(i: number): void {
    this.check(i);
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  /** Remove `i` (nothing happens if it is absent). */
  delete(i: number): void {
    this.check(i);
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  /** Whether `i` is a member. */
  has(i: number): boolean {
    this.check(i);
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** The least member ≥ `from` and < `below` (default: the capacity), or −1 when there is none. */
  next(from: number, below = this.words.length * 32): number {
    if (from < 0) from = 0;
    let w = from >>> 5;
    if (w >= this.words.length) return -1;
    // The word holding `from`, with the bits below `from` cleared.
    let bits = this.words[w]! & (~0 << (from & 31));
    for (;;) {
      if (bits !== 0) {
        const i = (w << 5) + (31 - Math.clz32(bits & -bits));
        return i < below ? i : -1;
      }
      if (++w >= this.words.length || w << 5 >= below) return -1;
      bits = this.words[w]!;
    }
  }

  private check(i: number): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.words.length * 32)) throw new RangeError(`member ${i} is outside 0…${this.words.length * 32 - 1}`);
  }
}
