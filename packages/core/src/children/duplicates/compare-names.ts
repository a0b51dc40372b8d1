import type { Frequencies } from './frequencies.ts';
import { compareMiddles, compareTokens, familyVariants, type MiddleLevel, type TokenLevel } from './name-keys.ts';
import { FAMILY, GIVEN, MARKED, MIDDLE } from './store.ts';
import type { Tally } from './tally.ts';
import { SAME, SIBLING, UNRELATED } from './weights.ts';

export type GivenLevel = 'equal' | 'accent' | 'sound' | 'slip' | 'different' | 'missing';

const PARENT_REASONS = {
  1: ['mother-same', 'mother-similar', 'mother-differs'],
  2: ['father-same', 'father-similar', 'father-differs'],
  3: ['carer-same', 'carer-similar', 'carer-differs'],
} as const;

/** A "near" spelling is a slip when it is this rare beside an established one (seen this often). */
const RARE_RATIO = 0.05;
const ESTABLISHED = 20;

/** Name evidence for a pair: the child's name part by part, and each parent's name. */
export class NameComparer {
  private readonly cache = new Map<number, TokenLevel>();
  private readonly middleCache = new Map<number, MiddleLevel>();

  private readonly f: Frequencies;

  constructor(f: Frequencies) {
    this.f = f;
  }

  /** `compareTokens` of two token ids, remembered: the same pairs of names come back again and again. */
  tokens(a: number, b: number): TokenLevel {
    const v = this.f.store.vocab;
    if (a === b) return 'equal';
    if (v.tokenKey[a] === v.tokenKey[b]) return 'sound';
    const key = a < b ? a * 4_194_304 + b : b * 4_194_304 + a;
    let level = this.cache.get(key);
    if (level === undefined) {
      if (this.cache.size > 200_000) this.cache.clear();
      const [ta, tb] = [v.tokens[a] ?? '', v.tokens[b] ?? ''];
      level = compareTokens(ta, tb, v.keys[v.tokenKey[a] ?? 0], v.keys[v.tokenKey[b] ?? 0]);
      this.cache.set(key, level);
    }
    return level;
  }

  /** `compareMiddles` of two middle-name ids, remembered. */
  middles(a: number, b: number): MiddleLevel {
    if (a === b) return 'equal';
    const key = a * 4_194_304 + b;
    let level = this.middleCache.get(key);
    if (level === undefined) {
      if (this.middleCache.size > 200_000) this.middleCache.clear();
      const v = this.f.store.vocab;
      level = compareMiddles(v.middles[a] ?? [], v.middles[b] ?? []);
      this.middleCache.set(key, level);
    }
    return level;
  }

  /** `tokens`, where a "near" pair counts as a slip when one spelling is rare beside an established one. */
  private counted(a: number, b: number, family: boolean): 'equal' | 'sound' | 'slip' | 'different' {
    const level = this.tokens(a, b);
    if (level !== 'near') return level;
    const f = this.f;
    const ca = family ? f.familyCount(a) : f.givenCount(a);
    const cb = family ? f.familyCount(b) : f.givenCount(b);
    const most = Math.max(ca, cb);
    return most >= ESTABLISHED && Math.min(ca, cb) <= RARE_RATIO * most ? 'slip' : 'different';
  }

  /** Adds the child's name evidence; returns how the given names compare. */
  child(i: number, j: number, t: Tally): GivenLevel {
    const f = this.f;
    const s = f.store;
    const ga = s.at(i, 0, GIVEN);
    const gb = s.at(j, 0, GIVEN);
    const fa = s.at(i, 0, FAMILY);
    const fb = s.at(j, 0, FAMILY);
    const ma = s.at(i, 0, MIDDLE);
    const mb = s.at(j, 0, MIDDLE);
    let given: GivenLevel = 'missing';
    if (ga >= 0 && gb >= 0) {
      const ka = s.at(i, 0, MARKED);
      const kb = s.at(j, 0, MARKED);
      if (ga === gb) given = ka >= 0 && kb >= 0 && ka !== kb ? 'accent' : 'equal';
      else given = this.counted(ga, gb, false);
    }
    const middle = this.middles(ma, mb);
    if (given === 'equal' && middle === 'equal' && fa === fb) {
      // the whole name's own share: names are not independent of their parts (Nguyễn Văn An is common as a whole)
      const hasFamily = fa >= 0 ? 1 : 0;
      const same = SAME.given.equal * SAME.middle.equal * SAME.family.equal ** hasFamily;
      const sibling = SIBLING.given.equal * SIBLING.middleGivenShared.equal * SIBLING.family.equal ** hasFamily;
      t.add(same, f.fullName(i), sibling, 'name-same');
      return given;
    }
    const fg = ga >= 0 ? f.given(ga) : 1;
    const fgb = gb >= 0 ? f.given(gb) : 1;
    if (given === 'equal') t.add(SAME.given.equal, fg, SIBLING.given.equal, 'given-name-same');
    else if (given === 'accent')
      t.add(SAME.given.accent, UNRELATED.accentShare * fg, SIBLING.given.accent, 'given-name-accents-differ');
    else if (given === 'sound') {
      const alike = Math.max(f.givenSoundAlike(ga), f.givenSoundAlike(gb));
      t.add(SAME.given.sound, alike, SIBLING.given.sound, 'given-name-sounds-alike');
    } else if (given === 'slip')
      t.add(SAME.given.slip, UNRELATED.slipShare * Math.max(fg, fgb), SIBLING.given.slip, 'given-name-slip');
    else if (given === 'different')
      t.add(SAME.given.different, 1 - Math.sqrt(fg * fgb), SIBLING.given.different, 'given-name-differs');

    if (fa >= 0 && fb >= 0) {
      const ffa = f.family(fa);
      const ffb = f.family(fb);
      const c = this.counted(fa, fb, true);
      if (c === 'equal') t.add(SAME.family.equal, ffa, SIBLING.family.equal, 'family-name-same');
      else if (c === 'sound') t.add(SAME.family.sound, UNRELATED.familySound, SIBLING.family.sound, 'family-name-sounds-alike');
      else if (c === 'slip')
        t.add(SAME.family.slip, UNRELATED.slipShare * Math.max(ffa, ffb), SIBLING.family.slip, 'family-name-slip');
      else if (familyVariants(s.vocab.tokens[fa] ?? '', s.vocab.tokens[fb] ?? ''))
        t.add(SAME.family.variant, Math.sqrt(ffa * ffb), SIBLING.family.variant, 'family-name-variant');
      else t.add(SAME.family.different, 1 - Math.sqrt(ffa * ffb), SIBLING.family.different, 'family-name-differs');
    }

    const fma = f.middle(ma);
    const fmb = f.middle(mb);
    const shared = given === 'equal';
    const aShorter = s.vocab.middleLength(ma) <= s.vocab.middleLength(mb);
    const shorter = aShorter ? fma : fmb;
    const longer = aShorter ? fmb : fma;
    if (middle === 'equal')
      t.add(SAME.middle.equal, fma, shared ? SIBLING.middleGivenShared.equal : SIBLING.middle.equal, 'middle-name-same');
    else if (middle === 'missing')
      // the copy lost a word: as likely as a record without middle name meeting this one
      t.add(SAME.middle.missing, shorter, SIBLING.middle.missing, 'middle-name-missing');
    else if (middle === 'subset') t.add(SAME.middle.leftOut, shorter, SIBLING.middle.leftOut, 'middle-name-left-out');
    else if (middle === 'abbreviated')
      // given the abbreviation, how many others would fit it as the full middle name does
      t.add(SAME.middle.fits, Math.min(1, UNRELATED.fitsSlack * longer), SIBLING.middle.fits, 'middle-name-abbreviated');
    else if (middle === 'sound')
      t.add(SAME.middle.sound, UNRELATED.slipShare * Math.max(fma, fmb), SIBLING.middle.sound, 'middle-name-sounds-alike');
    else {
      const sibling = shared ? SIBLING.middleGivenShared.different : SIBLING.middle.different;
      t.add(SAME.middle.different, Math.max(0.05, 1 - Math.sqrt(fma * fmb)), sibling, 'middle-name-differs');
    }
    return given;
  }

  /** Adds the evidence of one parent's (or the carer's) name when both records give it. */
  parent(i: number, j: number, role: 1 | 2 | 3, t: Tally): void {
    const s = this.f.store;
    const ga = s.at(i, role, GIVEN);
    const gb = s.at(j, role, GIVEN);
    if (ga < 0 || gb < 0) return;
    const fa = s.at(i, role, FAMILY);
    const fb = s.at(j, role, FAMILY);
    const ma = s.at(i, role, MIDDLE);
    const mb = s.at(j, role, MIDDLE);
    const [same, similar, differs] = PARENT_REASONS[role];
    if (fa === fb && ma === mb && ga === gb) {
      t.add(SAME.parent.equal, this.f.parentName(i, role), SIBLING.parent.equal, same);
      return;
    }
    const given = this.tokens(ga, gb);
    const family =
      fa < 0 || fb < 0 || fa === fb || familyVariants(s.vocab.tokens[fa] ?? '', s.vocab.tokens[fb] ?? '')
        ? 'equal'
        : this.tokens(fa, fb);
    const middle = this.middles(ma, mb);
    const close = (l: TokenLevel) => l === 'equal' || l === 'sound' || l === 'slip';
    if (close(given) && close(family) && middle !== 'different')
      t.add(
        SAME.parent.similar,
        Math.min(1, UNRELATED.parentSimilarFactor * this.f.parentName(i, role)),
        SIBLING.parent.similar,
        similar,
      );
    else t.add(SAME.parent.different, 1, SIBLING.parent.different, differs);
  }
}
