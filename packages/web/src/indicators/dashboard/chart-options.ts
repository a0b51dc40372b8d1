import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { MeasureTargetOp, MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import type { MeasureStatusDto, RankingReply, TrendReply } from '@tre/core/indicators/indicator-api';
import { comparePeriods, nextPeriod, parsePeriod, type Period } from '@tre/core/periods/period';
import { STATUS_STYLE, formatNumber, formatTarget, formatValue, unitAxisName, type Lang } from '../../format/format.ts';
import type { dashboardVi } from '../../i18n/messages-dashboard.ts';

/**
 * The dashboard's charts as pure functions from the API replies to ECharts options, with the text
 * that summarises each chart for screen readers (the chart's aria-label). No ECharts code runs here
 * — only its option types — so these are unit-tested in Node.
 */

export type DashboardChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/** The i18n `t` restricted to the dashboard's own texts. */
export type DashT = (key: keyof typeof dashboardVi, params?: Record<string, string | number>) => string;

export type TrendType = 'year' | 'half';

export const CHART_COLORS = {
  value: '#0072B2',
  target: '#222222',
  national: '#6b6b6b',
  baseline: '#CC79A7',
} as const;

interface TargetPoint {
  year: number;
  op: MeasureTargetOp;
  value: number;
}

/** Short label of a period on an axis: "2025"; "6T1/2025" / "H1 2025". */
export function shortPeriodLabel(code: string, lang: Lang): string {
  const p = parsePeriod(code);
  if (!p || p.type === 'year') return code;
  if (p.type === 'half') return lang === 'en' ? `H${p.index} ${p.year}` : `6T${p.index}/${p.year}`;
  return code;
}

/** The period of a type that ends a year: where a target "by 2025" sits on the axis. */
function endOfYear(year: number, type: TrendType): string {
  return type === 'year' ? String(year) : `${year}S2`;
}

/**
 * The axis: every period of the type from the earliest of (data, baseline, targets) to the latest,
 * with no holes — a year without figures stays on the axis as a gap. Baselines and targets sit at
 * the last period of their year.
 */
export function trendCategories(periodCodes: readonly string[], type: TrendType, years: readonly number[]): string[] {
  const periods = periodCodes
    .map(parsePeriod)
    .filter((p): p is Period => p !== null && p.type === type)
    .concat(years.map((y) => parsePeriod(endOfYear(y, type))).filter((p): p is Period => p !== null));
  if (periods.length === 0) return [];
  periods.sort(comparePeriods);
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  // bounded so that a stray baseline year cannot make a huge axis
  const out: string[] = [];
  for (let p: Period = first; comparePeriods(p, last) <= 0 && out.length < 400; p = nextPeriod(p)) out.push(p.code);
  return out;
}

export interface TrendChart {
  categories: string[];
  option: DashboardChartOption;
  /** the aria-label: every period with its value, then the targets */
  summary: string;
  /** the plan's target that applies to each period on the axis (null where no plan target applies) */
  targetSteps: (number | null)[];
  /** the straight line from the baseline through each target year, when the plan has a baseline */
  trajectory: { period: string; value: number }[];
}

export interface TrendChartInput {
  trend: TrendReply;
  type: TrendType;
  unit: MeasureUnit;
  lang: Lang;
  t: DashT;
  measureName: string;
  /** the catalogue's national targets of the measure, drawn dotted when given */
  nationalTargets?: readonly TargetPoint[];
}

/**
 * The target that applies to a year, as core targetForYear decides it: the earliest due in or after
 * that year, else the last one (a passed deadline is still the target).
 */
function applicable(targets: readonly TargetPoint[], year: number): TargetPoint | null {
  return targets.find((x) => x.year >= year) ?? targets.at(-1) ?? null;
}

/**
 * The unit's value per period (solid, gaps where nothing was reported — null, never 0); the
 * plan's target that applies to each period as a dashed step (≤ 12,5 ‰ until 2025, then the 2030
 * target); when the plan gives a baseline, the straight line from it through each target year —
 * the line progress.ts judges "on track" against — with the baseline as a diamond; the national
 * targets as a dotted step.
 */
export function trendChart(input: TrendChartInput): TrendChart {
  const { trend, type, unit, lang, t } = input;
  const points = trend.points.filter((p) => parsePeriod(p.period)?.type === type);
  const noData = t('dashNoData');

  // the plan's targets met along the points; a later point's (newer plan) wins for the same year
  const byYear = new Map<number, TargetPoint>();
  let baseline: { year: number; value: number } | null = null;
  for (const p of points) {
    // a relative target is a change, not a level: it has no place on the value axis
    if (!p.target || p.target.relative) continue;
    byYear.set(p.target.year, { year: p.target.year, op: p.target.op, value: p.target.value });
    if (p.target.baseline) baseline = p.target.baseline;
  }
  const targets = [...byYear.values()].sort((a, b) => a.year - b.year);
  const national = [...(input.nationalTargets ?? [])].sort((a, b) => a.year - b.year);
  const categories =
    points.length > 0
      ? trendCategories(
          points.map((p) => p.period),
          type,
          [...targets.map((x) => x.year), ...national.map((n) => n.year), ...(baseline ? [baseline.year] : [])],
        )
      : [];
  const yearOf = (code: string) => parsePeriod(code)?.year ?? 0;

  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const valueData = categories.map((c) => byPeriod.get(c)?.value ?? null);
  const targetSteps = categories.map((c) => applicable(targets, yearOf(c))?.value ?? null);
  const nationalSteps = categories.map((c) => applicable(national, yearOf(c))?.value ?? null);

  const trajectory: { period: string; value: number }[] =
    baseline && targets.length > 0
      ? [
          { period: endOfYear(baseline.year, type), value: baseline.value },
          ...targets.filter((x) => x.year > baseline.year).map((x) => ({ period: endOfYear(x.year, type), value: x.value })),
        ]
      : [];
  const trajectoryData = categories.map((c) => {
    const p = trajectory.find((x) => x.period === c);
    if (!p) return null;
    return p === trajectory[0] ? { value: p.value, symbol: 'diamond', symbolSize: 14 } : p.value;
  });

  const fmt = (v: number | null | undefined) => formatValue(v, unit, lang, noData);
  const series: LineSeriesOption[] = [
    {
      name: t('dashSeriesValue'),
      type: 'line',
      data: valueData,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 8,
      itemStyle: { color: CHART_COLORS.value },
      lineStyle: { width: 2.5, color: CHART_COLORS.value },
      label: {
        show: true,
        position: 'top',
        formatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value, lang) : ''),
      },
      z: 3,
    },
  ];
  if (targets.length > 0)
    series.push({
      name: t('dashSeriesTarget'),
      type: 'line',
      data: targetSteps,
      step: 'middle',
      symbol: 'none',
      itemStyle: { color: CHART_COLORS.target },
      lineStyle: { type: 'dashed', width: 2, color: CHART_COLORS.target },
    });
  if (trajectory.length > 1)
    series.push({
      name: t('dashSeriesTrajectory'),
      type: 'line',
      data: trajectoryData,
      connectNulls: true,
      symbol: 'none',
      itemStyle: { color: CHART_COLORS.baseline },
      lineStyle: { type: [8, 3, 2, 3], width: 1.5, color: CHART_COLORS.baseline },
    });
  if (national.length > 0 && points.length > 0)
    series.push({
      name: t('dashSeriesNational'),
      type: 'line',
      data: nationalSteps,
      step: 'middle',
      symbol: 'none',
      itemStyle: { color: CHART_COLORS.national },
      lineStyle: { type: 'dotted', width: 2, color: CHART_COLORS.national },
    });

  const option: DashboardChartOption = {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    legend: { top: 0, data: series.map((s) => String(s.name)) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => fmt(typeof v === 'number' ? v : null),
    },
    xAxis: { type: 'category', data: categories.map((c) => shortPeriodLabel(c, lang)), boundaryGap: true },
    yAxis: {
      type: 'value',
      name: unitAxisName(unit, lang),
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series,
  };

  const pointTexts = points.map((p) => `${shortPeriodLabel(p.period, lang)}: ${fmt(p.value)}`);
  const targetTexts = targets.map((x) => formatTarget(x, unit, lang));
  if (baseline) targetTexts.unshift(t('dashBaselineText', { year: baseline.year, value: fmt(baseline.value) }));
  const summary =
    points.length === 0
      ? t('dashChartSummaryEmpty', { measure: input.measureName })
      : [
          t('dashChartSummaryTrend', { measure: input.measureName, unit: trend.unit.name, points: pointTexts.join('; ') }),
          targetTexts.length > 0 ? t('dashChartSummaryTarget', { targets: targetTexts.join('; ') }) : '',
        ]
          .filter(Boolean)
          .join(' ');

  return { categories, option, summary, targetSteps, trajectory };
}

export type RankingShow = 'worst' | 'best' | 'all';

export interface RankingChartInput {
  ranking: RankingReply;
  unit: MeasureUnit;
  lang: Lang;
  t: DashT;
  measureName: string;
  periodLabel: string;
  show: RankingShow;
  limit: number;
}

export interface RankedUnit {
  rank: number | null;
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: MeasureStatusDto;
}

export interface RankingChart {
  /** every commune, ranked best first; those without a value last with rank null ("Chưa báo cáo") */
  ranked: RankedUnit[];
  /** the communes drawn, in drawing order (top to bottom); a bar's dataIndex points here */
  shown: RankedUnit[];
  option: DashboardChartOption;
  height: number;
  summary: string;
}

/** Ranks 1, 2, 2, 4… on equal values; communes without a value get none. */
export function rankUnits(units: RankingReply['units']): RankedUnit[] {
  const out: RankedUnit[] = [];
  let prev: number | null = null;
  let rank = 0;
  units.forEach((u, i) => {
    if (u.value === null) {
      out.push({ ...u, rank: null });
      return;
    }
    if (prev === null || Math.abs(u.value - prev) > 1e-9 * Math.max(1, Math.abs(prev))) rank = i + 1;
    prev = u.value;
    out.push({ ...u, rank });
  });
  // the server lists communes without a value last; keep that promise even if it did not
  return [...out.filter((u) => u.rank !== null), ...out.filter((u) => u.rank === null)];
}

/**
 * Communes as horizontal bars, best at the top, each bar in its status colour with the value and
 * the status symbol written at its end (so colour is never the only cue), the plan target as a
 * dashed vertical line. Only communes with a value are drawn; the table lists the others.
 */
export function rankingChart(input: RankingChartInput): RankingChart {
  const { ranking, unit, lang, t } = input;
  const ranked = rankUnits(ranking.units);
  // rankUnits gives a rank exactly to the communes with a value
  const withValue = ranked.filter((u): u is RankedUnit & { rank: number } => u.rank !== null);
  const shown =
    input.show === 'all' || withValue.length <= input.limit
      ? withValue
      : input.show === 'best'
        ? withValue.slice(0, input.limit)
        : withValue.slice(-input.limit);
  const noData = t('dashNoData');
  const fmt = (v: number | null) => formatValue(v, unit, lang, noData);
  const labels = shown.map((u) => `${fmt(u.value)} ${STATUS_STYLE[u.status].symbol}`);

  const bar: BarSeriesOption = {
    name: t('dashSeriesValue'),
    type: 'bar',
    barMaxWidth: 18,
    data: shown.map((u) => ({ value: u.value, itemStyle: { color: STATUS_STYLE[u.status].color } })),
    label: { show: true, position: 'right', formatter: (p) => labels[p.dataIndex] ?? '' },
  };
  if (ranking.target && !ranking.target.relative)
    bar.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: CHART_COLORS.target, width: 2 },
      // the category axis runs top-down (inverse), so the line's start is its top end
      label: { formatter: formatTarget(ranking.target, unit, lang), position: 'start' },
      data: [{ xAxis: ranking.target.value }],
    };

  const option: DashboardChartOption = {
    animation: false,
    aria: { enabled: false },
    // the axis labels inside the grid, as the deprecated `containLabel: true` laid them out in ECharts 6:
    // bounds = the grid, labels only, no minimum size, the axis name not moved
    grid: {
      left: 8,
      right: 96,
      top: 28,
      bottom: 24,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
      outerBoundsClampWidth: 0,
      outerBoundsClampHeight: 0,
    },
    tooltip: { trigger: 'item', valueFormatter: (v) => fmt(typeof v === 'number' ? v : null) },
    xAxis: {
      type: 'value',
      name: unitAxisName(unit, lang),
      nameMoveOverlap: false,
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((u) => `${u.rank}. ${u.name}`),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [bar],
  };

  const best = withValue[0];
  const worst = withValue[withValue.length - 1];
  const summary =
    best && worst
      ? t('dashChartSummaryRanking', {
          measure: input.measureName,
          period: input.periodLabel,
          n: withValue.length,
          best: `${best.name} (${fmt(best.value)})`,
          worst: `${worst.name} (${fmt(worst.value)})`,
          missing: ranked.length - withValue.length,
        })
      : t('dashChartSummaryEmpty', { measure: input.measureName });

  return { ranked, shown, option, height: Math.max(160, shown.length * 26 + 64), summary };
}
