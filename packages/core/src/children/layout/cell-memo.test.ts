import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommunes } from '../../units/admin-units.ts';
import { CellMemo } from './cell-memo.ts';
import { communeResolver } from './communes.ts';
import type { ChildCells } from './fields.ts';
import { normaliseChildRow, type RowContext } from './row.ts';

const DATA = new URL('../../../../server/data/admin-units/', import.meta.url);
const resolveCommune = communeResolver(parseCommunes(fs.readFileSync(new URL('communes.csv', DATA), 'utf8')));
const BASE: ChildCells = { fullName: 'NGUYỄN VĂN AN', birthDate: '15/03/2012', sex: 'Nam', communeCode: '16702' };

/** The same rows read with and without a memo: remembering a cell must never change what a row gives. */
function both(rows: ChildCells[]) {
  const plain: RowContext = { today: '2026-06-01', resolveCommune };
  const remembering: RowContext = { ...plain, memo: new CellMemo(2) };
  return {
    plain: rows.map((r) => normaliseChildRow({ ...BASE, ...r }, plain)),
    remembered: rows.map((r) => normaliseChildRow({ ...BASE, ...r }, remembering)),
  };
}

describe('CellMemo: an import reads a repeated cell once', () => {
  it('gives every row the same draft, problems and warnings as reading it afresh', () => {
    const rows: ChildCells[] = [
      { birthDate: '31/02/2012' }, // a problem, repeated below
      { birthDate: '31/02/2012', fullName: 'lê thị b' },
      { ethnicity: 'Kinh Bắc' }, // a warning (not one of the 54), repeated
      { ethnicity: 'Kinh Bắc', sex: 'Nữ' },
      { birthDate: 41000 }, // an Excel serial: the number and the same digits as text read differently
      { birthDate: '41000' },
      { motherName: 'Phạm Thị Liễu' },
      { motherName: 'Phạm Thị Liễu', fatherName: 'Trần Văn Hùng' },
      { fatherName: 'Trần Văn Hùng', carerName: 'Bà Nội 2' },
      { carerName: 'Bà Nội 2' },
    ];
    const { plain, remembered } = both(rows);
    expect(remembered).toEqual(plain);
    expect(remembered[1]?.problems.map((p) => p.field)).toEqual(['birthDate']);
    expect(remembered[3]?.warnings.map((w) => w.field)).toEqual(['ethnicity']);
    expect(remembered[4]?.draft?.birthDate).toBe('2012-04-01');
    expect(remembered[5]?.draft).toBeUndefined();
  });

  it('reads the personal ID every time: it is checked against the birth year and sex of its row', () => {
    const id = '040212000123'; // a boy born in 2012 (century-and-sex digit 2)
    const { remembered } = both([{ personalId: id }, { personalId: id, birthDate: '15/03/2013' }, { personalId: id, sex: 'Nữ' }]);
    expect(remembered[0]?.draft?.personalId).toBe(id);
    expect(remembered[1]?.problems.map((p) => p.field)).toEqual(['personalId']);
    expect(remembered[2]?.problems.map((p) => p.field)).toEqual(['personalId']);
  });

  it('keeps at most the bound per field, starting afresh when full', () => {
    const memo = new CellMemo(2);
    const read = { value: 'x', problems: [], warnings: [] };
    memo.set('address', 'a', read);
    memo.set('address', 'b', read);
    expect(memo.get('address', 'a')).toEqual(read);
    memo.set('address', 'c', read);
    expect(memo.get('address', 'a')).toBeUndefined();
    expect(memo.get('address', 'c')).toEqual(read);
    expect(CellMemo.remembers('personalId', '040212000123')).toBe(false);
    expect(CellMemo.remembers('address', 'x'.repeat(201))).toBe(false);
  });
});
