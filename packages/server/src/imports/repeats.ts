/**
 * Finding the rows of a file that write the same record as a later row, without holding every row's
 * key: a Map of 500,000 keys is ~37 MB of the reading worker's heap, more than all the rest of its
 * live data. The first pass keeps one 53-bit hash per row (8 bytes); hashes met more than once name
 * the records that may repeat. Only if there are any, one more pass keeps the exact key and last row
 * of the rows with such a hash, so two different keys that share a hash are still told apart: the
 * outcome is the one an exact Map would give, and a file whose keys are all different (the usual
 * case) costs no extra pass.
 */

/** Two 32-bit multiplicative hashes of the key's UTF-16 code units, 32 + 21 bits as one exact double. */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/** The hashes of the first pass, in a typed array that doubles as it fills. */
export class HashLog {
  #hashes = new Float64Array(1024);
  #count = 0;

  add(hash: number): void {
    if (this.#count === this.#hashes.length) {
      const bigger = new Float64Array(this.#hashes.length * 2);
      bigger.set(this.#hashes);
      this.#hashes = bigger;
    }
    this.#hashes[this.#count++] = hash;
  }

  /** The hashes logged more than once; the log is emptied. */
  repeated(): Set<number> {
    const sorted = this.#hashes.subarray(0, this.#count).sort();
    this.#hashes = new Float64Array(0);
    this.#count = 0;
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i] as number);
    return out;
  }
}

/** The later row of the same record for each row, once the repeated hashes and their exact keys are known. */
export class Repeats {
  readonly #hashes: Set<number>;
  readonly #last = new Map<string, number>();

  constructor(repeatedHashes: Set<number>) {
    this.#hashes = repeatedHashes;
  }

  /** whether another pass must note the exact keys (a hash was met twice) */
  get any(): boolean {
    return this.#hashes.size > 0;
  }

  /** The extra pass: the row is the last so far of its key. */
  note(key: string, row: number): void {
    if (this.#hashes.has(keyHash(key))) this.#last.set(key, row);
  }

  /** The later row writing the same record, if there is one. */
  laterOf(key: string, row: number): number | undefined {
    if (!this.#hashes.has(keyHash(key))) return undefined;
    const last = this.#last.get(key);
    return last !== undefined && last !== row ? last : undefined;
  }
}
