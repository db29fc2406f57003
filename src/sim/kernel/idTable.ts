/**
 * A table of values by integer id, for ids handed out in increasing order and mostly
 * retired in about that order (parties, tickets): a sliding window of an array indexed by
 * `id − base`, which a lookup, an insertion and a removal reach without hashing, and which
 * allocates nothing in a steady run, where a `Map` that keeps a few entries while thousands
 * pass through rehashes its table every few insertions.
 *
 * Any integer id works: one below the window (set after the window moved past it) or one a
 * long way behind the others (an entry that stays while the rest move on) is kept in a
 * `Map` beside the window, so memory follows the entries kept, never the ids seen.
 * Iteration goes by increasing id (for ids set in increasing order, the order they were set in).
 */
export class IdTable<V> {
  /** `items[i]` holds id `base + i`; below `head` every slot is empty. */
  private items: (V | undefined)[] = [];
  private base = 0;
  private head = 0;
  /** Entries in the window. */
  private inWindow = 0;
  /** Entries below the window. */
  private readonly below = new Map<number, V>();

  get size(): number {
    return this.inWindow + this.below.size;
  }

  get(id: number): V | undefined {
    const i = id - this.base;
    if (i >= this.head && i < this.items.length) return this.items[i];
    return this.below.size === 0 ? undefined : this.below.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Set the value of `id` (an integer; `value` not undefined). */
  set(id: number, value: V): void {
    if (!Number.isSafeInteger(id)) return void this.below.set(id, value);
    if (this.size === 0 && this.items.length === 0) this.base = id;
    let i = id - this.base;
    if (i < this.head) return void this.below.set(id, value);
    // Far ahead of the window (never, for ids handed out in order): the window moves there.
    if (i > this.items.length + 4096) {
      this.evict(this.items.length);
      this.base = id;
      i = 0;
    }
    while (this.items.length < i) this.items.push(undefined);
    if (i === this.items.length) this.items.push(value);
    else {
      if (this.items[i] === undefined) this.inWindow++;
      this.items[i] = value;
      return;
    }
    this.inWindow++;
  }

  /** Remove `id`; true if it was there. */
  delete(id: number): boolean {
    const i = id - this.base;
    if (i >= this.head && i < this.items.length) {
      if (this.items[i] === undefined) return false;
      this.items[i] = undefined;
      this.inWindow--;
      this.advance();
      return true;
    }
    return this.below.size > 0 && this.below.delete(id);
  }

  /** The values by increasing id. */
  *values(): IterableIterator<V> {
    if (this.below.size > 0) for (const id of [...this.below.keys()].sort((a, b) => a - b)) yield this.below.get(id)!;
    for (let i = this.head; i < this.items.length; i++) {
      const v = this.items[i];
      if (v !== undefined) yield v;
    }
  }

  /** Move the head over empty slots; keep the window short and mostly full. */
  private advance(): void {
    const items = this.items;
    while (this.head < items.length && items[this.head] === undefined) this.head++;
    const span = items.length - this.head;
    // A few entries kept while many passed: they wait beside the window instead.
    if (span > 4096 && this.inWindow * 8 < span) this.evict(this.head + (span >> 1));
    if (this.head === items.length) {
      this.base += this.head;
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  /** Move the entries below slot `to` beside the window, and the head to `to`. */
  private evict(to: number): void {
    for (let i = this.head; i < to && i < this.items.length; i++) {
      const v = this.items[i];
      if (v === undefined) continue;
      this.below.set(this.base + i, v);
      this.items[i] = undefined;
      this.inWindow--;
    }
    if (to >= this.items.length) {
      this.base += to;
      this.items = [];
      this.head = 0;
      return;
    }
    this.head = to;
    this.advance();
  }
}
