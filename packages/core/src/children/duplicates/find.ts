import { Pass, type PassSpec } from './blocking.ts';
import { Frequencies } from './frequencies.ts';
import { DUPLICATE_THRESHOLD, Scorer } from './score.ts';
import { countsFromStats, countStore, type DuplicateStats } from './stats.ts';
import { CHILD, FAMILY, GIVEN, RecordStore, type DuplicateRecord } from './store.ts';
import type { DuplicateReason } from './tally.ts';

export interface FindDuplicatesOptions<Id> {
  /** pairs already judged to be two children: never proposed again */
  excluded?: (a: Id, b: Id) => boolean;
  /** only pairs that hold at least one of these records (an import checked against the register) */
  onlyInvolving?: ReadonlySet<Id>;
  /** counts of the whole register when `records` is not all of it; counted from `records` otherwise */
  stats?: DuplicateStats;
  /** default `DUPLICATE_THRESHOLD` */
  threshold?: number;
}

export interface DuplicatePair<Id> {
  /** the smaller id */
  a: Id;
  b: Id;
  score: number;
  reasons: DuplicateReason[];
}

/**
 * The blocking passes, each catching what the others miss. Every key holds the sound key of the
 * given name or the commune, so diacritics, case, doubled letters and d/gi/r-style confusions never
 * split a child's records; a swapped day and month is caught by keying on the two numbers unordered.
 *   1. the same personal ID;
 *   2. given-name sound + family initial + birth year, by date (dates days or months apart);
 *   3. given-name sound + day and month, unordered, by year (a wrong year, a swap, another family
 *      name, any commune);
 *   4. commune + family-name sound, by date (a slip in the given name, a date a few days off);
 *   5. commune + date, day and month unordered, by given name (a slip in any name, a swapped date);
 *   6. family-name sound + date, day and month unordered, by given name (a slip in the given name
 *      of a child who moved).
 */
function passes<Id extends string | number>(store: RecordStore<Id>): PassSpec[] {
  const v = store.vocab;
  const rank = new Int32Array(v.keys.length);
  [...v.keys.keys()].sort((a, b) => ((v.keys[a] ?? '') < (v.keys[b] ?? '') ? -1 : 1)).forEach((k, r) => (rank[k] = r));
  const givenKey = (i: number) => {
    const g = store.at(i, CHILD, GIVEN);
    return g < 0 ? -1 : (v.tokenKey[g] ?? -1);
  };
  const familyKey = (i: number) => {
    const f = store.at(i, CHILD, FAMILY);
    return f < 0 ? 0 : 1 + (v.tokenKey[f] ?? 0);
  };
  const familyInitial = (i: number) => {
    const f = store.at(i, CHILD, FAMILY);
    return f < 0 ? 0 : (v.keys[v.tokenKey[f] ?? 0] ?? '').charCodeAt(0) & 127;
  };
  const ymd = (i: number) => store.ymd[i] ?? 0;
  // year, then day and month unordered: 2015-03-07 and 2015-07-03 get one key
  const unordered = (i: number) => {
    const [m, d] = [Math.floor(ymd(i) / 100) % 100, ymd(i) % 100];
    return Math.min(m, d) * 32 + Math.max(m, d);
  };
  const year = (i: number) => Math.floor(ymd(i) / 10000);
  const day = (i: number) => store.dayNo[i] ?? 0;
  // by date, and among records of one date by a second field, so that a common name's many
  // records of one day do not push a child's two records out of each other's window
  const dayThen = (i: number, second: number) => day(i) * 2 ** 20 + (second % 2 ** 20);
  const givenRank = (i: number) => (rank[givenKey(i)] ?? 0) * 2 + (store.female[i] ?? 0);
  const dated = (i: number, key: number) => (ymd(i) === 0 ? -1 : key);
  const named = (i: number, key: number) => (givenKey(i) < 0 ? -1 : key);
  return [
    { name: 'personal ID', key: (i) => store.pid[i] ?? -1, sortBy: () => 0 },
    {
      name: 'name, year',
      key: (i) => named(i, (givenKey(i) * 128 + familyInitial(i)) * 4096 + year(i)),
      sortBy: (i) => dayThen(i, (store.female[i] ?? 0) * 2 ** 16 + (store.commune[i] ?? 0)),
      spread: 365,
    },
    {
      name: 'name, day and month',
      key: (i) => dated(i, named(i, givenKey(i) * 1024 + unordered(i))),
      sortBy: (i) => dayThen(i, familyKey(i) * 2 + (store.female[i] ?? 0)),
      // about two dates a year over sixteen years, each split by family name and sex
      spread: 200,
    },
    {
      name: 'commune, family',
      key: (i) => dated(i, (store.commune[i] ?? 0) * (v.keys.length + 1) + familyKey(i)),
      sortBy: (i) => dayThen(i, givenRank(i)),
    },
    {
      name: 'commune, date',
      key: (i) => dated(i, ((store.commune[i] ?? 0) * 4096 + year(i)) * 1024 + unordered(i)),
      sortBy: givenRank,
    },
    { name: 'family, date', key: (i) => dated(i, (familyKey(i) * 4096 + year(i)) * 1024 + unordered(i)), sortBy: givenRank },
  ];
}

/**
 * Pairs of records that are probably one child, most certain first. Each candidate pair of the
 * blocking passes is scored once; nothing is compared with everything, so a register of a million
 * children takes seconds to a minute in one thread.
 */
export function findDuplicatePairs<Id extends string | number>(
  records: readonly DuplicateRecord<Id>[],
  options: FindDuplicatesOptions<Id> = {},
): DuplicatePair<Id>[] {
  const store = new RecordStore<Id>(records);
  const counts = options.stats ? countsFromStats(store, options.stats) : countStore(store);
  const scorer = new Scorer(new Frequencies(store, counts));
  const threshold = options.threshold ?? DUPLICATE_THRESHOLD;
  const only = options.onlyInvolving;
  const flags = only ? Uint8Array.from(store.ids, (id) => (only.has(id) ? 1 : 0)) : null;
  const found: number[] = [];
  const walked: Pass[] = [];
  for (const spec of passes(store)) {
    const pass = new Pass(store.size, spec);
    const visit = (i: number, j: number) => {
      for (const earlier of walked) if (earlier.compares(i, j)) return;
      if (scorer.score(i, j) >= threshold) found.push(i, j);
    };
    if (flags === null) pass.forEachPair(visit);
    else
      for (let i = 0; i < store.size; i++)
        if (flags[i] === 1)
          // a pair of two new records is visited from its smaller index only
          pass.forEachPairOf(i, (x, y) => {
            if (flags[y] !== 1 || x < y) visit(x, y);
          });
    pass.done();
    walked.push(pass);
  }
  const pairs: DuplicatePair<Id>[] = [];
  for (let k = 0; k < found.length; k += 2) {
    const [i, j] = [found[k] ?? 0, found[k + 1] ?? 0];
    const x: Id | undefined = store.ids[i];
    const y: Id | undefined = store.ids[j];
    if (x === undefined || y === undefined) continue;
    const [a, b]: [Id, Id] = x < y ? [x, y] : [y, x];
    if (options.excluded?.(a, b) === true) continue;
    const reasons: DuplicateReason[] = [];
    pairs.push({ a, b, score: scorer.score(i, j, reasons), reasons });
  }
  return pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
