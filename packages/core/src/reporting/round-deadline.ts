import type { ReportingDeadline, ReportingKind } from '../plans/plan-format.ts';
import { parsePeriod, periodEnd, periodStart, type Period } from '../periods/period.ts';
import { addDays, daysBetween } from './timeliness.ts';

/**
 * The deadline of a round, read from its plan's reporting regime (Chế độ báo cáo). A 6-month round
 * takes the plan's semiannual deadline, a yearly round the annual one (the final report when that is
 * all there is), a quarter the quarterly one. A yearly deadline written `MM-DD` falls in the period's
 * own year unless that lands before the middle of the period (`15/01 hàng năm` for the year's report
 * is the January after it): Vietnamese 6-month reports are due before the half-year ends (10 June), so
 * "after the period" would be wrong. A dated deadline counts when it falls within the period or the
 * six months after. Undefined: the plan says nothing usable and the officer gives the date.
 */
const KINDS: Record<Period['type'], ReportingKind[]> = {
  year: ['annual', 'final'],
  // the second half-year is reported in the annual report (Vietnamese plans give one 6-month date, for S1)
  half: ['annual', 'semiannual'],
  quarter: ['quarterly'],
  month: ['monthly'],
};

export function roundDeadline(
  periodCode: string,
  regime: readonly ReportingDeadline[],
): { due: string; from: ReportingDeadline } | undefined {
  const period = parsePeriod(periodCode);
  if (!period) return undefined;
  const start = periodStart(period);
  const end = periodEnd(period);
  const middle = addDays(start, Math.floor(daysBetween(start, end) / 2));
  const kinds = period.type === 'half' && period.index === 1 ? ['semiannual' as const] : KINDS[period.type];
  for (const kind of kinds) {
    for (const d of regime.filter((r) => r.kind === kind)) {
      const due = resolve(d.due, period.year, middle, end);
      if (due) return { due, from: d };
    }
  }
  return undefined;
}

function resolve(due: string, year: number, middle: string, end: string): string | undefined {
  if (/^\d{4}-/.test(due)) return due >= middle && due <= addDays(end, 183) ? due : undefined;
  const inYear = `${year}-${due}`;
  if (Number.isNaN(Date.parse(`${inYear}T00:00:00Z`))) return undefined;
  return inYear >= middle ? inYear : `${year + 1}-${due}`;
}
