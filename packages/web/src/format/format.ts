import type { MeasureStatusDto, RelativeTargetDto, TrendDto } from '@tre/core/indicators/indicator-api';
import { relativeTargetText } from '@tre/core/indicators/target-text';
import type { Direction, MeasureTargetOp, MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import { parsePeriod, periodLabel } from '@tre/core/periods/period';

/**
 * How the dashboard writes numbers, units, targets and statuses — pure, so it is unit-tested and
 * shared by the tables, the chart options and the charts' text summaries. Vietnamese writes 12,5 %
 * and 1.234; English 12.5% and 1,234. A missing value is never written as 0: callers pass the
 * "no data" text and get it back for null.
 */

export type Lang = 'vi' | 'en';

const NBSP = '\u00a0';
const locale = (lang: Lang) => (lang === 'en' ? 'en-US' : 'vi-VN');

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Decimals shown: enough for small rates to keep their meaning (a dropout rate of 0,118 % against a
 * target of < 0,12 %), fewer for large ones (an injury rate of 548,3 per 100,000).
 */
export function fractionDigits(value: number): number {
  const a = Math.abs(value);
  if (a === 0) return 0;
  if (a < 1) return 3;
  if (a < 100) return 2;
  return 1;
}

/** A rate or any decimal number in the language's format: 12,5 / 12.5; 1.234,5 / 1,234.5. */
export function formatNumber(value: number, lang: Lang, digits = fractionDigits(value)): string {
  return numberFormat(lang, digits).format(value);
}

/** A count (numerator, denominator, units): 1.234 / 1,234. */
export function formatCount(value: number, lang: Lang): string {
  return numberFormat(lang, 0).format(value);
}

/** The sign written after a value of this unit (with its leading space where the language puts one). */
export function unitSuffix(unit: MeasureUnit, lang: Lang): string {
  switch (unit) {
    case '%':
      return lang === 'en' ? '%' : `${NBSP}%`;
    case 'per1000':
      return lang === 'en' ? '‰' : `${NBSP}‰`;
    case 'per100000':
      return lang === 'en' ? `${NBSP}per 100,000` : '/100.000';
  }
}

/** Short unit name for an axis: "%", "‰", "/100.000". */
export function unitAxisName(unit: MeasureUnit, lang: Lang): string {
  return unit === '%' ? '%' : unit === 'per1000' ? '‰' : lang === 'en' ? 'per 100,000' : '/100.000';
}

/** A measure's value with its unit ("12,5 %"), or `missing` for null — never "0". */
export function formatValue(value: number | null | undefined, unit: MeasureUnit, lang: Lang, missing: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  return `${formatNumber(value, lang)}${unitSuffix(unit, lang)}`;
}

export const OP_SIGN: Record<MeasureTargetOp, string> = { '<': '<', '<=': '≤', '=': '=', '>=': '≥', '>': '>' };

/**
 * A target as "≥ 90 % (2025)"; without the year when `withYear` is false. A relative target reads
 * as its change: "giảm ≥ 4–5 % mỗi năm so với năm trước (2030)" (core target-text.ts).
 */
export function formatTarget(
  target: { op: MeasureTargetOp; value: number; year: number; relative?: RelativeTargetDto | null | undefined },
  unit: MeasureUnit,
  lang: Lang,
  withYear = true,
): string {
  const text = target.relative
    ? relativeTargetText({ ...target, relative: target.relative }, (n, l) => formatNumber(n, l))[lang]
    : `${OP_SIGN[target.op]}${NBSP}${formatNumber(target.value, lang)}${unitSuffix(unit, lang)}`;
  return withYear ? `${text} (${target.year})` : text;
}

/** A period's full name: "Năm 2025", "6 tháng đầu năm 2025" / "First half of 2025". */
export function periodName(code: string, lang: Lang): string {
  const p = parsePeriod(code);
  return p ? periodLabel(p)[lang] : code;
}

/** A share as a whole percentage for completeness: 0.459 → "46 %" / "46%". */
export function formatShare(share: number, lang: Lang): string {
  return `${formatNumber(share * 100, lang, 0)}${unitSuffix('%', lang)}`;
}

/**
 * The arrow of a trend shows where the value moved (up or down), the word says whether that is
 * good: an improving mortality rate goes down (↘ Cải thiện).
 */
export function trendArrow(trend: TrendDto, direction: Direction): string {
  if (trend === 'stable') return '→';
  const up = (trend === 'improving') === (direction === 'higher');
  return up ? '↗' : '↘';
}

/** Statuses in the order the summary and the legend list them: best to worst, then the two without a judgement. */
export const STATUS_ORDER: readonly MeasureStatusDto[] = [
  'met',
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'insufficient_data',
  'no_target',
];

export interface StatusStyle {
  /** shown before the label so the status never rests on colour alone */
  symbol: string;
  /** the Okabe–Ito colour (charts, the badge's border) */
  color: string;
  /** badge background: the colour at 14 % on white */
  background: string;
  /** badge text: a dark shade of the colour, ≥ 4.5:1 on the background and on white */
  text: string;
}

/**
 * Okabe–Ito colours, safe for the common colour-vision deficiencies: met blue, on track bluish
 * green, at risk orange, off track vermillion; no data, not enough data and no target grey. The badge text is a dark
 * shade on a light tint (white text on orange or bluish green would fall below 4.5:1).
 */
export const STATUS_STYLE: Record<MeasureStatusDto, StatusStyle> = {
  met: { symbol: '✓', color: '#0072B2', background: '#dbebf4', text: '#005282' },
  on_track: { symbol: '↗', color: '#009E73', background: '#dbf1eb', text: '#00664A' },
  at_risk: { symbol: '!', color: '#E69F00', background: '#fcf2db', text: '#7A4F00' },
  off_track: { symbol: '✕', color: '#D55E00', background: '#f9e8db', text: '#9E3D00' },
  no_data: { symbol: '–', color: '#999999', background: '#f1f1f1', text: '#495057' },
  insufficient_data: { symbol: '?', color: '#999999', background: '#f1f1f1', text: '#495057' },
  no_target: { symbol: '○', color: '#999999', background: '#f1f1f1', text: '#495057' },
};

function channel(hex: string, i: number): number {
  const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Statuses counted per kind, every kind present (0 when none). */
export function countStatuses(statuses: readonly MeasureStatusDto[]): Record<MeasureStatusDto, number> {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<MeasureStatusDto, number>;
  for (const s of statuses) out[s] += 1;
  return out;
}
