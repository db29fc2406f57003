/**
 * Small numeric helpers for the metrics: a growable sample buffer with percentiles, and a
 * time-weighted average over a window that opens at the warm-up time.
 */

/** Append-only buffer of numbers (Float64Array growing by doubling). */
export class SampleBuffer {
  private data = new Float64Array(1024);
  private n = 0;
  private sum = 0;
  private maxValue = -Infinity;
  /**
   * Ranks whose values {@link quantile} has put in place since the last push: everything
   * before each is at most its value, everything after at least, so a later selection
   * searches only between two of them (a p95 after a p50 reads half the buffer).
   */
  private readonly placed: number[] = [];

  push(x: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = x;
    this.sum += x;
    if (x > this.maxValue) this.maxValue = x;
    if (this.placed.length > 0) this.placed.length = 0;
  }

  get count(): number {
    return this.n;
  }

  /** Arithmetic mean, or 0 when empty. */
  mean(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  /** Largest value, or 0 when empty. */
  max(): number {
    return this.n === 0 ? 0 : this.maxValue;
  }

  /**
   * The p-quantile by the nearest-rank method (the smallest value with at least p·n values at
   * or below it), p in [0, 1]; 0 when empty. Found by selection, O(n), not by sorting: a
   * summary asks a few quantiles of buffers of every dish served. The selection reorders
   * the buffer itself, in place: nothing reads the values in the order they came, and a copy
   * would double the memory of every buffer at the end of a long run. With a NaN among the
   * values (never, for times), by sorting a copy, as {@link quantileOf} does.
   */
  quantile(p: number): number {
    const n = this.n;
    if (n === 0) return 0;
    if (Number.isNaN(this.sum)) return nearestRank(this.data.slice(0, n).sort(), p);
    const k = Math.min(n, Math.max(1, Math.ceil(p * n))) - 1;
    let lo = 0;
    let hi = n - 1;
    for (const r of this.placed) {
      if (r === k) return this.data[k]!;
      if (r < k) lo = Math.max(lo, r + 1);
      else hi = Math.min(hi, r - 1);
    }
    const v = select(this.data, lo, hi, k);
    this.placed.push(k);
    return v;
  }
}

/** The p-quantile of ascending `sorted` by the nearest-rank method, p in [0, 1]; 0 when empty. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return sorted[Math.min(n, Math.max(1, Math.ceil(p * n))) - 1]!;
}

/**
 * The value of rank `k` (from 0) of `a`, given that it lies in `a[lo..hi]` and every value
 * before `lo` is at most, every value after `hi` at least, those between: reorders
 * `a[lo..hi]` in place (Hoare's selection with a median-of-three pivot) so that `a[k]` holds
 * it, with at most it before and at least it after. The values must hold no NaN.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Order a[lo], a[mid], a[hi]; the median is the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The p-quantile of `xs` (any order) by the nearest-rank method, the same rule as every
 * figure of the engine ({@link SampleBuffer.quantile}); 0 when empty.
 */
export function quantileOf(xs: readonly number[], p: number): number {
  return nearestRank(Float64Array.from(xs).sort(), p);
}

/**
 * Time-weighted average of a piecewise-constant quantity (a queue length, a count of busy
 * staff) over [windowStart, t]. Call {@link set} whenever the quantity changes.
 */
export class TimeAverage {
  private value = 0;
  private last = 0;
  private area = 0;

  constructor(private readonly windowStart: number) {}

  /** Current value. */
  get current(): number {
    return this.value;
  }

  /** The quantity becomes `v` at simulated time `t` (non-decreasing across calls). */
  set(t: number, v: number): void {
    this.accumulate(t);
    this.value = v;
  }

  /** Add `dv` to the quantity at time `t`. */
  add(t: number, dv: number): void {
    this.set(t, this.value + dv);
  }

  /** Integral of the quantity over [windowStart, t] (unit × seconds). */
  integral(t: number): number {
    const from = Math.max(this.last, this.windowStart);
    return t > from ? this.area + this.value * (t - from) : this.area;
  }

  /** Mean over [windowStart, t]; the current value if the window is empty. */
  mean(t: number): number {
    const span = t - this.windowStart;
    return span > 0 ? this.integral(t) / span : this.value;
  }

  private accumulate(t: number): void {
    const from = Math.max(this.last, this.windowStart);
    if (t > from) this.area += this.value * (t - from);
    this.last = t;
  }
}

/**
 * Values stamped with the simulated time they happened, for the nearest-rank quantile of
 * those inside a trailing window (t − window, t]. Older values are dropped as time moves on.
 */
export class TrailingSamples {
  // A ring of (time, value) pairs, its capacity a power of two that doubles when the window
  // holds more: in a steady run it allocates nothing, where arrays cut in batches made
  // middle-aged garbage for every few thousand dishes.
  private at = new Float64Array(64);
  private values = new Float64Array(64);
  private head = 0;
  private n = 0;

  /** @param windowSeconds length of the trailing window, simulated seconds. */
  constructor(private readonly windowSeconds: number) {}

  /** `value` happened at time `t` (non-decreasing across calls). */
  push(t: number, value: number): void {
    if (this.n === this.at.length) this.grow();
    const i = (this.head + this.n) & (this.at.length - 1);
    this.at[i] = t;
    this.values[i] = value;
    this.n++;
    // Drop what has left the window here too, so memory stays bounded when nobody asks for
    // a quantile (a run that samples no series).
    this.evict(t);
  }

  /** Nearest-rank p-quantile of the values in (t − window, t], p in [0, 1]; 0 when none. */
  quantile(t: number, p: number): number {
    this.evict(t);
    const n = this.n;
    if (n === 0) return 0;
    const mask = this.at.length - 1;
    const sorted: number[] = new Array<number>(n);
    for (let k = 0; k < n; k++) sorted[k] = this.values[(this.head + k) & mask]!;
    sorted.sort((a, b) => a - b);
    return sorted[Math.min(n, Math.max(1, Math.ceil(p * n))) - 1]!;
  }

  /** Forget values at or before t − window. */
  private evict(t: number): void {
    const start = t - this.windowSeconds;
    const mask = this.at.length - 1;
    while (this.n > 0 && this.at[this.head]! <= start) {
      this.head = (this.head + 1) & mask;
      this.n--;
    }
  }

  private grow(): void {
    const cap = this.at.length;
    const at = new Float64Array(cap * 2);
    const values = new Float64Array(cap * 2);
    for (let k = 0; k < this.n; k++) {
      at[k] = this.at[(this.head + k) & (cap - 1)]!;
      values[k] = this.values[(this.head + k) & (cap - 1)]!;
    }
    this.at = at;
    this.values = values;
    this.head = 0;
  }
}
