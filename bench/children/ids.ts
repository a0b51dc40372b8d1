/**
 * Personal IDs (`PPP G YY RRRRRR`, DESIGN.md §6) that are unique across the file without keeping a
 * set of them: each bucket `PPP G YY` hands out its random parts as an affine permutation of a
 * counter, `(A·n + offset) mod 10⁶`, so no two children of a bucket share one. A typo'd copy (a
 * duplicate whose ID was mistyped) gets a random part the bucket has not handed out and never will.
 */
import { hash32 } from './prng.ts';

const SPACE = 1_000_000;
const A = 387_419; // odd and not a multiple of 5: a unit modulo 10⁶

function inverse(a: number, m: number): number {
  let [r0, r1] = [a, m];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}
const A_INVERSE = inverse(A, SPACE);

/** The century-and-sex digit: 1900s 0/1, 2000s 2/3, 2100s 4/5 (male/female). */
export function centurySexDigit(year: number, sex: 'male' | 'female'): number {
  return 2 * (Math.floor(year / 100) - 19) + (sex === 'female' ? 1 : 0);
}

export class IdIssuer {
  private readonly counters = new Map<string, number>();
  private readonly reserved = new Set<string>();

  constructor(private readonly seed: number) {}

  private offset(bucket: string): number {
    return hash32(bucket, this.seed) % SPACE;
  }

  /** A new ID for a birth registered in the (pre-2025, 2-digit) province. */
  issue(oldProvince: string, year: number, sex: 'male' | 'female'): string {
    const bucket = `0${oldProvince}${String(centurySexDigit(year, sex))}${String(year % 100).padStart(2, '0')}`;
    const offset = this.offset(bucket);
    for (;;) {
      const n = this.counters.get(bucket) ?? 0;
      if (n >= SPACE) throw new Error(`more than a million IDs in ${bucket}`);
      this.counters.set(bucket, n + 1);
      const id = bucket + String((A * n + offset) % SPACE).padStart(6, '0');
      if (!this.reserved.has(id)) return id;
    }
  }

  /** The ID with one digit of its random part mistyped, unused by anyone else; null if none found. */
  typo(id: string, u: () => number): string | null {
    const bucket = id.slice(0, 6);
    const offset = this.offset(bucket);
    const handedOut = this.counters.get(bucket) ?? 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const at = 6 + Math.floor(u() * 6);
      const digit = (Number(id[at]) + 1 + Math.floor(u() * 9)) % 10;
      const typo = id.slice(0, at) + String(digit) + id.slice(at + 1);
      const r = Number(typo.slice(6));
      const n = (((r - offset) % SPACE) + SPACE) % SPACE;
      const counter = Number((BigInt(n) * BigInt(A_INVERSE)) % BigInt(SPACE));
      if (counter < handedOut || this.reserved.has(typo)) continue;
      this.reserved.add(typo);
      return typo;
    }
    return null;
  }
}
