import { similarKey } from '@tre/core/plans/body-words';
import { describe, expect, it } from 'vitest';
import { bodyQuestions, isOpen, type BodyRow } from './bodyQuestions.ts';

const row = (name: string, resolution: BodyRow['resolution'], count = 1): BodyRow => ({
  name,
  key: similarKey(name),
  count,
  resolution,
  candidates: [],
});

describe('bodyQuestions', () => {
  it('makes the names written alike one question, open while any of them is unresolved', () => {
    const questions = bodyQuestions([
      row('Phòng Văn hoá - Thông tin', { kind: 'unresolved' }, 2),
      row('Sở Y tế', { kind: 'agency', agencyId: 'y' }),
      row('phòng văn hóa - thông tin', { kind: 'unresolved' }),
      row('các địa phương', { kind: 'group', group: 'all_communes' }, 12),
    ]);
    expect(questions.map((q) => [q.names, q.count, isOpen(q)])).toEqual([
      [['Phòng Văn hoá - Thông tin', 'phòng văn hóa - thông tin'], 3, true],
      [['Sở Y tế'], 1, false],
      [['các địa phương'], 12, false],
    ]);
  });
});
