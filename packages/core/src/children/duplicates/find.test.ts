import { describe, expect, it } from 'vitest';
import { findDuplicatePairs } from './find.ts';
import { DUPLICATE_THRESHOLD, scorePair } from './score.ts';
import { duplicateStats } from './stats.ts';
import type { DuplicateRecord } from './store.ts';
import { syntheticRegister } from './synthetic.fixture.ts';

const { records, duplicates } = syntheticRegister({ children: 8_000, seed: 5 });
const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

describe('findDuplicatePairs', () => {
  const pairs = findDuplicatePairs(records);
  const found = new Set(pairs.map((p) => key(p.a, p.b)));

  it('finds the copies of a register, most certain first, each pair once with a < b', () => {
    const hits = duplicates.filter(([a, b]) => found.has(key(a, b))).length;
    expect(hits / duplicates.length).toBeGreaterThan(0.95);
    expect(found.size).toBe(pairs.length);
    for (const p of pairs) expect(p.a).toBeLessThan(p.b);
    for (let k = 1; k < pairs.length; k++) expect(pairs[k - 1]?.score).toBeGreaterThanOrEqual(pairs[k]?.score ?? 0);
    expect(pairs.every((p) => p.score >= DUPLICATE_THRESHOLD && p.reasons.length > 0)).toBe(true);
  });

  it('loses to blocking almost none of the pairs the score would accept', () => {
    const stats = duplicateStats(records);
    const byId = new Map(records.map((r) => [r.id, r]));
    const accepted = duplicates.filter(([a, b]) => {
      const [ra, rb] = [byId.get(a), byId.get(b)];
      return ra && rb && scorePair(ra, rb, stats).score >= DUPLICATE_THRESHOLD;
    });
    const missed = accepted.filter(([a, b]) => !found.has(key(a, b)));
    expect(missed.length).toBeLessThanOrEqual(accepted.length * 0.005);
  });

  it('never proposes an excluded pair again, and keeps the others', () => {
    const [first, second] = pairs;
    if (!first || !second) throw new Error('no pairs to exclude');
    const again = findDuplicatePairs(records, { excluded: (a, b) => a === first.a && b === first.b });
    const keys = new Set(again.map((p) => key(p.a, p.b)));
    expect(keys.has(key(first.a, first.b))).toBe(false);
    expect(keys.has(key(second.a, second.b))).toBe(true);
    expect(again).toHaveLength(pairs.length - 1);
  });

  it('checks an import against the register: only pairs that hold a new record', () => {
    const imported = new Set(records.slice(-300).map((r) => r.id));
    const only = findDuplicatePairs(records, { onlyInvolving: imported });
    const expected = pairs.filter((p) => imported.has(p.a) || imported.has(p.b));
    expect(only.map((p) => key(p.a, p.b)).sort()).toEqual(expected.map((p) => key(p.a, p.b)).sort());
    expect(only.length).toBeGreaterThan(0);
  });
});

describe('findDuplicatePairs: blocking', () => {
  const base: Omit<DuplicateRecord, 'id'> = {
    fullName: 'Nguyễn Văn An',
    birthDate: '2015-03-07',
    sex: 'male',
    personalId: null,
    communeCode: '40001',
    motherName: null,
    fatherName: null,
    carerName: null,
  };
  /** 400 boys called Nguyễn Văn An born in 2015 in one commune: blocks far too big for all pairs */
  const crowd: DuplicateRecord[] = Array.from({ length: 400 }, (_, k) => ({
    ...base,
    id: `crowd-${String(k).padStart(3, '0')}`,
    birthDate: new Date(Date.UTC(2015, 0, 1 + Math.floor(k * 0.9))).toISOString().slice(0, 10),
  }));
  const child = (id: string, fields: Partial<DuplicateRecord>): DuplicateRecord => ({ ...base, id, ...fields });
  const cases: [DuplicateRecord, DuplicateRecord][] = [
    // a common name among hundreds: found by the sorted window, thanks to the rare mother
    [
      child('a1', { motherName: 'Hứa Thị Diệu Huyền', birthDate: '2015-06-15' }),
      child('a2', { motherName: 'Hua Thi Dieu Huyen', birthDate: '2015-06-16' }),
    ],
    // day and month swapped, in another commune
    [
      child('b1', { fullName: 'Lò Thị Xoan', sex: 'female', birthDate: '2016-04-09' }),
      child('b2', { fullName: 'Lo Thi Xoan', sex: 'female', birthDate: '2016-09-04', communeCode: '40077' }),
    ],
    // a slip in the given name, same commune and date
    [
      child('c1', { fullName: 'Quàng Văn Thưởng', birthDate: '2012-10-02' }),
      child('c2', { fullName: 'Quang Van Thuongg', birthDate: '2012-10-02' }),
    ],
    // nothing alike but the personal ID
    [
      child('d1', { fullName: 'Sầm Thị Nga', sex: 'female', personalId: '040318123456', birthDate: '2018-01-02' }),
      child('d2', {
        fullName: 'Sam Nga',
        sex: 'female',
        personalId: '040318123456',
        birthDate: '2018-02-01',
        communeCode: '40050',
      }),
    ],
    // a wrong birth year, another commune
    [
      child('e1', { fullName: 'Lục Văn Khánh', birthDate: '2013-05-20', fatherName: 'Lục Văn Hải' }),
      child('e2', { fullName: 'Luc Van Khanh', birthDate: '2014-05-20', communeCode: '40099', fatherName: 'Lục Văn Hải' }),
    ],
  ];

  it('finds each kind of copy, with string ids', () => {
    const result = findDuplicatePairs([...crowd, ...cases.flat()]);
    const keys = new Set(result.map((p) => `${p.a}-${p.b}`));
    for (const [a, b] of cases) expect(keys, `${a.id} ${b.id}`).toContain(`${a.id}-${b.id}`);
  });
});
