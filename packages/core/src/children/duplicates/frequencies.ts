import type { Counts } from './stats.ts';
import { CHILD, FAMILY, GIVEN, MIDDLE, type RecordStore } from './store.ts';

/**
 * Shares of the register, smoothed toward a prior: a share is (count + α·prior) / (total + α), as if
 * α typical records had been seen before the register's own. A large register's counts decide; a
 * small one (a commune's first import) is not taken to hold only rare names. "Another record has
 * this value" is what matters, so the record's own occurrence is taken out.
 */
const ALPHA = 200;

/** Published shares of the commonest Vietnamese family names; Hoàng/Huỳnh and Vũ/Võ split evenly. */
const FAMILY_PRIOR = new Map([
  ['nguyen', 0.384],
  ['tran', 0.121],
  ['le', 0.095],
  ['pham', 0.07],
  ['hoang', 0.0255],
  ['huynh', 0.0255],
  ['phan', 0.045],
  ['vu', 0.0195],
  ['vo', 0.0195],
  ['dang', 0.021],
  ['bui', 0.02],
  ['do', 0.014],
  ['ho', 0.013],
  ['ngo', 0.013],
  ['duong', 0.01],
  ['ly', 0.005],
]);
const OTHER_FAMILY = 0.002;
/** A few hundred given names are in common use. */
const GIVEN_PRIOR = 0.003;
/** Rough shares of middle names, for the child, mother, father, carer: Văn for boys and men, Thị for girls and nearly every mother. */
const MIDDLE_PRIOR: ReadonlyMap<string, number>[] = [
  new Map([
    ['', 0.05],
    ['van', 0.25],
    ['thi', 0.3],
  ]),
  new Map([
    ['', 0.03],
    ['thi', 0.8],
  ]),
  new Map([
    ['', 0.03],
    ['van', 0.5],
  ]),
  new Map([
    ['', 0.03],
    ['thi', 0.5],
    ['van', 0.2],
  ]),
];
const OTHER_MIDDLE = 0.005;
/** Provinces have about a hundred communes since 2025. */
const COMMUNE_PRIOR = 0.01;
/** Children are under 16. */
const YEAR_PRIOR = 1 / 16;

/** Shares computed once per word, lazily: NaN until asked. */
const table = (n: number) => new Float64Array(n).fill(NaN);
function remember(table: Float64Array | undefined, id: number, share: number): number {
  if (table !== undefined && id >= 0 && id < table.length) table[id] = share;
  return share;
}

export class Frequencies {
  private readonly familyShares: Float64Array[];
  private readonly middleShares: Float64Array[];
  private readonly givenShares: Float64Array[];
  private readonly yearShares = table(10_000);

  readonly store: RecordStore<string | number>;
  readonly counts: Counts;

  constructor(store: RecordStore<string | number>, counts: Counts) {
    this.store = store;
    this.counts = counts;
    const v = store.vocab;
    this.familyShares = counts.names.map(() => table(v.tokens.length));
    this.middleShares = counts.names.map(() => table(v.middles.length));
    this.givenShares = counts.names.map(() => table(v.tokens.length));
  }

  private share(count: number, prior: number, total: number): number {
    return (Math.max(count - 1, 0) + ALPHA * prior) / (Math.max(total - 1, 0) + ALPHA);
  }

  /** Share of other names (of the child, or of a parent: `role` 1–3) with this family name. */
  family(token: number, role = CHILD): number {
    const known = this.familyShares[role]?.[token] ?? NaN;
    if (!Number.isNaN(known)) return known;
    const c = this.counts.names[role];
    const prior = FAMILY_PRIOR.get(this.store.vocab.tokens[token] ?? '') ?? OTHER_FAMILY;
    return remember(this.familyShares[role], token, this.share(c?.family[token] ?? 0, prior, c?.total ?? 0));
  }

  given(token: number, role = CHILD): number {
    const known = this.givenShares[role]?.[token] ?? NaN;
    if (!Number.isNaN(known)) return known;
    const c = this.counts.names[role];
    return remember(this.givenShares[role], token, this.share(c?.given[token] ?? 0, GIVEN_PRIOR, c?.total ?? 0));
  }

  middle(middle: number, role = CHILD): number {
    const known = this.middleShares[role]?.[middle] ?? NaN;
    if (!Number.isNaN(known)) return known;
    const c = this.counts.names[role];
    const prior = MIDDLE_PRIOR[role]?.get((this.store.vocab.middles[middle] ?? []).join(' ')) ?? OTHER_MIDDLE;
    return remember(this.middleShares[role], middle, this.share(c?.middle[middle] ?? 0, prior, c?.total ?? 0));
  }

  /** Raw counts of a child's given or family name, for telling a rare slip from an established name. */
  givenCount(token: number): number {
    return this.counts.names[CHILD].given[token] ?? 0;
  }

  familyCount(token: number): number {
    return this.counts.names[CHILD].family[token] ?? 0;
  }

  /** Share of other records whose given name sounds like this one but is spelt otherwise. */
  givenSoundAlike(token: number): number {
    const key = this.store.vocab.tokenKey[token] ?? -1;
    const others = (this.counts.givenKey[key] ?? 0) - this.givenCount(token);
    return this.share(others + 1, GIVEN_PRIOR / 10, this.total);
  }

  /** Share of other records with record i's whole name; the prior is the product of its parts. */
  fullName(i: number): number {
    const s = this.store;
    const family = s.at(i, CHILD, FAMILY);
    const parts =
      (family >= 0 ? this.family(family) : 1) * this.middle(s.at(i, CHILD, MIDDLE)) * this.given(s.at(i, CHILD, GIVEN));
    return this.share(this.counts.fullName(i), parts, this.total);
  }

  /** Share of a parent's whole name among that role's names: the product of its words' shares. */
  parentName(i: number, role: number): number {
    const s = this.store;
    const family = s.at(i, role, FAMILY);
    return (
      (family >= 0 ? this.family(family, role) : 1) *
      this.middle(s.at(i, role, MIDDLE), role) *
      this.given(s.at(i, role, GIVEN), role)
    );
  }

  /** Share of the register's records in this commune. */
  commune(commune: number): number {
    return this.share(this.counts.commune[commune] ?? 0, COMMUNE_PRIOR, this.total);
  }

  /** Share of the register's records born in this year. */
  year(year: number): number {
    const known = this.yearShares[year] ?? NaN;
    if (!Number.isNaN(known)) return known;
    return remember(this.yearShares, year, this.share(this.counts.birthYear.get(year) ?? 0, YEAR_PRIOR, this.total));
  }

  get total(): number {
    return this.counts.total;
  }
}
