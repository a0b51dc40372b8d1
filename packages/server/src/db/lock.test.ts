import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { runTre, startTre } from '../test/cli.ts';
import { openDb } from './pool.ts';

/** PGlite has no lock of its own: a second process on the same folder must be refused, not served. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function json(res: Response) {
  return (await res.json()) as Record<string, unknown>;
}

/** Signs in as admin over real HTTP and creates a viewer; returns the HTTP status of the creation. */
async function createViewer(url: string, username: string, displayName: string): Promise<number> {
  const signIn = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await json(signIn)) as { csrfToken: string };
  const created = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, displayName, password: 'long-enough-pass', role: 'viewer' }),
  });
  return created.status;
}

describe('data folder lock', () => {
  it('refuses a second server or CLI on the same folder and loses nothing', async () => {
    const env = { TRE_DATA_DIR: dir, TRE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const first = await startTre(env);
    try {
      expect(await createViewer(first.url, 'kept.user', 'Còn nguyên')).toBe(201);

      const second = await runTre(['serve'], { ...env, PORT: '0' });
      expect(second.code).toBe(3);
      expect(second.stderr).toContain('đang được tiến trình');
      expect(second.stderr).toContain('is in use by process');
      const dump = await runTre(['db', 'dump', path.join(dir, 'x.jsonl')], env);
      expect(dump.code).toBe(3);
      expect(fs.existsSync(path.join(dir, 'x.jsonl'))).toBe(false);

      // the first server still works after the refused attempts
      const health = await fetch(`${first.url}/api/health`);
      expect(await json(health)).toEqual({ status: 'ok', engine: 'pglite' });
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const db = await openDb({ dataDir: dir });
    try {
      const user = await db.kysely
        .selectFrom('app_user')
        .select('display_name')
        .where('username', '=', 'kept.user')
        .executeTakeFirst();
      expect(user?.display_name).toBe('Còn nguyên');
    } finally {
      await db.close();
    }
    expect(fs.existsSync(path.join(dir, 'tre.lock'))).toBe(false);
  });

  it('keeps every committed row when the server is killed, and starts again over its stale lock', async () => {
    const env = { TRE_DATA_DIR: dir, TRE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const first = await startTre(env);
    expect(await createViewer(first.url, 'after.crash', 'Sau sự cố')).toBe(201); // the reply comes after the commit
    expect(await first.stop('SIGKILL')).toBeNull();
    expect(fs.existsSync(path.join(dir, 'tre.lock'))).toBe(true); // left behind by the killed process

    const second = await startTre(env);
    try {
      const res = await fetch(`${second.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'after.crash', password: 'long-enough-pass' }),
      });
      expect(res.status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    fs.writeFileSync(path.join(dir, 'tre.lock'), '999999');
    const db = await openDb({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'tre.lock'), 'utf8')).toBe(String(process.pid));
    await expect(openDb({ dataDir: dir })).rejects.toThrow(/is in use by process/);
    await db.close();
  });
});
