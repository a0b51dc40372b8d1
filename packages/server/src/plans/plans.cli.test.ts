import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanDocumentSchema } from '@tre/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runTre, startTre } from '../test/cli.ts';
import { planDocument } from '../test/factories.ts';

/** The real `tre plan …` commands in a child process, on a PGlite folder. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-plan-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };

const SAMPLE_NAME = 'long-an-2021-2030-action-programme.txt';
/** The parser's copy of the samples once it lands, else the shared one. */
function sample(): string {
  const own = fileURLToPath(new URL(`../../../core/src/plans/samples/${SAMPLE_NAME}`, import.meta.url));
  return fs.existsSync(own) ? own : path.resolve('/work/shared/samples/plans', SAMPLE_NAME);
}

describe('tre plan parse', () => {
  it('prints tre.plan/v1 without touching any database', async () => {
    const nowhere = path.join(dir, 'does', 'not', 'exist');
    const res = await runTre(['plan', 'parse', sample()], { TRE_DATA_DIR: nowhere });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const plan = PlanDocumentSchema.parse(JSON.parse(res.stdout));
    expect(plan.indicators).toHaveLength(24);
    expect(res.stdout.startsWith('{\n  "format": "tre.plan/v1"')).toBe(true);
    expect(fs.existsSync(nowhere)).toBe(false);
  });

  it('works while a server holds the data folder', async () => {
    const server = await startTre(env);
    try {
      const res = await runTre(['plan', 'parse', sample()], env);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('refuses a missing or unreadable file on stderr, in both languages, with exit code 2', async () => {
    const missing = await runTre(['plan', 'parse', path.join(dir, 'none.txt')], env);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Không đọc được tệp');
    expect(missing.stderr).toContain('Cannot read');
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const res = await runTre(['plan', 'parse', empty], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Không đọc được tệp kế hoạch');
    expect(res.stderr).toContain('Cannot read the plan file');
  });
});

describe('tre plan import and export', () => {
  it('imports a tre.plan/v1 document, exports it, and the export imports back the same', async () => {
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, JSON.stringify(planDocument()));
    const imported = await runTre(['plan', 'import', file], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const [id] = imported.stdout.split('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(imported.stdout).toContain(
      '6 nhiệm vụ / tasks, 2 chỉ tiêu / indicators, 1 cơ quan chưa xác định / unresolved bodies: Ban Tuyên giáo Tỉnh ủy',
    );
    // the abolished district level is read as every commune committee; the task it cannot place is said
    expect(imported.stdout).not.toContain('UBND các huyện, thị xã, thành phố');
    expect(imported.stdout).toContain('1 nhiệm vụ chưa xác định cơ quan chủ trì / tasks without a decided lead');

    const exported = await runTre(['plan', 'export', id ?? ''], env);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(planDocument());

    const again = path.join(dir, 'again.json');
    fs.writeFileSync(again, exported.stdout);
    const second = await runTre(['plan', 'import', again], env);
    const [id2] = second.stdout.split('\n');
    const reExported = await runTre(['plan', 'export', id2 ?? ''], env);
    expect(reExported.stdout).toBe(exported.stdout);
  });

  it('names the field of an invalid document and stores nothing', async () => {
    const file = path.join(dir, 'bad.json');
    const doc = planDocument();
    fs.writeFileSync(file, JSON.stringify({ ...doc, tasks: [{ ...doc.tasks[0], timeline: { kind: 'someday' } }] }));
    const res = await runTre(['plan', 'import', file], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('tre.plan/v1');
    expect(res.stderr).toContain('tasks.0.timeline.kind');
    const unknown = await runTre(['plan', 'export', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không tìm thấy kế hoạch');
  });

  it('imports a plan text through the parser', async () => {
    const res = await runTre(['plan', 'import', sample()], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('24 chỉ tiêu / indicators');
  });
});
