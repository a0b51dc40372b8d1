import {
  RuleSetSchema,
  scoreAssessment,
  type AssessmentDto,
  type IndicatorValue,
  type RuleSet,
  type RuleSetInput,
} from '@tre/core';
import { valueOf, type EntryState } from './form.ts';

/** The rule set an assessment is scored with, as core reads it (defaults applied); null if it does not parse. */
export function parsedRuleSet(content: RuleSetInput | undefined): RuleSet | null {
  if (!content) return null;
  const parsed = RuleSetSchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}

/**
 * NOT WIRED YET: core's `scoring.ts` imports a value from `rule-set.ts`, whose zod schemas, built at
 * load, make zod probe `new Function` — refused by Tre's Content-Security-Policy (csp.e2e.test.ts).
 * Once core's scorer no longer pulls the schemas in, the assessment page uses this again:
 * `liveAssessment(saved, parsedRuleSet(ruleSet.content), states)` while the commune edits.
 *
 * The assessment scored again, with core's pure scorer, from what is on the screen: while the
 * commune types, every criterion's points, the total and the shortfall follow at once; the save
 * then gives the server's own score. A province's correction still wins over the commune's entry.
 */
export function liveAssessment(a: AssessmentDto, ruleSet: RuleSet | null, states: Record<string, EntryState>): AssessmentDto {
  if (!ruleSet || ruleSet.version !== a.ruleSet.version) return a;
  const values: Record<string, IndicatorValue | null> = {};
  for (const c of a.criteria) {
    for (const e of c.indicators) {
      const s = states[e.code];
      if (e.corrected) values[e.code] = e.corrected;
      else if (!s) values[e.code] = e.value;
      else if (s.prefilled && !s.override) values[e.code] = e.prefill?.value ?? null;
      else {
        const v = valueOf(s.kind, s.inputs);
        values[e.code] = v === 'invalid' ? null : v;
      }
    }
  }
  const score = scoreAssessment(ruleSet, values, a.type);
  const byCode = new Map(score.criteria.map((c) => [c.code, c]));
  return {
    ...a,
    criteria: a.criteria.map((c) => {
      const live = byCode.get(c.code);
      if (!live) return c;
      const inds = new Map(live.indicators.map((i) => [i.code, i]));
      return {
        ...c,
        points: live.points,
        lost: live.maxPoints - live.points,
        indicators: c.indicators.map((e) => {
          const i = inds.get(e.code);
          return i ? { ...e, points: i.points, shortfall: i.shortfall } : e;
        }),
      };
    }),
    total: score.total,
    threshold: score.threshold,
    meetsStandard: score.meetsStandard,
    shortfall: score.shortfall,
  };
}
