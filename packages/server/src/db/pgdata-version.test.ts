import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGLITE_POSTGRES_MAJOR, openDb } from './pool.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-pgver-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('PGlite data folder version', () => {
  it('is the PostgreSQL major that the installed PGlite really runs', async () => {
    const db = await openDb({ dataDir: path.join(dir, 'fresh') });
    try {
      const { rows } = await db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      expect(String(Math.floor(Number(rows[0]?.v) / 10000))).toBe(PGLITE_POSTGRES_MAJOR);
      expect(fs.readFileSync(path.join(dir, 'fresh', 'pgdata', 'PG_VERSION'), 'utf8').trim()).toBe(PGLITE_POSTGRES_MAJOR);
    } finally {
      await db.close();
    }
  });

  // 18, the previous major, is carried across instead (pglite-upgrade.test.ts)
  it('refuses a folder of an older PostgreSQL major with the way across, and leaves it and the lock as they were', async () => {
    const old = path.join(dir, 'old');
    fs.mkdirSync(path.join(old, 'pgdata'), { recursive: true });
    fs.writeFileSync(path.join(old, 'pgdata', 'PG_VERSION'), '17\n');
    const opening = openDb({ dataDir: old });
    await expect(opening).rejects.toThrow(/do PostgreSQL 17 tạo.*tre db dump.*\n.*written by PostgreSQL 17/s);
    expect(fs.readdirSync(path.join(old, 'pgdata'))).toEqual(['PG_VERSION']);
    expect(fs.existsSync(path.join(old, 'tre.lock'))).toBe(false);
  });

  it('refuses a folder of a newer Tre, naming it as such', async () => {
    const newer = path.join(dir, 'newer');
    fs.mkdirSync(path.join(newer, 'pgdata'), { recursive: true });
    fs.writeFileSync(path.join(newer, 'pgdata', 'PG_VERSION'), '20\n');
    await expect(openDb({ dataDir: newer })).rejects.toThrow(/PostgreSQL 20 tạo \(một bản Tre mới hơn\).*\n.*a newer Tre/s);
    expect(fs.readdirSync(path.join(newer, 'pgdata'))).toEqual(['PG_VERSION']);
    expect(fs.existsSync(path.join(newer, 'tre.lock'))).toBe(false);
  });
});
