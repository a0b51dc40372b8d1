import { inflateBudget, ZipError } from '@tre/core/files/zip';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { streamedXlsx } from '../../test/xlsx.ts';
import { SheetError, columnOf, sheetRows, type SheetOptions, type SheetRow } from './xlsx.ts';

const options = (limit = 10_000_000, sheetName?: string): SheetOptions => ({
  budget: inflateBudget(limit),
  maxSharedStrings: 1000,
  sheetName,
});
const all = (bytes: Uint8Array, o = options()) => [...sheetRows(bytes, o)].flat();
const values = (r: SheetRow | undefined) => (r ? Object.fromEntries([...r.cells].map(([c, v]) => [c, v.value])) : undefined);

/** A workbook as Excel writes it: shared strings, a second sheet, prefixed tags, a sparse row. */
function excelLike(): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hướng dẫn" sheetId="2" r:id="rId2"/><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst xmlns="${main}"><si><t>Mã đơn vị</t></si><si><r><t>Giá </t></r><r><t>trị</t></r><rPh><t>phonetic</t></rPh></si><si><t xml:space="preserve"> 1.234 </t></si></sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<x:worksheet xmlns:x="${main}"><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3"><x:v>16681</x:v></x:c><x:c r="C3" t="s"><x:v>2</x:v></x:c><x:c r="D3"><x:f>A3*2</x:f><x:v>33362</x:v></x:c><x:c r="AB3" t="b"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="A4" t="e"><x:v>#REF!</x:v></x:c><x:c r="B4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>' +
        '<x:row r="5"></x:row>' +
        '</x:sheetData></x:worksheet>',
    ),
    'xl/worksheets/sheet2.xml': strToU8(
      `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>đọc tôi</t></is></c></row></sheetData></worksheet>`,
    ),
  });
}

describe('reading a worksheet as a stream', () => {
  it('reads the named sheet with shared strings (rich text joined, phonetics left out), sparse cells and formulas', () => {
    const rows = all(excelLike(), options(10_000_000, 'Số liệu'));
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(values(rows[0])).toEqual({ 1: 'Mã đơn vị', 3: 'Giá trị' });
    expect(values(rows[1])).toEqual({ 1: 16681, 3: ' 1.234 ', 4: 33362, 28: true });
    expect(rows[1]?.cells.get(4)?.formula).toBe(true);
    expect(rows[1]?.cells.get(1)?.formula).toBe(false);
    expect(values(rows[2])).toEqual({ 1: '#REF!', 2: 'ab' });
    expect(rows[2]?.cells.get(2)?.formula).toBe(true);
  });

  it('takes the first sheet when none has the name, and a sheet path given from the root', () => {
    const rows = all(excelLike(), options(10_000_000, 'Không có'));
    expect(values(rows[0])).toEqual({ 1: 'đọc tôi' });
  });

  it('hands rows out in groups as the sheet streams in, a million cells without holding them', () => {
    function* many() {
      for (let i = 0; i < 200_000; i++) yield [i, `dòng ${i}`];
    }
    let groups = 0;
    let count = 0;
    let last = 0;
    for (const group of sheetRows(streamedXlsx(many()), options(100_000_000))) {
      groups++;
      count += group.length;
      last = group[group.length - 1]?.row ?? last;
    }
    expect(count).toBe(200_000);
    expect(last).toBe(200_000);
    expect(groups).toBeGreaterThan(50);
  });

  it('stops at the inflate budget, and refuses a zip without a worksheet', () => {
    const bomb = streamedXlsx([[1]], { padding: 20 });
    expect(() => all(bomb, options(5 * 1024 * 1024))).toThrow(ZipError);
    expect(() => all(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toThrow(SheetError);
  });

  it('numbers columns as Excel does', () => {
    expect([columnOf('A1'), columnOf('Z9'), columnOf('AA1'), columnOf('AB3'), columnOf('XFD1'), columnOf('12')]).toEqual([
      1,
      26,
      27,
      28,
      16384,
      undefined,
    ]);
  });
});
