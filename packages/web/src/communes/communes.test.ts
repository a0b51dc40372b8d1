import { describe, expect, it } from 'vitest';
import { formatMessage, ruleMaxPoints, shippedRuleSet, type AssessmentDto, type IndicatorEntryDto } from '@tre/core';
import { communesEn, communesVi } from '../i18n/messages-communes.ts';
import { entryProblem, entryStates, formProblems, saveRequest, valueOf, wholeNumber } from './form.ts';
import { liveAssessment } from './live.ts';
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

/** A blank assessment of the shipped rule set as the server sends it: birth registration (2.1) pre-filled from the indicators. */
function blank(): AssessmentDto {
  const rules = shippedRuleSet();
  return {
    communeCode: '16681',
    communeName: 'Phường Thành Vinh',
    year: 2026,
    exists: false,
    state: 'draft',
    type: 'other',
    typeSource: 'default',
    threshold: 850,
    ruleSet: { id: 1, version: rules.version, title: rules.title },
    criteria: rules.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      maxPoints: c.points,
      points: 0,
      lost: c.points,
      verification: null,
      indicators: c.indicators.map<IndicatorEntryDto>((i) => ({
        code: i.code,
        name: i.name,
        valueKind: i.value,
        value: null,
        entered: null,
        prefill:
          i.code === '2.1'
            ? {
                value: { kind: 'rate', numerator: 490, denominator: 500 },
                module: 'indicators',
                elements: ['CHILDREN_U5_BIRTH_REGISTERED', 'CHILDREN_U5'],
                detail: 'CHILDREN_U5_BIRTH_REGISTERED / CHILDREN_U5 = 490 / 500',
              }
            : null,
        overrideReason: null,
        corrected: null,
        note: null,
        evidence: [],
        points: 0,
        maxPoints: ruleMaxPoints(i.rule),
        requirement: { vi: '', en: '' },
        shortfall: null,
      })),
    })),
    total: 0,
    maxTotal: 1000,
    meetsStandard: false,
    shortfall: { missing: 850, zeroCriteria: [], criteria: [] },
    decision: null,
    returnComment: null,
    submittedAt: null,
    history: [],
    version: 0,
  };
}

describe('the self-assessment form', () => {
  it('reads whole numbers as typed, with thousands separators, and refuses the rest', () => {
    expect(wholeNumber('1.234')).toBe(1234);
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('-1')).toBeNaN();
    expect(wholeNumber('1,5a')).toBeNaN();
    expect(valueOf('rate', { numerator: '6', denominator: '5', count: '', yes: '' })).toBe('invalid');
    expect(valueOf('rate', { numerator: '', denominator: '', count: '', yes: '' })).toBeNull();
    expect(valueOf('boolean', { numerator: '', denominator: '', count: '', yes: 'no' })).toEqual({ kind: 'boolean', yes: false });
  });

  it('keeps a pre-filled figure unless overridden, and an override needs a reason', () => {
    const a = blank();
    const states = entryStates(a);
    const prefilled = states['2.1'];
    if (!prefilled) throw new Error('no 2.1');
    expect(prefilled.prefilled).toBe(true);
    expect(prefilled.inputs.numerator).toBe('490');
    expect(entryProblem(prefilled)).toBeNull();
    const overridden = { ...prefilled, override: true, inputs: { ...prefilled.inputs, numerator: '500' } };
    expect(entryProblem(overridden)).toBe('reason');
    expect(entryProblem({ ...overridden, reason: 'Sổ hộ tịch bổ sung 10 trẻ' })).toBeNull();

    const request = saveRequest(a, { ...states, '2.1': { ...overridden, reason: ' Sổ hộ tịch bổ sung 10 trẻ ' } });
    expect(request.version).toBeUndefined();
    expect(request.entries.find((e) => e.code === '2.1')).toEqual({
      code: '2.1',
      value: { kind: 'rate', numerator: 500, denominator: 500 },
      overrideReason: 'Sổ hộ tịch bổ sung 10 trẻ',
      evidenceFileIds: [],
    });
    // not overridden: the server keeps Tre's figure
    expect(saveRequest(a, states).entries.find((e) => e.code === '2.1')?.value).toBeNull();
    expect(
      formProblems({
        ...states,
        '2.2': { ...(states['2.2'] ?? prefilled), inputs: { numerator: 'x', denominator: '1', count: '', yes: '' } },
      }),
    ).toEqual({
      '2.2': 'value',
    });
  });

  it('scores what is on the screen with core’s scorer before it is saved', () => {
    const a = blank();
    const states = entryStates(a);
    const live = liveAssessment(a, shippedRuleSet(), states);
    const two = live.criteria.find((c) => c.code === '2');
    // 98 %: 20 of the 30 points of 2.1; nothing else answered
    expect(two?.points).toBe(20);
    expect(live.total).toBe(live.criteria.reduce((s, c) => s + c.points, 0));
    expect(live.meetsStandard).toBe(false);
    expect(live.shortfall.zeroCriteria).toContain('1');
    const yes = Object.fromEntries(
      Object.entries(states).map(([code, s]) => [
        code,
        s.kind === 'boolean' ? { ...s, inputs: { ...s.inputs, yes: 'yes' as const } } : s,
      ]),
    );
    const answered = liveAssessment(a, shippedRuleSet(), yes);
    expect(answered.criteria.find((c) => c.code === '1')?.points).toBe(100);
    expect(answered.shortfall.zeroCriteria).not.toContain('1');
  });
});
