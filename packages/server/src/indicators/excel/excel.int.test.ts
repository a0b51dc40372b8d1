import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NATIONAL_CATALOGUE, TEMPLATE_COLUMNS, dataSetElements, indexCatalogue } from '@tre/core';
import { makeDocx } from '@tre/core/plans/parser/docx.fixture';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { runTre } from '../../test/cli.ts';
import { ADMIN_PASSWORD, createServerTestDatabase, testEngine } from '../../test/db.ts';
import { followImport } from '../../test/imports.ts';
import {
  COMMUNE_A,
  COMMUNE_B,
  auditCount,
  firstAgencyId,
  makePlan,
  signIn,
  signInNewUser,
  type Session,
} from '../../test/factories.ts';
import { storedFigures } from '../../test/state.ts';

/**
 * The Excel template downloaded, filled in and uploaded again; bad rows and unreadable files; the
 * CLI reading an .xlsx; and the chart files compared with the JSON routes' numbers.
 */
const COMMUNE_C = '16690'; // Phường Trường Vinh: never reports here
const COMMUNES_OF_40 = 130;
const NEONATAL = 'I03_NEONATAL_MORTALITY';
const INFANT = 'I03_INFANT_MORTALITY';

let t: TestApp;
let admin: Session;
let officerA: Session;
/** the template of every commune, as downloaded in the first tests */
let allCommunes: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  await makePlan(t.db); // indicator 3 "trẻ sơ sinh": < 9.5 ‰ in 2025
  const seed = await t.app.inject({
    method: 'PUT',
    url: '/api/data-values',
    headers: officerA.headers,
    payload: {
      unit: COMMUNE_A,
      period: '2025',
      values: [
        { element: 'LIVE_BIRTHS', value: 400 },
        { element: 'LIVE_BIRTHS', disaggregation: 'sex=female', value: 190 },
      ],
    },
  });
  expect(seed.statusCode).toBe(200);
});
afterAll(async () => t.close());

// ---- helpers ----

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function open(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const get = (s: Session, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...s.headers, ...headers } });

/** Uploads a file and follows its import job to the end (test/imports.ts). */
const upload = async (
  s: Session,
  fileName: string,
  payload: Buffer | Uint8Array | string,
  headers: Record<string, string> = {},
) =>
  followImport(
    t.app,
    { ...s.headers, ...headers },
    await t.app.inject({
      method: 'POST',
      url: `/api/data-values/import-file?fileName=${encodeURIComponent(fileName)}`,
      headers: { ...s.headers, 'content-type': 'application/octet-stream', ...headers },
      payload: Buffer.from(payload),
    }),
  );

async function template(s: Session, query: string): Promise<{ res: LightMyRequestResponse; wb: ExcelJS.Workbook }> {
  const res = await get(s, `/api/data-values/template.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  return { res, wb: await open(res.rawPayload) };
}

type Row = { row: number; cells: (string | number | null)[] };
/** The data rows of the template sheet: [unit, unit name, period, element, element name, disaggregation, value]. */
function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const out: Row[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    out.push({ row: r, cells: [1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value as string | number | null) });
  });
  return out;
}
const find = (rows: Row[], unit: string, element: string, key = '') =>
  rows.find((r) => r.cells[0] === unit && r.cells[3] === element && (r.cells[5] ?? '') === key);

/** Rows per commune computed from the catalogue by hand: each element's total, and one row per option combination. */
function rowsPerUnit(elements: string[]): number {
  const options = (c: string) => NATIONAL_CATALOGUE.categories.find((x) => x.code === c)?.options.length ?? 0;
  const index = indexCatalogue(NATIONAL_CATALOGUE);
  return elements.reduce((n, code) => {
    const cats = index.element(code)?.categories ?? [];
    return n + 1 + (cats.length === 0 ? 0 : cats.reduce((p, c) => p * options(c), 1));
  }, 0);
}

async function dataState() {
  return {
    ...(await storedFigures(t.db)),
    // audit rows of data written: a refused file leaves only its job's own rows (queued, failed)
    dataAudit: (
      await t.db.kysely
        .selectFrom('audit_event')
        .select('id')
        .where((eb) =>
          eb.not(eb.and([eb('entity', '=', 'import_job'), eb('action', 'in', ['create', 'import', 'import_failed'])])),
        )
        .execute()
    ).length,
  };
}

async function stored(unit: string, element: string, period: string, disaggregation = '') {
  const row = await t.db.kysely
    .selectFrom('data_value')
    .select('value')
    .where('unit_code', '=', unit)
    .where('element_code', '=', element)
    .where('period', '=', period)
    .where('disaggregation', '=', disaggregation)
    .executeTakeFirst();
  return row?.value ?? null;
}

/** A workbook of the template's columns (or others) with the given rows, as a user might make one. */
async function workbook(header: string[], rows: unknown[][], opts: { title?: string; sheet?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? 'Số liệu');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return bytesOf(wb);
}

/** A real workbook whose zip directory declares 3 × 500 MB of content (declared sizes are never trusted, either way). */
async function claimsToBeHuge(): Promise<Buffer> {
  const bytes = await workbook([...TEMPLATE_COLUMNS], [[COMMUNE_A, '', '2027', 'LIVE_BIRTHS', '', '', 5]]);
  let patched = 0;
  for (let i = 0; i + 46 < bytes.length && patched < 3; i++) {
    if (bytes.readUInt32LE(i) === 0x02014b50) {
      bytes.writeUInt32LE(500 * 1024 * 1024, i + 24);
      patched++;
    }
  }
  expect(patched).toBe(3);
  return bytes;
}

// ---- the template ----

describe('the Excel template', () => {
  it("gives a commune officer their commune's template with the stored values, grey codes and a whole-number check", async () => {
    const { res, wb } = await template(officerA, `period=2025&dataSet=commune&unit=${COMMUNE_A}`);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="Mau nhap so lieu - Phuong Thanh Vinh - 2025\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('Mẫu nhập số liệu - Phường Thành Vinh - 2025.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Hướng dẫn']);
    const ws = wb.getWorksheet('Số liệu');
    if (!ws) throw new Error('no sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_COLUMNS]);
    const rows = rowsOf(ws);
    const elements = dataSetElements(indexCatalogue(NATIONAL_CATALOGUE), 'commune');
    expect(rows).toHaveLength(rowsPerUnit(elements));
    // LIVE_BIRTHS has sex: the total, male, female; CHILDREN_TOTAL has sex × age group: 1 + 2 × 3
    expect(rows.filter((r) => r.cells[3] === 'LIVE_BIRTHS').map((r) => r.cells[5] ?? '')).toEqual(['', 'sex=male', 'sex=female']);
    expect(rows.filter((r) => r.cells[3] === 'CHILDREN_TOTAL')).toHaveLength(7);
    expect(find(rows, COMMUNE_A, 'CHILDREN_TOTAL', 'age_group=u6|sex=female')?.cells[4]).toBe(
      'Tổng số trẻ em (dưới 16 tuổi) — Nữ, Dưới 6 tuổi',
    );
    expect(rows.some((r) => r.cells[3] === 'COMMUNES_TOTAL')).toBe(false);
    expect(find(rows, COMMUNE_A, 'LIVE_BIRTHS')?.cells).toEqual([
      COMMUNE_A,
      'Phường Thành Vinh',
      '2025',
      'LIVE_BIRTHS',
      'Số trẻ đẻ sống',
      null,
      400,
    ]);
    expect(find(rows, COMMUNE_A, 'LIVE_BIRTHS', 'sex=female')?.cells[6]).toBe(190);
    expect(find(rows, COMMUNE_A, 'LIVE_BIRTHS', 'sex=male')?.cells[6]).toBeNull();
    const valueCell = ws.getCell(2, 7);
    expect(valueCell.numFmt).toBe('#,##0');
    expect(valueCell.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell(rows.length + 1, 7).dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getCell(2, 1).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFE7E6E6' } });
    const valueFill = ws.getCell(2, 7).fill as ExcelJS.Fill | undefined; // exceljs types it as always set; unfilled it is undefined
    expect(JSON.stringify(valueFill ?? {})).not.toContain('FFE7E6E6'); // the value column is not grey
    const help = wb.getWorksheet('Hướng dẫn');
    const text = (help?.getSheetValues() ?? []).flat().join('\n');
    expect(text).toContain('Ô để trống nghĩa là "chưa báo cáo", KHÔNG phải 0');
    expect(text).toContain('An empty cell means "not reported", NOT 0');
    expect(text).toContain('female = Nữ / Female');
  });

  it('gives a provincial user every commune of the province, and every active agency with its own elements', async () => {
    const { res, wb } = await template(admin, 'period=2025&dataSet=commune');
    allCommunes = res.rawPayload;
    const rows = rowsOf(wb.getWorksheet('Số liệu') as ExcelJS.Worksheet);
    const perCommune = rowsPerUnit(dataSetElements(indexCatalogue(NATIONAL_CATALOGUE), 'commune'));
    expect(rows).toHaveLength(COMMUNES_OF_40 * perCommune);
    expect(new Set(rows.map((r) => r.cells[0])).size).toBe(COMMUNES_OF_40);
    expect(find(rows, COMMUNE_A, 'LIVE_BIRTHS')?.cells[6]).toBe(400);
    expect(find(rows, COMMUNE_B, 'LIVE_BIRTHS')?.cells[1]).toBe('Xã Nghi Lộc');

    const agencies = await template(admin, 'period=2025&dataSet=agency');
    const arows = rowsOf(agencies.wb.getWorksheet('Số liệu') as ExcelJS.Worksheet);
    const tuphap = await firstAgencyId(t.db, 'Sở Tư pháp');
    // Sở Tư pháp supplies birth registration: two elements with sex (× ethnicity for one of them)
    expect(
      arows.filter((r) => r.cells[0] === tuphap).map((r) => `${String(r.cells[3])} ${String(r.cells[5] ?? '')}`.trim()),
    ).toEqual([
      'CHILDREN_U5',
      'CHILDREN_U5 ethnicity=kinh|sex=male',
      'CHILDREN_U5 ethnicity=minority|sex=male',
      'CHILDREN_U5 ethnicity=kinh|sex=female',
      'CHILDREN_U5 ethnicity=minority|sex=female',
      'CHILDREN_U5_BIRTH_REGISTERED',
      'CHILDREN_U5_BIRTH_REGISTERED ethnicity=kinh|sex=male',
      'CHILDREN_U5_BIRTH_REGISTERED ethnicity=minority|sex=male',
      'CHILDREN_U5_BIRTH_REGISTERED ethnicity=kinh|sex=female',
      'CHILDREN_U5_BIRTH_REGISTERED ethnicity=minority|sex=female',
    ]);
    await t.db.kysely.updateTable('agency').set({ active: false }).where('id', '=', tuphap).execute();
    try {
      const again = await template(admin, 'period=2025&dataSet=agency');
      expect(rowsOf(again.wb.getWorksheet('Số liệu') as ExcelJS.Worksheet).some((r) => r.cells[0] === tuphap)).toBe(false);
    } finally {
      await t.db.kysely.updateTable('agency').set({ active: true }).where('id', '=', tuphap).execute();
    }

    const province = await template(admin, 'period=2025&dataSet=province');
    const prows = rowsOf(province.wb.getWorksheet('Số liệu') as ExcelJS.Worksheet);
    expect(prows.every((r) => r.cells[0] === '40')).toBe(true);
    expect(prows.some((r) => r.cells[3] === 'COMMUNES_TOTAL')).toBe(true);
  });

  it('refuses a bad period and a unit of another data set, naming the field', async () => {
    const bad = await get(admin, '/api/data-values/template.xlsx?period=2025S3&dataSet=commune');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'period' } });
    const kind = await get(admin, `/api/data-values/template.xlsx?period=2025&dataSet=agency&unit=${COMMUNE_A}`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json()).toMatchObject({ error: { field: 'dataSet' } });
  });
});

// ---- importing ----

describe('importing the filled template', () => {
  let filled: Buffer;

  it('stores the figures of two communes filled in the downloaded template; the province values add up', async () => {
    // the template of every commune downloaded above (it has A's 400 births and 190 girls)
    const wb = await open(allCommunes);
    const ws = wb.getWorksheet('Số liệu') as ExcelJS.Worksheet;
    const rows = rowsOf(ws);
    const set = (unit: string, element: string, key: string, value: string | number) => {
      const r = find(rows, unit, element, key);
      if (!r) throw new Error(`no row ${unit} ${element} ${key}`);
      ws.getCell(r.row, 7).value = value;
    };
    // A: 1000 births (typed as Vietnamese text "1.000", replacing 400; the 190 girls stay), 8 neonatal and 12 infant deaths
    set(COMMUNE_A, 'LIVE_BIRTHS', '', '1.000');
    set(COMMUNE_A, 'NEONATAL_DEATHS', '', 8);
    set(COMMUNE_A, 'INFANT_DEATHS', '', 12);
    // B: births only as parts (260 boys + 240 girls = 500), 6 neonatal and 9 infant deaths
    set(COMMUNE_B, 'LIVE_BIRTHS', 'sex=male', 260);
    set(COMMUNE_B, 'LIVE_BIRTHS', 'sex=female', '240');
    set(COMMUNE_B, 'NEONATAL_DEATHS', '', 6);
    set(COMMUNE_B, 'INFANT_DEATHS', '', 9);
    filled = await bytesOf(wb);

    const audits = await auditCount(t.db);
    const res = await upload(admin, 'số liệu 2025.xlsx', filled);
    expect(res.statusCode, res.body).toBe(200);
    // 8 filled cells: A's 190 girls unchanged, A's births 400 → 1000 updated, six new
    expect(res.report).toEqual({ rows: 8, imported: 6, updated: 1, unchanged: 1, rejected: 0, rejectedRows: [] });
    expect(await stored(COMMUNE_A, 'LIVE_BIRTHS', '2025')).toBe(1000);
    expect(await stored(COMMUNE_B, 'LIVE_BIRTHS', '2025', 'sex=female')).toBe(240);
    expect(await stored(COMMUNE_B, 'LIVE_BIRTHS', '2025')).toBeNull();
    // the job queued, its one batch written, the job done: each audited as the uploader
    expect(await auditCount(t.db)).toBe(audits + 3);
    const audit = await t.db.kysely.selectFrom('audit_event').selectAll().orderBy('id', 'desc').limit(3).execute();
    const jobId = res.job?.id;
    expect(audit.map((a) => [a.action, a.entity, a.entity_id, a.actor_name])).toEqual([
      ['import', 'import_job', jobId, 'admin'],
      ['import_batch', 'import_job', jobId, 'admin'],
      ['create', 'import_job', jobId, 'admin'],
    ]);
    expect(audit[0]?.after).toMatchObject({ file: 'số liệu 2025.xlsx', rows: 8, imported: 6, updated: 1, unchanged: 1 });

    const values = await get(admin, '/api/indicators/values?period=2025&unit=40');
    expect(values.statusCode).toBe(200);
    const list = (
      values.json() as {
        values: { measure: string; numerator: number; denominator: number; value: number; unitsReported: number }[];
      }
    ).values;
    // neonatal: (8 + 6) / (1000 + 500) × 1000 = 9.333… ‰; infant: (12 + 9) / 1500 × 1000 = 14 ‰; 2 of 130 communes
    const neonatal = list.find((v) => v.measure === NEONATAL);
    expect(neonatal).toMatchObject({ numerator: 14, denominator: 1500, unitsReported: 2 });
    expect(neonatal?.value).toBeCloseTo(14000 / 1500, 10);
    expect(list.find((v) => v.measure === INFANT)).toMatchObject({ numerator: 21, denominator: 1500, value: 14 });
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const before = await dataState();
    const res = await upload(admin, 'số liệu 2025.xlsx', filled);
    expect(res.report).toEqual({ rows: 8, imported: 0, updated: 0, unchanged: 8, rejected: 0, rejectedRows: [] });
    expect(await dataState()).toEqual(before);
  });

  it('rejects bad rows with their spreadsheet row number and keeps the good ones (header found below a title, any case)', async () => {
    const file = await workbook(
      ['Ghi chú', ' MÃ ĐƠN VỊ ', 'Tên đơn vị', 'kỳ', 'Mã chỉ số', 'Tên chỉ số', 'phân tổ', ' Giá trị '],
      [
        ['', COMMUNE_A, '', '2026', 'NO_SUCH_ELEMENT', '', '', 1], // row 3
        ['', '99999', '', '2026', 'LIVE_BIRTHS', '', '', 1], // 4
        ['', COMMUNE_A, '', '2025S3', 'LIVE_BIRTHS', '', '', 1], // 5
        ['', COMMUNE_A, '', '2026', 'LIVE_BIRTHS', '', '', 'abc'], // 6
        ['', COMMUNE_A, '', '2026', 'LIVE_BIRTHS', '', '', -3], // 7
        ['', COMMUNE_A, '', '2026', 'LIVE_BIRTHS', '', '', 2.5], // 8
        ['', COMMUNE_A, '', '2026', 'LIVE_BIRTHS', '', '', '12,5'], // 9
        ['not reported', COMMUNE_A, '', '2026', 'INFANT_DEATHS', '', '', null], // 10: skipped
        ['', COMMUNE_A, '', '2026', 'LIVE_BIRTHS', '', '', '1.234'], // 11: 1234
        ['', COMMUNE_A, '', 2026, 'NEONATAL_DEATHS', '', 'sex=female', 5], // 12
        ['', COMMUNE_A, '', '2026', 'COMMUNES_TOTAL', '', '', 1], // 13: a count of communes is not a commune's
        ['', COMMUNE_B, '', '2026', 'NEONATAL_DEATHS', '', 'area=urban', 3], // 14
        ['', Number(COMMUNE_B), '', '2026', 'INFANT_DEATHS', '', '', 4], // 15: the code typed as a number
      ],
      { title: 'Số liệu năm 2026 — xã Thành Vinh, Nghi Lộc' },
    );
    const before = (await dataState()).history;
    const res = await upload(admin, 'bad.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.report;
    if (!report) throw new Error(res.body);
    expect(report).toMatchObject({ rows: 12, imported: 3, updated: 0, unchanged: 0, rejected: 9 });
    expect(report.rejectedRows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 13, 14]);
    const reason = (row: number) => report.rejectedRows.find((r) => r.row === row)?.reason;
    expect(reason(3)).toEqual({
      vi: 'chỉ số dữ liệu không tồn tại: NO_SUCH_ELEMENT',
      en: 'unknown data element: NO_SUCH_ELEMENT',
    });
    expect(reason(4)?.en).toContain('unknown unit or not of this province: 99999');
    expect(reason(5)).toMatchObject({ vi: 'kỳ không hợp lệ: 2025S3' });
    expect(reason(6)).toEqual({ vi: 'giá trị "abc": không phải là số (abc)', en: 'value "abc": not a number (abc)' });
    expect(reason(7)?.en).toContain('negative');
    expect(reason(8)?.en).toBe('value "2.5": 2.5 is not a whole count');
    expect(reason(9)).toEqual({
      vi: 'giá trị "12,5": số thập phân (12,5) không hợp lệ: số đếm phải là số nguyên',
      en: 'value "12,5": a decimal (12,5) is not valid: a count is a whole number',
    });
    expect(reason(13)?.en).toContain('not in the data set');
    expect(reason(14)?.en).toContain('disaggregation');
    expect(report.rejectedRows[0]).toMatchObject({ dataElement: 'NO_SUCH_ELEMENT', orgUnit: COMMUNE_A, period: '2026' });
    expect(await stored(COMMUNE_A, 'LIVE_BIRTHS', '2026')).toBe(1234);
    expect(await stored(COMMUNE_A, 'NEONATAL_DEATHS', '2026', 'sex=female')).toBe(5);
    expect(await stored(COMMUNE_B, 'INFANT_DEATHS', '2026')).toBe(4);
    expect(await stored(COMMUNE_A, 'INFANT_DEATHS', '2026')).toBeNull();
    expect((await dataState()).history).toBe(before + 3);
  });

  it('refuses a workbook without the "Giá trị" column, naming it, and stores nothing', async () => {
    const before = await dataState();
    const file = await workbook(
      ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Mã chỉ số', 'Tên chỉ số', 'Phân tổ', 'Số'],
      [[COMMUNE_A, '', '2027', 'LIVE_BIRTHS', '', '', 5]],
    );
    const res = await upload(admin, 'thieu-cot.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.error).toMatchObject({ code: 'DATA_FILE_UNREADABLE', field: 'file' });
    expect(res.error?.message).toContain('thiếu cột "Giá trị"');
    const en = await upload(admin, 'thieu-cot.xlsx', file, { 'accept-language': 'en' });
    expect(en.error?.message).toContain('has no column "Giá trị"');
    expect(await dataState()).toEqual(before);
  });

  it.each<[string, string, () => Buffer | Uint8Array | string | Promise<Buffer>, string]>([
    // 20 MB: more than the 15 MB other uploads take, within this route's 50 MB
    [
      'random bytes',
      'data.xlsx',
      () => Buffer.concat([Buffer.from([0]), crypto.randomBytes(20 * 1024 * 1024)]),
      'only the Excel template',
    ],
    ['an empty body', 'data.xlsx', () => Buffer.alloc(0), 'the file is empty'],
    ['a Word document', 'ke-hoach.docx', () => makeDocx(['KẾ HOẠCH', 'Số liệu']), 'no Excel worksheet'],
    ['a CSV file', 'data.csv', () => `Mã đơn vị,Kỳ,Mã chỉ số,Phân tổ,Giá trị\n${COMMUNE_A},2027,LIVE_BIRTHS,,5\n`, 'e.g. a .csv'],
    ['broken JSON', 'data.json', () => '{"dataValues": [', 'not valid JSON'],
    ['JSON without dataValues', 'data.json', () => '{"rows": []}', 'no "dataValues" array'],
    ['a zip that is not a workbook', 'data.xlsx', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'damaged or incomplete'],
  ])('refuses %s with 422 and stores nothing', async (_name, fileName, payload, message) => {
    const before = await dataState();
    const res = await upload(admin, fileName, await payload(), { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.error?.code).toBe('DATA_FILE_UNREADABLE');
    expect(res.error?.message).toContain(`The data file "${fileName}" cannot be read`);
    expect(res.error?.message).toContain(message);
    expect(await dataState()).toEqual(before);
  });

  it('reads a workbook by what it holds, not by the sizes its zip directory claims', async () => {
    // the real zip bomb (content that inflates past the limit) is in imports/imports.hostile.int.test.ts
    const res = await upload(admin, 'claims-huge.xlsx', await claimsToBeHuge());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.report).toMatchObject({ rows: 1, rejected: 0 });
    expect(await stored(COMMUNE_A, 'LIVE_BIRTHS', '2027')).toBe(5);
  });

  it('imports a dataValueSets .json file through the same route', async () => {
    const file = JSON.stringify({
      dataValues: [
        { dataElement: 'LIVE_BIRTHS', orgUnit: COMMUNE_B, period: '2027', value: '50' },
        { dataElement: 'LIVE_BIRTHS', orgUnit: COMMUNE_B, period: '2027', value: '1.234' },
      ],
    });
    const res = await upload(admin, 'values.json', file);
    expect(res.statusCode).toBe(200);
    // JSON numbers are DHIS2's: "1.234" is a decimal there, refused as not whole
    expect(res.report).toMatchObject({ rows: 2, imported: 1, rejected: 1, rejectedRows: [{ row: 2 }] });
    expect(await stored(COMMUNE_B, 'LIVE_BIRTHS', '2027')).toBe(50);
  });

  it('imports an .xlsx through the CLI and prints the same report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-excel-cli-'));
    const server = testEngine() === 'postgres' ? await createServerTestDatabase() : null;
    const env: Record<string, string> = server
      ? { DATABASE_URL: server.url, TRE_ADMIN_PASSWORD: ADMIN_PASSWORD }
      : { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    try {
      const file = path.join(dir, 'so-lieu.xlsx');
      fs.writeFileSync(
        file,
        await workbook(
          [...TEMPLATE_COLUMNS],
          [
            [COMMUNE_A, 'Phường Thành Vinh', '2025', 'LIVE_BIRTHS', 'Số trẻ đẻ sống', '', '1.500'],
            [COMMUNE_A, 'Phường Thành Vinh', '2025', 'NEONATAL_DEATHS', 'Số trẻ sơ sinh tử vong', '', 9],
            [COMMUNE_A, 'Phường Thành Vinh', '2025', 'INFANT_DEATHS', 'Số trẻ em dưới 1 tuổi tử vong', '', -1],
          ],
        ),
      );
      const first = await runTre(['data', 'import', file], env);
      expect(first.code).toBe(1);
      expect(first.stderr).toContain('dòng / row 4: giá trị "-1": số âm (-1) không hợp lệ / value "-1": negative value (-1)');
      expect(first.stdout).toContain(
        '3 dòng / rows: 2 mới / imported, 0 cập nhật / updated, 0 không đổi / unchanged, 1 bị từ chối / rejected',
      );
      const again = await runTre(['data', 'import', file], env);
      expect(again.stdout).toContain('2 không đổi / unchanged');

      const docx = path.join(dir, 'ke-hoach.docx');
      fs.writeFileSync(docx, makeDocx(['KẾ HOẠCH']));
      const refused = await runTre(['data', 'import', docx], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('Không đọc được tệp số liệu "ke-hoach.docx"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await server?.drop();
    }
  }, 300_000); // three runs of the real command, each opening the embedded database
});

// ---- chart files ----

type Sheet = {
  title: string;
  info: Map<string, string>;
  header: string[];
  rows: (string | number | null)[][];
  ws: ExcelJS.Worksheet;
};

/** Reads a chart file: title, the "label: value" lines, the header row (the first after a blank line) and the rows. */
async function chart(s: Session, query: string): Promise<Sheet> {
  const res = await get(s, `/api/indicators/chart.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
  const wb = await open(res.rawPayload);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const values = (r: number) => (ws.getRow(r).values as (string | number | null)[]).slice(1);
  const info = new Map<string, string>();
  let r = 2;
  for (; values(r).length > 0; r++) info.set(String(values(r)[0]), String(values(r)[1]));
  const header = values(r + 1).map(String);
  const rows: (string | number | null)[][] = [];
  for (let i = r + 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    rows.push(header.map((_, c) => (row.getCell(c + 1).value as string | number | null) ?? null));
  }
  return { title: String(values(1)[0]), info, header, rows, ws };
}

const col = (s: Sheet, name: string) => {
  const i = s.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${s.header.join(', ')}`);
  return i;
};

describe('chart data as Excel', () => {
  it('overview: every measure with the numbers of GET /api/indicators/values', async () => {
    const json = (await get(admin, '/api/indicators/values?period=2025&unit=40')).json() as {
      values: {
        measure: string;
        indicatorNo: number;
        value: number | null;
        numerator: number | null;
        denominator: number | null;
        target: { op: string; value: number; year: number } | null;
        nationalTarget: { op: string; value: number; year: number } | null;
        status: string;
        unitsReported: number;
        unitsExpected: number;
      }[];
    };
    const s = await chart(admin, 'view=overview&period=2025&unit=40');
    expect(s.title).toBe('Giá trị các chỉ tiêu');
    expect(s.info.get('Đơn vị:')).toBe('Nghệ An (40)');
    expect(s.info.get('Kỳ:')).toBe('2025');
    expect(s.info.get('Ngày lập:')).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(s.rows).toHaveLength(json.values.length);
    const words: Record<string, string> = {
      met: 'Đạt',
      on_track: 'Đúng tiến độ',
      at_risk: 'Có nguy cơ không đạt',
      off_track: 'Chậm tiến độ',
      no_data: 'Chưa có số liệu',
      no_target: 'Chưa có chỉ tiêu',
    };
    for (const v of json.values) {
      const row = s.rows.find((r) => r[col(s, 'Mã')] === v.measure);
      expect(row, v.measure).toBeDefined();
      if (!row) continue;
      expect(row[col(s, 'Chỉ tiêu số')]).toBe(v.indicatorNo);
      expect(row[col(s, 'Giá trị')]).toBe(v.value);
      expect(row[col(s, 'Tử số')]).toBe(v.numerator);
      expect(row[col(s, 'Mẫu số')]).toBe(v.denominator);
      expect(row[col(s, 'Chỉ tiêu kế hoạch: giá trị')]).toBe(v.target?.value ?? null);
      expect(row[col(s, 'Mục tiêu quốc gia: giá trị')]).toBe(v.nationalTarget?.value ?? null);
      expect(row[col(s, 'Mục tiêu quốc gia: năm')]).toBe(v.nationalTarget?.year ?? null);
      expect(row[col(s, 'Tình trạng')]).toBe(words[v.status]);
      expect(row[col(s, 'Số đơn vị đã báo cáo')]).toBe(v.unitsReported);
      expect(row[col(s, 'Số đơn vị phải báo cáo')]).toBe(v.unitsExpected);
    }
    const neonatal = s.rows.find((r) => r[col(s, 'Mã')] === NEONATAL) ?? [];
    // 14 / 1500 × 1000 = 9.33 ‰ against < 9.5 in 2025: met
    expect(neonatal[col(s, 'Giá trị')]).toBeCloseTo(9.3333, 3);
    expect(neonatal.slice(col(s, 'Chỉ tiêu kế hoạch: so sánh'), col(s, 'Chỉ tiêu kế hoạch: năm') + 1)).toEqual(['<', 9.5, 2025]);
    expect(neonatal[col(s, 'Tình trạng')]).toBe('Đạt');
    expect(neonatal[col(s, 'Đơn vị tính')]).toBe('‰');
    const valueRow = 1 + s.rows.findIndex((r) => r[col(s, 'Mã')] === NEONATAL) + (s.ws.rowCount - s.rows.length);
    expect(s.ws.getCell(valueRow, col(s, 'Giá trị') + 1).numFmt).toBe('#,##0.00');

    const en = await chart(admin, 'view=overview&period=2025&unit=40&lang=en');
    expect(en.title).toBe('Indicator values');
    expect(en.header.slice(0, 4)).toEqual(['Indicator no.', 'Code', 'Measure', 'Value']);
    expect(en.rows.find((r) => r[1] === NEONATAL)?.[col(en, 'Status')]).toBe('Met');
  });

  it('trend: each period of GET /api/indicators/:measure/trend with its target and completeness', async () => {
    const json = (await get(admin, `/api/indicators/${NEONATAL}/trend?unit=40`)).json() as {
      points: {
        period: string;
        value: number | null;
        numerator: number | null;
        denominator: number | null;
        unitsReported: number;
        unitsExpected: number;
      }[];
    };
    // 2026 from the bad-rows file, 2027 births of B from the .json file
    expect(json.points.map((p) => p.period)).toEqual(['2025', '2026', '2027']);
    const s = await chart(admin, `view=trend&measure=${NEONATAL}&unit=40`);
    expect(s.info.get('Chỉ tiêu:')).toContain('3. ');
    expect(s.info.get('Kỳ:')).toBe('2025 – 2027');
    expect(s.rows.map((r) => r[col(s, 'Kỳ')])).toEqual(['2025', '2026', '2027']);
    json.points.forEach((p, i) => {
      const row = s.rows[i] ?? [];
      expect(row[col(s, 'Giá trị')]).toBe(p.value);
      expect(row[col(s, 'Tử số')]).toBe(p.numerator);
      expect(row[col(s, 'Mẫu số')]).toBe(p.denominator);
      expect(row[col(s, 'Số đơn vị đã báo cáo')]).toBe(p.unitsReported);
      expect(row[col(s, 'Tỷ lệ báo cáo')]).toBeCloseTo(p.unitsReported / p.unitsExpected, 10);
    });
    // 2025: 2 of 130 communes reported; the 2025 target < 9.5
    expect(s.rows[0]?.slice(col(s, 'Chỉ tiêu: so sánh'), col(s, 'Chỉ tiêu: năm') + 1)).toEqual(['<', 9.5, 2025]);
    expect(s.rows[0]?.[col(s, 'Số đơn vị phải báo cáo')]).toBe(COMMUNES_OF_40);
  });

  it('ranking: every commune, the ones that did not report as "chưa báo cáo" with an empty value', async () => {
    const json = (await get(admin, `/api/indicators/${NEONATAL}/units?period=2025`)).json() as {
      units: { code: string; value: number | null; numerator: number | null; denominator: number | null; status: string }[];
    };
    const s = await chart(admin, `view=ranking&measure=${NEONATAL}&period=2025`);
    expect(s.title).toBe('Xếp hạng các xã');
    expect(s.info.get('Chỉ tiêu kế hoạch:')).toBe('< 9,5 (2025)');
    expect(s.rows).toHaveLength(COMMUNES_OF_40);
    expect(s.rows.map((r) => r[col(s, 'Mã xã')])).toEqual(json.units.map((u) => u.code));
    json.units.forEach((u, i) => {
      expect(s.rows[i]?.[col(s, 'Giá trị')]).toBe(u.value);
      expect(s.rows[i]?.[col(s, 'Tử số')]).toBe(u.numerator);
      expect(s.rows[i]?.[col(s, 'Mẫu số')]).toBe(u.denominator);
    });
    // lower is better: A 8 / 1000 = 8 ‰ first, B 6 / 500 = 12 ‰ second
    expect(s.rows[0]?.slice(0, 4)).toEqual([1, COMMUNE_A, 'Phường Thành Vinh', 8]);
    expect(s.rows[1]?.slice(0, 4)).toEqual([2, COMMUNE_B, 'Xã Nghi Lộc', 12]);
    expect(s.rows[0]?.[col(s, 'Tình trạng')]).toBe('Đạt');
    // 12 ‰ against < 9.5: the status the JSON route gives, in words
    expect(json.units[1]?.status).toBe('at_risk');
    expect(s.rows[1]?.[col(s, 'Tình trạng')]).toBe('Có nguy cơ không đạt');
    const c = s.rows.find((r) => r[col(s, 'Mã xã')] === COMMUNE_C) ?? [];
    expect(c).toEqual([null, COMMUNE_C, 'Phường Trường Vinh', null, null, null, 'chưa báo cáo']);

    const en = await chart(admin, `view=ranking&measure=${NEONATAL}&period=2025&lang=en`);
    expect(en.header).toEqual(['Rank', 'Commune code', 'Commune', 'Value', 'Numerator', 'Denominator', 'Status']);
    expect(en.rows.find((r) => r[1] === COMMUNE_C)?.[6]).toBe('not reported');
  });

  it('refuses a view without its parameters, naming the missing one', async () => {
    const res = await get(admin, '/api/indicators/chart.xlsx?view=trend&unit=40');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { field: 'query.measure' } });
    const unknown = await get(admin, '/api/indicators/chart.xlsx?view=ranking&measure=NO_SUCH&period=2025');
    expect(unknown.statusCode).toBe(404);
  });
});
