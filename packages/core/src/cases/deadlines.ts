import type { Bilingual } from '../indicators/catalogue-schema.ts';
import { addDays, vietnamDate } from '../reporting/timeliness.ts';
import { workingDaysAfter, type WorkingCalendar } from './calendar.ts';

/**
 * The legal clocks of a child-protection case (Nghị định 56/2017), from the moment the report was
 * received, in Vietnam time (UTC+7, no daylight saving):
 * - emergency measures (Điều 26): within 12 hours — calendar hours, nights and holidays included;
 * - the support and intervention plan (Điều 28): within 5 working days, counted from the working day
 *   after the day of the report; the deadline is the end of the fifth (23:59:59 Vietnam time).
 * The report's day is its date in Vietnam: 00:30 on 30 April in Vietnam is 17:30 UTC on 29 April,
 * and still 30 April here.
 */

export const EMERGENCY_MEASURES_HOURS = 12;
export const PLAN_WORKING_DAYS = 5;

const HOUR_MS = 3_600_000;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const VIETNAM_OFFSET = '+07:00';

/** A count made across a year the calendar lacks: only weekends were taken off. */
export interface CalendarWarning extends Bilingual {
  code: 'calendar_missing';
  year: number;
}

export interface CaseDeadlines {
  /** the moment received, ISO with +07:00 */
  received: string;
  /** ISO timestamp (+07:00): 12 hours after the report */
  emergencyMeasuresBy: string;
  /** YYYY-MM-DD: the fifth working day after the report's day */
  planDueDate: string;
  /** ISO timestamp (+07:00): the end of planDueDate */
  planBy: string;
  /** the five working days counted, in order */
  planWorkingDays: string[];
  /** one per year counted across that the calendar does not hold */
  warnings: CalendarWarning[];
}

/** An instant as Vietnam's wall clock, "2025-01-25T03:00:00+07:00" (milliseconds only when there are some). */
export function vietnamTimestamp(at: Date): string {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('vietnamTimestamp: invalid date');
  const wall = new Date(ms + VIETNAM_OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" in Vietnam's wall time
  const fraction = wall.slice(19, 23) === '.000' ? '' : wall.slice(19, 23);
  return `${wall.slice(0, 19)}${fraction}${VIETNAM_OFFSET}`;
}

/** The last second of a Vietnam date, as the plan's deadline is written. */
export const endOfVietnamDay = (date: string): string => `${date}T23:59:59${VIETNAM_OFFSET}`;

function missingYearWarning(year: number): CalendarWarning {
  return {
    code: 'calendar_missing',
    year,
    vi: `Chưa có lịch nghỉ lễ, làm bù năm ${year} của cơ quan nhà nước: hạn chỉ trừ thứ Bảy, Chủ nhật — quản trị viên cần nhập lịch năm ${year}`,
    en: `The public offices' calendar of ${year} is missing: the deadline leaves out only Saturdays and Sundays — the administrator should enter ${year}`,
  };
}

/** The deadlines of a case received at this moment, counted on this calendar. */
export function caseDeadlines(receivedAt: Date, calendar: WorkingCalendar): CaseDeadlines {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError('caseDeadlines: invalid receivedAt');
  const reportDay = vietnamDate(receivedAt);
  const planWorkingDays = workingDaysAfter(calendar, reportDay, PLAN_WORKING_DAYS);
  const planDueDate = planWorkingDays.at(-1) ?? reportDay;
  const warnings: CalendarWarning[] = [];
  // every year the count walked through, from the day after the report to the due date
  for (let year = Number(addDays(reportDay, 1).slice(0, 4)); year <= Number(planDueDate.slice(0, 4)); year++) {
    if (!calendar.covers(year)) warnings.push(missingYearWarning(year));
  }
  return {
    received: vietnamTimestamp(receivedAt),
    emergencyMeasuresBy: vietnamTimestamp(new Date(receivedAt.getTime() + EMERGENCY_MEASURES_HOURS * HOUR_MS)),
    planDueDate,
    planBy: endOfVietnamDay(planDueDate),
    planWorkingDays,
    warnings,
  };
}

/** Where a clock stands: the alerts and the worker's list read it (cases-api's ClockState). */
type ClockReading = 'ok' | 'near' | 'overdue' | 'met';

function instant(value: string | Date, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`clockState: invalid ${what}`);
  return ms;
}

/**
 * 'met' once the step that stops the clock was taken (at `metAt`, whether in time or not: whether it
 * was late is `metAt` against the deadline); otherwise 'overdue' after the deadline, 'near' within
 * `nearMs` of it, 'ok' before. Deadlines are whole seconds (23:59:59), so `now` is compared to the
 * second: 23:59:59.900 on the due day is not yet overdue.
 */
export function clockState(deadline: string | Date, now: Date, nearMs: number, metAt?: string | Date | null): ClockReading {
  if (metAt !== undefined && metAt !== null) {
    instant(metAt, 'metAt');
    return 'met';
  }
  const due = instant(deadline, 'deadline');
  const at = Math.floor(instant(now, 'now') / 1000) * 1000;
  if (at > due) return 'overdue';
  return due - at <= Math.max(0, nearMs) ? 'near' : 'ok';
}

const RECEIVED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The moment a report was received, from text: an ISO timestamp, "2025-01-24T15:00:00+07:00",
 * "…T08:00:00Z", or without an offset ("2025-01-24T15:00"), which is read as Vietnam time — the
 * time an officer reads off the office clock; never the server's zone. Undefined when it is not
 * one (a date alone has no hour, and the 12-hour clock needs one), or outside 2000–2100.
 */
export function parseReceivedAt(text: string): Date | undefined {
  const m = RECEIVED.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parts = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
  const [year, month, dayOfMonth, hour, minute, second] = parts;
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second, Number((frac ?? '0').padEnd(3, '0')));
  // Date.UTC rolls 30 February over into March: a day the month does not have is refused
  if (new Date(wall).getUTCDate() !== dayOfMonth) return undefined;
  const offset = zoneOffsetMs(zone ?? VIETNAM_OFFSET);
  if (offset === undefined) return undefined;
  return new Date(wall - offset);
}

function zoneOffsetMs(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * HOUR_MS + minutes * 60_000);
}
