export type { DuplicateRecord } from './store.ts';
export type { DuplicateStats } from './stats.ts';
export { duplicateStats } from './stats.ts';
export type { DuplicateReason } from './tally.ts';
export { DUPLICATE_THRESHOLD, scorePair, type PairScore } from './score.ts';
export { findDuplicatePairs, type DuplicatePair, type FindDuplicatesOptions } from './find.ts';
export {
  compareMiddles,
  compareTokens,
  nameBlockKey,
  nameParts,
  nameTokens,
  phoneticKey,
  type MiddleLevel,
  type NameParts,
  type TokenLevel,
} from './name-keys.ts';
export { isVietnameseSyllable } from './syllable.ts';
