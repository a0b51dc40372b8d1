import { describe, expect, it } from 'vitest';
import type { OpinionDto } from '@tre/core';
import { byUrgency, nextStep, parseNames, readCountsGrid } from './logic.ts';

describe('the counts grid as typed', () => {
  it('reads whole numbers, empty cells as 0, and names the first bad cell', () => {
    const ok = readCountsGrid({ '7_10.male': '3', '11_15.female': ' 12 ' });
    expect(ok).toEqual({
      counts: {
        u7: { male: 0, female: 0 },
        '7_10': { male: 3, female: 0 },
        '11_15': { male: 0, female: 12 },
        '16_17': { male: 0, female: 0 },
      },
    });
    expect(readCountsGrid({ 'u7.male': '1.5' })).toEqual({ bad: 'u7.male' });
    expect(readCountsGrid({ '16_17.female': '-2' })).toEqual({ bad: '16_17.female' });
    expect(readCountsGrid({ '7_10.male': '999999' })).toEqual({ bad: '7_10.male' });
  });
});

describe('an opinion on the screen', () => {
  it('offers the one next step of its state', () => {
    expect(nextStep('raised')).toBe('send');
    expect(nextStep('sent')).toBe('answer');
    expect(nextStep('answered')).toBe('feedBack');
    expect(nextStep('fed_back')).toBeNull();
  });

  it('lists the most overdue first', () => {
    const o = (id: number, daysOverdue: number, sentOn: string) => ({ id, daysOverdue, sentOn }) as OpinionDto;
    expect([o(1, 0, '2025-01-01'), o(2, 5, '2025-02-01'), o(3, 5, '2025-01-15')].sort(byUrgency).map((x) => x.id)).toEqual([
      3, 2, 1,
    ]);
  });
});

describe('the names as typed', () => {
  it('reads "name; sex; age group" lines, and names the first bad line', () => {
    expect(parseNames('Trần Thị Bình; nữ; 11_15\n\nLê Văn An; Nam; 7_10')).toEqual({
      names: [
        { fullName: 'Trần Thị Bình', sex: 'female', ageGroup: '11_15' },
        { fullName: 'Lê Văn An', sex: 'male', ageGroup: '7_10' },
      ],
    });
    expect(parseNames('Trần Thị Bình; nữ; 11_15\nLê Văn An; nam; 12')).toEqual({ badLine: 2 });
  });
});
