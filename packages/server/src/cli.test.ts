import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './access/password.ts';
import { openDb } from './db/pool.ts';
import { runTre } from './test/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: dir, TRE_ADMIN_PASSWORD: 'admin-password-1' };

describe('tre users add', () => {
  it('creates a commune officer on a fresh folder, and refuses bad input with a clear message', async () => {
    const ok = await runTre(
      [
        'users',
        'add',
        '--username',
        'hoa.le',
        '--name',
        'Lê Thị Hoa',
        '--role',
        'commune_officer',
        '--commune',
        '16681',
        '--password',
        'mat-khau-10-ky-tu',
      ],
      env,
    );
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('hoa.le (commune_officer)');
    const badRole = await runTre(['users', 'add', '--username', 'x.y', '--role', 'chief'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role');
    const badCommune = await runTre(
      ['users', 'add', '--username', 'x.z', '--role', 'commune_officer', '--commune', '00004'],
      env,
    );
    expect(badCommune.code).toBe(1);
    expect(badCommune.stderr).toContain('00004');
    const agency = await runTre(
      ['users', 'add', '--username', 'gd.reporter', '--role', 'agency_reporter', '--agency', 'Sở GD&ĐT'],
      env,
    );
    expect(agency.code).toBe(0);
    expect(agency.stdout).toMatch(/mật khẩu \/ password: \S{16}/);

    const db = await openDb({ dataDir: dir });
    try {
      const rows = await db.kysely
        .selectFrom('app_user')
        .select(['username', 'role', 'commune_code', 'password_hash'])
        .orderBy('username')
        .execute();
      expect(rows.map((r) => [r.username, r.role, r.commune_code])).toEqual([
        ['admin', 'admin', null],
        ['gd.reporter', 'agency_reporter', null],
        ['hoa.le', 'commune_officer', '16681'],
      ]);
      expect(await verifyPassword('mat-khau-10-ky-tu', rows[2]?.password_hash ?? '')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('prints usage for an unknown command', async () => {
    const res = await runTre(['frobnicate'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Lệnh không rõ / unknown command');
    expect(res.stderr).toContain('tre db dump FILE');
  });
});
