import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMPED_TABLES, dumpDatabase, restoreDatabase } from '../db/dump.ts';
import type { Db } from '../db/pool.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { openEmptyTestDb, testEngine } from '../test/db.ts';
import { COMMUNE_A, makePlan, signInNewUser, taskIdsOf } from '../test/factories.ts';

/** Plans, progress and stored files (bytea) survive a dump and restore on the engine under test. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-plan-dump-'));
const file = path.join(dir, 'tre.jsonl');
let t: TestApp;
let target: Db;
// every byte value, so that no encoding step can lose one
const content = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

async function snapshot(db: Db) {
  const out: Record<string, string[]> = {};
  for (const spec of DUMPED_TABLES) {
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.table(spec.name)} ORDER BY ${sql.join(spec.orderBy.map((c) => sql.ref(c)))}`.execute(db.kysely);
    out[spec.name] = rows.rows.map((r) => JSON.stringify(r));
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  const planId = await makePlan(t.db);
  const [, , communeTask] = await taskIdsOf(t.db, planId);
  const officer = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/files?fileName=ảnh.png',
    headers: { ...officer.headers, 'content-type': 'application/octet-stream' },
    payload: content,
  });
  const progress = await t.app.inject({
    method: 'PUT',
    url: `/api/plans/tasks/${communeTask}/progress`,
    headers: officer.headers,
    payload: { period: '2025S1', status: 'in_progress', note: 'Đang làm', evidenceFileId: upload.json().id },
  });
  expect(progress.statusCode, progress.body).toBe(200);
  target = await openEmptyTestDb();
});
afterAll(async () => {
  await target.close();
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`dump and restore of plans on ${testEngine()}`, () => {
  it('restores every plan row, progress row and file byte', async () => {
    const counts = await dumpDatabase(t.db, file);
    expect(counts).toMatchObject({ plan: 1, plan_task: 6, task_progress: 1, stored_file: 1, plan_indicator_target: 3 });
    // dates stay calendar dates, files are base64
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    expect(lines.find((l) => l.includes('"t":"plan_task"') && l.includes('"start_date":"2025-06-01"'))).toBeDefined();
    expect(lines.find((l) => l.includes('"t":"stored_file"'))).toContain(content.toString('base64'));

    const restored = await restoreDatabase(target, file, { replace: false });
    expect(restored).toMatchObject({ plan: 1, task_progress: 1, stored_file: 1 });
    expect(await snapshot(target)).toEqual(await snapshot(t.db));
    const row = await target.kysely.selectFrom('stored_file').select('content').executeTakeFirstOrThrow();
    expect(Buffer.compare(row.content, content)).toBe(0);
  });
});
