/**
 * A first-in first-out line of distinct objects with O(1) push, shift and removal from
 * anywhere (a party walking out of the door's queue). A plain array's `shift` and `splice`
 * move every element behind the head: a door queue of 100,000 parties made a long
 * overloaded run quadratic (docs/bad-input.md, "CLI").
 */
export class Fifo<T extends object> {
  private items: (T | undefined)[] = [];
  private head = 0;
  /** Members now in line; an entry of `items` not in here was removed and is skipped. */
  private readonly live = new Set<T>();

  /** How many are in line. */
  get length(): number {
    return this.live.size;
  }

  /** Join the end of the line. @throws Error if `x` is in line already. */
  push(x: T): void {
    if (this.live.has(x)) throw new Error('already in line');
    this.live.add(x);
    this.items.push(x);
  }

  /** Take the first in line, or undefined when the line is empty. */
  shift(): T | undefined {
    while (this.head < this.items.length) {
      const x = this.items[this.head]!;
      this.items[this.head++] = undefined;
      this.compact();
      if (this.live.delete(x)) return x;
    }
    return undefined;
  }

  /** Leave the line from wherever `x` stands; false if it was not in line. */
  remove(x: T): boolean {
    return this.live.delete(x);
  }

  /** Those in line, first to last. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const x = this.items[i];
      if (x !== undefined && this.live.has(x)) yield x;
    }
  }

  /** Drop the consumed front in batches (amortised O(1) per shift). */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
