import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runTre } from '../test/cli.ts';
import { planDocument } from '../test/factories.ts';

/** The real `tre rounds …` and `tre report build` in a child process, on a PGlite folder, no server running. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-rounds-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };

describe('tre rounds and tre report', () => {
  let roundId = '';

  it('opens a round of an imported plan with the deadline of its regime, printing id, deadline and bodies', async () => {
    const planFile = path.join(dir, 'ke-hoach.json');
    fs.writeFileSync(planFile, JSON.stringify(planDocument()));
    const imported = await runTre(['plan', 'import', planFile], env);
    expect(imported.code, imported.stderr).toBe(0);
    const planId = imported.stdout.split('\n')[0] ?? '';
    expect(planId).toMatch(/^[0-9a-f-]{36}$/);

    const res = await runTre(['rounds', 'open', '--plan', planId, '--period', '2025S1', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const round = JSON.parse(res.stdout) as { id: string; deadline: string; bodies: { unitKind: string; name: string }[] };
    expect(round.deadline).toBe('2025-06-15');
    expect(round.bodies.some((b) => b.unitKind === 'commune')).toBe(true);
    expect(round.bodies.some((b) => b.name === 'Sở GD&ĐT')).toBe(true);
    roundId = round.id;

    const again = await runTre(['rounds', 'open', '--plan', planId, '--period', '2025S1'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã có đợt báo cáo kỳ 2025S1');
  });

  it('lists the rounds and shows the board in the terminal and as JSON', async () => {
    const list = await runTre(['rounds', 'list', '--json'], env);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id)).toEqual([roundId]);
    const show = await runTre(['rounds', 'show', roundId], env);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('hạn / deadline 2025-06-15');
    expect(show.stdout).toMatch(/Phải nộp \/ owed \d+ · đã nộp \/ submitted 0/);
    const json = JSON.parse((await runTre(['rounds', 'show', roundId, '--json'], env)).stdout) as {
      counts: { missing: number; owed: number };
    };
    expect(json.counts.missing).toBe(json.counts.owed);
  });

  it('builds the report into a folder, marked as a draft while nothing is accepted', async () => {
    const out = path.join(dir, 'out');
    const res = await runTre(['report', 'build', '--round', roundId, '--out', out, '--no-pdf'], env);
    expect(res.code, res.stderr).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.docx') || f.endsWith('.xlsx'))).toHaveLength(2);
    expect(res.stdout).toContain('DỰ THẢO');
    const docx = files.find((f) => f.endsWith('.docx')) ?? '';
    const xml = strFromU8(unzipSync(fs.readFileSync(path.join(out, docx)))['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('DỰ THẢO');
  });

  it('answers --help on every verb, including indicators values', async () => {
    for (const args of [
      ['rounds', 'open', '--help'],
      ['report', 'build', '--help'],
      ['indicators', 'values', '--help'],
      ['plan', 'import', '--help'],
    ]) {
      const res = await runTre(args, env);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toContain('usage');
    }
  });
});
