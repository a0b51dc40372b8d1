import type { ChildDto, ChildSummaryDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../audit/read-log.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B, signIn, signInNewUser, type Session } from '../test/factories.ts';
import { makeChild } from '../test/children.ts';

/**
 * Reading the register on both engines: search by name without diacritics or by part of words, by
 * ID; IDs masked in lists, whole on the record; a province role's reason; a commune officer kept to
 * their commune, each refusal in the read log.
 */
let t: TestApp;
let admin: Session;
let officer: Session;
const ids = { nhung: 0, nhu: 0, xoan: 0 };

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  ids.nhung = await makeChild(t.db, { full_name: 'Nguyễn Thị Hồng Nhung', personal_id: '040315123456' });
  ids.nhu = await makeChild(t.db, { full_name: 'Nguyễn Thị Nhu' });
  ids.xoan = await makeChild(t.db, { full_name: 'Lò Thị Xoan', commune_code: COMMUNE_B, groups: ['a'] });
}, 60_000);
afterAll(async () => t.close());

const list = async (session: Session, query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/children?${query}`, headers: session.headers });
  return { status: res.statusCode, items: res.statusCode === 200 ? res.json<{ items: ChildSummaryDto[] }>().items : [] };
};

describe('the register', () => {
  it('finds a name typed without diacritics or by the start of its words, the whole name first', async () => {
    expect((await list(admin, 'q=nguyen thi hong nhung')).items.map((c) => c.id)).toEqual([ids.nhung]);
    expect((await list(admin, 'q=ng nhu')).items.map((c) => c.id)).toEqual([ids.nhu, ids.nhung]);
    expect((await list(admin, 'q=XOAN')).items.map((c) => c.id)).toEqual([ids.xoan]);
    // the last word typed is no one's given name: the words are looked for anywhere in the name
    expect((await list(admin, 'q=thi hong')).items.map((c) => c.id)).toEqual([ids.nhung]);
    expect((await list(admin, 'q=nguyen thi')).items.map((c) => c.id).sort()).toEqual([ids.nhung, ids.nhu].sort());
    // a page past the candidates is empty, never the first page again
    expect((await list(admin, 'q=ng nhu&limit=1&offset=1')).items.map((c) => c.id)).toEqual([ids.nhung]);
    expect((await list(admin, 'q=ng nhu&limit=1&offset=2')).items).toEqual([]);
  });

  it('finds a child by ID, masking it in the list and showing it whole on the record', async () => {
    const found = await list(admin, 'q=0403 1512 3456');
    expect(found.items.map((c) => [c.id, c.personalIdMasked])).toEqual([[ids.nhung, '••••••••3456']]);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/children/${ids.nhung}?reason=Kiểm tra hồ sơ`,
      headers: admin.headers,
    });
    expect(res.json<ChildDto>().personalId).toBe('040315123456');
  });

  it('asks a province role for a reason, and keeps it in the read log', async () => {
    const refused = await t.app.inject({ method: 'GET', url: `/api/children/${ids.xoan}`, headers: admin.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('REASON_REQUIRED');
    await t.app.inject({
      method: 'GET',
      url: `/api/children/${ids.xoan}?reason=${encodeURIComponent('Xác minh theo công văn 12')}`,
      headers: admin.headers,
    });
    await flushReadLog(t.db.kysely);
    const readers = await t.app.inject({ method: 'GET', url: `/api/children/${ids.xoan}/readers`, headers: admin.headers });
    const rows = readers.json<{ items: { status: number; reason: string | null }[] }>().items;
    expect(rows.map((r) => [r.status, r.reason])).toEqual(
      expect.arrayContaining([
        [200, 'Xác minh theo công văn 12'],
        [403, null],
      ]),
    );
  });

  it('records the support a child received in a group, which indicator 8 counts as supported', async () => {
    const membership = await t.db.kysely
      .selectFrom('child_group')
      .select('id')
      .where('child_id', '=', ids.xoan)
      .executeTakeFirstOrThrow();
    const url = `/api/children/${ids.xoan}/groups/${membership.id}`;
    const officerB = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
    expect((await t.app.inject({ method: 'PATCH', url, headers: officer.headers, payload: { support: 'x' } })).statusCode).toBe(
      404,
    );
    const res = await t.app.inject({
      method: 'PATCH',
      url,
      headers: officerB.headers,
      payload: { support: 'Trợ cấp xã hội hằng tháng' },
    });
    expect(res.statusCode, res.body).toBe(204);
    const year = new Date().toISOString().slice(0, 4);
    const stats = await t.app.inject({
      method: 'GET',
      url: `/api/children/statistics?period=${year}`,
      headers: officerB.headers,
    });
    expect(stats.json<{ items: { special: number; supported: number }[] }>().items).toEqual([
      expect.objectContaining({ communeCode: COMMUNE_B, special: 1, supported: 1 }),
    ]);
    const history = await t.db.kysely
      .selectFrom('child_history')
      .select(['action', 'changes'])
      .where('child_id', '=', ids.xoan)
      .execute();
    expect(history).toEqual([{ action: 'group', changes: { 'group a support': [null, 'Trợ cấp xã hội hằng tháng'] } }]);
  });

  it('keeps a commune officer to their commune on every read, each refusal logged', async () => {
    expect((await list(officer, 'q=xoan')).items).toEqual([]);
    expect((await list(officer, `commune=${COMMUNE_B}`)).status).toBe(403);
    const record = await t.app.inject({
      method: 'GET',
      url: `/api/children/${ids.xoan}?reason=xem thử thôi`,
      headers: officer.headers,
    });
    expect(record.statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/api/children/${ids.nhung}`, headers: officer.headers });
    expect(own.statusCode).toBe(200);
    await flushReadLog(t.db.kysely);
    const refused = await t.db.kysely
      .selectFrom('read_log')
      .select(['kind', 'record_id', 'status'])
      .where(
        'username',
        '=',
        (
          await t.db.kysely
            .selectFrom('app_user')
            .select('username')
            .where('commune_code', '=', COMMUNE_A)
            .executeTakeFirstOrThrow()
        ).username,
      )
      .where('status', '>=', 400)
      .execute();
    expect(refused).toEqual(
      expect.arrayContaining([
        { kind: 'child_list', record_id: null, status: 403 },
        { kind: 'child', record_id: String(ids.xoan), status: 404 },
      ]),
    );
  });
});

describe('the export', () => {
  /** The names of an export's rows (row 1 says who exported, row 2 is the header). */
  async function exported(session: Session, query: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/children/export.xlsx?${query}`, headers: session.headers });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(2).value));
    });
    return names.sort();
  }

  it('keeps the list’s filters: commune, birth year and group', async () => {
    // a child of ten, whatever year the test runs in (the others were born in 2015)
    const year = new Date().getFullYear() - 10;
    const older = await makeChild(t.db, { full_name: 'Đinh Văn Năm Mười', birth_date: `${year}-03-04`, groups: ['a'] });
    expect(await exported(admin, `commune=${COMMUNE_A}&birthYear=${year}`)).toEqual(['Đinh Văn Năm Mười']);
    expect(await exported(admin, 'group=a')).toEqual(['Lò Thị Xoan', 'Đinh Văn Năm Mười'].sort());
    expect(await exported(admin, `commune=${COMMUNE_B}&group=a`)).toEqual(['Lò Thị Xoan']);
    // a commune officer's export stays in their commune whatever the filters
    expect(await exported(officer, 'group=a')).toEqual(['Đinh Văn Năm Mười']);
    await t.db.kysely.deleteFrom('child_group').where('child_id', '=', older).execute();
    await t.db.kysely.deleteFrom('child').where('id', '=', older).execute();
  });
});
