import type { ScoringRule } from './rule-set.ts';

/**
 * What the browser needs of a rule set without its zod schemas (rule-set.ts): building those at
 * load makes zod probe `new Function`, which Tre's Content-Security-Policy refuses, so the scorer
 * and the screens import from here.
 */

export const COMMUNE_CATEGORIES = ['mountain', 'island', 'especially_disadvantaged', 'urban_central', 'other'] as const;
export type CommuneCategory = (typeof COMMUNE_CATEGORIES)[number];

/** The largest number of points a rule can give. */
export function ruleMaxPoints(rule: ScoringRule): number {
  switch (rule.kind) {
    case 'bands':
      return Math.max(0, ...rule.bands.map((b) => b.points));
    default:
      return rule.points;
  }
}
