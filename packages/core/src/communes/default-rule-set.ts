import raw from './rule-set-06-2019.json' with { type: 'json' };
import { RuleSetSchema, type RuleSet } from './rule-set.ts';

/**
 * The rule set shipped with Tre: Quyết định 06/QĐ-TTg of 3 January 2019, as data
 * (`rule-set-06-2019.json`, its sources and which points were read in the text in the file). The
 * server stores it as the first rule set; the administrator may replace it. rule-set.test.ts checks
 * it with `validateRuleSet`.
 */
export const RULE_SET_06_2019_JSON: unknown = raw;

let parsed: RuleSet | undefined;

/** The shipped rule set, parsed (defaults applied). */
export function shippedRuleSet(): RuleSet {
  parsed ??= RuleSetSchema.parse(raw);
  return parsed;
}
