/**
 * Blocking: only records that share a key are compared. Records are grouped by the key; a small
 * group compares all its pairs, a large one (a very common name, a commune) only neighbours in a
 * sorted order (a sorted-neighbourhood window), so no group costs more than `window` comparisons
 * per record and the work stays linear in the register's size.
 */
export interface PassSpec {
  name: string;
  /** the record's key in this pass, or -1 to leave the record out */
  key: (i: number) => number;
  /** the order within a large group: neighbours in it are compared */
  sortBy: (i: number) => number;
  /**
   * How many distinct places a group spreads over in that order (the days of a year for a group
   * keyed by year and sorted by date): a denser group gets a wider window. Default: no widening.
   */
  spread?: number;
}

/** Groups up to this size compare all their pairs. */
export const ALL_PAIRS_UP_TO = 12;
/**
 * In a larger group each record is compared with this many records after it in the sorted order,
 * more in a dense group (a very common name keyed by year has several records a day: a group of
 * 3,650 spread over 365 days gets 20), never more than MAX_WINDOW.
 */
export const WINDOW = 6;
export const MAX_WINDOW = 24;
const windowOf = (size: number, spread: number) => Math.min(MAX_WINDOW, Math.max(WINDOW, Math.ceil((2 * size) / spread)));

/** The index of `k` among the first `n` values of `sorted`. */
function indexOf(sorted: Float64Array, n: number, k: number): number {
  let [lo, hi] = [0, n - 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Pass {
  /** each record's group, -1 when left out */
  readonly group: Int32Array;
  /** each record's position in the pass's order */
  readonly pos: Int32Array;
  /** group g is order[start[g]] .. order[start[g + 1] - 1] */
  private readonly start: Int32Array;
  private readonly spread: number;
  private order: Int32Array | null;

  readonly name: string;

  constructor(size: number, spec: PassSpec) {
    this.name = spec.name;
    this.spread = spec.spread ?? Infinity;
    this.group = new Int32Array(size).fill(-1);
    // groups are the distinct keys in sorted order, found by binary search: typed arrays only, where
    // a map of a million keys would cost ten times the memory
    const keys = new Float64Array(size);
    for (let i = 0; i < size; i++) keys[i] = spec.key(i);
    const distinct = keys.filter((k) => k >= 0).sort();
    let n = 0;
    for (let k = 0; k < distinct.length; k++) if (n === 0 || distinct[n - 1] !== distinct[k]) distinct[n++] = distinct[k] ?? 0;
    const counts = new Int32Array(n);
    for (let i = 0; i < size; i++) {
      const k = keys[i] ?? -1;
      if (k < 0) continue;
      const g = indexOf(distinct, n, k);
      this.group[i] = g;
      counts[g] = (counts[g] ?? 0) + 1;
    }
    this.start = new Int32Array(counts.length + 1);
    for (let g = 0; g < counts.length; g++) this.start[g + 1] = (this.start[g] ?? 0) + (counts[g] ?? 0);
    const next = this.start.slice(0, counts.length);
    const order = new Int32Array(this.start[counts.length] ?? 0);
    for (let i = 0; i < size; i++) {
      const g = this.group[i] ?? -1;
      if (g < 0) continue;
      const at = next[g] ?? 0;
      next[g] = at + 1;
      order[at] = i;
    }
    const sortKey = new Float64Array(size);
    for (let g = 0; g < counts.length; g++) {
      const [s, e] = [this.start[g] ?? 0, this.start[g + 1] ?? 0];
      if (e - s <= ALL_PAIRS_UP_TO) continue;
      for (let k = s; k < e; k++) sortKey[order[k] ?? 0] = spec.sortBy(order[k] ?? 0);
      order.subarray(s, e).sort((x, y) => (sortKey[x] ?? 0) - (sortKey[y] ?? 0));
    }
    this.pos = new Int32Array(size);
    for (let k = 0; k < order.length; k++) this.pos[order[k] ?? 0] = k;
    this.order = order;
  }

  private sizeOf(g: number): number {
    return (this.start[g + 1] ?? 0) - (this.start[g] ?? 0);
  }

  /** Whether this pass compares records i and j (so that a later pass need not). */
  compares(i: number, j: number): boolean {
    const g = this.group[i] ?? -1;
    if (g < 0 || g !== this.group[j]) return false;
    const size = this.sizeOf(g);
    return size <= ALL_PAIRS_UP_TO || Math.abs((this.pos[i] ?? 0) - (this.pos[j] ?? 0)) <= windowOf(size, this.spread);
  }

  /** Every pair the pass compares, each once. */
  forEachPair(visit: (i: number, j: number) => void): void {
    const order = this.live();
    for (let g = 0; g + 1 < this.start.length; g++) {
      const [s, e] = [this.start[g] ?? 0, this.start[g + 1] ?? 0];
      const w = e - s <= ALL_PAIRS_UP_TO ? e - s : windowOf(e - s, this.spread);
      for (let k = s; k < e; k++) for (let l = k + 1; l < Math.min(e, k + 1 + w); l++) visit(order[k] ?? 0, order[l] ?? 0);
    }
  }

  /** Every pair the pass compares that holds record i. */
  forEachPairOf(i: number, visit: (i: number, j: number) => void): void {
    const order = this.live();
    const g = this.group[i] ?? -1;
    if (g < 0) return;
    const [s, e] = [this.start[g] ?? 0, this.start[g + 1] ?? 0];
    const p = this.pos[i] ?? 0;
    const w = e - s <= ALL_PAIRS_UP_TO ? e - s : windowOf(e - s, this.spread);
    const [from, to] = [Math.max(s, p - w), Math.min(e, p + w + 1)];
    for (let k = from; k < to; k++) if (k !== p) visit(i, order[k] ?? 0);
  }

  /** Frees the order once the pass has been walked; `compares` still answers. */
  done(): void {
    this.order = null;
  }

  private live(): Int32Array {
    if (this.order === null) throw new Error(`pass ${this.name} already walked`);
    return this.order;
  }
}
