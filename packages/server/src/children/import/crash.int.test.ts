import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/pool.ts';
import { startTre } from '../../test/cli.ts';
import { createServerTestDatabase, testEngine } from '../../test/db.ts';
import { registerCsv, type LayoutRow } from '../../test/children.ts';

/**
 * A kill -9 of the server in the middle of a large import leaves the register with none of the file
 * (the valid rows wait in child_import_stage until the job publishes them in one transaction); on
 * PGlite the restarted server resumes the job and the register then holds all of it.
 */
const ROWS = 60_000;
const PASSWORD = 'admin-password-1';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-children-crash-'));
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await drop?.();
});

const year = Number(new Date().toISOString().slice(0, 4)) - 8;
const given = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh', 'Nam', 'Oanh', 'Phúc'];
const rows: LayoutRow[] = Array.from({ length: ROWS }, (_, i) => ({
  name: `Nguyễn ${i % 2 ? 'Văn' : 'Thị'} ${given[i % given.length] ?? 'An'} ${String.fromCharCode(65 + (Math.floor(i / 12) % 26))}${String.fromCharCode(65 + (Math.floor(i / 312) % 26))}`,
  birth: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  sex: i % 2 ? 'Nam' : 'Nữ',
  id: `040${i % 2 ? 2 : 3}${String(year).slice(2)}${String(i).padStart(6, '0')}`,
}));

async function signIn(url: string) {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function jobOf(url: string, headers: Record<string, string>, id: string) {
  const res = await fetch(`${url}/api/import-jobs/${id}`, { headers });
  return (await res.json()) as { status: string; rowsDone: number; imported: number };
}

async function counts(env: Record<string, string>): Promise<{ children: number; staged: number }> {
  const db: Db = await openDb({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.TRE_DATA_DIR ?? '' });
  try {
    const r = await sql<{ children: number; staged: number }>`
      SELECT (SELECT count(*) FROM child)::int AS children, (SELECT count(*) FROM child_import_stage)::int AS staged`.execute(
      db.kysely,
    );
    return r.rows[0] ?? { children: -1, staged: -1 };
  } finally {
    await db.close();
  }
}

describe('a kill -9 during a children import', () => {
  it('leaves none of the file in the register, and a restarted server imports all of it', async () => {
    const env: Record<string, string> = { TRE_ADMIN_PASSWORD: PASSWORD, TRE_DATA_DIR: path.join(dir, 'data') };
    if (testEngine() === 'postgres') {
      const server = await createServerTestDatabase();
      env.DATABASE_URL = server.url;
      drop = server.drop;
    }
    let tre = await startTre(env);
    let headers = await signIn(tre.url);
    const upload = await fetch(`${tre.url}/api/children/imports?fileName=lon.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: registerCsv(rows),
    });
    expect(upload.status).toBe(202);
    const { jobId } = (await upload.json()) as { jobId: string };
    // killed once some batches are staged and before the job ends
    for (;;) {
      const job = await jobOf(tre.url, headers, jobId);
      expect(job.status, 'the import ended before it could be killed: make ROWS larger').not.toBe('done');
      if (job.status === 'running' && job.rowsDone > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await tre.stop('SIGKILL');
    const afterKill = await counts(env);
    expect(afterKill.children).toBe(0);
    expect(afterKill.staged).toBeGreaterThan(0);

    if (testEngine() === 'pglite') {
      // a PGlite folder has one process: every job found running at start is resumed at once
      tre = await startTre(env);
      headers = await signIn(tre.url);
      for (let i = 0; ; i++) {
        const job = await jobOf(tre.url, headers, jobId);
        if (job.status === 'done') break;
        expect(job.status).not.toBe('failed');
        expect(i).toBeLessThan(2400);
        await new Promise((r) => setTimeout(r, 50));
      }
      await tre.stop();
      expect(await counts(env)).toEqual({ children: ROWS, staged: 0 });
    }
  }, 240_000);
});
