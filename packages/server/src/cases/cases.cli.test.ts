import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseDeadlines, OfficeCalendarDay } from '@tre/core';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLineActor } from '../audit/session-actor.ts';
import { openDb } from '../db/pool.ts';
import { runTre } from '../test/cli.ts';
import { replaceYear } from './calendar/service.ts';
import { makeCase } from '../test/cases.ts';
import { makeChild } from '../test/children.ts';

/** The real `tre cases …` in a child process, on a PGlite folder, no server running: the contract of issue 16. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-cases-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };

describe('tre cases deadlines', () => {
  it('prints the Tết example as JSON, from the calendar stored on the embedded database', async () => {
    const res = await runTre(['cases', 'deadlines', '--received', '2025-01-24T15:00:00+07:00', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const d = JSON.parse(res.stdout) as CaseDeadlines;
    expect(d).toEqual({
      received: '2025-01-24T15:00:00+07:00',
      emergencyMeasuresBy: '2025-01-25T03:00:00+07:00',
      planDueDate: '2025-02-07',
      planBy: '2025-02-07T23:59:59+07:00',
      planWorkingDays: ['2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07'],
      warnings: [],
    });
  });

  it('says it in Vietnamese, then English, without --json; warns of a year the calendar lacks', async () => {
    const res = await runTre(['cases', 'deadlines', '--received', '2027-03-11T10:00:00+07:00'], env);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Vụ việc tiếp nhận lúc 10:00 ngày 11/03/2027 (giờ Việt Nam):');
    expect(res.stdout).toContain('hết ngày 18/03/2027');
    expect(res.stdout).toMatch(/! Chưa có lịch nghỉ lễ, làm bù năm 2027[\s\S]*A case received at 2027-03-11T10:00:00\+07:00/);
    expect(res.stdout).toContain('by the end of 2027-03-18');
    expect(res.stdout).toContain("! The public offices' calendar of 2027 is missing");
  });

  it('counts on the year the administrator stored, as the server does', async () => {
    const db = await openDb({ dataDir: env.TRE_DATA_DIR });
    const entry = (date: string, kind: OfficeCalendarDay['kind']): OfficeCalendarDay => ({
      date,
      kind,
      nameVi: 'Ngày thử',
      nameEn: 'Test day',
      source: 'Thông báo giả định cho kiểm thử / assumed notice for the test',
    });
    try {
      await replaceYear(db.kysely, commandLineActor('40'), 2027, [
        ...['2027-01-01', '2027-04-30', '2027-05-01', '2027-09-02'].map((d) => entry(d, 'holiday')),
        entry('2027-05-03', 'compensating'),
        entry('2027-03-15', 'swapped_off'),
      ]);
    } finally {
      await db.close();
    }
    const res = await runTre(['cases', 'deadlines', '--received', '2027-03-11T10:00:00+07:00', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ planDueDate: '2027-03-19', warnings: [] });
  });

  it('refuses a bad --received with exit 2 and a message in both languages, before opening any database', async () => {
    const untouched = { ...env, TRE_DATA_DIR: path.join(dir, 'never') };
    const res = await runTre(['cases', 'deadlines', '--received', '24/01/2025 15:00', '--json'], untouched);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('--received "24/01/2025 15:00" không phải thời điểm hợp lệ');
    expect(res.stderr).toContain('--received "24/01/2025 15:00" is not a valid time');
    expect(fs.existsSync(untouched.TRE_DATA_DIR)).toBe(false);
    expect((await runTre(['cases', 'deadlines'], untouched)).code).toBe(2);
    expect((await runTre(['cases', 'nothing'], untouched)).code).toBe(2);
  });

  it('answers --help', async () => {
    const help = await runTre(['cases', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('tre cases deadlines --received');
  });
});

describe('tre cases overdue and statistics', () => {
  it('lists an open case past its plan clock by number and commune, never the child, and counts the period', async () => {
    const db = await openDb({ dataDir: env.TRE_DATA_DIR });
    try {
      const childId = await makeChild(db, { full_name: 'Lò Thị Quá Hạn', commune_code: '16681' });
      await makeCase(db, { childId, communeCode: '16681', receivedAt: new Date('2025-03-03T09:00:00+07:00') });
    } finally {
      await db.close();
    }
    const overdue = await runTre(['cases', 'overdue', '--json'], env);
    expect(overdue.code, overdue.stderr).toBe(0);
    const listed = (JSON.parse(overdue.stdout) as { overdue: { communeCode: string; clock: string }[] }).overdue;
    expect(listed).toEqual([expect.objectContaining({ communeCode: '16681', clock: 'plan' })]);
    expect(overdue.stdout).not.toContain('Quá Hạn');
    const stats = await runTre(['cases', 'statistics', '--period', '2025', '--json'], env);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ period: '2025', reports: 1, substantiated: 0, byForm: { violence: 1 } });
    expect((await runTre(['cases', 'statistics'], env)).code).toBe(2);
  });
});
