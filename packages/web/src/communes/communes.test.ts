import { describe, expect, it } from 'vitest';
import { formatMessage } from '@tre/core';
import { communesEn, communesVi } from '../i18n/messages-communes.ts';
import { recognisedShare, shortfall, shortfallSentences, type ScoredCriterion } from './shortfall.ts';

const vi = (key: keyof typeof communesVi, params: Record<string, string | number>) => formatMessage(communesVi[key], params);

/** 13 criteria of 1,000 points in all, every one at its maximum but those named. */
function criteria(points: Partial<Record<number, number>> = {}): ScoredCriterion[] {
  const max = [100, 80, 80, 70, 70, 80, 70, 70, 70, 80, 80, 80, 70];
  return max.map((m, i) => ({ no: i + 1, name: `Tiêu chí ${String(i + 1)}`, points: points[i + 1] ?? m, maxPoints: m }));
}

describe('why a commune falls short', () => {
  it('meets the conditions at the threshold exactly, and says nothing', () => {
    // 1,000 − 90 − 60 − 40 = 810
    const exactly = shortfall(criteria({ 1: 10, 3: 20, 4: 30 }), 810);
    expect(exactly.total).toBe(810);
    expect(exactly.meets).toBe(true);
    expect(exactly.pointsMissing).toBe(0);
    expect(shortfallSentences(exactly, vi)).toEqual({ summary: [], criteria: [] });
  });

  it('one point below the threshold: one point missing, the criteria that lost points, most first', () => {
    const s = shortfall(criteria({ 1: 10, 3: 20, 4: 31 }), 850);
    expect(s.total).toBe(811);
    expect(s.meets).toBe(false);
    expect(s.pointsMissing).toBe(39);
    const one = shortfall(criteria({ 1: 9, 3: 20, 4: 30 }), 810);
    expect(one.total).toBe(809);
    expect(one.pointsMissing).toBe(1);
    expect(one.gaps.map((g) => [g.no, g.lost])).toEqual([
      [1, 91],
      [3, 60],
      [4, 40],
    ]);
    expect(shortfallSentences(one, vi)).toEqual({
      summary: ['Còn thiếu 1 điểm so với ngưỡng 810.'],
      criteria: [
        'Tiêu chí 1: 9/100 điểm, mất 91 điểm',
        'Tiêu chí 3: 20/80 điểm, mất 60 điểm',
        'Tiêu chí 4: 30/70 điểm, mất 40 điểm',
      ],
    });
  });

  it('a criterion at 0 keeps a commune out whatever its total, and is named', () => {
    const s = shortfall(criteria({ 13: 0 }), 800);
    expect(s.total).toBe(930);
    expect(s.pointsMissing).toBe(0);
    expect(s.meets).toBe(false);
    expect(s.zero.map((z) => z.no)).toEqual([13]);
    expect(shortfallSentences(s, vi)).toEqual({
      summary: ['1 tiêu chí 0 điểm (phải có điểm ở mọi tiêu chí): 13. Tiêu chí 13.'],
      criteria: ['Tiêu chí 13: 0/70 điểm, mất 70 điểm'],
    });
  });

  it('takes the server’s total when it gives one', () => {
    expect(shortfall(criteria(), 900, 899).pointsMissing).toBe(1);
  });
});

describe('indicator 1', () => {
  it('is the share of recognised communes, none known without communes', () => {
    expect(recognisedShare(1, 3)).toBe(33.3);
    expect(recognisedShare(0, 5)).toBe(0);
    expect(recognisedShare(0, 0)).toBeNull();
  });
});

describe('the texts', () => {
  it('has every text in English too', () => {
    expect(Object.keys(communesEn).sort()).toEqual(Object.keys(communesVi).sort());
    for (const v of Object.values(communesEn)) expect(v.trim()).not.toBe('');
  });
});
