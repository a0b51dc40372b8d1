import { formatMessage } from '@tre/core';
import type { RankingReply, TargetDto, TrendReply } from '@tre/core/indicators/indicator-api';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { rankUnits, rankingChart, shortPeriodLabel, trendCategories, trendChart, type DashT } from './chart-options.ts';
import { dashboardEn, dashboardVi } from '../../i18n/messages-dashboard.ts';

const NBSP = '\u00a0';
const tVi: DashT = (key, params) => formatMessage(dashboardVi[key], params);
const tEn: DashT = (key, params) => formatMessage(dashboardEn[key] ?? dashboardVi[key], params);

const plan2025: TargetDto = {
  year: 2025,
  op: '>=',
  value: 90,
  planId: 'p1',
  planTitle: 'KH 123/KH-UBND',
  baseline: { year: 2020, value: 80 },
};
const plan2030: TargetDto = { ...plan2025, year: 2030, value: 95 };

function point(period: string, value: number | null, target: TargetDto | null, reported = value === null ? 0 : 98) {
  return {
    period,
    numerator: value === null ? 0 : value * 10,
    denominator: value === null ? 0 : 1000,
    value,
    unitsReported: reported,
    unitsExpected: 98,
    target,
  };
}

const trend: TrendReply = {
  measure: 'I02_ECD_SERVICES_ACCESS',
  unit: { kind: 'province', code: '40', name: 'Tỉnh Nghệ An' },
  points: [
    point('2021', 82.5, plan2025),
    // 2022 has figures of no commune: a gap
    point('2022', null, plan2025),
    // 2023 is absent from the reply altogether: a gap too
    point('2024', 88.25, plan2025),
    point('2025', 91, plan2025),
    point('2026', 90.5, plan2030),
    point('2025S1', 87, plan2025),
  ],
};

const series = (option: ReturnType<typeof trendChart>['option']) => option.series as LineSeriesOption[];

describe('trend chart', () => {
  const chart = trendChart({
    trend,
    type: 'year',
    unit: '%',
    lang: 'vi',
    t: tVi,
    measureName: 'Tiếp cận dịch vụ',
    nationalTargets: [
      { year: 2025, op: '>=', value: 90 },
      { year: 2030, op: '>=', value: 95 },
    ],
  });

  it('puts every year from the baseline to the last target on the axis, without holes', () => {
    expect(chart.categories).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
  });

  it('draws the values with gaps (null), never 0, where nothing was reported', () => {
    const [values] = series(chart.option);
    expect(values?.name).toBe('Kết quả');
    expect(values?.connectNulls).toBe(false);
    expect(values?.data).toEqual([null, 82.5, null, null, 88.25, 91, 90.5, null, null, null, null]);
  });

  it('draws the plan target that applies to each year as a dashed step: 2025 until 2025, then 2030', () => {
    const target = series(chart.option)[1];
    expect(target?.name).toBe('Chỉ tiêu kế hoạch');
    expect(target?.lineStyle?.type).toBe('dashed');
    expect(target?.step).toBe('middle');
    expect(target?.data).toEqual([90, 90, 90, 90, 90, 90, 95, 95, 95, 95, 95]);
    expect(chart.targetSteps).toEqual(target?.data);
  });

  it('draws the line from the baseline through each target year, the baseline as a diamond', () => {
    const line = series(chart.option)[2];
    expect(line?.name).toBe('Lộ trình từ năm gốc');
    expect(line?.connectNulls).toBe(true);
    expect(line?.data).toEqual([
      { value: 80, symbol: 'diamond', symbolSize: 14 },
      null,
      null,
      null,
      null,
      90,
      null,
      null,
      null,
      null,
      95,
    ]);
    expect(chart.trajectory).toEqual([
      { period: '2020', value: 80 },
      { period: '2025', value: 90 },
      { period: '2030', value: 95 },
    ]);
  });

  it('draws the national targets as a dotted step', () => {
    const national = series(chart.option)[3];
    expect(national?.name).toBe('Mục tiêu quốc gia');
    expect(national?.lineStyle?.type).toBe('dotted');
    expect(national?.data).toEqual([90, 90, 90, 90, 90, 90, 95, 95, 95, 95, 95]);
  });

  it('summarises the values for a screen reader in Vietnamese number format, gaps named', () => {
    expect(chart.summary).toBe(
      `Tiếp cận dịch vụ, Tỉnh Nghệ An: 2021: 82,5${NBSP}%; 2022: Chưa có số liệu; 2024: 88,25${NBSP}%; ` +
        `2025: 91${NBSP}%; 2026: 90,5${NBSP}%. Chỉ tiêu: năm gốc 2020: 80${NBSP}%; ≥${NBSP}90${NBSP}% (2025); ≥${NBSP}95${NBSP}% (2030).`,
    );
  });

  it('formats axis labels and tooltips in the language chosen', () => {
    const vi = chart.option;
    const en = trendChart({ trend, type: 'year', unit: '%', lang: 'en', t: tEn, measureName: 'ECD access' }).option;
    const axisFormatter = (o: typeof vi) => (o.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(axisFormatter(vi)(1234.5)).toBe('1.234,5');
    expect(axisFormatter(en)(1234.5)).toBe('1,234.5');
    const tooltip = (o: typeof vi) => (o.tooltip as { valueFormatter: (v: number | null) => string }).valueFormatter;
    expect(tooltip(vi)(12.5)).toBe(`12,5${NBSP}%`);
    expect(tooltip(en)(12.5)).toBe('12.5%');
    expect(tooltip(vi)(null)).toBe('Chưa có số liệu');
    expect(tooltip(en)(null)).toBe('No data yet');
  });

  it('shows half-years on their own axis, targets at the second half of their year', () => {
    const half = trendChart({ trend, type: 'half', unit: '%', lang: 'en', t: tEn, measureName: 'ECD' });
    expect(half.categories[0]).toBe('2020S2');
    expect(half.categories.at(-1)).toBe('2025S2');
    expect(series(half.option)[0]?.data?.[half.categories.indexOf('2025S1')]).toBe(87);
    expect(half.trajectory).toEqual([
      { period: '2020S2', value: 80 },
      { period: '2025S2', value: 90 },
    ]);
    // both halves of 2025 are judged against the 2025 target
    expect(half.targetSteps.at(-1)).toBe(90);
    expect(half.targetSteps.at(-2)).toBe(90);
    expect(shortPeriodLabel('2025S1', 'vi')).toBe('6T1/2025');
    expect(shortPeriodLabel('2025S2', 'en')).toBe('H2 2025');
  });

  it('draws no level for a relative target ("giảm 4 % mỗi năm" is a change, not 4 on the axis)', () => {
    const yearly: TargetDto = { ...plan2030, value: 4, relative: { change: 'decrease', reference: 'previous-year', valueTo: 5 } };
    const chart = trendChart({
      trend: { ...trend, points: [point('2024', 5, yearly), point('2025', 4.8, yearly)] },
      type: 'year',
      unit: '%',
      lang: 'vi',
      t: tVi,
      measureName: 'Tảo hôn',
    });
    expect(series(chart.option).map((s) => s.name)).toEqual(['Kết quả']);
    expect(chart.targetSteps).toEqual([null, null]);
  });

  it('has no target line without a plan target, and says so when there is no data at all', () => {
    const none = trendChart({
      trend: { ...trend, points: [point('2024', 50, null)] },
      type: 'year',
      unit: 'per1000',
      lang: 'vi',
      t: tVi,
      measureName: 'Tử vong sơ sinh',
    });
    expect(series(none.option).map((s) => s.name)).toEqual(['Kết quả']);
    expect(none.targetSteps).toEqual([null]);
    expect(none.trajectory).toEqual([]);
    expect(none.summary).toBe(`Tử vong sơ sinh, Tỉnh Nghệ An: 2024: 50${NBSP}‰.`);
    const empty = trendChart({
      trend: { ...trend, points: [] },
      type: 'year',
      unit: '%',
      lang: 'en',
      t: tEn,
      measureName: 'ECD',
    });
    expect(empty.categories).toEqual([]);
    expect(empty.summary).toBe('ECD: no data yet.');
  });

  it('draws the target step without a line when the plan has no baseline; a newer plan wins for a year', () => {
    const noBaseline: TargetDto = { year: 2025, op: '<=', value: 12.5, planId: 'old', planTitle: 'KH cũ', baseline: null };
    const newer: TargetDto = { ...noBaseline, value: 11, planId: 'new', planTitle: 'KH mới' };
    const chart = trendChart({
      trend: { ...trend, points: [point('2023', 15, noBaseline), point('2024', 14, noBaseline), point('2025', null, newer)] },
      type: 'year',
      unit: 'per1000',
      lang: 'vi',
      t: tVi,
      measureName: 'U1',
    });
    expect(chart.categories).toEqual(['2023', '2024', '2025']);
    expect(chart.targetSteps).toEqual([11, 11, 11]);
    expect(chart.trajectory).toEqual([]);
    expect(series(chart.option).map((x) => x.name)).toEqual(['Kết quả', 'Chỉ tiêu kế hoạch']);
    expect(series(chart.option)[0]?.data).toEqual([15, 14, null]);
  });

  it('enumerates an axis across years without holes', () => {
    expect(trendCategories(['2024S2', '2023S1'], 'half', [])).toEqual(['2023S1', '2023S2', '2024S1', '2024S2']);
    expect(trendCategories(['2023', '2021S1'], 'year', [2025])).toEqual(['2023', '2024', '2025']);
  });
});

const ranking: RankingReply = {
  measure: 'I03_INFANT_MORTALITY',
  period: '2025',
  direction: 'lower',
  target: { year: 2025, op: '<=', value: 12.5 },
  units: [
    { code: '17827', name: 'Xã Nghi Lộc', numerator: 2, denominator: 400, value: 5, status: 'met' },
    { code: '16681', name: 'Phường Vinh Phú', numerator: 4, denominator: 400, value: 10, status: 'met' },
    { code: '16700', name: 'Xã Hưng Nguyên', numerator: 2, denominator: 200, value: 10, status: 'met' },
    { code: '16800', name: 'Xã Con Cuông', numerator: 3, denominator: 150, value: 20, status: 'off_track' },
    { code: '16900', name: 'Xã Kỳ Sơn', numerator: null, denominator: null, value: null, status: 'no_data' },
  ],
};

describe('ranking chart', () => {
  it('ranks ties equally and lists communes without figures last, unranked', () => {
    expect(rankUnits(ranking.units).map((u) => [u.code, u.rank])).toEqual([
      ['17827', 1],
      ['16681', 2],
      ['16700', 2],
      ['16800', 4],
      ['16900', null],
    ]);
  });

  it('draws only the communes with a value, coloured and labelled by status, with the target line', () => {
    const chart = rankingChart({
      ranking,
      unit: 'per1000',
      lang: 'vi',
      t: tVi,
      measureName: 'Tử vong dưới 1 tuổi',
      periodLabel: 'Năm 2025',
      show: 'all',
      limit: 15,
    });
    expect(chart.shown.map((u) => u.code)).toEqual(['17827', '16681', '16700', '16800']);
    const bar = (chart.option.series as BarSeriesOption[])[0];
    expect((bar?.data as { value: number }[]).map((d) => d.value)).toEqual([5, 10, 10, 20]);
    expect((bar?.data as { itemStyle: { color: string } }[])[3]?.itemStyle.color).toBe('#D55E00');
    const label = bar?.label?.formatter as (p: { dataIndex: number }) => string;
    expect(label({ dataIndex: 3 })).toBe(`20${NBSP}‰ ✕`);
    expect(label({ dataIndex: 0 })).toBe(`5${NBSP}‰ ✓`);
    expect(bar?.markLine?.data).toEqual([{ xAxis: 12.5 }]);
    expect((chart.option.yAxis as { data: string[] }).data[2]).toBe('2. Xã Hưng Nguyên');
    expect(chart.summary).toBe(
      `Tử vong dưới 1 tuổi, Năm 2025: 4 xã có số liệu; tốt nhất Xã Nghi Lộc (5${NBSP}‰), ` +
        `kém nhất Xã Con Cuông (20${NBSP}‰); 1 xã chưa báo cáo.`,
    );
  });

  it('shows the worst or the best few when asked', () => {
    const base = {
      ranking,
      unit: 'per1000' as const,
      lang: 'en' as const,
      t: tEn,
      measureName: 'U1',
      periodLabel: '2025',
      limit: 2,
    };
    expect(rankingChart({ ...base, show: 'worst' }).shown.map((u) => u.code)).toEqual(['16700', '16800']);
    expect(rankingChart({ ...base, show: 'best' }).shown.map((u) => u.code)).toEqual(['17827', '16681']);
    expect(rankingChart({ ...base, show: 'all' }).shown).toHaveLength(4);
  });

  it('has no target line without a target and says when no commune reported', () => {
    const chart = rankingChart({
      ranking: { ...ranking, target: null, units: ranking.units.filter((u) => u.value === null) },
      unit: '%',
      lang: 'en',
      t: tEn,
      measureName: 'U1',
      periodLabel: '2025',
      show: 'all',
      limit: 15,
    });
    expect(chart.shown).toEqual([]);
    expect((chart.option.series as BarSeriesOption[])[0]?.markLine).toBeUndefined();
    expect(chart.summary).toBe('U1: no data yet.');
    expect(chart.ranked[0]?.rank).toBeNull();
  });
});
