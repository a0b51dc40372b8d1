/**
 * Why a commune falls short of recognition, and by how much (Quyết định 06/2019/QĐ-TTg): the
 * points missing to its threshold, the criteria at 0 (each must score), and, criterion by
 * criterion, the points lost — largest first, where the commune has most to gain. Pure, so it is
 * unit-tested; the pages write it in words with a symbol, never by colour alone.
 */

export interface ScoredCriterion {
  no: number;
  name: string;
  points: number;
  maxPoints: number;
}

export interface CriterionGap {
  no: number;
  name: string;
  points: number;
  maxPoints: number;
  lost: number;
  zero: boolean;
}

export interface Shortfall {
  total: number;
  threshold: number;
  /** no criterion at 0 and the total at or above the threshold */
  meets: boolean;
  /** points missing to the threshold; 0 when reached */
  pointsMissing: number;
  zero: CriterionGap[];
  /** criteria that lost points, the most lost first (ties in criterion order) */
  gaps: CriterionGap[];
}

export function shortfall(criteria: readonly ScoredCriterion[], threshold: number, total?: number): Shortfall {
  const sum = total ?? criteria.reduce((s, c) => s + c.points, 0);
  const all = criteria.map<CriterionGap>((c) => ({
    no: c.no,
    name: c.name,
    points: c.points,
    maxPoints: c.maxPoints,
    lost: Math.max(0, c.maxPoints - c.points),
    zero: c.points <= 0,
  }));
  const zero = all.filter((c) => c.zero);
  const gaps = all.filter((c) => c.lost > 0).sort((a, b) => b.lost - a.lost || a.no - b.no);
  const pointsMissing = Math.max(0, threshold - sum);
  return { total: sum, threshold, meets: zero.length === 0 && pointsMissing === 0, pointsMissing, zero, gaps };
}

type T = (key: 'cfcShortPoints' | 'cfcShortZero' | 'cfcShortCriterion', params: Record<string, string | number>) => string;

/**
 * The shortfall in sentences: the summary (the points missing, the criteria at 0), then one line
 * per criterion that lost points, in the order of `gaps`. Both empty when the commune meets the
 * conditions.
 */
export function shortfallSentences(s: Shortfall, t: T): { summary: string[]; criteria: string[] } {
  if (s.meets) return { summary: [], criteria: [] };
  const summary: string[] = [];
  if (s.pointsMissing > 0) summary.push(t('cfcShortPoints', { n: s.pointsMissing, threshold: s.threshold }));
  if (s.zero.length > 0) {
    summary.push(t('cfcShortZero', { n: s.zero.length, list: s.zero.map((c) => `${String(c.no)}. ${c.name}`).join('; ') }));
  }
  const criteria = s.gaps.map((g) => t('cfcShortCriterion', { no: g.no, points: g.points, max: g.maxPoints, lost: g.lost }));
  return { summary, criteria };
}

/** The share of recognised communes (indicator 1) in percent, one decimal; null with no commune. */
export function recognisedShare(recognised: number, communes: number): number | null {
  if (communes <= 0) return null;
  return Math.round((recognised / communes) * 1000) / 10;
}
