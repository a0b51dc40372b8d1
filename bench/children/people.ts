/**
 * Families and their children: names by real frequency, parents consistent with the child (the
 * father's family name; the mother's among Ê Đê and Gia Rai, who are matrilineal), siblings a few
 * years apart, twins born the same day with different given names, one address and phone per
 * household, an ID for most, special-circumstance groups for a few, schooling that fits the age.
 */
import type { CommunePlace, ProvinceUnits } from './admin.ts';
import { villageWord, KINH_VILLAGE_FIRST, KINH_VILLAGE_SECOND, STREETS } from './areas.ts';
import { dayOf, ymdOf } from './dates.ts';
import type { IdIssuer } from './ids.ts';
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE, regionalFamily, southShare } from './names-kinh.ts';
import { POOLS, type Ethnicity, type NamePool } from './names-minority.ts';
import { type Rng, Weighted } from './prng.ts';

export type Sex = 'male' | 'female';

export interface Name {
  family: string;
  middles: string[];
  given: string;
  surnameLast: boolean;
}

export interface Child {
  name: Name;
  birth: number;
  sex: Sex;
  ethnicity: Ethnicity;
  /** the ethnicity as the file gives it (blank now and then; Mông also as H'Mông) */
  ethnicityText: string | null;
  /** the pre-2025 province where the birth was registered */
  idProvince: string;
  personalId: string | null;
  commune: CommunePlace;
  /** the code as the file gives it: the current code, or now and then a pre-2025 one that maps to it */
  communeCode: string;
  address: string;
  mother: string | null;
  father: string | null;
  carer: string | null;
  phone: string | null;
  groups: string[];
  identifiedOn: number | null;
  disability: boolean | null;
  schooling: string | null;
  /** set on both twins of a pair */
  twinKey?: number;
}

export const fullName = (n: Name): string =>
  (n.surnameLast ? [...n.middles, n.given, n.family] : [n.family, ...n.middles, n.given]).join(' ');

/** a child's own groups; those that mean no parents (a, b, c, o) are a household's, see `family` */
const GROUP_LETTERS = Weighted.of<string>([['d', 40], ['n', 18], ['h', 9], ['i', 6], ['đ', 4], ['e', 3], ['k', 2], ['l', 2], ['g', 1], ['m', 0.5]]); // prettier-ignore
const NO_PARENTS = Weighted.of<string>([
  ['a', 45],
  ['c', 30],
  ['b', 20],
  ['o', 5],
]);
const MOBILE = '32 33 34 35 36 37 38 39 56 58 59 70 76 77 78 79 81 82 83 84 85 86 88 89 90 91 93 94 96 97 98'.split(' ');
const KIDS = Weighted.of([
  [1, 38],
  [2, 45],
  [3, 13],
  [4, 4],
] as const);

export class Population {
  private readonly kinhFamilies: Weighted<string>;
  private readonly middles: Record<Sex, Weighted<string>>;
  private readonly given: Record<Sex, Weighted<string>>;
  private readonly adultGiven: Record<Sex, Weighted<string>>;
  private readonly pools = new Map<
    Ethnicity,
    { families: Weighted<string>; middles: Record<Sex, Weighted<string>>; given: Record<Sex, Weighted<string> | null> }
  >();
  private readonly oldProvinces: Weighted<string>;
  /** births fall between these days, both included: under 16 on the import date with a day to spare, not in the future */
  readonly firstBirth: number;
  readonly lastBirth: number;
  private twins = 0;

  constructor(
    readonly rng: Rng,
    readonly units: ProvinceUnits,
    readonly importDay: number,
    readonly ids: IdIssuer,
  ) {
    this.kinhFamilies = Weighted.of(FAMILY_NAMES);
    this.middles = { male: Weighted.of(MIDDLE_MALE), female: Weighted.of(MIDDLE_FEMALE) };
    this.given = { male: Weighted.zipf(GIVEN_MALE, 1, 3), female: Weighted.zipf(GIVEN_FEMALE, 1, 3) };
    this.adultGiven = { male: Weighted.zipf(GIVEN_MALE, 0.6, 3), female: Weighted.zipf(GIVEN_FEMALE, 0.6, 3) };
    for (const [e, p] of Object.entries(POOLS) as [Ethnicity, NamePool][]) {
      const middles = { male: Weighted.of(p.middleMale), female: Weighted.of(p.middleFemale) };
      const own = (names: readonly string[]) => (names.length > 0 ? Weighted.zipf(names, 0.8, 2) : null);
      this.pools.set(e, {
        families: Weighted.of(p.families),
        middles,
        given: { male: own(p.givenMale), female: own(p.givenFemale) },
      });
    }
    this.oldProvinces = Weighted.of(units.oldProvinces.map((c, i) => [c, i === 0 ? 3 : 2] as const));
    const { y, m, d } = ymdOf(importDay);
    this.firstBirth = dayOf(y - 16, m, d) + 2;
    this.lastBirth = importDay - 1;
  }

  familyName(ethnicity: Ethnicity): string {
    if (ethnicity === 'Kinh') {
      const u = this.rng.next();
      return regionalFamily(this.kinhFamilies.draw(this.rng), this.units.code, southShare, u);
    }
    return this.pool(ethnicity).families.draw(this.rng);
  }

  private pool(e: Ethnicity) {
    const p = this.pools.get(e);
    if (!p) throw new Error(`no name pool for ${e}`);
    return p;
  }

  /** A given name not among `taken` (siblings differ). */
  private givenName(sex: Sex, ethnicity: Ethnicity, adult: boolean, taken: ReadonlySet<string>): string {
    const own = ethnicity === 'Kinh' ? null : POOLS[ethnicity];
    const ownNames = ethnicity === 'Kinh' ? null : this.pool(ethnicity).given[sex];
    for (;;) {
      let g =
        own && ownNames && !this.rng.chance(own.kinhGiven)
          ? ownNames.draw(this.rng)
          : (adult ? this.adultGiven : this.given)[sex].draw(this.rng);
      if (sex === 'female' && own?.femalePrefix) g = own.femalePrefix + g;
      if (!taken.has(g)) return g;
    }
  }

  name(sex: Sex, ethnicity: Ethnicity, family: string, adult: boolean, taken: ReadonlySet<string> = new Set()): Name {
    const given = this.givenName(sex, ethnicity, adult, taken);
    const surnameLast = ethnicity !== 'Kinh' && POOLS[ethnicity].surnameLast === true;
    if (ethnicity !== 'Kinh') {
      const m = this.pool(ethnicity).middles[sex].draw(this.rng);
      return { family, middles: m === '' ? [] : [m], given, surnameLast };
    }
    const plain = sex === 'male' ? 'Văn' : 'Thị';
    const r = this.rng.next();
    if (r < 0.02) return { family, middles: [], given, surnameLast };
    if (adult) return { family, middles: [r < 0.65 ? plain : this.middles[sex].draw(this.rng)], given, surnameLast };
    if (r < 0.11) {
      const first = sex === 'female' && this.rng.chance(0.4) ? plain : this.fancyMiddle(sex, given);
      let second = this.fancyMiddle(sex, given);
      while (second === first) second = this.fancyMiddle(sex, given);
      return { family, middles: [first, second], given, surnameLast };
    }
    return { family, middles: [this.middles[sex].draw(this.rng)], given, surnameLast };
  }

  private fancyMiddle(sex: Sex, given: string): string {
    for (;;) {
      const m = this.middles[sex].draw(this.rng);
      if (m !== 'Văn' && m !== 'Thị' && m !== given) return m;
    }
  }

  phone(): string {
    if (this.rng.chance(0.04)) {
      // a landline: the province's area code (Hà Nội 24, Hồ Chí Minh City 28, Nghệ An 238, elsewhere 2xx) and the subscriber
      const area = { '01': '24', '79': '28', '40': '238' }[this.units.code] ?? `2${String(this.rng.int(10, 99))}`;
      return `0${area}${this.rng.digits(10 - area.length)}`;
    }
    return `0${this.rng.pick(MOBILE)}${this.rng.digits(7)}`;
  }

  address(commune: CommunePlace, ethnicity: Ethnicity): string {
    const rng = this.rng;
    // an upland commune's villages are bản whoever lives there
    const local = commune.mix.items[0];
    const pool =
      ethnicity !== 'Kinh' ? POOLS[ethnicity] : commune.minority > 0.5 && local && local !== 'Kinh' ? POOLS[local] : null;
    if (pool && !commune.urban && rng.chance(0.9)) {
      return `${pool.village} ${rng.pick(pool.villageFirst)} ${rng.pick(pool.villageSecond)}`;
    }
    const word = rng.pick(villageWord(this.units.code, commune.urban));
    const place = rng.chance(0.55) ? String(rng.int(1, 24)) : `${rng.pick(KINH_VILLAGE_FIRST)} ${rng.pick(KINH_VILLAGE_SECOND)}`;
    if (commune.urban && rng.chance(0.5)) {
      const lane = rng.chance(0.3) ? `ngõ ${String(rng.int(1, 60))} ` : '';
      return `Số ${String(rng.int(1, 300))}, ${lane}đường ${rng.pick(STREETS)}, ${word.toLowerCase()} ${place}`;
    }
    return rng.chance(0.2) ? `Số nhà ${String(rng.int(1, 150))}, ${word} ${place}` : `${word} ${place}`;
  }

  /** A commune of the province (by weight) and the code the file gives it. */
  place(): { commune: CommunePlace; code: string } {
    const commune = this.units.weighted.draw(this.rng);
    const old = commune.uniqueOldCode !== null && this.rng.chance(0.02);
    return { commune, code: old && commune.uniqueOldCode !== null ? commune.uniqueOldCode : commune.code };
  }

  schooling(birth: number, upland: boolean): string | null {
    const rng = this.rng;
    if (rng.chance(0.2)) return null;
    const grade = ymdOf(this.importDay).y - ymdOf(birth).y - 5; // school year starting in September of the import year
    if (grade <= -4) return 'Chưa đi học';
    if (grade <= -1) return grade === -3 && rng.chance(0.6) ? 'Chưa đi học' : rng.chance(0.9) ? 'Mầm non' : 'Chưa đi học';
    if (grade === 0) return 'Mầm non';
    if (grade >= 6 && rng.chance(upland ? 0.06 : 0.015)) return 'Bỏ học';
    return grade <= 5 ? 'Tiểu học' : grade <= 9 ? 'THCS' : 'THPT';
  }

  /** Circumstance groups that agree with the child's age, parents and schooling. */
  private circumstances(c: Child, own: boolean): void {
    const rng = this.rng;
    const letters = new Set<string>();
    if (own) letters.add(GROUP_LETTERS.draw(rng));
    if (own && rng.chance(0.12)) letters.add(GROUP_LETTERS.draw(rng));
    const grade = ymdOf(this.importDay).y - ymdOf(c.birth).y - 5;
    if (letters.has('h') && grade < 6) {
      letters.delete('h');
      letters.add('n');
    }
    for (const g of c.groups) letters.add(g);
    c.groups = [...letters].sort((a, b) => a.localeCompare(b, 'vi'));
    if (letters.has('d')) c.disability = true;
    if (letters.has('h')) c.schooling = 'Bỏ học';
    if (rng.chance(0.92)) c.identifiedOn = c.birth + Math.floor(rng.next() * (this.importDay - c.birth));
  }

  /** The children of one household, oldest first. */
  family(size = KIDS.draw(this.rng)): Child[] {
    const rng = this.rng;
    const { commune, code } = this.place();
    const ethnicity: Ethnicity = rng.chance(commune.minority) ? commune.mix.draw(rng) : 'Kinh';
    const matrilineal = ethnicity === 'Ê Đê' || ethnicity === 'Gia Rai';
    const fatherName = this.name('male', ethnicity, this.familyName(ethnicity), true);
    let motherName = this.name('female', ethnicity, this.familyName(ethnicity), true);
    while (motherName.family === fatherName.family) motherName = this.name('female', ethnicity, this.familyName(ethnicity), true);
    // orphaned, abandoned, without anyone to rely on, or migrant with parents unknown: the household's children alike
    const noParents = rng.chance(0.008) ? NO_PARENTS.draw(rng) : null;
    const hasFather = noParents === null && rng.chance(0.94);
    const hasMother = noParents === null && rng.chance(0.98);
    const childFamily = matrilineal || !hasFather ? motherName.family : fatherName.family;
    const address = this.address(commune, ethnicity);
    const phone = rng.chance(0.62) ? this.phone() : null;
    const idProvince = rng.chance(0.04) ? rng.pick(this.units.allOldProvinces) : this.oldProvinces.draw(rng);
    const carer =
      noParents !== null || rng.chance(0.05)
        ? fullName(this.name(rng.chance(0.7) ? 'female' : 'male', ethnicity, childFamily, true))
        : null;
    const ethnicityText = rng.chance(0.08) ? null : ethnicity === 'Mông' && rng.chance(0.3) ? "H'Mông" : ethnicity;
    const withId = rng.chance(ethnicity === 'Kinh' ? 0.87 : 0.75);
    // siblings 1½–7 years apart; the household's span slides uniformly across the range, and a child
    // born before it (16 or older now) or after it is not in the register, so every birth day is equally likely
    const offsets = [0];
    for (let i = 1; i < size; i++) offsets.push((offsets[i - 1] ?? 0) + rng.int(500, 2600));
    const spread = offsets[offsets.length - 1] ?? 0;
    const start = this.firstBirth - spread + Math.floor(rng.next() * (this.lastBirth - this.firstBirth + 1 + spread));
    const births = offsets.map((o) => start + o);
    const twinAt = rng.chance(0.006 * size) ? rng.int(0, size - 1) : -1;
    const taken = new Set<string>();
    const children: Child[] = [];
    births.forEach((b, i) => {
      const birth = b;
      if (birth < this.firstBirth || birth > this.lastBirth) return;
      const copies = i === twinAt ? 2 : 1;
      const twinKey = copies === 2 ? ++this.twins : undefined;
      for (let k = 0; k < copies; k++) {
        const sex: Sex = rng.chance(0.512) ? 'male' : 'female';
        const name = this.name(sex, ethnicity, childFamily, false, taken);
        taken.add(name.given);
        const c: Child = {
          name,
          birth,
          sex,
          ethnicity,
          ethnicityText,
          idProvince,
          personalId: withId && rng.chance(0.97) ? this.ids.issue(idProvince, ymdOf(birth).y, sex) : null,
          commune,
          communeCode: code,
          address,
          mother: hasMother ? fullName(motherName) : null,
          father: hasFather ? fullName(fatherName) : null,
          carer,
          phone,
          groups: [],
          identifiedOn: null,
          disability: rng.chance(0.55) ? false : null,
          schooling: this.schooling(birth, commune.minority > 0.5),
        };
        if (twinKey !== undefined) c.twinKey = twinKey;
        if (noParents !== null) c.groups = [noParents];
        const own = rng.chance(0.065);
        if (own || noParents !== null) this.circumstances(c, own);
        children.push(c);
      }
    });
    return children;
  }
}
