import { addDays, daysBetween } from './timeliness.ts';

/**
 * When a body that has not submitted is reminded (issue 14): once N days before the deadline, then
 * every M days after it; a body late beyond its escalation threshold is escalated to its head, once.
 * Each reminder has a step name — `before`, `after-1`, `after-2` …, `escalate` — and the log keeps
 * one row per (round, body, step, channel) under a unique key, so a step is never sent twice, across
 * restarts or two server processes. After a pause (the server was off for a week) only the latest
 * step that has fallen due is sent, never the backlog.
 */
export interface ReminderSettings {
  /** days before the deadline for the one early reminder (0: none) */
  beforeDays: number;
  /** days between reminders after the deadline */
  everyDays: number;
}

export interface ReminderStep {
  step: string;
  kind: 'before' | 'after' | 'escalate';
  /** the Vietnam date the step fell due */
  dueOn: string;
}

/** The reminder step that is due on `today` (a Vietnam date), or undefined before the first one. */
export function dueReminder(deadline: string, settings: ReminderSettings, today: string): ReminderStep | undefined {
  const after = daysBetween(deadline, today);
  if (after >= settings.everyDays && settings.everyDays > 0) {
    const k = Math.floor(after / settings.everyDays);
    return { step: `after-${k}`, kind: 'after', dueOn: addDays(deadline, k * settings.everyDays) };
  }
  if (settings.beforeDays > 0 && after >= -settings.beforeDays && after < 0) {
    return { step: 'before', kind: 'before', dueOn: addDays(deadline, -settings.beforeDays) };
  }
  return undefined;
}

/** The escalation step, when the body is late beyond its threshold (null: it never escalates). */
export function dueEscalation(deadline: string, escalateAfterDays: number | null, today: string): ReminderStep | undefined {
  if (escalateAfterDays === null) return undefined;
  return daysBetween(deadline, today) > escalateAfterDays
    ? { step: 'escalate', kind: 'escalate', dueOn: addDays(deadline, escalateAfterDays + 1) }
    : undefined;
}
