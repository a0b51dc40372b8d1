import { clockState, vietnamTimestamp, type CaseClockDto, type ClockKind } from '@tre/core';

/**
 * A case's legal clocks as lists and the case page show them: the emergency-measures clock (only
 * when the report says the child's life, health or dignity is seriously threatened), the plan's
 * 5 working days, and the review date the approved plan set. Each stops when its step is taken.
 * "Near" is the last quarter of the emergency clock (3 of 12 hours), the plan's last day and the
 * review's last three days: soon enough to act, late enough not to cry wolf.
 */

const HOUR = 3_600_000;
export const NEAR_MS: Readonly<Record<ClockKind, number>> = { emergency: 3 * HOUR, plan: 24 * HOUR, review: 72 * HOUR };

interface ClockColumns {
  status: string;
  emergency_required: boolean;
  emergency_due: Date | string;
  emergency_met_at: Date | string | null;
  plan_due: Date | string;
  plan_met_at: Date | string | null;
  review_due: Date | string | null;
  review_met_at: Date | string | null;
}

const iso = (v: Date | string) => vietnamTimestamp(typeof v === 'string' ? new Date(v) : v);

export function clocksOf(row: ClockColumns, now: Date): CaseClockDto[] {
  const closed = row.status === 'closed';
  const clock = (kind: ClockKind, due: Date | string, metAt: Date | string | null): CaseClockDto => {
    const met = metAt ?? null;
    // a closed case's clocks that never met stop where they stood: closed, not overdue for ever
    const state = met !== null ? 'met' : closed ? 'met' : clockState(due, now, NEAR_MS[kind]);
    return { kind, dueAt: iso(due), state, metAt: met === null ? null : iso(met) };
  };
  const clocks: CaseClockDto[] = [];
  if (row.emergency_required) clocks.push(clock('emergency', row.emergency_due, row.emergency_met_at));
  clocks.push(clock('plan', row.plan_due, row.plan_met_at));
  if (row.review_due !== null) clocks.push(clock('review', row.review_due, row.review_met_at));
  return clocks;
}

/** The running clock due first: what the worker's list sorts on and the alerts watch. */
export function nearestClock(clocks: CaseClockDto[]): CaseClockDto | null {
  const running = clocks.filter((c) => c.state !== 'met');
  running.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return running[0] ?? null;
}
