import { MIN_PROBABILITY } from './weights.ts';

/** Why a pair scored as it did, strongest evidence first is not guaranteed: the order is the fields'. */
export type DuplicateReason =
  | 'personal-id-same'
  | 'personal-id-one-digit'
  | 'personal-id-two-digits'
  | 'personal-id-differs'
  | 'name-same'
  | 'given-name-same'
  | 'given-name-accents-differ'
  | 'given-name-sounds-alike'
  | 'given-name-slip'
  | 'given-name-differs'
  | 'family-name-same'
  | 'family-name-variant'
  | 'family-name-sounds-alike'
  | 'family-name-slip'
  | 'family-name-differs'
  | 'middle-name-same'
  | 'middle-name-abbreviated'
  | 'middle-name-left-out'
  | 'middle-name-missing'
  | 'middle-name-sounds-alike'
  | 'middle-name-differs'
  | 'birth-date-same'
  | 'birth-date-swapped'
  | 'birth-date-near'
  | 'birth-date-one-part'
  | 'birth-date-same-year'
  | 'birth-date-differs'
  | 'sex-differs'
  | 'same-commune'
  | 'other-commune'
  | `${'mother' | 'father' | 'carer'}-${'same' | 'similar' | 'differs'}`
  /** the evidence fits two children of one household (twins) nearly as well as one child */
  | 'could-be-siblings';

/**
 * The running likelihood ratios of a pair against the unrelated and the sibling explanations, kept
 * as products (a dozen ratios stay far inside the range of a double) and read in bits at the end.
 */
export class Tally {
  private unrelatedRatio = 1;
  private siblingRatio = 1;

  private reasons: DuplicateReason[] | null = null;

  /** Starts a new pair; its reasons go to `reasons` when given. */
  reset(reasons: DuplicateReason[] | null): this {
    this.unrelatedRatio = 1;
    this.siblingRatio = 1;
    this.reasons = reasons;
    return this;
  }

  /** An outcome with probability `same` for one child, `unrelated` and `sibling` for two. */
  add(same: number, unrelated: number, sibling: number, reason?: DuplicateReason): void {
    this.unrelatedRatio *= same / Math.max(unrelated, MIN_PROBABILITY);
    this.siblingRatio *= same / Math.max(sibling, MIN_PROBABILITY);
    if (reason !== undefined && this.reasons !== null) this.reasons.push(reason);
  }

  /** Weight against two unrelated children, in bits. */
  get unrelated(): number {
    return Math.log2(this.unrelatedRatio);
  }

  /** Weight against two children of one household, in bits. */
  get sibling(): number {
    return Math.log2(this.siblingRatio);
  }
}
