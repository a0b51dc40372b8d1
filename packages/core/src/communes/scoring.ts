import type { Bilingual } from '../indicators/catalogue-schema.ts';
import { thresholdFor } from './commune-type.ts';
import type { IndicatorValue, ShortfallDto } from './communes-api.ts';
import { ruleMaxPoints, type CommuneCategory } from './rule-points.ts';
import type { RuleIndicator, RuleSet, ScoringRule, ValueKind } from './rule-set.ts';

/**
 * Scoring of a commune's self-assessment under a rule set (Quyết định 06/2019/QĐ-TTg): points per
 * indicator by its rule, a criterion's points the sum of its indicators', the total the sum of the
 * criteria; recognised when no criterion scores 0 (if the set says so) and the total reaches the
 * threshold of the commune's category. Pure and total: a missing or ill-formed value scores 0 and
 * says why, nothing throws.
 */

export interface IndicatorScore {
  code: string;
  points: number;
  maxPoints: number;
  /** the value compared with the rule: a rate in per cent, a count, 1/0 for yes/no; null when none */
  measured: number | null;
  requirement: Bilingual;
  shortfall: Bilingual | null;
}

export interface CriterionScore {
  code: string;
  name: Bilingual;
  points: number;
  maxPoints: number;
  indicators: IndicatorScore[];
}

export interface AssessmentScore {
  criteria: CriterionScore[];
  total: number;
  maxTotal: number;
  category: CommuneCategory;
  threshold: number;
  zeroCriteria: string[];
  meetsStandard: boolean;
  shortfall: ShortfallDto;
}

/** Comparison slack for rates computed in floating point (98 % of 50 is 49/50 × 100 = 98.00000000000001). */
const EPS = 1e-9;

function fmt(n: number, lang: 'vi' | 'en'): string {
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

function unit(kind: ValueKind): string {
  return kind === 'rate' ? '%' : '';
}

function meets(direction: 'at_least' | 'at_most', value: number, bound: number): boolean {
  return direction === 'at_least' ? value >= bound - EPS : value <= bound + EPS;
}

function cmp(direction: 'at_least' | 'at_most'): string {
  return direction === 'at_least' ? '≥' : '≤';
}

/** What earns the points, in words. */
export function describeRule(rule: ScoringRule, kind: ValueKind): Bilingual {
  const u = unit(kind);
  const both = (f: (lang: 'vi' | 'en', pts: string) => string): Bilingual => ({ vi: f('vi', 'điểm'), en: f('en', 'points') });
  switch (rule.kind) {
    case 'threshold':
      return both((l, p) => `${cmp(rule.direction)} ${fmt(rule.bound, l)}${u}: ${rule.points} ${p}`);
    case 'bands':
      return both((l, p) => rule.bands.map((b) => `${cmp(rule.direction)} ${fmt(b.bound, l)}${u}: ${b.points} ${p}`).join('; '));
    case 'proportional':
      return {
        vi: `từ ${fmt(rule.zero, 'vi')}${u} (0 điểm) đến ${fmt(rule.full, 'vi')}${u} (${rule.points} điểm), tỷ lệ thuận, làm tròn xuống`,
        en: `from ${fmt(rule.zero, 'en')}${u} (0 points) to ${fmt(rule.full, 'en')}${u} (${rule.points} points), linearly, rounded down`,
      };
    case 'boolean':
      return { vi: `Có: ${rule.points} điểm`, en: `Yes: ${rule.points} points` };
    case 'count_at_most':
      return { vi: `không quá ${rule.max}: ${rule.points} điểm`, en: `at most ${rule.max}: ${rule.points} points` };
  }
}

function pointsFor(rule: ScoringRule, measured: number): number {
  switch (rule.kind) {
    case 'threshold':
      return meets(rule.direction, measured, rule.bound) ? rule.points : 0;
    case 'bands':
      return rule.bands.find((b) => meets(rule.direction, measured, b.bound))?.points ?? 0;
    case 'proportional': {
      const span = rule.full - rule.zero;
      if (span === 0) return meets(rule.direction, measured, rule.full) ? rule.points : 0;
      const share = Math.min(1, Math.max(0, (measured - rule.zero) / span));
      return Math.floor(rule.points * share + EPS);
    }
    case 'boolean':
      return measured >= 1 ? rule.points : 0;
    case 'count_at_most':
      return measured <= rule.max ? rule.points : 0;
  }
}

const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The number a rule compares, or a reason the value cannot be scored. */
function measure(
  ind: RuleIndicator,
  value: IndicatorValue | null | undefined,
): { measured: number } | { empty: true } | { problem: Bilingual } {
  if (value === null || value === undefined) return { problem: { vi: 'chưa có số liệu', en: 'no value yet' } };
  if (value.kind !== ind.value) return { problem: { vi: 'số liệu không đúng loại', en: 'a value of the wrong kind' } };
  switch (value.kind) {
    case 'rate':
      if (!whole(value.numerator) || !whole(value.denominator) || value.numerator > value.denominator) {
        return { problem: { vi: 'tử số, mẫu số không hợp lệ', en: 'an invalid numerator or denominator' } };
      }
      if (value.denominator === 0) return { empty: true };
      return { measured: (value.numerator / value.denominator) * 100 };
    case 'count':
      if (!whole(value.count)) return { problem: { vi: 'số đếm không hợp lệ', en: 'an invalid count' } };
      return { measured: value.count };
    case 'boolean':
      return { measured: value.yes ? 1 : 0 };
  }
}

function shownValue(kind: ValueKind, measured: number, lang: 'vi' | 'en'): string {
  if (kind === 'boolean') return measured >= 1 ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no';
  return `${fmt(measured, lang)}${unit(kind)}`;
}

export function scoreIndicator(ind: RuleIndicator, value: IndicatorValue | null | undefined): IndicatorScore {
  const maxPoints = ruleMaxPoints(ind.rule);
  const requirement = describeRule(ind.rule, ind.value);
  const m = measure(ind, value);
  const base = { code: ind.code, maxPoints, requirement };
  if ('problem' in m) {
    return {
      ...base,
      points: 0,
      measured: null,
      shortfall: {
        vi: `${m.problem.vi}: mất ${maxPoints} điểm (cần ${requirement.vi})`,
        en: `${m.problem.en}: ${maxPoints} points lost (needs ${requirement.en})`,
      },
    };
  }
  if ('empty' in m) {
    const points = ind.whenEmpty === 'full' ? maxPoints : 0;
    return {
      ...base,
      points,
      measured: null,
      shortfall:
        points === maxPoints
          ? null
          : { vi: `mẫu số bằng 0: mất ${maxPoints} điểm`, en: `a denominator of 0: ${maxPoints} points lost` },
    };
  }
  const points = pointsFor(ind.rule, m.measured);
  const lost = maxPoints - points;
  return {
    ...base,
    points,
    measured: m.measured,
    shortfall:
      lost === 0
        ? null
        : {
            vi: `giá trị ${shownValue(ind.value, m.measured, 'vi')}, được ${points}/${maxPoints} điểm, mất ${lost} điểm (cần ${requirement.vi})`,
            en: `value ${shownValue(ind.value, m.measured, 'en')} earns ${points} of ${maxPoints} points, ${lost} lost (needs ${requirement.en})`,
          },
  };
}

/**
 * Scores an assessment: `values` maps indicator codes to the values scored (the province's
 * correction, else the commune's entry, else the pre-filled value: the caller picks).
 */
export function scoreAssessment(
  ruleSet: RuleSet,
  values: Readonly<Record<string, IndicatorValue | null | undefined>>,
  category: CommuneCategory,
): AssessmentScore {
  const criteria: CriterionScore[] = ruleSet.criteria.map((c) => {
    const indicators = c.indicators.map((ind) =>
      scoreIndicator(ind, Object.hasOwn(values, ind.code) ? values[ind.code] : undefined),
    );
    return {
      code: c.code,
      name: c.name,
      points: indicators.reduce((s, i) => s + i.points, 0),
      maxPoints: indicators.reduce((s, i) => s + i.maxPoints, 0),
      indicators,
    };
  });
  const total = criteria.reduce((s, c) => s + c.points, 0);
  const maxTotal = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const threshold = thresholdFor(ruleSet, category);
  const zeroCriteria = ruleSet.noZeroCriterion ? criteria.filter((c) => c.points === 0).map((c) => c.code) : [];
  const meetsStandard = zeroCriteria.length === 0 && total >= threshold;
  const lostCriteria = criteria
    .filter((c) => c.points < c.maxPoints)
    .map((c) => ({
      code: c.code,
      name: c.name,
      lost: c.maxPoints - c.points,
      reasons: c.indicators.flatMap((i) => (i.shortfall ? [{ indicator: i.code, text: i.shortfall }] : [])),
    }))
    .sort((a, b) => b.lost - a.lost);
  return {
    criteria,
    total,
    maxTotal,
    category,
    threshold,
    zeroCriteria,
    meetsStandard,
    shortfall: { missing: Math.max(0, threshold - total), zeroCriteria, criteria: lostCriteria },
  };
}
