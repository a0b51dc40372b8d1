import { describe, expect, it } from 'vitest';
import type { ReportingDeadline } from '../plans/plan-format.ts';
import { roundDeadline } from './round-deadline.ts';

const d = (kind: ReportingDeadline['kind'], due: string): ReportingDeadline => ({ kind, due, recipient: null });

describe('a round’s deadline from the plan’s reporting regime', () => {
  const regime = [d('semiannual', '06-10'), d('annual', '10-30')];

  it('takes the 6-month date for the first half-year, before the half-year ends', () => {
    expect(roundDeadline('2025S1', regime)?.due).toBe('2025-06-10');
  });

  it('takes the annual date for the year and for the second half-year', () => {
    expect(roundDeadline('2025', regime)?.due).toBe('2025-10-30');
    expect(roundDeadline('2025S2', regime)?.due).toBe('2025-10-30');
  });

  it('puts an early-year annual date in the January after the year', () => {
    expect(roundDeadline('2025', [d('annual', '01-15')])?.due).toBe('2026-01-15');
  });

  it('takes a dated deadline only within the period or the six months after it', () => {
    expect(roundDeadline('2025', [d('final', '2025-12-15')])?.due).toBe('2025-12-15');
    expect(roundDeadline('2025', [d('final', '2030-12-15')])).toBeUndefined();
  });

  it('gives nothing when the plan has no deadline of the kind, or the period is not one', () => {
    expect(roundDeadline('2025Q3', regime)).toBeUndefined();
    expect(roundDeadline('2025S3', regime)).toBeUndefined();
  });
});
