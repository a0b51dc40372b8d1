import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, vietnamDate } from '@tre/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/pool.ts';
import { runTre } from '../../test/cli.ts';
import { makeComplaint } from '../../test/complaints.ts';

/** The real `tre voices …` in a child process, on a PGlite folder, no server running: the contract of issue 17. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-voices-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: 'admin-password-1' };

// each run starts a process that opens (and the first time, creates and seeds) a PGlite folder: slow on a busy machine
describe('tre voices overdue', { timeout: 180_000 }, () => {
  it('lists nothing on a new database, as JSON', async () => {
    const res = await runTre(['voices', 'overdue', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { asOf: string; opinions: unknown[]; complaints: unknown[] };
    expect(out.opinions).toEqual([]);
    expect(out.complaints).toEqual([]);
    expect(Number.isNaN(Date.parse(out.asOf))).toBe(false);
  });

  it('lists an opinion sent 45 days ago and unanswered, 15 days past the default 30, not one sent 5 days ago', async () => {
    const today = vietnamDate(new Date());
    const db = await openDb({ dataDir: env.TRE_DATA_DIR });
    let ids: number[] = [];
    let gd = '';
    try {
      gd = (await db.kysely.selectFrom('agency').select('id').where('short_name', '=', 'Sở GD&ĐT').executeTakeFirstOrThrow()).id;
      const ev = await db.kysely
        .insertInto('voice_event')
        .values({
          province_code: '40',
          kind: 'forum',
          topic: 'Diễn đàn trẻ em tỉnh',
          organiser_name: 'Sở Y tế',
          held_on: addDays(today, -50),
          place: 'Hội trường tỉnh',
          commune_code: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids = await Promise.all(
        [45, 5].map(async (ago) => {
          const r = await db.kysely
            .insertInto('voice_opinion')
            .values({
              province_code: '40',
              event_id: ev.id,
              text: `Kiến nghị gửi ${String(ago)} ngày trước`,
              sent_to_name: 'Sở Giáo dục và Đào tạo',
              sent_to_agency_id: gd,
              state: 'sent',
              sent_on: addDays(today, -ago),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return r.id;
        }),
      );
      ids.push(ev.id);
      // a complaint received 20 days ago and never accepted: its 10-day acceptance clock ran out
      const admin = await db.kysely.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      const complaint = await makeComplaint(db, {
        communeCode: '16681',
        supervisorId: admin.id,
        receivedAt: new Date(Date.now() - 20 * 86_400_000),
      });
      ids.push(complaint);
    } finally {
      await db.close();
    }
    const res = await runTre(['voices', 'overdue', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { asOf: string; opinions: unknown[]; complaints: unknown[] };
    expect(Object.keys(out)).toEqual(['asOf', 'opinions', 'complaints']);
    expect(out.complaints).toEqual([
      expect.objectContaining({
        id: ids[3],
        kind: 'complaint',
        clock: 'acceptance',
        state: 'overdue',
        bodyName: 'Phường Thành Vinh',
      }),
    ]);
    // nobody is named: no complainant in the rows
    expect(res.stdout).not.toContain('Người gửi thử');
    expect(out.opinions).toEqual([
      {
        id: ids[0],
        event: { id: ids[2], topic: 'Diễn đàn trẻ em tỉnh', heldOn: addDays(today, -50) },
        text: 'Kiến nghị gửi 45 ngày trước',
        sentTo: { kind: 'agency', id: gd, name: 'Sở GD&ĐT' },
        sentOn: addDays(today, -45),
        dueOn: addDays(today, -15),
        daysOverdue: 15,
      },
    ]);
    const text = await runTre(['voices', 'overdue'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^1 ý kiến trẻ em quá hạn trả lời/);
    expect(text.stdout).toContain('quá 15 ngày / sent');
    expect(text.stdout).toContain('1 khiếu nại, tố cáo quá hạn / complaints and denunciations overdue');
  });

  it('answers --help with its verbs and refuses an unknown verb with exit 2', async () => {
    const help = await runTre(['voices', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('tre voices overdue [--json]');
    expect((await runTre(['voices', 'nothing'], env)).code).toBe(2);
  });
});
