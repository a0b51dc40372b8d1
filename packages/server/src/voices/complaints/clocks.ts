import { clockState, vietnamTimestamp, type ComplaintClockDto, type ComplaintClockKind } from '@tre/core';

/**
 * A complaint's legal clocks as lists and its page show them: acceptance (from receipt) and, once
 * accepted, resolution (from acceptance, with its extensions). Each stops when its step is taken
 * (metAt: the date of the decision); one that never met stops where it stood when the complaint
 * leaves the open steps (withdrawn, not accepted, used as information, closed). "Near": the last
 * three days.
 */
export const COMPLAINT_NEAR_MS = 72 * 3_600_000;

const RUNNING = ['received', 'accepted', 'resolving'];

interface ClockColumns {
  status: string;
  acceptance_due: Date | string;
  acceptance_met_at: Date | string | null;
  resolution_due: Date | string | null;
  resolution_met_at: Date | string | null;
}

const iso = (v: Date | string) => vietnamTimestamp(typeof v === 'string' ? new Date(v) : v);

export function complaintClocks(row: ClockColumns, now: Date): ComplaintClockDto[] {
  const stopped = !RUNNING.includes(row.status);
  const clock = (kind: ComplaintClockKind, due: Date | string, metAt: Date | string | null): ComplaintClockDto => ({
    kind,
    dueAt: iso(due),
    state: metAt !== null || stopped ? 'met' : clockState(due, now, COMPLAINT_NEAR_MS),
    metAt: metAt === null ? null : iso(metAt),
  });
  const clocks = [clock('acceptance', row.acceptance_due, row.acceptance_met_at)];
  if (row.resolution_due !== null) clocks.push(clock('resolution', row.resolution_due, row.resolution_met_at));
  return clocks;
}

export function nearestComplaintClock(clocks: ComplaintClockDto[]): ComplaintClockDto | null {
  const running = clocks.filter((c) => c.state !== 'met');
  running.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return running[0] ?? null;
}
