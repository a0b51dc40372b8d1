import { NameComparer, type GivenLevel } from './compare-names.ts';
import { Frequencies } from './frequencies.ts';
import { countsFromStats, type DuplicateStats } from './stats.ts';
import { RecordStore, type DuplicateRecord } from './store.ts';
import { Tally, type DuplicateReason } from './tally.ts';
import { NEAR_DAYS, PRIOR, SAME, SIBLING, UNRELATED } from './weights.ts';

/**
 * A pair is proposed as one child when that is more likely than not: the score is the probability
 * of "one child" against both "two unrelated children" and "two children of one household"
 * (`weights.ts`), so 0.5 is where the two kinds of mistake are equally likely.
 */
export const DUPLICATE_THRESHOLD = 0.5;

export interface PairScore {
  /** the probability that the two records are one child, 0..1 */
  score: number;
  reasons: DuplicateReason[];
}

/** How many typed digits apart two IDs are: wrong digits, two swapped neighbours counting as one; 3 for more. */
export function digitsApart(a: number, b: number): number {
  let count = 0;
  let first = -1;
  let [firstA, firstB] = [0, 0];
  let swapped = false;
  // digit by digit from the right, on the numbers: no string is read
  for (let k = 0; (a > 0 || b > 0) && count < 3; k++) {
    const x = a % 10;
    const y = b % 10;
    if (x !== y) {
      count++;
      if (count === 1) [first, firstA, firstB] = [k, x, y];
      else swapped = first === k - 1 && firstA === y && firstB === x;
    }
    a = (a - x) / 10;
    b = (b - y) / 10;
  }
  return count === 2 && swapped ? 1 : count;
}

/** Scores pairs of one `RecordStore`. */
export class Scorer {
  private readonly names: NameComparer;
  // one tally, reset for each pair: scoring millions of pairs allocates nothing
  private readonly tally = new Tally();
  private readonly priorUnrelated: number;
  private readonly priorSibling: number;

  readonly f: Frequencies;

  constructor(f: Frequencies) {
    this.f = f;
    this.names = new NameComparer(f);
    // of the n(n-1)/2 pairs of the register, about duplicatesPerRecord·n are one child
    this.priorUnrelated = Math.log2((2 * PRIOR.duplicatesPerRecord) / Math.max(f.total - 1, 1));
    this.priorSibling = Math.log2(PRIOR.duplicatesPerRecord / PRIOR.siblingPairsPerRecord);
  }

  /** The probability that records i and j are one child; the reasons pushed onto `reasons` when given. */
  score(i: number, j: number, reasons: DuplicateReason[] | null = null): number {
    const t = this.tally.reset(reasons);
    const s = this.f.store;
    const pa = s.pid[i] ?? -1;
    const pb = s.pid[j] ?? -1;
    if (pa >= 0 && pb >= 0) {
      if (pa === pb) t.add(SAME.id.equal, UNRELATED.id.equal, SIBLING.id.equal, 'personal-id-same');
      else {
        const apart = digitsApart(s.pids[pa] ?? 0, s.pids[pb] ?? 0);
        if (apart === 1) t.add(SAME.id.oneDigit, UNRELATED.id.oneDigit, SIBLING.id.oneDigit, 'personal-id-one-digit');
        else if (apart === 2) t.add(SAME.id.twoDigits, UNRELATED.id.twoDigits, SIBLING.id.twoDigits, 'personal-id-two-digits');
        else t.add(SAME.id.different, 1, SIBLING.id.different, 'personal-id-differs');
      }
    }
    const given = this.names.child(i, j, t);
    this.birthDate(i, j, t);
    this.sex(i, j, given, t);
    const ca = s.commune[i] ?? -1;
    const cb = s.commune[j] ?? -2;
    // shares of the two communes, of the two years: a pair scores the same either way round
    const fc = Math.sqrt(this.f.commune(ca) * this.f.commune(cb));
    if (ca === cb) t.add(1 - SAME.communeDiffers, fc, 1 - SIBLING.communeDiffers, 'same-commune');
    else t.add(SAME.communeDiffers, 1 - fc, SIBLING.communeDiffers, 'other-commune');
    this.names.parent(i, j, 1, t);
    this.names.parent(i, j, 2, t);
    this.names.parent(i, j, 3, t);

    const unrelated = this.priorUnrelated + t.unrelated;
    const sibling = this.priorSibling + t.sibling;
    const score = 1 / (1 + 2 ** -unrelated + 2 ** -sibling);
    // siblings are the likelier of the two other explanations, and not a negligible one
    if (reasons !== null && sibling < unrelated && sibling < 6.6) reasons.push('could-be-siblings');
    return score;
  }

  private birthDate(i: number, j: number, t: Tally): void {
    const s = this.f.store;
    const a = s.ymd[i] ?? 0;
    const b = s.ymd[j] ?? 0;
    if (a === 0 || b === 0) return;
    const ya = s.year[i] ?? 0;
    const ma = s.month[i] ?? 0;
    const da = s.day[i] ?? 0;
    const yb = s.year[j] ?? 0;
    const mb = s.month[j] ?? 0;
    const db = s.day[j] ?? 0;
    const year = Math.sqrt(this.f.year(ya) * this.f.year(yb));
    const day = year / 365.25;
    if (a === b) t.add(SAME.date.equal, day, SIBLING.date.equal, 'birth-date-same');
    else if (ya === yb && da === mb && ma === db) t.add(SAME.date.swapped, day, SIBLING.date.swapped, 'birth-date-swapped');
    else if (Math.abs((s.dayNo[i] ?? 0) - (s.dayNo[j] ?? 0)) <= NEAR_DAYS)
      t.add(SAME.date.near, 2 * NEAR_DAYS * day, SIBLING.date.near, 'birth-date-near');
    else if ((ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0) === 2) {
      // same year and month, same year and day, or same day and month in another year
      const u = year / 12 + year / 30 + (1 - year) / 365.25;
      t.add(SAME.date.onePart, u, SIBLING.date.onePart, 'birth-date-one-part');
    } else if (ya === yb) t.add(SAME.date.sameYear, year, SIBLING.date.sameYear, 'birth-date-same-year');
    else t.add(SAME.date.other, 1 - year, SIBLING.date.other, 'birth-date-differs');
  }

  private sex(i: number, j: number, given: GivenLevel, t: Tally): void {
    const s = this.f.store;
    // one given name mostly means one sex already: agreement then adds little, disagreement less than otherwise
    const nameSays = given === 'equal' || given === 'accent' || given === 'sound' || given === 'slip';
    const agree = nameSays ? UNRELATED.sexAgreesWithSameName : 0.5;
    if (s.female[i] === s.female[j]) t.add(1 - SAME.sexDiffers, agree, 1 - SIBLING.sexDiffers);
    else t.add(SAME.sexDiffers, 1 - agree, SIBLING.sexDiffers, 'sex-differs');
  }
}

/** The probability that `a` and `b` are one child, and why, given the counts of their register. */
export function scorePair<Id extends string | number>(
  a: DuplicateRecord<Id>,
  b: DuplicateRecord<Id>,
  stats: DuplicateStats,
): PairScore {
  const store = new RecordStore([a, b]);
  const scorer = new Scorer(new Frequencies(store, countsFromStats(store, stats)));
  const reasons: DuplicateReason[] = [];
  const score = scorer.score(0, 1, reasons);
  return { score, reasons };
}
