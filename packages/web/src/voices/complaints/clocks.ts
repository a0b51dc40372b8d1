import type { ComplaintClockDto, ComplaintSummaryDto, Language } from '@tre/core';

/**
 * A complaint's clock in words and symbol as well as colour (overdue is never red alone), and the
 * list's order: the nearest running clock first, overdue ones with it, those with no clock last.
 */
const STATE_WORDS: Record<ComplaintClockDto['state'], { vi: string; en: string; symbol: string; color: string }> = {
  overdue: { vi: 'Quá hạn', en: 'Overdue', symbol: '✕', color: 'red' },
  near: { vi: 'Sắp đến hạn', en: 'Due soon', symbol: '⚠', color: 'orange' },
  ok: { vi: 'Trong hạn', en: 'On time', symbol: '◷', color: 'blue' },
  met: { vi: 'Đã xong', en: 'Done', symbol: '✓', color: 'green' },
};

export function describeComplaintClock(clock: ComplaintClockDto, lang: Language) {
  const w = STATE_WORDS[clock.state];
  return { symbol: w.symbol, state: w[lang], color: w.color };
}

const dueOf = (c: ComplaintSummaryDto) => (c.nearest ? Date.parse(c.nearest.dueAt) : Number.POSITIVE_INFINITY);

export function orderComplaints(items: readonly ComplaintSummaryDto[]): ComplaintSummaryDto[] {
  return [...items].sort((a, b) => dueOf(a) - dueOf(b) || Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
}

export const isComplaintOverdue = (c: ComplaintSummaryDto): boolean => c.nearest?.state === 'overdue';

/** The complaints the home page warns of: a running clock near or past. */
export const nearTheirClock = (items: readonly ComplaintSummaryDto[]): ComplaintSummaryDto[] =>
  orderComplaints(items).filter((c) => c.nearest?.state === 'overdue' || c.nearest?.state === 'near');
