import type { DuplicatePairDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { importRegister, makeChild, registerCsv, type LayoutRow } from '../../test/children.ts';

/**
 * Duplicates inside an import and against the register, over HTTP on both engines: the pairs the
 * scan proposes, merge (both histories and every group kept), undo, different people never proposed
 * again, and a commune officer who sees only the pairs of their own commune.
 */
const year = Number(new Date().toISOString().slice(0, 4)) - 10;
const nhung: LayoutRow = {
  name: 'Nguyễn Thị Hồng Nhung',
  birth: `07/03/${year}`,
  sex: 'Nữ',
  id: `0403${String(year).slice(2)}123456`,
  mother: 'Lê Thị Hoa',
  groups: 'a',
};
// the same child typed again: no ID, no diacritics, day and month swapped, in another group
const nhungAgain: LayoutRow = {
  name: 'Nguyen Thi Hong Nhung',
  birth: `03/07/${year}`,
  sex: 'Nu',
  mother: 'Le Thi Hoa',
  groups: 'd',
};
// twins: same parents and birth date, other given names: not duplicates
const twinA: LayoutRow = { name: 'Trần Văn Minh', birth: `12/05/${year}`, mother: 'Phạm Thị Thu', father: 'Trần Văn Hải' };
const twinB: LayoutRow = { ...twinA, name: 'Trần Văn Mạnh' };
// a pair in commune B
const xoan: LayoutRow = { name: 'Lò Thị Xoan', birth: `02/09/${year}`, sex: 'Nữ', commune: COMMUNE_B, ethnicity: 'Thái' };
const xoanAgain: LayoutRow = { ...xoan, name: 'LÒ THỊ XOAN', birth: `03/09/${year}` };

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
}, 60_000);
afterAll(async () => t.close());

async function pending(session: Session, status = 'pending'): Promise<DuplicatePairDto[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/children/duplicates?status=${status}`, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: DuplicatePairDto[] }>().items;
}

const post = (session: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });

describe('duplicate review', () => {
  it('proposes the same child typed twice, with each record’s source row, and not the twins', async () => {
    const { report } = await importRegister(
      t.app,
      admin.headers,
      registerCsv([nhung, twinA, twinB, xoan, nhungAgain, xoanAgain]),
      {
        fileName: 'xa-a.csv',
      },
    );
    expect(report).toMatchObject({ imported: 6, rejected: 0 });
    await t.app.duplicateScans.idle();
    const pairs = await pending(admin);
    const rows = pairs.map((p) => [p.a.row, p.b.row].sort());
    expect(rows).toEqual(
      expect.arrayContaining([
        [2, 6],
        [5, 7],
      ]),
    );
    expect(rows).not.toContainEqual([3, 4]);
    expect(pairs.every((p) => p.score >= 0.5 && p.score <= 1 && p.a.file === 'xa-a.csv')).toBe(true);
    // IDs are masked in the review list
    expect(JSON.stringify(pairs)).not.toContain('123456');
  });

  it('shows a commune officer only the pairs of their commune', async () => {
    const officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B });
    const mine = await pending(officer);
    expect(mine.map((p) => p.a.communeCode)).toEqual([COMMUNE_B]);
    const other = (await pending(admin)).find((p) => p.a.communeCode === COMMUNE_A);
    expect((await post(officer, `/api/children/duplicates/${other?.id ?? 0}/merge`, { keep: 'a' })).statusCode).toBe(404);
  });

  it('merges keeping both histories and every group, and undoes the merge', async () => {
    const pair = (await pending(admin)).find((p) => p.a.fullName.includes('Nhung') || p.b.fullName.includes('Nhung'));
    if (!pair) throw new Error('no Nhung pair');
    const keep = pair.a.row === 2 ? 'a' : 'b';
    const kept = keep === 'a' ? pair.a.id : pair.b.id;
    const gone = keep === 'a' ? pair.b.id : pair.a.id;
    const merged = await post(admin, `/api/children/duplicates/${pair.id}/merge`, { keep });
    expect(merged.json()).toEqual({ kept, merged: gone });
    const record = await t.app.inject({
      method: 'GET',
      url: `/api/children/${kept}?reason=Kiểm tra gộp hồ sơ`,
      headers: admin.headers,
    });
    const child = record.json<{ groups: { group: string }[]; history: { action: string; childId: number }[] }>();
    expect(child.groups.map((g) => g.group).sort()).toEqual(['a', 'd']);
    expect(child.history.map((h) => [h.action, h.childId])).toEqual(
      expect.arrayContaining([
        ['merge', kept],
        ['merged_into', gone],
      ]),
    );
    // the merged record is no longer in the list
    const list = await t.app.inject({ method: 'GET', url: '/api/children?q=nhung', headers: admin.headers });
    expect(list.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toEqual([kept]);
    expect((await pending(admin, 'merged')).map((p) => p.id)).toEqual([pair.id]);

    expect((await post(admin, `/api/children/duplicates/${pair.id}/undo`)).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/children/${kept}?reason=Kiểm tra hoàn tác`,
      headers: admin.headers,
    });
    expect(after.json<{ groups: { group: string }[] }>().groups.map((g) => g.group)).toEqual(['a']);
    const again = await t.app.inject({ method: 'GET', url: '/api/children?q=nhung', headers: admin.headers });
    expect(
      again
        .json<{ items: { id: number }[] }>()
        .items.map((c) => c.id)
        .sort(),
    ).toEqual([kept, gone].sort());
    expect((await pending(admin)).map((p) => p.id)).toContain(pair.id);
  });

  it('undoes merges only in reverse order, and keeps a change made after the merge', async () => {
    const [x, y, z] = [
      await makeChild(t.db, { full_name: 'Hà Thị Ba', groups: ['b'] }),
      await makeChild(t.db, { full_name: 'Hà Thị Ba' }),
      await makeChild(t.db, { full_name: 'Hà Thị Ba' }),
    ];
    await t.db.kysely.updateTable('child').set({ phone: '0912345678' }).where('id', '=', x).execute();
    const pairOf = async (a: number, b: number) =>
      (
        await t.db.kysely
          .insertInto('child_duplicate')
          .values({ child_a: a, child_b: b, score: 0.9, reasons: '[]' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const first = await pairOf(x, y);
    const second = await pairOf(y, z);
    // x merged into y (y gets x's phone and group b), then y merged into z
    expect((await post(admin, `/api/children/duplicates/${first}/merge`, { keep: 'b' })).statusCode).toBe(200);
    expect((await post(admin, `/api/children/duplicates/${second}/merge`, { keep: 'b' })).statusCode).toBe(200);
    expect((await post(admin, `/api/children/duplicates/${first}/undo`)).statusCode).toBe(409);
    expect((await post(admin, `/api/children/duplicates/${second}/undo`)).statusCode).toBe(204);
    // y's phone changed by hand after the merge: undoing the merge keeps it
    await t.db.kysely.updateTable('child').set({ phone: '0987654321' }).where('id', '=', y).execute();
    expect((await post(admin, `/api/children/duplicates/${first}/undo`)).statusCode).toBe(204);
    const rows = await t.db.kysely
      .selectFrom('child')
      .select(['id', 'phone', 'merged_into'])
      .where('id', 'in', [x, y, z])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: x, phone: '0912345678', merged_into: null },
      { id: y, phone: '0987654321', merged_into: null },
      { id: z, phone: null, merged_into: null },
    ]);
    const groups = await t.db.kysely
      .selectFrom('child_group')
      .select(['child_id', 'grp'])
      .where('child_id', 'in', [x, y, z])
      .execute();
    expect(groups).toEqual([{ child_id: x, grp: 'b' }]);
  });

  it('never proposes again a pair marked as different children', async () => {
    const pair = (await pending(admin)).find((p) => p.a.communeCode === COMMUNE_B);
    expect((await post(admin, `/api/children/duplicates/${pair?.id ?? 0}/different`)).statusCode).toBe(204);
    const { report } = await importRegister(
      t.app,
      admin.headers,
      registerCsv([{ ...xoan, name: 'Lo Thi Xoan', birth: `04/09/${year}` }]),
      { fileName: 'lan-2.csv' },
    );
    expect(report?.imported).toBe(1);
    await t.app.duplicateScans.idle();
    const ids = new Set([pair?.a.id, pair?.b.id]);
    const again = (await pending(admin)).filter((p) => ids.has(p.a.id) && ids.has(p.b.id));
    expect(again).toEqual([]);
    expect((await post(admin, `/api/children/duplicates/${pair?.id ?? 0}/different`)).statusCode).toBe(409);
  });
});
