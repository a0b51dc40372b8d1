/**
 * On time or late, in Vietnam's calendar (UTC+7, no daylight saving): a submission is on time when
 * the date it was sent, in Vietnam, is on or before the deadline date. 23:59 on the deadline is on
 * time; 00:01 the next day is one day late, whatever the server's or the browser's time zone.
 */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 86_400_000;

/** The date (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from date a to date b (both YYYY-MM-DD): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Adds days to a date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface Timeliness {
  /** sent on or before the deadline date in Vietnam */
  onTime: boolean;
  /** 0 when on time */
  daysLate: number;
}

/** Timeliness of a submission first sent at `submittedAt` for a round due on `deadline`. */
export function timelinessOf(submittedAt: Date, deadline: string): Timeliness {
  const late = daysBetween(deadline, vietnamDate(submittedAt));
  return { onTime: late <= 0, daysLate: Math.max(0, late) };
}

/** Days a body that has not submitted is overdue on `today` (a Vietnam date), 0 before the deadline has passed. */
export function daysOverdue(deadline: string, today: string): number {
  return Math.max(0, daysBetween(deadline, today));
}
