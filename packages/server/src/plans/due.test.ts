import { describe, expect, it } from 'vitest';
import { currentYearPeriod, dueDateOf, owingBodies, todayInVietnam } from './due.ts';

describe('today in Vietnam', () => {
  it('is already the next day at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(todayInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(currentYearPeriod(new Date('2025-12-31T17:00:00Z'))).toBe('2026');
  });
});

describe('overdue tasks', () => {
  const once = { timeline_kind: 'once' as const, start_date: '2025-03-01', end_date: null };
  const agency = (id: string) => ({ resolution: 'agency' as const, agency_id: id });
  const group = { resolution: 'group' as const, agency_id: null };

  it('are due at the end of a range or on the day of a one-off task; recurring ones never', () => {
    expect(dueDateOf(once)).toBe('2025-03-01');
    expect(dueDateOf({ timeline_kind: 'range', start_date: '2025-01-01', end_date: '2025-06-30' })).toBe('2025-06-30');
    expect(dueDateOf({ timeline_kind: 'recurring', start_date: null, end_date: null })).toBeNull();
  });

  it('owe until every named agency reports done or not applicable in a period of the due year', () => {
    const bodies = [agency('a'), agency('b'), group];
    expect(owingBodies(once, bodies, [], '2025-03-01')).toBeNull(); // due today: not yet late
    expect(owingBodies(once, bodies, [], '2025-03-02')).toEqual(['a', 'b']);
    type Report = { agency_id: string | null; period: string; status: 'done' | 'not_applicable' | 'in_progress' };
    const reports: Report[] = [
      { agency_id: 'a', period: '2025S1', status: 'done' },
      { agency_id: 'b', period: '2024', status: 'done' }, // another year does not count
    ];
    expect(owingBodies(once, bodies, reports, '2025-03-02')).toEqual(['b']);
    reports.push({ agency_id: 'b', period: '2025', status: 'not_applicable' });
    expect(owingBodies(once, bodies, reports, '2025-03-02')).toBeNull();
  });

  it('owe, when no agency is named, until any body reports the task finished', () => {
    expect(owingBodies(once, [group], [], '2026-01-01')).toEqual([]);
    expect(owingBodies(once, [group], [{ agency_id: null, period: '2025', status: 'in_progress' }], '2026-01-01')).toEqual([]);
    expect(owingBodies(once, [group], [{ agency_id: null, period: '2025', status: 'done' }], '2026-01-01')).toBeNull();
  });
});
