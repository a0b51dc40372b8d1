import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTre } from '../test/cli.ts';
import { registerCsv } from '../test/children.ts';

/** The real `tre children …` in a child process, on a PGlite folder, no server running: the contracts of issue 15. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-children-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };
const year = Number(new Date().toISOString().slice(0, 4)) - 9;

const file = path.join(dir, 'danh-sach.csv');
fs.writeFileSync(
  file,
  registerCsv([
    { name: 'Nguyễn Thị Hồng Nhung', birth: `07/03/${year}`, sex: 'Nữ', mother: 'Lê Thị Hoa' },
    { name: 'Phạm Văn Lỗi', birth: `31/02/${year}` },
    { name: 'Nguyen T. Hong Nhung', birth: `03/07/${year}`, sex: 'Nữ', mother: 'Le Thi Hoa' },
  ]),
);

interface Report {
  imported: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; field: string; reason: string }[];
}

describe('tre children', () => {
  it('imports a register on the embedded database and writes the JSON report', async () => {
    const out = path.join(dir, 'bao-cao.json');
    const res = await runTre(['children', 'import', file, '--report', out], env);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    expect(report).toMatchObject({ imported: 2, unchanged: 0, rejected: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ row: 3, field: 'Ngày sinh' })]);
    expect(report.rejections[0]?.reason).toMatch(/ngày/i);
  });

  it('adds nothing when the same file is imported again', async () => {
    const out = path.join(dir, 'lan-2.json');
    expect((await runTre(['children', 'import', file, '--report', out], env)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ imported: 0, unchanged: 2, rejected: 1 });
  });

  it('prints every pair awaiting review with its score and both records’ ids and source rows', async () => {
    const res = await runTre(['children', 'duplicates', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const pairs = JSON.parse(res.stdout) as {
      score: number;
      a: { id: number; row: number; file: string };
      b: { id: number; row: number };
    }[];
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.score).toBeGreaterThan(0.5);
    expect([pairs[0]?.a.row, pairs[0]?.b.row].sort()).toEqual([2, 4]);
    expect(pairs[0]?.a.file).toBe('danh-sach.csv');
    expect(typeof pairs[0]?.a.id).toBe('number');
  });

  it('answers --help and refuses a bad column mapping in both languages', async () => {
    const help = await runTre(['children', '--help'], env);
    expect(help.stdout).toContain('tre children import FILE');
    const bad = await runTre(['children', 'import', file, '--map', 'Cột A=khong-co'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ánh xạ cột "Cột A"/);
    expect(bad.stderr).toMatch(/column mapping "Cột A"/);
  });
});
