import { describe, expect, it } from 'vitest';
import { MAX_LOCK_SECONDS, lockSecondsAfter } from './lockout.ts';

describe('lockSecondsAfter', () => {
  it('lets the first four failures pass, then doubles from 30 s up to an hour', () => {
    expect([0, 1, 4].map(lockSecondsAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(lockSecondsAfter)).toEqual([30, 60, 120, 240]);
    expect(lockSecondsAfter(12)).toBe(3600);
    expect(lockSecondsAfter(1000)).toBe(MAX_LOCK_SECONDS);
  });
});
