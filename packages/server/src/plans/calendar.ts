import type { CalendarEventDto, PlanCalendarReply, ReportingKind } from '@tre/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { owingBodies, todayInVietnam } from './due.ts';
import { byTask } from './by-task.ts';
import * as repo from './repository.ts';
import { getPlan } from './service.ts';
import { planCoversYear } from './tasks.ts';

const REPORT_TITLES: Record<ReportingKind, string> = {
  semiannual: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
  quarterly: 'Báo cáo quý',
  monthly: 'Báo cáo tháng',
  final: 'Báo cáo tổng kết',
  other: 'Báo cáo',
};

const TITLE_MAX = 200;
const shorten = (text: string) => (text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text);

/** 'YYYY-MM-DD' when it is a real day ("02-29" has none in most years). */
function realDate(iso: string): string | null {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * A plan's year on a calendar: its dated tasks (one-off and ranges overlapping the year) and its
 * report deadlines. A yearly deadline ('MM-DD') falls in every year of the plan, or in any year
 * when the plan gives none; a full date only in its own year.
 */
export async function planCalendar(
  db: Kysely<Database>,
  provinceCode: string,
  planId: string,
  year: number,
): Promise<PlanCalendarReply> {
  const plan = await getPlan(db, provinceCode, planId);
  const today = todayInVietnam();
  const tasks = (await repo.listTasks(db, planId, { year: { year, undatedCount: false } })).filter(
    (t) => t.start_date !== null || t.end_date !== null,
  );
  const ids = tasks.map((t) => t.id);
  const [bodies, progress, parts] = await Promise.all([
    repo.listTaskBodies(db, ids),
    repo.listProgress(db, ids),
    repo.loadPlanParts(db, planId),
  ]);
  const bodiesOf = byTask(bodies);
  const progressOf = byTask(progress);
  const events: CalendarEventDto[] = tasks.map((t) => {
    const start = t.start_date ?? t.end_date ?? '';
    const end = t.timeline_kind === 'range' && t.end_date && t.end_date !== start ? t.end_date : null;
    const number = t.path ?? t.ref;
    return {
      date: start,
      endDate: end,
      kind: 'task',
      title: shorten(number ? `${number}. ${t.text}` : t.text),
      taskId: t.id,
      lunar: t.lunar,
      overdue: owingBodies(t, bodiesOf(t.id), progressOf(t.id), today) !== null,
    };
  });
  for (const r of parts.reporting) {
    const yearly = /^\d{2}-\d{2}$/.test(r.due);
    const date = yearly ? (planCoversYear(plan, year) ? realDate(`${year}-${r.due}`) : null) : r.due;
    if (!date || !date.startsWith(`${year}-`)) continue;
    const title = r.recipient ? `${REPORT_TITLES[r.kind]} gửi ${r.recipient}` : REPORT_TITLES[r.kind];
    events.push({ date, endDate: null, kind: 'report', title: shorten(title), taskId: null, lunar: null, overdue: false });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return { year, events };
}
