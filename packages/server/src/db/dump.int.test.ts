import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.ts';
import { createUser } from '../access/service.ts';
import { runTre } from '../test/cli.ts';
import { openEmptyTestDb, testConfig, testEngine } from '../test/db.ts';
import { COMMUNE_A } from '../test/factories.ts';
import { DUMPED_TABLES, restoreDatabase } from './dump.ts';
import { openDb, type Db } from './pool.ts';

/**
 * A province moves from the embedded database to a server: dump from a PGlite folder with the real
 * CLI, restore into the engine under test (PostgreSQL in the server run), and compare every row.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-dump-'));
const file = path.join(dir, 'tre.jsonl');
let target: Db;

async function snapshot(db: Db) {
  const out: Record<string, string[]> = {};
  for (const t of DUMPED_TABLES) {
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.table(t.name)} ORDER BY ${sql.join(t.orderBy.map((c) => sql.ref(c)))}`.execute(db.kysely);
    out[t.name] = rows.rows.map((r) => JSON.stringify(r));
  }
  return out;
}

let source: Record<string, string[]>;

beforeAll(async () => {
  const src = await openDb({ dataDir: path.join(dir, 'pglite') });
  await bootstrap(src, testConfig());
  const actor = {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'test',
    displayName: 't',
    role: 'admin' as const,
    agencyId: null,
    communeCode: null,
    provinceCode: '40',
    csrfToken: '',
    ip: '127.0.0.1',
  };
  await createUser(src.kysely, actor, {
    username: 'officer.a',
    displayName: 'Trần Văn Ánh',
    password: 'long-enough-pass',
    role: 'commune_officer',
    communeCode: COMMUNE_A,
  });
  source = await snapshot(src);
  await src.close();
  target = await openEmptyTestDb();
});
afterAll(async () => {
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`dump from PGlite, restore into ${testEngine()}`, () => {
  it('dumps with the CLI and restores the same rows', async () => {
    const dumped = await runTre(['db', 'dump', file], { TRE_DATA_DIR: path.join(dir, 'pglite') });
    expect(dumped.stderr).toBe('');
    expect(dumped.code).toBe(0);
    expect(dumped.stdout).toContain('"commune":3321');
    const counts = await restoreDatabase(target, file, { replace: false });
    expect(counts.commune).toBe(3321);
    expect(counts.app_user).toBe(2);
    expect(await snapshot(target)).toEqual(source);
  });

  it('continues the audit numbering after the restored rows', async () => {
    const max = source.audit_event?.length ?? 0;
    const r = await target.kysely
      .insertInto('audit_event')
      .values({
        province_code: '40',
        actor_name: 'test',
        action: 'x',
        entity: 'x',
        entity_id: 'x',
        before: null,
        after: null,
        ip: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(r.id).toBeGreaterThan(max);
  });

  it('refuses to overwrite a database that has data unless told to', async () => {
    await expect(restoreDatabase(target, file, { replace: false })).rejects.toThrow(/--replace/);
  });

  it('changes nothing when the dump is damaged half-way', async () => {
    const before = await snapshot(target);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const damaged = path.join(dir, 'damaged.jsonl');
    fs.writeFileSync(damaged, [...lines.slice(0, 4000), '{"t":"commune","r":{"code":', ...lines.slice(4000)].join('\n'));
    await expect(restoreDatabase(target, damaged, { replace: true })).rejects.toThrow(/dòng 4001/);
    expect(await snapshot(target)).toEqual(before);
    const notADump = path.join(dir, 'plan.txt');
    fs.writeFileSync(notADump, 'KẾ HOẠCH thực hiện công tác trẻ em năm 2025\n');
    await expect(restoreDatabase(target, notADump, { replace: true })).rejects.toThrow(/không phải tiêu đề/);
    // a file's content must be the base64 text the dump writes, not any JSON value
    const notBase64 = path.join(dir, 'not-base64.jsonl');
    fs.writeFileSync(notBase64, [...lines, '{"t":"stored_file","r":{"id":"x","content":{"bytes":[1,2]}}}'].join('\n'));
    await expect(restoreDatabase(target, notBase64, { replace: true })).rejects.toThrow(/stored_file\.content: cần chuỗi base64/);
    expect(await snapshot(target)).toEqual(before);
  });
});
