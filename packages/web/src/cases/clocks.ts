import { isOpenCase, type CaseClockDto, type CaseSummaryDto, type ClockKind, type ClockState, type Language } from '@tre/core';
import { formatDayTime } from '../reporting/labels.ts';

/**
 * The legal clocks of a case (Nghị định 56/2017: emergency measures within 12 hours of the report,
 * the support plan within 5 working days, the review on its date) as the screens write them. A
 * clock's state is never told by colour alone: each has a symbol and a word beside its colour.
 */

type Words = Readonly<{ vi: string; en: string }>;

export const CLOCK_KIND_LABELS: Readonly<Record<ClockKind, Words>> = {
  emergency: { vi: 'Biện pháp khẩn cấp (12 giờ)', en: 'Emergency measures (12 hours)' },
  plan: { vi: 'Kế hoạch hỗ trợ (5 ngày làm việc)', en: 'Support plan (5 working days)' },
  review: { vi: 'Rà soát kế hoạch', en: 'Plan review' },
};

export const CLOCK_STATE_STYLE: Readonly<Record<ClockState, Words & { symbol: string; color: string }>> = {
  overdue: { vi: 'Quá hạn', en: 'Overdue', symbol: '✕', color: 'red' },
  near: { vi: 'Sắp đến hạn', en: 'Due soon', symbol: '!', color: 'orange' },
  ok: { vi: 'Còn hạn', en: 'On time', symbol: '◷', color: 'blue' },
  met: { vi: 'Đã thực hiện', en: 'Met', symbol: '✓', color: 'teal' },
};

/** The order the overview's table and the legend list the states in: the most pressing first. */
export const CLOCK_STATES: readonly ClockState[] = ['overdue', 'near', 'ok', 'met'];
export const CLOCK_KINDS: readonly ClockKind[] = ['emergency', 'plan', 'review'];

export interface ClockWords {
  symbol: string;
  color: string;
  state: string;
  kind: string;
  /** "hạn 14/05/2026 21:30" (Vietnam time), or when it was met */
  when: string;
  /** all of it in one line, for a title or a screen reader */
  text: string;
}

const WHEN: Readonly<Record<'due' | 'met', Words>> = {
  due: { vi: 'hạn', en: 'due' },
  met: { vi: 'lúc', en: 'at' },
};

/** A clock in words: its symbol and state, what it is for, and its due time (or when it was met) in Vietnam time. */
export function describeClock(clock: CaseClockDto, lang: Language): ClockWords {
  const style = CLOCK_STATE_STYLE[clock.state];
  const kind = CLOCK_KIND_LABELS[clock.kind][lang];
  const when =
    clock.state === 'met' && clock.metAt
      ? `${WHEN.met[lang]} ${formatDayTime(clock.metAt)}`
      : `${WHEN.due[lang]} ${formatDayTime(clock.dueAt)}`;
  return {
    symbol: style.symbol,
    color: style.color,
    state: style[lang],
    kind,
    when,
    text: `${style.symbol} ${style[lang]} · ${kind}: ${when}`,
  };
}

/** The running clock due first: the case's own `nearest`, or worked out from its clocks when it gives none. */
export function nearestClock(c: Pick<CaseSummaryDto, 'nearest' | 'clocks'>): CaseClockDto | null {
  if (c.nearest) return c.nearest;
  const running = c.clocks.filter((k) => k.state !== 'met').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return running[0] ?? null;
}

/**
 * The list's order (the server sends it so; a list re-sorted after a change keeps it): open cases
 * first; among them the nearest running clock first, those without a running clock after them;
 * then by the report's time, newest first.
 */
export function orderCases<T extends Pick<CaseSummaryDto, 'status' | 'nearest' | 'clocks' | 'receivedAt'>>(
  items: readonly T[],
): T[] {
  const due = (c: T) => {
    const k = isOpenCase(c.status) ? nearestClock(c) : null;
    return k ? Date.parse(k.dueAt) : Number.POSITIVE_INFINITY;
  };
  return [...items].sort((a, b) => {
    const open = Number(isOpenCase(b.status)) - Number(isOpenCase(a.status));
    if (open !== 0) return open;
    const da = due(a);
    const db = due(b);
    if (da !== db) return da < db ? -1 : 1;
    return Date.parse(b.receivedAt) - Date.parse(a.receivedAt);
  });
}

/** Whether a case has a clock past its due time (the list marks the row). */
export const isOverdue = (c: Pick<CaseSummaryDto, 'clocks'>): boolean => c.clocks.some((k) => k.state === 'overdue');
