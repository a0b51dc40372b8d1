import { describe, expect, it } from 'vitest';
import { mayTake, mayTakeOn } from '../../access/permission.ts';
import {
  answerDueOn,
  elementCounts,
  emptyParticipantCounts,
  mayStep,
  opinionDaysOverdue,
  participantCountsProblem,
  participantNamesProblem,
  participantTotal,
  type CountsGrid,
} from './opinions.ts';
import { opinionsPermissions } from './permissions.ts';

const grid = (cells: Partial<Record<keyof CountsGrid, [number, number]>>): CountsGrid => {
  const c = emptyParticipantCounts();
  for (const [age, [m, f]] of Object.entries(cells) as [keyof CountsGrid, [number, number]][]) c[age] = { male: m, female: f };
  return c;
};

describe('an opinion’s states', () => {
  it('go raised → sent → answered → fed back, one step at a time', () => {
    expect(mayStep('raised', 'send')).toBe(true);
    expect(mayStep('raised', 'answer')).toBe(false);
    expect(mayStep('sent', 'answer')).toBe(true);
    expect(mayStep('sent', 'feedBack')).toBe(false);
    expect(mayStep('answered', 'feedBack')).toBe(true);
    expect(mayStep('fed_back', 'send')).toBe(false);
    expect(mayStep('answered', 'answer')).toBe(false);
  });
});

describe('the answer clock', () => {
  it('is due the set number of days after it was sent, overdue from the day after', () => {
    expect(answerDueOn('2025-03-01', 30)).toBe('2025-03-31');
    const sent = { state: 'sent' as const, sentOn: '2025-03-01' };
    expect(opinionDaysOverdue(sent, 30, '2025-03-31')).toBe(0);
    expect(opinionDaysOverdue(sent, 30, '2025-04-01')).toBe(1);
    expect(opinionDaysOverdue(sent, 30, '2025-04-10')).toBe(10);
    expect(opinionDaysOverdue(sent, 45, '2025-04-10')).toBe(0);
  });

  it('stops once answered, and never runs for an opinion not sent', () => {
    expect(opinionDaysOverdue({ state: 'answered', sentOn: '2025-01-01' }, 30, '2025-12-31')).toBe(0);
    expect(opinionDaysOverdue({ state: 'fed_back', sentOn: '2025-01-01' }, 30, '2025-12-31')).toBe(0);
    expect(opinionDaysOverdue({ state: 'raised', sentOn: null }, 30, '2025-12-31')).toBe(0);
  });
});

describe('the counts', () => {
  it('are whole numbers from 0 up, at least one child in all', () => {
    expect(participantCountsProblem(grid({ '7_10': [3, 4] }))).toBeNull();
    expect(participantCountsProblem(emptyParticipantCounts())?.field).toBe('counts');
    expect(participantCountsProblem(grid({ '11_15': [1.5, 0] }))?.field).toBe('counts.11_15.male');
    expect(participantCountsProblem(grid({ u7: [0, -1] }))?.field).toBe('counts.u7.female');
    expect(participantCountsProblem(grid({ u7: [0, Number.NaN] }))?.field).toBe('counts.u7.female');
    expect(participantCountsProblem(grid({ u7: [1_000_001, 0] }))?.field).toBe('counts.u7.male');
    expect(participantTotal(grid({ u7: [1, 2], '16_17': [3, 4] }))).toBe(10);
  });

  it('name nobody without a recorded consent, and no more children than counted', () => {
    const c = grid({ '11_15': [1, 1] });
    expect(participantNamesProblem(0, null, c)).toBeNull();
    expect(participantNamesProblem(1, null, c)?.field).toBe('participants');
    expect(participantNamesProblem(1, { given: false }, c)?.field).toBe('participants');
    expect(participantNamesProblem(2, { given: true }, c)).toBeNull();
    expect(participantNamesProblem(3, { given: true }, c)?.field).toBe('participants');
  });
});

describe('indicators 22–24', () => {
  const c = grid({ u7: [1, 2], '7_10': [10, 20], '11_15': [100, 200], '16_17': [1000, 2000] });
  const of = (kind: Parameters<typeof elementCounts>[0]) =>
    Object.fromEntries(elementCounts(kind, c).map((x) => [`${x.element}|${x.sex}`, x.value]));

  it('a consultation: children aged 7–15 consulted (indicator 22), nothing else', () => {
    expect(of('consultation')).toEqual({ 'CHILDREN_7_15_CONSULTED|male': 110, 'CHILDREN_7_15_CONSULTED|female': 220 });
  });

  it('a council meeting: 11–15 in participation models (24) and every child under 16 for capacity (23)', () => {
    expect(of('council_meeting')).toEqual({
      'CHILDREN_11_15_IN_PARTICIPATION_MODELS|male': 100,
      'CHILDREN_11_15_IN_PARTICIPATION_MODELS|female': 200,
      'CHILDREN_PARTICIPATION_CAPACITY|male': 111,
      'CHILDREN_PARTICIPATION_CAPACITY|female': 222,
    });
  });

  it('a training: capacity only (23)', () => {
    expect(Object.keys(of('training'))).toEqual([
      'CHILDREN_PARTICIPATION_CAPACITY|male',
      'CHILDREN_PARTICIPATION_CAPACITY|female',
    ]);
  });
});

describe('the permission table', () => {
  it('lets a commune officer record its own commune’s events, a body’s users answer what is addressed to them', () => {
    const officer = { role: 'commune_officer' as const, communeCode: '16681', agencyId: null };
    expect(mayTakeOn(opinionsPermissions, 'opinions.record', officer, { communeCode: '16681' })).toBe(true);
    expect(mayTakeOn(opinionsPermissions, 'opinions.record', officer, { communeCode: '17827' })).toBe(false);
    const reporter = { role: 'agency_reporter' as const, communeCode: null, agencyId: 'a' };
    expect(mayTakeOn(opinionsPermissions, 'opinions.answer', reporter, { actorsBody: true })).toBe(true);
    expect(mayTakeOn(opinionsPermissions, 'opinions.answer', reporter, { actorsBody: false })).toBe(false);
    expect(mayTake(opinionsPermissions, 'opinions.names', { role: 'viewer' })).toBe(false);
  });
});
