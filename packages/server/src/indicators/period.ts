import { parsePeriod, type Period } from '@tre/core';
import { invalid } from '../errors.ts';

/**
 * The period a code names, or a 400 naming the field: the one check of a period in this module (the
 * routes' zod schemas bound only its length), parsed once so that nothing checks it again.
 */
export function periodOf(code: string, field = 'period'): Period {
  const period = parsePeriod(code);
  if (period) return period;
  throw invalid(
    field,
    `Kỳ không hợp lệ: ${code} (vd. 2025, 2025S1, 2025Q1, 202501)`,
    `Invalid period: ${code} (e.g. 2025, 2025S1, 2025Q1, 202501)`,
  );
}
