import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, scorePair } from './score.ts';
import { duplicateStats } from './stats.ts';
import type { DuplicateRecord } from './store.ts';
import { syntheticRegister } from './synthetic.fixture.ts';

/**
 * Hard cases, each scored within a register of 20,000 generated children (so that the shares of
 * names, communes and years are those of a real-sized register) with the two records added.
 */
const background = syntheticRegister({ children: 20_000, seed: 11, duplicateRate: 0 }).records;

type Child = DuplicateRecord<number>;
let nextId = 1_000_000;
const NHUNG: Omit<Child, 'id'> = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  birthDate: '2015-07-03',
  sex: 'female',
  personalId: null,
  communeCode: '40001',
  motherName: 'Trần Thị Lan',
  fatherName: 'Nguyễn Văn Hùng',
  carerName: null,
};
const child = (fields: Partial<Child> = {}, base = NHUNG): Child => ({ ...base, ...fields, id: nextId++ });
/** The same child entered again with some fields changed. */
const pair = (a: Partial<Child>, b: Partial<Child>, base = NHUNG): [Child, Child] => [
  child(a, base),
  child({ ...a, ...b }, base),
];
const score = ([a, b]: [Child, Child]) => scorePair(a, b, duplicateStats([...background, a, b]));
const NO_PARENTS = { motherName: null, fatherName: null };
const AN: Omit<Child, 'id'> = { ...NHUNG, fullName: 'Nguyễn Văn An', sex: 'male', ...NO_PARENTS };

describe('scorePair: one child entered twice', () => {
  it('missing ID, no diacritics, day and month swapped, same commune and mother (the brief’s case)', () => {
    const r = score(pair({}, { fullName: 'Nguyen Thi Hong Nhung', birthDate: '2015-03-07', fatherName: null }));
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.reasons).toEqual(expect.arrayContaining(['name-same', 'birth-date-swapped', 'mother-same']));
  });

  it.each([
    ['an abbreviated middle name', 'Nguyễn T. Hồng Nhung', 'middle-name-abbreviated'],
    ['an abbreviation without its dot', 'Nguyễn T Hồng Nhung', 'middle-name-abbreviated'],
    ['a middle name left out', 'Nguyễn Hồng Nhung', 'middle-name-left-out'],
    ['a doubled letter', 'Nguyễn Thị Hồng Nhungg', 'given-name-sounds-alike'],
    ['a lost letter', 'Nguyễn Thị Hồng Nhng', 'given-name-slip'],
    ['two letters swapped', 'Nguyễn Thị Hồng Nhugn', 'given-name-slip'],
    ['ALL CAPS', 'NGUYỄN THỊ HỒNG NHUNG', 'name-same'],
    ['lower case without diacritics', 'nguyen thi hong nhung', 'name-same'],
  ])('%s, nothing else to go on but date and commune', (_, fullName, reason) => {
    const r = score(pair(NO_PARENTS, { fullName }));
    expect(r.score).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(r.reasons).toContain(reason);
  });

  it('a missing middle name (Nguyễn Nhung for Nguyễn Thị Nhung)', () => {
    const r = score(pair({ fullName: 'Nguyễn Thị Nhung', ...NO_PARENTS }, { fullName: 'Nguyễn Nhung' }));
    expect(r.score).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(r.reasons).toContain('middle-name-missing');
  });

  it.each([
    ['1 day', '2015-07-04'],
    ['3 days', '2015-06-30'],
  ])('a birth date %s off', (_, birthDate) => {
    const r = score(pair(NO_PARENTS, { birthDate }));
    expect(r.score).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(r.reasons).toContain('birth-date-near');
  });

  it('a wrong birth year, with the same mother', () => {
    expect(score(pair({ fatherName: null }, { birthDate: '2016-07-03' })).score).toBeGreaterThan(DUPLICATE_THRESHOLD);
  });

  it('the same ID under another spelling, in another commune, with a date typo', () => {
    const id = { personalId: '040315123456', ...NO_PARENTS };
    const r = score(pair(id, { fullName: 'Nguyen Thi Hong Nhunh', communeCode: '40077', birthDate: '2015-07-13' }));
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.reasons).toContain('personal-id-same');
  });

  it('IDs one typed digit apart, or two neighbours swapped', () => {
    const a = { personalId: '040315123456', ...NO_PARENTS };
    expect(score(pair(a, { personalId: '040315123457' })).reasons).toContain('personal-id-one-digit');
    expect(score(pair(a, { personalId: '040315124356' })).score).toBeGreaterThan(0.99);
    // a spreadsheet that took the ID for a number dropped its leading zero
    expect(score(pair(a, { personalId: '40315123456' })).reasons).toContain('personal-id-same');
  });

  it('typed by ear: s for x (Sương/Xương)', () => {
    const base = { ...NHUNG, fullName: 'Lê Thị Sương', ...NO_PARENTS };
    const r = score(pair({}, { fullName: 'Le Thi Xuong' }, base));
    expect(r.score).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(r.reasons).toContain('given-name-sounds-alike');
  });

  it('Vũ in the North is Võ in the South', () => {
    const base = { ...NHUNG, fullName: 'Vũ Thị Hồng Nhung' };
    expect(score(pair({}, { fullName: 'Võ Thị Hồng Nhung' }, base)).score).toBeGreaterThan(DUPLICATE_THRESHOLD);
  });

  it('ethnic-minority names: apostrophes and spaced family names', () => {
    const hen = { ...NHUNG, fullName: 'H’Hen Niê', ...NO_PARENTS };
    expect(score(pair({}, { fullName: "H'hen Nie" }, hen)).score).toBeGreaterThan(0.99);
    const hien = { ...NHUNG, fullName: 'Rơ Mah Hiền', ...NO_PARENTS };
    expect(score(pair({}, { fullName: 'RO MAH HIEN', birthDate: '2015-07-04' }, hien)).score).toBeGreaterThan(0.99);
  });

  it('a rare name on the same birth date in another commune: yes, rarity is the evidence', () => {
    const xoan = { ...NHUNG, fullName: 'Lò Thị Xoan', ...NO_PARENTS };
    const r = score(pair({}, { communeCode: '40002' }, xoan));
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons).toContain('other-commune');
  });

  it('sex differing with everything else the same, mother included: yes, a slip in one column', () => {
    const r = score(pair({}, { sex: 'male' }));
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons).toContain('sex-differs');
  });
});

describe('scorePair: two children', () => {
  it.each([
    ['Nguyễn Văn Minh', 'Nguyễn Văn Mạnh', 'male'],
    ['Trần Thị Lan', 'Trần Thị Huệ', 'female'],
    ['Nguyễn Thị An', 'Nguyễn Thị Anh', 'female'],
    ['Phạm Văn Phúc', 'Phạm Văn Lộc', 'male'],
  ] as const)('twins %s and %s: same date, parents, commune and middle name', (first, second, sex) => {
    const r = score(pair({ fullName: first, sex }, { fullName: second }));
    expect(r.score).toBeLessThan(0.1);
    expect(r.reasons).toEqual(expect.arrayContaining(['given-name-differs', 'could-be-siblings']));
  });

  it('twins of different sex', () => {
    const r = score(pair({ fullName: 'Nguyễn Văn Bình', sex: 'male' }, { fullName: 'Nguyễn Thị Bích', sex: 'female' }));
    expect(r.score).toBeLessThan(0.01);
  });

  it('different personal IDs, common name, same date and commune', () => {
    const r = score(pair({ personalId: '040215123456' }, { personalId: '040215987654' }, AN));
    expect(r.score).toBeLessThan(0.2);
    expect(r.reasons).toContain('personal-id-differs');
  });

  it('a common name born the same year in other communes, nothing else', () => {
    const r = score(pair({ birthDate: '2015-02-11' }, { birthDate: '2015-09-20', communeCode: '40002' }, AN));
    expect(r.score).toBeLessThan(0.01);
  });

  it('a common name on the same date in other communes weighs far less than a rare one', () => {
    const common = score(pair({}, { communeCode: '40002' }, AN)).score;
    const rare = score(pair({}, { communeCode: '40002' }, { ...AN, fullName: 'Lò Văn Páo' })).score;
    expect(common).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(rare).toBeGreaterThan(0.9);
  });

  it('both parents named and different pull a common name below the threshold', () => {
    const parents = { motherName: 'Lê Thị Hoa', fatherName: 'Nguyễn Văn Nam' };
    const agree = score(pair(parents, {}, AN)).score;
    const disagree = score(pair(parents, { motherName: 'Phạm Thị Mai', fatherName: 'Nguyễn Văn Tuấn' }, AN));
    expect(agree).toBeGreaterThan(0.99);
    expect(disagree.score).toBeLessThan(DUPLICATE_THRESHOLD);
    expect(disagree.reasons).toEqual(expect.arrayContaining(['mother-differs', 'father-differs']));
  });

  it('siblings: same parents and commune, born two years apart, other names', () => {
    const r = score(pair({}, { fullName: 'Nguyễn Thị Thu Trang', birthDate: '2017-05-20' }));
    expect(r.score).toBeLessThan(0.001);
  });

  it('the same name and commune, birth dates wholly different', () => {
    expect(score(pair(NO_PARENTS, { birthDate: '2012-11-25' })).score).toBeLessThan(0.05);
  });

  it('another sex and another given name', () => {
    expect(score(pair(NO_PARENTS, { fullName: 'Nguyễn Văn Hồng Nam', sex: 'male' })).score).toBeLessThan(0.001);
  });
});

describe('scorePair: the score', () => {
  it('is the same either way round, and a probability', () => {
    const [a, b] = pair(
      { personalId: '040315123456' },
      { fullName: 'Nguyen Hong Nhung', birthDate: '2015-07-05', communeCode: '40003' },
    );
    const stats = duplicateStats([...background, a, b]);
    const [ab, ba] = [scorePair(a, b, stats).score, scorePair(b, a, stats).score];
    expect(ab).toBeCloseTo(ba, 10);
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBeLessThan(1);
  });
});
