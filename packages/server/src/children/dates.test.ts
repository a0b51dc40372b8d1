import { describe, expect, it } from 'vitest';
import { activeBirthCutoff, isActiveChild, lastDayAsChild } from './dates.ts';

describe('the active register', () => {
  it('counts a child out on their 16th birthday', () => {
    expect(isActiveChild('2010-12-07', '2026-12-06')).toBe(true);
    expect(isActiveChild('2010-12-06', '2026-12-06')).toBe(false);
    expect(activeBirthCutoff('2026-12-06')).toBe('2010-12-06');
  });

  it('gives the last day as a child, 29 February turning 16 on 1 March', () => {
    expect(lastDayAsChild('2010-12-06')).toBe('2026-12-05');
    expect(lastDayAsChild('2012-02-29')).toBe('2028-02-28');
    expect(lastDayAsChild('2008-02-29')).toBe('2024-02-28');
    expect(lastDayAsChild('2009-03-01')).toBe('2025-02-28');
  });
});
