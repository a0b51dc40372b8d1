import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CHILD_FIELDS, type ChildField } from '@tre/core/children/child';
import { parseCommunes, parseProvinces } from '@tre/core/units/admin-units';
import { foldText } from '@tre/core/text/fold';
import { UNITS_DIR } from './admin.ts';
import { birthdayAt, dayOf, isValidDate, parseIsoDay } from './dates.ts';
import { evaluatePairs, evaluateRejections, laterDuplicateRows, truthPairs } from './evaluate.ts';
import { registerRows, writeRegister, type Truth } from './generate.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-children-gen-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 4000;
const IMPORT = parseIsoDay('2026-12-06');
const HEADERS = ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số định danh cá nhân', 'Mã xã', 'Địa chỉ', 'Họ tên mẹ', 'Họ tên cha', 'Họ tên người chăm sóc', 'Số điện thoại', 'Nhóm hoàn cảnh đặc biệt', 'Ngày xác định', 'Khuyết tật', 'Tình trạng đi học']; // prettier-ignore

/** RFC 4180 records of a whole file (test sizes only). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) cell += c;
    else if (c === ',' || c === '\n') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        out.push(row);
        row = [];
      }
    }
  }
  return out;
}

// the few rules of children-import.md the test checks by itself
const communes = parseCommunes(fs.readFileSync(path.join(UNITS_DIR, 'communes.csv'), 'utf8'));
const oldProvinces = new Set(parseProvinces(fs.readFileSync(path.join(UNITS_DIR, 'provinces-before-2025.csv'), 'utf8')).map((p) => p.code)); // prettier-ignore
const current = new Set(communes.map((c) => c.code));
const oldUses = new Map<string, number>();
for (const c of communes) for (const p of c.predecessors) oldUses.set(p.code, (oldUses.get(p.code) ?? 0) + 1);

function day(s: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = s.includes('-') ? [m[1], m[2], m[3]].map(Number) : [m[3], m[2], m[1]].map(Number);
  return y && mo && d && isValidDate(y, mo, d) ? dayOf(y, mo, d) : null;
}

function brokenRules(v: Record<ChildField, string>): ChildField[] {
  const bad: ChildField[] = [];
  const birth = day(v.birthDate);
  const sex = { nam: 'm', nu: 'f', m: 'm', f: 'f' }[foldText(v.sex)];
  if (v.fullName.trim() === '') bad.push('fullName');
  if (birth === null || birth > IMPORT || birthdayAt(birth, 16) <= IMPORT) bad.push('birthDate');
  if (sex === undefined) bad.push('sex');
  if (v.personalId !== '') {
    const ok = /^0\d{11}$/.test(v.personalId) && oldProvinces.has(v.personalId.slice(1, 3));
    const y = birth === null ? null : new Date(birth * 86_400_000).getUTCFullYear();
    const g = y === null ? null : 2 * (Math.floor(y / 100) - 19) + (sex === 'f' ? 1 : 0);
    if (!ok || y === null || v.personalId[3] !== String(g) || v.personalId.slice(4, 6) !== String(y % 100).padStart(2, '0'))
      bad.push('personalId');
  }
  if (!current.has(v.communeCode) && oldUses.get(v.communeCode) !== 1) bad.push('communeCode');
  const phone = v.phone.replace(/[ .]/g, '').replace(/^\+84/, '0');
  if (v.phone !== '' && !/^0\d{9,10}$/.test(phone)) bad.push('phone');
  if (v.groups !== '' && !v.groups.split(/[;,]\s*/).every((g) => /^[a-eg-iklmnođ]$/.test(g))) bad.push('groups');
  const identified = v.identifiedOn === '' ? undefined : day(v.identifiedOn);
  if (identified === null || (identified !== undefined && birth !== null && identified < birth)) bad.push('identifiedOn');
  return bad;
}

const rowsOf = (o: { seed: number; rows?: number }) => {
  const g = registerRows({ rows: o.rows ?? ROWS, province: '40', seed: o.seed });
  const rows: string[][] = [];
  for (let r = g.next(); ; r = g.next()) {
    if (r.done === true) return { rows, truth: r.value };
    rows.push(r.value);
  }
};

describe('the synthetic child register', () => {
  const file = path.join(dir, 'register.csv');
  let truth: Truth;
  let records: string[][];

  it('writes a UTF-8 file with BOM, the layout headers and the asked number of rows', async () => {
    truth = await writeRegister({ rows: ROWS, province: '40', seed: 7, out: file, truth: `${file}.json` });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    records = parseCsv(text.slice(1));
    expect(records[0]).toEqual(HEADERS);
    expect(records.length).toBe(ROWS + 1);
    expect(records.every((r) => r.length === HEADERS.length)).toBe(true);
    expect(JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'))).toEqual(truth);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = rowsOf({ seed: 7 });
    expect(a.rows.map((r) => r.join('\u0001'))).toEqual(records.slice(1).map((r) => r.join('\u0001')));
    expect(a.truth).toEqual(truth);
    expect(rowsOf({ seed: 8, rows: 50 }).rows).not.toEqual(a.rows.slice(0, 50));
  });

  it('has about 2.5 % duplicates and 1 % invalid rows; each invalid row breaks exactly its rule, valid rows none', () => {
    expect(truth.counts.duplicateRows / ROWS).toBeGreaterThan(0.015);
    expect(truth.counts.duplicateRows / ROWS).toBeLessThan(0.035);
    expect(truth.invalid.length / ROWS).toBeGreaterThan(0.005);
    expect(truth.invalid.length / ROWS).toBeLessThan(0.015);
    const invalid = new Map(truth.invalid.map((i) => [i.row, i.field]));
    records.slice(1).forEach((cells, i) => {
      const values = Object.fromEntries(CHILD_FIELDS.map((f, k) => [f, cells[k] ?? ''])) as Record<ChildField, string>;
      const expected = invalid.get(i + 2);
      expect({ row: i + 2, broken: brokenRules(values) }).toEqual({ row: i + 2, broken: expected ? [expected] : [] });
    });
  });

  it('points its duplicate groups at rows of the same child, and its twins at two children', () => {
    const cell = (row: number, field: ChildField) => records[row - 1]?.[CHILD_FIELDS.indexOf(field)] ?? '';
    const family = (row: number) => foldText(cell(row, 'fullName')).trim().split(/\s+/);
    for (const { rows } of truth.duplicates) {
      const [first = 0, ...later] = rows;
      for (const row of later) {
        const [a, b] = [family(first), family(row)];
        expect(a[0] === b[0] || a.at(-1) === b.at(-1)).toBe(true);
        expect(foldText(cell(row, 'sex')).charAt(0)).toBe(foldText(cell(first, 'sex')).charAt(0));
        const [d1, d2] = [day(cell(first, 'birthDate')) ?? 0, day(cell(row, 'birthDate')) ?? 0];
        expect(new Date(d1 * 86_400_000).getUTCFullYear()).toBe(new Date(d2 * 86_400_000).getUTCFullYear());
        const [id1, id2] = [cell(first, 'personalId'), cell(row, 'personalId')];
        const differ = Array.from({ length: 12 }, (_, k) => k).filter((k) => id1.charAt(k) !== id2.charAt(k));
        if (id1 && id2) expect(differ.length).toBeLessThanOrEqual(1);
      }
    }
    // an ID is unique in the file but for the rows of one child
    const groupOf = new Map(truth.duplicates.flatMap((g, k) => g.rows.map((r) => [r, k] as const)));
    const invalid = new Set(truth.invalid.map((i) => i.row));
    const byId = new Map<string, number[]>();
    for (let row = 2; row <= ROWS + 1; row++) {
      const id = cell(row, 'personalId');
      if (id !== '' && !invalid.has(row)) byId.set(id, [...(byId.get(id) ?? []), row]);
    }
    for (const rows of byId.values()) expect(new Set(rows.map((r) => groupOf.get(r) ?? -r)).size).toBe(1);
    for (const [a, b] of truth.twins) {
      expect(day(cell(a, 'birthDate'))).toBe(day(cell(b, 'birthDate')));
      expect(cell(a, 'motherName')).toBe(cell(b, 'motherName'));
      expect(cell(a, 'fullName')).not.toBe(cell(b, 'fullName'));
    }
  });

  it('scores pairs and rejections', () => {
    const pairs = truthPairs(truth);
    const perfect = evaluatePairs(pairs, pairs, { hardNegatives: truth.twins });
    expect([perfect.precision, perfect.recall, perfect.f1]).toEqual([1, 1, 1]);
    const half = evaluatePairs(pairs, [...pairs.slice(0, pairs.length / 2).map(([a, b]) => [b, a] as const), [2, 3]]);
    expect(half.truePositives).toBe(Math.floor(pairs.length / 2));
    expect(half.falsePositives).toBe(1);
    const reported = truth.invalid.slice(1).map((i) => ({ row: i.row, field: i.field }));
    const later = laterDuplicateRows(truth);
    const r = evaluateRejections(truth.invalid, [...reported, { row: later[0] ?? 0, field: 'personalId' }], {
      duplicateRows: later,
    });
    expect(r).toMatchObject({ caught: truth.invalid.length - 1, caughtRightField: truth.invalid.length - 1, missed: 1 });
    expect([r.wronglyRejected, r.duplicatesRejected]).toEqual([0, 1]);
  });

  it('writes a workbook with real dates and text IDs, and a variant layout', async () => {
    const xlsx = path.join(dir, 'small.xlsx');
    const t = await writeRegister({ rows: 120, province: '40', seed: 3, out: xlsx, format: 'variant' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(121);
    expect(sheet?.getRow(1).getCell(1).value).toBe('STT');
    expect(t.columns.map((c) => c.header)).toContain('Họ tên trẻ em');
    const birthColumn = t.columns.findIndex((c) => c.field === 'birthDate') + 1;
    const idColumn = t.columns.findIndex((c) => c.field === 'personalId') + 1;
    const values = Array.from({ length: 120 }, (_, i) => sheet?.getRow(i + 2));
    expect(values.some((r) => r?.getCell(birthColumn).value instanceof Date)).toBe(true);
    expect(values.every((r) => typeof r?.getCell(idColumn).value !== 'number')).toBe(true);
  });
});
