import {
  addDays,
  daysBetween,
  submissionStateLabels,
  vietnamDate,
  type BoardRowDto,
  type RoundSummaryDto,
  type SubmissionState,
} from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';

export type BoardState = SubmissionState | 'missing';

/** A state is never told by colour alone: each has its symbol beside its word. */
export const STATE_STYLE: Record<BoardState, { symbol: string; color: string }> = {
  missing: { symbol: '○', color: 'gray' },
  draft: { symbol: '✎', color: 'gray' },
  submitted: { symbol: '↑', color: 'blue' },
  returned: { symbol: '↩', color: 'orange' },
  resubmitted: { symbol: '↻', color: 'blue' },
  accepted: { symbol: '✓', color: 'teal' },
};

export const BOARD_STATES: BoardState[] = ['missing', 'draft', 'submitted', 'returned', 'resubmitted', 'accepted'];

/** dd/mm/yyyy of a date (YYYY-MM-DD) or of an instant's day in Vietnam. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const day = iso.length > 10 ? vietnamDate(new Date(iso)) : iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : iso;
}

/** dd/mm/yyyy hh:mm of an instant, in Vietnam time. */
export function formatDayTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString();
  return `${formatDay(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`;
}

/** Today in Vietnam (YYYY-MM-DD). */
export const today = (): string => vietnamDate(new Date());

/** Days from today to a deadline: positive before it, negative after. */
export const daysLeft = (deadline: string): number => daysBetween(today(), deadline);

/** The default deadline of a round opened by hand: two weeks from today. */
export const inTwoWeeks = (): string => addDays(today(), 14);

/** The reporting screens' words for states and timeliness. */
export function useReportingLabels() {
  const { t, lang } = useI18n();
  const state = (s: BoardState) => submissionStateLabels[s][lang];
  /** Sent: on time or N days late; not sent: days left, due today, or overdue N days. */
  const timeliness = (r: { submittedOn: string | null; onTime: boolean | null; daysLate: number }, deadline: string) => {
    if (r.submittedOn !== null) return r.onTime ? `✓ ${t('repOnTime')}` : `! ${t('repLateDays', { n: r.daysLate })}`;
    const left = daysLeft(deadline);
    if (left > 0) return t('repDaysLeft', { n: left });
    if (left === 0) return t('repDueToday');
    return `✕ ${t('repOverdueDays', { n: -left })}`;
  };
  return { state, timeliness };
}

/** A body's own state in a round it owes (GET /api/rounds/mine says it; else read from the counts). */
export function ownState(r: RoundSummaryDto): BoardState {
  if (r.ownState) return r.ownState;
  if (r.counts.accepted > 0) return 'accepted';
  if (r.counts.returned > 0) return 'returned';
  if (r.counts.submitted > 0) return 'submitted';
  return 'missing';
}

export type { BoardRowDto };
