import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { importRegister, registerCsv, type LayoutRow } from '../../test/children.ts';

/**
 * A register with a known mix: every count and every refused row is known beforehand, on both
 * engines (TRE_TEST_ENGINE). The rows are dated against today's date, as the import is.
 */
const thisYear = Number(new Date().toISOString().slice(0, 4));
const born = (age: number, mmdd = '03-07') => `${thisYear - age}-${mmdd}`;
const g = (year: number, sex: 'male' | 'female') => (year >= 2000 ? (sex === 'male' ? 2 : 3) : sex === 'male' ? 0 : 1);
const idFor = (year: number, sex: 'male' | 'female', tail: string) => `040${g(year, sex)}${String(year).slice(2)}${tail}`;

const good: LayoutRow[] = [
  {
    name: 'NGUYỄN VĂN AN',
    birth: born(10),
    id: idFor(thisYear - 10, 'male', '100001'),
    groups: 'a; d',
    identified: `01/02/${thisYear - 2}`,
  },
  { name: 'Lò Thị Xoan', birth: born(8).split('-').reverse().join('/'), sex: 'Nữ', ethnicity: 'Thái' },
  // a pre-2025 code that went into one commune: mapped
  { name: 'trần minh khôi', birth: born(5), commune: '16663', mother: 'Phạm Thị Lan' },
  { name: 'Hà Thị Mai', birth: born(3), sex: 'nu', id: idFor(thisYear - 3, 'female', '100002'), commune: COMMUNE_B },
];
const bad: { row: LayoutRow; field: string }[] = [
  { row: { name: '', birth: born(7) }, field: 'fullName' },
  { row: { name: 'Phạm Văn Lỗi', birth: `31/02/${thisYear - 9}` }, field: 'birthDate' },
  { row: { name: 'Hồ Văn Lớn', birth: born(17) }, field: 'birthDate' },
  { row: { name: 'Vi Văn Sơn', birth: born(6), sex: 'X' }, field: 'sex' },
  // a girl's ID on a boy
  { row: { name: 'Đinh Văn Tú', birth: born(9), id: idFor(thisYear - 9, 'female', '100003') }, field: 'personalId' },
  { row: { name: 'Lê Thị Na', birth: born(4), sex: 'Nữ', commune: '99999' }, field: 'communeCode' },
  { row: { name: 'Bùi Văn Ba', birth: born(11), groups: 'a;f' }, field: 'groups' },
];
// the first child again, later in the file, with the same ID: both come in, for the duplicate review
const repeatOfFirst: LayoutRow = { ...(good[0] as LayoutRow), name: 'Nguyễn V. An', address: 'Xóm 3' };

const rows = [...good, ...bad.map((b) => b.row), repeatOfFirst];

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
}, 60_000);
afterAll(async () => t.close());

const childCount = async () =>
  (
    await t.db.kysely
      .selectFrom('child')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('importing a register', () => {
  it('imports the valid rows and reports each refused row with its spreadsheet row, field and reason', async () => {
    const { report, body } = await importRegister(t.app, admin.headers, registerCsv(rows));
    expect(report, body).not.toBeNull();
    expect(report).toMatchObject({
      status: 'done',
      rows: rows.length,
      imported: good.length + 1,
      unchanged: 0,
      rejected: bad.length,
    });
    // header = row 1: the first data row is row 2
    const expected = bad.map((b, i) => ({ row: good.length + 2 + i, fieldKey: b.field }));
    expect(report?.rejections.map((r) => ({ row: r.row, fieldKey: r.fieldKey }))).toEqual(expected);
    for (const r of report?.rejections ?? []) expect(r.reason).toMatch(/\p{L}/u);
    expect(await childCount()).toBe(good.length + 1);
    const stored = await t.db.kysely.selectFrom('child').selectAll().orderBy('source_row').execute();
    expect(stored.map((c) => c.full_name)).toEqual([
      'Nguyễn Văn An',
      'Lò Thị Xoan',
      'Trần Minh Khôi',
      'Hà Thị Mai',
      'Nguyễn V. An',
    ]);
    expect(stored.find((c) => c.full_name === 'Trần Minh Khôi')?.commune_code).toBe(COMMUNE_A);
    expect(stored.find((c) => c.full_name === 'Nguyễn V. An')).toMatchObject({ address: 'Xóm 3', source_row: rows.length + 1 });
    const groups = await t.db.kysely.selectFrom('child_group').select('grp').orderBy('grp').execute();
    expect(groups.map((x) => x.grp)).toEqual(['a', 'a', 'd', 'd']);
  });

  it('adds nothing when the same file comes again', async () => {
    const before = await childCount();
    const { report } = await importRegister(t.app, admin.headers, registerCsv(rows));
    expect(report).toMatchObject({ imported: 0, updated: 0, unchanged: good.length + 1, rejected: bad.length });
    expect(await childCount()).toBe(before);
    expect(await t.db.kysely.selectFrom('child_history').select('id').execute()).toEqual([]);
  });

  it('updates a record a later file changes, keeping the history of the change', async () => {
    const moved = [{ ...(good[1] as LayoutRow), address: 'Bản Mới' }];
    const { report } = await importRegister(t.app, admin.headers, registerCsv(moved));
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 0, rejected: 0 });
    const history = await t.db.kysely.selectFrom('child_history').select(['action', 'changes']).execute();
    expect(history).toEqual([{ action: 'import', changes: { address: [null, 'Bản Mới'] } }]);
  });

  it('refuses, row by row, the children of other communes to a commune officer and keeps their own', async () => {
    const officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
    const before = await childCount();
    const mine = { name: 'Quàng Văn Kiên', birth: born(2), commune: COMMUNE_B };
    const theirs = { name: 'Sầm Thị Hiền', birth: born(2), sex: 'Nữ', commune: COMMUNE_A };
    const { report } = await importRegister(t.app, officer.headers, registerCsv([mine, theirs]));
    expect(report).toMatchObject({ imported: 1, rejected: 1 });
    expect(report?.rejections[0]).toMatchObject({ row: 3, fieldKey: 'communeCode' });
    expect(await childCount()).toBe(before + 1);
  });

  it('never lets a commune officer reach another commune’s child through a matching row', async () => {
    const officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
    const target = await t.db.kysely
      .selectFrom('child')
      .selectAll()
      .where('full_name', '=', 'Nguyễn Văn An')
      .executeTakeFirstOrThrow();
    // the same ID and birth date as a child of commune A, written as a child of the officer's commune
    const hijack = { ...(good[0] as LayoutRow), name: 'Tên Giả Mạo', commune: COMMUNE_B };
    const { report } = await importRegister(t.app, officer.headers, registerCsv([hijack]), { fileName: 'danh-sach.csv' });
    expect(report).toMatchObject({ imported: 1, updated: 0 });
    const after = await t.db.kysely.selectFrom('child').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(after).toEqual(target);
  });

  it('keeps two spellings of one child apart on a re-import under another name, and never drops the diacritics', async () => {
    const pair: LayoutRow[] = [
      { name: 'Trần Văn Bình', birth: born(6), commune: COMMUNE_B },
      { name: 'Tran Van Binh', birth: born(6), commune: COMMUNE_B },
    ];
    const first = await importRegister(t.app, admin.headers, registerCsv(pair), { fileName: 'hai-cach-viet.csv' });
    expect(first.report).toMatchObject({ imported: 2 });
    const again = await importRegister(t.app, admin.headers, registerCsv(pair), { fileName: 'hai-cach-viet (1).csv' });
    expect(again.report).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    const names = await t.db.kysely
      .selectFrom('child')
      .select('full_name')
      .where('name_key', '=', 'tran van binh')
      .orderBy('id')
      .execute();
    expect(names.map((n) => n.full_name)).toEqual(['Trần Văn Bình', 'Tran Van Binh']);
  });

  it('reads another layout through a column mapping', async () => {
    const header = ['Full name', 'DOB', 'Gender', 'Commune'];
    const csv = Buffer.from(`${header.join(',')}\nVừ Thị Dợ,${born(7).split('-').reverse().join('/')},F,${COMMUNE_B}\n`);
    const map = { 'Full name': 'fullName', DOB: 'birthDate', Gender: 'sex', Commune: 'Mã xã' };
    const { report } = await importRegister(t.app, admin.headers, csv, { map });
    expect(report).toMatchObject({ imported: 1, rejected: 0 });
  });

  it('refuses a file without the required columns whole, naming them', async () => {
    const before = await childCount();
    const csv = Buffer.from('Tên,Tuổi\nA,3\n');
    const { report } = await importRegister(t.app, admin.headers, csv);
    expect(report?.status).toBe('failed');
    expect(report?.error?.vi).toMatch(/Ngày sinh/);
    expect(await childCount()).toBe(before);
  });

  it('leaves no uploaded file behind when the request is refused after the file arrived', async () => {
    const incoming = () => fs.readdirSync(t.app.imports.spool.dir).filter((f) => f.startsWith('incoming-'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/children/imports?fileName=x.csv&map=${encodeURIComponent('{"a":1}')}`,
      headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
      payload: registerCsv(good),
    });
    expect(res.statusCode).toBe(400);
    expect(incoming()).toEqual([]);
  });

  it('gives the refused rows as an Excel file', async () => {
    const { report } = await importRegister(t.app, admin.headers, registerCsv(bad.map((b) => b.row)));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/children/imports/${report?.jobId ?? ''}/rejections.xlsx`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rowsOut: unknown[] = [];
    wb.worksheets[0]?.eachRow((r) => rowsOut.push(r.getCell(1).value));
    expect(rowsOut.filter((v) => typeof v === 'number')).toEqual(bad.map((_, i) => i + 2));
  });
});
