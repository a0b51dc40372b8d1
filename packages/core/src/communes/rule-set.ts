import { z } from 'zod';
import { ruleMaxPoints } from './rule-points.ts';

/**
 * A rule set for child-friendly commune recognition (Quyết định 06/2019/QĐ-TTg, DESIGN.md §7) as
 * data: its criteria (tiêu chí), each with its indicators (chỉ tiêu) and the rule that turns an
 * indicator's value into points. The shipped set is `rule-set-06-2019.json`; the administrator may
 * upload a replacement, validated by `RuleSetSchema` and `validateRuleSet` (points sum to the
 * declared total, codes unique). An assessment is always scored with the set it was created with.
 */

/** What an indicator's value is: a rate (numerator of denominator, in per cent), a count, or yes/no. */
export const VALUE_KINDS = ['rate', 'count', 'boolean'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** Which way is better: a higher value (`at_least` a bound) or a lower one (`at_most`). */
export const DIRECTIONS = ['at_least', 'at_most'] as const;
export type RuleDirection = (typeof DIRECTIONS)[number];

const Points = z.number().int().min(0).max(1000);
const Bound = z.number().min(0).max(1_000_000);
const Text = z.string().trim().min(1).max(2000);
const Name = z.object({ vi: Text, en: Text });

/** Full points if the value meets the bound, else 0. */
const ThresholdRule = z.object({ kind: z.literal('threshold'), direction: z.enum(DIRECTIONS), bound: Bound, points: Points });
/** Points by band: the first band the value meets (bands listed best first), else 0. */
const BandsRule = z.object({
  kind: z.literal('bands'),
  direction: z.enum(DIRECTIONS),
  bands: z
    .array(z.object({ bound: Bound, points: Points }))
    .min(1)
    .max(20),
});
/** Linear between `zero` (0 points) and `full` (all points), rounded down to a whole point. */
const ProportionalRule = z.object({
  kind: z.literal('proportional'),
  direction: z.enum(DIRECTIONS),
  zero: Bound,
  full: Bound,
  points: Points,
});
/** Yes earns the points, no earns none. */
const BooleanRule = z.object({ kind: z.literal('boolean'), points: Points });
/** A count (e.g. abuse cases): at most `max` earns the points, more earns none. */
const CountAtMostRule = z.object({
  kind: z.literal('count_at_most'),
  max: z.number().int().min(0).max(1_000_000),
  points: Points,
});

export const ScoringRuleSchema = z.discriminatedUnion('kind', [
  ThresholdRule,
  BandsRule,
  ProportionalRule,
  BooleanRule,
  CountAtMostRule,
]);
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;

/** Where Tre already holds an indicator's value: filled in, shown with this source, overridable with a reason. */
export const PREFILL_SOURCES = [
  /** the commune's indicator data values of the year: numerator / denominator element codes */
  'indicators',
  /** the children register: children in special circumstances supported / all of them */
  'children_register',
  /** the cases module: substantiated abuse cases of the commune in the year */
  'cases_abuse',
] as const;
export type PrefillSourceKind = (typeof PREFILL_SOURCES)[number];

const ElementCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);
export const PrefillSchema = z.object({
  source: z.enum(PREFILL_SOURCES),
  /** for `indicators`: the data element whose value is the numerator (a rate) or the count */
  numerator: ElementCode.optional(),
  /** for `indicators` and a rate: the data element whose value is the denominator */
  denominator: ElementCode.optional(),
});
export type PrefillSpec = z.infer<typeof PrefillSchema>;

const Code = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/);

export const RuleIndicatorSchema = z.object({
  code: Code,
  name: Name,
  value: z.enum(VALUE_KINDS),
  rule: ScoringRuleSchema,
  /** for a rate whose denominator is 0 (nothing to count, e.g. no child in special circumstances): full points or none */
  whenEmpty: z.enum(['full', 'none']).default('full'),
  prefill: PrefillSchema.optional(),
  /** whether the points of this indicator were read in the decision's text, or are this rule set's reading */
  verified: z.boolean(),
  note: z.string().max(2000).optional(),
});
export type RuleIndicator = z.infer<typeof RuleIndicatorSchema>;

export const RuleCriterionSchema = z.object({
  code: Code,
  name: Name,
  points: Points,
  indicators: z.array(RuleIndicatorSchema).min(1).max(30),
  verified: z.boolean(),
  note: z.string().max(2000).optional(),
});
export type RuleCriterion = z.infer<typeof RuleCriterionSchema>;

export const RuleSetSchema = z.object({
  format: z.literal('tre.communes.rule-set/1'),
  /** e.g. "06-2019.1": the legal text and this file's revision */
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/),
  title: Name,
  source: Text,
  totalPoints: z.number().int().min(1).max(100_000),
  /** the total a commune must reach, by its type */
  thresholds: z.object({
    mountain: z.number().int().min(0).max(100_000),
    island: z.number().int().min(0).max(100_000),
    especially_disadvantaged: z.number().int().min(0).max(100_000),
    urban_central: z.number().int().min(0).max(100_000),
    other: z.number().int().min(0).max(100_000),
  }),
  /** recognised only if no criterion scores 0 */
  noZeroCriterion: z.boolean(),
  criteria: z.array(RuleCriterionSchema).min(1).max(50),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;
/** The JSON as written (defaults not yet applied). */
export type RuleSetInput = z.input<typeof RuleSetSchema>;

export interface RuleSetProblem {
  path: string;
  message: string;
}

/**
 * Parses and checks a rule set: the schema, then the sums (each criterion's indicators' maximum
 * points add to the criterion's points, the criteria to the total), unique codes, a rule that fits
 * its value kind, bands ordered best first. Never throws.
 */
export function validateRuleSet(raw: unknown): { ok: true; ruleSet: RuleSet } | { ok: false; problems: RuleSetProblem[] } {
  const parsed = RuleSetSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const set = parsed.data;
  const problems: RuleSetProblem[] = [];
  const criterionCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  let sum = 0;
  set.criteria.forEach((c, ci) => {
    if (criterionCodes.has(c.code)) problems.push({ path: `criteria.${ci}.code`, message: `duplicate criterion code ${c.code}` });
    criterionCodes.add(c.code);
    sum += c.points;
    let inner = 0;
    c.indicators.forEach((ind, ii) => {
      const at = `criteria.${ci}.indicators.${ii}`;
      if (indicatorCodes.has(ind.code)) problems.push({ path: `${at}.code`, message: `duplicate indicator code ${ind.code}` });
      indicatorCodes.add(ind.code);
      inner += ruleMaxPoints(ind.rule);
      const kind = ind.rule.kind;
      if (ind.value === 'boolean' && kind !== 'boolean')
        problems.push({ path: `${at}.rule`, message: 'a yes/no value needs a boolean rule' });
      if (ind.value !== 'boolean' && kind === 'boolean')
        problems.push({ path: `${at}.rule`, message: 'a boolean rule needs a yes/no value' });
      if (kind === 'count_at_most' && ind.value !== 'count')
        problems.push({ path: `${at}.rule`, message: 'count_at_most needs a count value' });
      if (ind.rule.kind === 'bands') {
        const { bands, direction } = ind.rule;
        for (let i = 1; i < bands.length; i++) {
          const prev = bands[i - 1];
          const cur = bands[i];
          if (!prev || !cur) continue;
          const ordered = direction === 'at_least' ? cur.bound < prev.bound : cur.bound > prev.bound;
          if (!ordered || cur.points > prev.points) {
            problems.push({
              path: `${at}.rule.bands.${i}`,
              message: 'bands must be listed best first, bounds and points strictly in order',
            });
          }
        }
      }
      if (ind.rule.kind === 'proportional' && ind.rule.zero === ind.rule.full) {
        problems.push({ path: `${at}.rule`, message: 'proportional: zero and full must differ' });
      }
      if (ind.rule.kind === 'proportional') {
        const { zero, full, direction } = ind.rule;
        if (direction === 'at_least' ? full < zero : full > zero) {
          problems.push({ path: `${at}.rule`, message: 'proportional: full must be on the better side of zero' });
        }
      }
      const p = ind.prefill;
      if (p?.source === 'indicators') {
        if (!p.numerator)
          problems.push({ path: `${at}.prefill.numerator`, message: 'an indicators source needs its numerator element' });
        if (ind.value === 'rate' && !p.denominator) {
          problems.push({
            path: `${at}.prefill.denominator`,
            message: 'a rate from the indicators needs its denominator element',
          });
        }
      }
      if (p?.source === 'children_register' && ind.value !== 'rate') {
        problems.push({ path: `${at}.prefill`, message: 'the register gives a rate' });
      }
      if (p?.source === 'cases_abuse' && ind.value !== 'count') {
        problems.push({ path: `${at}.prefill`, message: 'abuse cases give a count' });
      }
    });
    if (inner !== c.points) {
      problems.push({
        path: `criteria.${ci}.points`,
        message: `criterion ${c.code}: indicators give ${inner} points, the criterion says ${c.points}`,
      });
    }
  });
  // a threshold of 0 recognises every commune, one above the total none
  for (const [type, threshold] of Object.entries(set.thresholds)) {
    if (threshold < 1 || threshold > set.totalPoints) {
      problems.push({ path: `thresholds.${type}`, message: `a threshold from 1 to totalPoints (${set.totalPoints})` });
    }
  }
  if (sum !== set.totalPoints)
    problems.push({ path: 'totalPoints', message: `the criteria give ${sum} points, totalPoints says ${set.totalPoints}` });
  return problems.length ? { ok: false, problems } : { ok: true, ruleSet: set };
}
