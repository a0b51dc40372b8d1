import { parsePeriod, yearPeriod } from '@tre/core';
import type { PlanTaskTable } from '../db/schema.ts';
import type { ProgressRow, TaskBodyRow } from './repository.ts';

/** Today's date where the plans are carried out: Vietnam has one time zone and no daylight saving. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

export function currentYearPeriod(now: Date = new Date()): string {
  return yearPeriod(Number(todayInVietnam(now).slice(0, 4))).code;
}

type TimelineRow = Pick<PlanTaskTable, 'timeline_kind' | 'start_date' | 'end_date'>;

/** When a task is due: the end of a range, the day of a one-off task; recurring tasks have no due date. */
export function dueDateOf(t: TimelineRow): string | null {
  if (t.timeline_kind === 'once') return t.end_date ?? t.start_date;
  if (t.timeline_kind === 'range') return t.end_date;
  return null;
}

const FINISHED = new Set(['done', 'not_applicable']);

/**
 * A task is overdue when its due date has passed and some body assigned to it by name (an agency)
 * has not reported it done or not applicable in a period of the due date's year. Groups are not
 * expanded here: "UBND cấp xã" would make every task overdue until the last of ~100 communes
 * reports. A task assigned only to groups (or unresolved names) is overdue until any body
 * reports it finished. Returns the agency ids still owing, or null when not overdue.
 */
export function owingBodies(
  task: TimelineRow,
  bodies: Pick<TaskBodyRow, 'agency_id' | 'resolution'>[],
  progress: Pick<ProgressRow, 'agency_id' | 'period' | 'status'>[],
  today: string,
): string[] | null {
  const due = dueDateOf(task);
  if (!due || due >= today) return null;
  const year = Number(due.slice(0, 4));
  const finished = progress.filter((p) => FINISHED.has(p.status) && parsePeriod(p.period)?.year === year);
  const agencies = [...new Set(bodies.flatMap((b) => (b.resolution === 'agency' && b.agency_id ? [b.agency_id] : [])))];
  if (agencies.length === 0) return finished.length > 0 ? null : [];
  const owing = agencies.filter((id) => !finished.some((p) => p.agency_id === id));
  return owing.length > 0 ? owing : null;
}

/**
 * Task progress is reported in the reporting rounds, which are yearly and half-yearly; quarter and
 * month codes are valid periods for figures but not for tasks (the table's CHECK agrees).
 */
export function isTaskPeriod(code: string): boolean {
  const type = parsePeriod(code)?.type;
  return type === 'year' || type === 'half';
}
