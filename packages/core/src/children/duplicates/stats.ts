import { CHILD, FAMILY, GIVEN, MIDDLE, type PARENT_ROLES, RecordStore, type DuplicateRecord } from './store.ts';

/**
 * How often each name, commune and birth year occurs in the register: two `Nguyễn Văn An` born the
 * same year are weak evidence of one child, two `Lò Thị Xoan` strong. Words are folded
 * (`nameTokens`); a register holds a few thousand distinct words, so the maps are small except
 * `fullName`. Parents' names are counted apart: their generation's names are not the children's
 * (nearly every mother's middle name is Thị).
 */
export interface NameCounts {
  /** names counted */
  total: number;
  /** family names (first word) */
  family: ReadonlyMap<string, number>;
  /** middle names, words joined by a space; "" for none */
  middle: ReadonlyMap<string, number>;
  /** given names (last word) */
  given: ReadonlyMap<string, number>;
}

export interface DuplicateStats extends NameCounts {
  /** given names by sound key (`phoneticKey`) */
  givenKey: ReadonlyMap<string, number>;
  /** whole names, folded words joined by a space */
  fullName: ReadonlyMap<string, number>;
  commune: ReadonlyMap<string, number>;
  birthYear: ReadonlyMap<number, number>;
  parents: Readonly<Record<(typeof PARENT_ROLES)[number], NameCounts>>;
}

/** Counts of one kind of name by the ids of a `RecordStore`. */
export interface PartCounts {
  total: number;
  family: ArrayLike<number>;
  middle: ArrayLike<number>;
  given: ArrayLike<number>;
}

/** The same counts by the ids of one `RecordStore`. */
export interface Counts {
  total: number;
  /** the children's names, then the mothers', fathers' and carers' */
  names: [PartCounts, PartCounts, PartCounts, PartCounts];
  givenKey: ArrayLike<number>;
  commune: ArrayLike<number>;
  birthYear: ReadonlyMap<number, number>;
  /** records with record i's whole folded name */
  fullName(i: number): number;
}

const bump = (a: number[], i: number) => {
  if (i >= 0) a[i] = (a[i] ?? 0) + 1;
};

/** The index of the first value of `sorted` above `k`. */
function firstAbove(sorted: Float64Array, k: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts of the store's own records. */
export function countStore(store: RecordStore<string | number>): Counts {
  const v = store.vocab;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const part = () => ({
    total: 0,
    family: zeros(v.tokens.length),
    middle: zeros(v.middles.length),
    given: zeros(v.tokens.length),
  });
  const names = [part(), part(), part(), part()] as const;
  const givenKey = zeros(v.keys.length);
  const commune = zeros(store.communeCodes.length);
  const birthYear = new Map<number, number>();
  const fullKeys = new Float64Array(store.size);
  // a whole name as one number: exact while the product stays under 2^53 (a register has far fewer words)
  const T = v.tokens.length + 1;
  const M = v.middles.length + 1;
  if (T * T * M >= 2 ** 53) throw new Error('name vocabulary too large for the full-name key');
  const fullKey = (i: number) =>
    store.at(i, CHILD, FAMILY) + 1 + T * (store.at(i, CHILD, MIDDLE) + 1 + M * (store.at(i, CHILD, GIVEN) + 1));
  for (let i = 0; i < store.size; i++) {
    names.forEach((counts, role) => {
      const g = store.at(i, role, GIVEN);
      if (g < 0) return;
      counts.total++;
      bump(counts.family, store.at(i, role, FAMILY));
      bump(counts.middle, store.at(i, role, MIDDLE));
      bump(counts.given, g);
    });
    const g = store.at(i, CHILD, GIVEN);
    if (g >= 0) bump(givenKey, v.tokenKey[g] ?? -1);
    bump(commune, store.commune[i] ?? -1);
    const y = Math.floor((store.ymd[i] ?? 0) / 10000);
    if (y > 0) birthYear.set(y, (birthYear.get(y) ?? 0) + 1);
    fullKeys[i] = fullKey(i);
  }
  // whole names counted by a sorted copy of their keys, a tenth of the memory of a map of a million names
  const sorted = fullKeys.slice().sort();
  const fullName = (i: number) => {
    const k = fullKeys[i] ?? 0;
    return firstAbove(sorted, k) - firstAbove(sorted, k - 0.5);
  };
  return { total: store.size, names: [...names], givenKey, commune, birthYear, fullName };
}

/** Counts taken from `stats` for the words of the store. */
export function countsFromStats(store: RecordStore<string | number>, stats: DuplicateStats): Counts {
  const v = store.vocab;
  const part = (c: NameCounts): PartCounts => ({
    total: c.total,
    family: v.tokens.map((t) => c.family.get(t) ?? 0),
    middle: v.middles.map((m) => c.middle.get(m.join(' ')) ?? 0),
    given: v.tokens.map((t) => c.given.get(t) ?? 0),
  });
  return {
    total: stats.total,
    names: [part(stats), part(stats.parents.mother), part(stats.parents.father), part(stats.parents.carer)],
    givenKey: v.keys.map((k) => stats.givenKey.get(k) ?? 0),
    commune: store.communeCodes.map((c) => stats.commune.get(c) ?? 0),
    birthYear: stats.birthYear,
    fullName: (i) => stats.fullName.get(store.foldedName(i)) ?? 0,
  };
}

function byWord(counts: ArrayLike<number>, words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  words.forEach((w, i) => {
    const n = counts[i] ?? 0;
    if (n > 0) m.set(w, n);
  });
  return m;
}

/** The counts of a register, for `scorePair` (`findDuplicatePairs` counts its records itself). */
export function duplicateStats(records: readonly DuplicateRecord<string | number>[]): DuplicateStats {
  const store = new RecordStore(records);
  const c = countStore(store);
  const v = store.vocab;
  const middles = v.middles.map((m) => m.join(' '));
  const words = (p: PartCounts): NameCounts => ({
    total: p.total,
    family: byWord(p.family, v.tokens),
    middle: byWord(p.middle, middles),
    given: byWord(p.given, v.tokens),
  });
  const fullName = new Map<string, number>();
  for (let i = 0; i < store.size; i++) {
    const name = store.foldedName(i);
    fullName.set(name, (fullName.get(name) ?? 0) + 1);
  }
  const [child, mother, father, carer] = c.names.map(words) as [NameCounts, NameCounts, NameCounts, NameCounts];
  return {
    ...child,
    total: c.total,
    givenKey: byWord(c.givenKey, v.keys),
    fullName,
    commune: byWord(c.commune, store.communeCodes),
    birthYear: c.birthYear,
    parents: { mother, father, carer },
  };
}
