import {
  measureHeading,
  comparePeriods,
  communesReport,
  parsePeriod,
  previousPeriod,
  targetForYear,
  agencySupplies,
  type CatalogueIndex,
  type Measure,
  type MeasureValueDto,
  type PeriodType,
  type RankingReply,
  type TrendReply,
  type ValuesReply,
} from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { readableUnit, type FiguresReader } from '../access.ts';
import { periodOf } from '../period.ts';
import { agenciesOf, communeCodesOf, communesOf, getReportingUnit, type ReportingUnit } from '../units.ts';
import { judge, referencePeriod, referenceValue, targetsOfYear } from './judge.ts';
import { measureSums, periodsWithData, planTargets, type MeasureSumRow } from './repository.ts';

/**
 * Indicator values of a unit and period.
 *
 * THE PROVINCE RULE, per measure (never mixing levels inside one ratio):
 * 1. Measures communes report (core communesReport): Σ numerators / Σ denominators over the
 *    province's communes that reported both; completeness = those communes / all communes.
 * 2. When no commune reported the measure — or it is a province-only measure (counts of communes) —
 *    the province's own figure (unit = the province code) is used, else the figure of the agency
 *    that supplies the measure; completeness is then 1/1 (or 0/1 when neither exists).
 * Commune sums and province-wide figures are never added together: an agency's figure already
 * counts the children the communes count.
 */

type ValueSource = MeasureValueDto['source'];

/** One measure's value as the contract gives it (cli.ts prints these). */
export type MeasureValue = MeasureValueDto;

interface Sum {
  /** sums over the units that reported (0 when none did: the reply then says null) */
  numerator: number;
  denominator: number;
  reported: number;
  expected: number;
  source: ValueSource;
}

/**
 * numerator / denominator × factor exactly as core aggregate.ts: null without a unit or with a 0
 * denominator, and null rather than Infinity should a figure ever be out of bounds (migration 0008
 * keeps every count ≤ 10^12, so sums of the largest province stay finite and exact).
 */
function ratio(sum: Pick<Sum, 'numerator' | 'denominator' | 'reported'>, factor: number): number | null {
  if (sum.reported === 0 || sum.denominator === 0) return null;
  const v = (sum.numerator / sum.denominator) * factor;
  return Number.isFinite(v) ? v : null;
}

const key = (measure: string, period: string) => `${measure}\u0000${period}`;

function byMeasurePeriod(rows: MeasureSumRow[]) {
  return new Map(rows.map((r) => [key(r.measure, r.period), r]));
}

/** Measures a unit reports or is judged on. */
function measuresOf(index: CatalogueIndex, unit: ReportingUnit): Measure[] {
  if (unit.kind === 'province') return index.measures;
  if (unit.kind === 'commune') return index.measures.filter(communesReport);
  const agency = unit.agency;
  return agency ? index.measures.filter((m) => agencySupplies(agency, m.agency)) : [];
}

/** The sums per measure and period for a unit, with the province rule above. */
export async function unitSums(
  db: Kysely<Database>,
  provinceCode: string,
  unit: ReportingUnit,
  measures: Measure[],
  periods: string[],
): Promise<Map<string, Sum>> {
  const codes = measures.map((m) => m.code);
  const out = new Map<string, Sum>();
  if (unit.kind !== 'province') {
    const own = byMeasurePeriod(
      await measureSums(db, { provinceCode, periods, scope: { kind: 'unit', code: unit.code }, measures: codes }),
    );
    for (const m of measures) {
      for (const p of periods) {
        const r = own.get(key(m.code, p));
        out.set(key(m.code, p), {
          numerator: r?.numerator ?? 0,
          denominator: r?.denominator ?? 0,
          reported: r?.reported ?? 0,
          expected: 1,
          source: 'unit',
        });
      }
    }
    return out;
  }
  const [communes, above, communeCount] = await Promise.all([
    measureSums(db, { provinceCode, periods, scope: { kind: 'communes' }, measures: codes }),
    measureSums(db, { provinceCode, periods, scope: { kind: 'above_communes' }, measures: codes, byUnit: true }),
    communeCodesOf(db, provinceCode).then((c) => c.length),
  ]);
  const fromCommunes = byMeasurePeriod(communes);
  const agencies = new Map((await agenciesOf(db, provinceCode)).map((a) => [a.id, a]));
  for (const m of measures) {
    for (const p of periods) {
      const c = fromCommunes.get(key(m.code, p));
      if (communesReport(m) && c) {
        out.set(key(m.code, p), { ...c, expected: communeCount, source: 'communes' });
        continue;
      }
      const rows = above.filter((r) => r.measure === m.code && r.period === p);
      const province = rows.find((r) => r.unit === provinceCode);
      const agencyRow = rows.find((r) => {
        const a = r.unit ? agencies.get(r.unit) : undefined;
        return a !== undefined && agencySupplies(a, m.agency);
      });
      const chosen = province ?? agencyRow;
      if (chosen) out.set(key(m.code, p), { ...chosen, expected: 1, source: province ? 'province' : 'agency' });
      else if (communesReport(m))
        out.set(key(m.code, p), { numerator: 0, denominator: 0, reported: 0, expected: communeCount, source: 'communes' });
      else out.set(key(m.code, p), { numerator: 0, denominator: 0, reported: 0, expected: 1, source: 'province' });
    }
  }
  return out;
}

async function targetsFor(db: Kysely<Database>, provinceCode: string, year: number, measures?: string[]) {
  return targetsOfYear(await planTargets(db, provinceCode, { from: year, to: year }, measures), year);
}

/** A sum's numerator or denominator, or null when no unit reported (never 0 for "nothing known"). */
const reported = (s: Sum | undefined, part: 'numerator' | 'denominator') => (s && s.reported > 0 ? s[part] : null);

export async function indicatorValues(
  db: Kysely<Database>,
  reader: FiguresReader,
  q: { period: string; unit: string },
): Promise<ValuesReply> {
  const { provinceCode } = reader;
  const unit = await readableUnit(db, reader, q.unit);
  const period = periodOf(q.period);
  const index = await catalogueIndex(db);
  const measures = measuresOf(index, unit);
  const before = previousPeriod(period).code;
  const targets = await targetsFor(db, provinceCode, period.year);
  const references = [...targets.values()].map((t) => referencePeriod(period, t)).filter((p) => p !== null);
  const sums = await unitSums(db, provinceCode, unit, measures, [...new Set([period.code, before, ...references])]);
  const values = measures.map((m): MeasureValueDto => {
    const s = sums.get(key(m.code, period.code)) ?? {
      numerator: 0,
      denominator: 0,
      reported: 0,
      expected: 1,
      source: 'unit' as const,
    };
    const prev = sums.get(key(m.code, before));
    const value = ratio(s, m.factor);
    const previousValue = prev ? ratio(prev, m.factor) : null;
    const target = targets.get(m.code) ?? null;
    const national = targetForYear(m.nationalTargets, period.year);
    const nationalTarget = national ? { year: national.year, op: national.op, value: national.value } : null;
    const refPeriod = referencePeriod(period, target);
    const refSum = refPeriod ? sums.get(key(m.code, refPeriod)) : undefined;
    const reference = referenceValue(target, refSum ? ratio(refSum, m.factor) : null, unit.kind === 'province');
    const progress = judge(m, value, previousValue, period.year, target, reference);
    return {
      ...measureHeading(index, m),
      factor: m.factor,
      numerator: reported(s, 'numerator'),
      denominator: reported(s, 'denominator'),
      value,
      unitsExpected: s.expected,
      unitsReported: s.reported,
      completeness: s.expected > 0 ? s.reported / s.expected : null,
      source: s.source,
      previousValue,
      target,
      nationalTarget,
      status: progress.status,
      nationalStatus: judge(m, value, null, period.year, nationalTarget).status,
      expected: progress.expected,
      change: progress.change,
      trend: progress.trend,
    };
  });
  return { unit: { kind: unit.kind, code: unit.code, name: unit.name }, period: period.code, values };
}

function measureOrNotFound(index: CatalogueIndex, code: string): Measure {
  const m = index.measure(code);
  if (!m) throw notFound({ vi: 'chỉ tiêu đo lường', en: 'Measure' });
  return m;
}

/** Every commune of the province on one measure: value and status, best first, missing last. */
export async function measureRanking(
  db: Kysely<Database>,
  provinceCode: string,
  q: { measure: string; period: string },
): Promise<RankingReply> {
  const period = periodOf(q.period);
  const index = await catalogueIndex(db);
  const m = measureOrNotFound(index, q.measure);
  const [targets, communes] = await Promise.all([
    targetsFor(db, provinceCode, period.year, [m.code]),
    communesOf(db, provinceCode),
  ]);
  const target = targets.get(m.code) ?? null;
  // a relative target judges each commune against its own value of the reference period
  const refPeriod = referencePeriod(period, target);
  const rows = await measureSums(db, {
    provinceCode,
    periods: refPeriod ? [period.code, refPeriod] : [period.code],
    scope: { kind: 'communes' },
    measures: [m.code],
    byUnit: true,
  });
  const byUnit = new Map(rows.filter((r) => r.period === period.code).map((r) => [r.unit, r]));
  const refOf = new Map(rows.filter((r) => r.period === refPeriod).map((r) => [r.unit, ratio(r, m.factor)]));
  const units = communes.map((c) => {
    const r = byUnit.get(c.code);
    const value = r ? ratio(r, m.factor) : null;
    return {
      code: c.code,
      name: c.name,
      numerator: r?.numerator ?? null,
      denominator: r?.denominator ?? null,
      value,
      status: judge(m, value, null, period.year, target, refOf.get(c.code) ?? null).status,
    };
  });
  const sign = m.direction === 'higher' ? -1 : 1;
  units.sort((a, b) =>
    a.value === null
      ? b.value === null
        ? a.code.localeCompare(b.code)
        : 1
      : b.value === null
        ? -1
        : sign * (a.value - b.value) || a.code.localeCompare(b.code),
  );
  return { measure: m.code, period: period.code, direction: m.direction, target, units };
}

/**
 * One measure of one unit over every period with data (of one type when asked), oldest first, each
 * point with the target for its year. Four queries whatever the number of periods.
 */
export async function measureTrendSeries(
  db: Kysely<Database>,
  reader: FiguresReader,
  q: { measure: string; unit: string; type?: PeriodType | undefined },
): Promise<TrendReply> {
  const { provinceCode } = reader;
  const unit = await readableUnit(db, reader, q.unit);
  const index = await catalogueIndex(db);
  const m = measureOrNotFound(index, q.measure);
  const periods = (await periodsWithData(db, provinceCode, [m.numerator, m.denominator]))
    .map((code) => parsePeriod(code))
    .filter((p): p is NonNullable<typeof p> => p !== null && (!q.type || p.type === q.type))
    .sort(comparePeriods);
  const years = periods.map((p) => p.year);
  const [sums, targetRows] = await Promise.all([
    unitSums(
      db,
      provinceCode,
      unit,
      [m],
      periods.map((p) => p.code),
    ),
    years.length > 0 ? planTargets(db, provinceCode, { from: Math.min(...years), to: Math.max(...years) }, [m.code]) : [],
  ]);
  const points = periods.map((p) => {
    const s = sums.get(key(m.code, p.code));
    return {
      period: p.code,
      numerator: reported(s, 'numerator'),
      denominator: reported(s, 'denominator'),
      value: s ? ratio(s, m.factor) : null,
      unitsReported: s?.reported ?? 0,
      unitsExpected: s?.expected ?? 0,
      target: targetsOfYear(targetRows, p.year).get(m.code) ?? null,
    };
  });
  return { measure: m.code, unit: { kind: unit.kind, code: unit.code, name: unit.name }, points };
}

/**
 * The province's yearly values of some measures, computed exactly as GET /api/indicators/values
 * computes them (the province rule in unitSums), for the given year of each measure: measure →
 * value, absent when that year has none. One unitSums call whatever the number of measures.
 */
export async function provinceValuesOfYears(
  db: Kysely<Database>,
  provinceCode: string,
  wanted: readonly { measure: Measure; year: number }[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const province = await getReportingUnit(db, provinceCode, provinceCode);
  const periods = [...new Set(wanted.map((w) => String(w.year)))];
  const sums = await unitSums(
    db,
    provinceCode,
    province,
    wanted.map((w) => w.measure),
    periods,
  );
  for (const w of wanted) {
    const s = sums.get(key(w.measure.code, String(w.year)));
    const value = s ? ratio(s, w.measure.factor) : null;
    if (value !== null) out.set(w.measure.code, value);
  }
  return out;
}
