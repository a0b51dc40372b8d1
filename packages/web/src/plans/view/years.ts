import type { PlanSummaryDto } from '@tre/core/plans/plan-api';

/**
 * The years a plan can be looked at in, and which one to open on: this year while the plan runs,
 * otherwise its nearest year (a 2024 directive opened in 2026 shows 2024, not an empty list).
 * A plan with one year given runs that year only, as the server counts undated tasks.
 */
export function planYears(
  plan: Pick<PlanSummaryDto, 'yearFrom' | 'yearTo'>,
  today = new Date(),
): { all: number[]; current: number } {
  const now = today.getFullYear();
  const from = plan.yearFrom ?? plan.yearTo ?? now;
  const to = Math.max(plan.yearTo ?? plan.yearFrom ?? now, from);
  const all: number[] = [];
  for (let y = from; y <= to && all.length < 50; y++) all.push(y);
  if (!all.includes(now)) all.push(now);
  all.sort((a, b) => a - b);
  const current = now < from ? from : now > to ? to : now;
  return { all, current };
}
