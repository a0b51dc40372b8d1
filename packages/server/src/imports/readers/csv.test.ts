import { describe, expect, it } from 'vitest';
import { CsvError, csvRecords } from './csv.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (...parts: string[]) => [...csvRecords(parts.map(enc))].flat();

describe('csvRecords', () => {
  it('reads plain records with spreadsheet row numbers, dropping the byte-order mark', () => {
    expect(read('\uFEFFHọ và tên,Ngày sinh\r\nAn,01/02/2015\r\n')).toEqual([
      { row: 1, cells: ['Họ và tên', 'Ngày sinh'] },
      { row: 2, cells: ['An', '01/02/2015'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and counts the record as one row', () => {
    expect(read('a,b\n"Thôn 1, xã A","nói ""xin chào""\nhai dòng"\nc,d')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['Thôn 1, xã A', 'nói "xin chào"\nhai dòng'] },
      { row: 3, cells: ['c', 'd'] },
    ]);
  });

  it('reads a record split across chunks, even inside a multi-byte letter', () => {
    const bytes = enc('Nguyễn,"Hà, Nội"\n');
    const parts = [bytes.slice(0, 5), bytes.slice(5, 11), bytes.slice(11)];
    expect([...csvRecords(parts)].flat()).toEqual([{ row: 1, cells: ['Nguyễn', 'Hà, Nội'] }]);
  });

  it('keeps empty fields and empty lines as rows, so that row numbers stay those of the sheet', () => {
    expect(read('a,,c\n\nd\n')).toEqual([
      { row: 1, cells: ['a', '', 'c'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['d'] },
    ]);
  });

  it('refuses a file in another encoding (Windows-1258 from an older Excel)', () => {
    // "Họ" with ọ as one byte of Windows-1258: not UTF-8
    expect(() => [...csvRecords([Uint8Array.from([0x48, 0xf2, 0x2c, 0x41, 0x0a])])]).toThrow(/not-utf8/);
  });

  it('refuses an unclosed quote and an endless field', () => {
    expect(() => read('a,"b\n')).toThrow(CsvError);
    expect(() => read('x'.repeat(20_000))).toThrow(/field-too-long/);
  });
});
