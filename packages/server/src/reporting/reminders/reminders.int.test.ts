import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer, unconfiguredMailer, type Mailer } from '../../notifications/mailer.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { TEST_PROVINCE } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, firstAgencyId, makeUser } from '../../test/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import { at, logOf, makeRound, makeSubmission, setContact, type Body } from './rounds.fixture.ts';
import { claimReminders, remindersOfRound } from './repository.ts';
import { runReminders } from './service.ts';

/**
 * Reminders against the real database and a real SMTP server on loopback: which step goes out on
 * which day, to whom, and that no step ever goes out twice.
 */
let t: TestApp;
let sink: SmtpSink;
let mailer: Mailer;
let AGENCY: Body;
const COMMUNE: Body = { kind: 'commune', code: COMMUNE_A };
// no letter s in these: migration 0013's CHECK reads `\s` as a plain `s` (contacts.int.test.ts)
const AGENCY_MAIL = 'vanthu@gddt.nghean.gov.vn';
const HEAD_MAIL = 'giamdoc@gddt.nghean.gov.vn';
const COMMUNE_MAIL = 'ubnd.thanhvinh@nghean.gov.vn';
const users = {} as Record<
  'reporter' | 'reporterOff' | 'officer' | 'otherOfficer' | 'provincial',
  { id: string; username: string }
>;

const DEADLINE = '2025-06-15';
const run = (date: string, m: Mailer = mailer) => runReminders(t.db.kysely, m, at(date), TEST_PROVINCE);

async function notesOf(userId: string, roundId: string) {
  return (
    t.db.kysely
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', userId)
      // a body's user opens their own report; the standing body the board
      .where('link', 'like', `/reporting/rounds/${roundId}%`)
      .orderBy('id')
      .execute()
  );
}

async function runAudits() {
  return t.db.kysely.selectFrom('audit_event').selectAll().where('entity', '=', 'reminder_run').orderBy('id').execute();
}

const steps = (log: Awaited<ReturnType<typeof logOf>>) =>
  log.map((r) => `${r.unit_kind}|${r.step}|${r.channel}|${String(r.delivered)}`);

beforeAll(async () => {
  t = await startTestApp();
  sink = await startSmtpSink();
  mailer = new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>');
  const agencyId = await firstAgencyId(t.db, 'Sở GD&ĐT');
  AGENCY = { kind: 'agency', code: agencyId };
  users.reporter = await makeUser(t.db, { role: 'agency_reporter', agencyId });
  users.reporterOff = await makeUser(t.db, { role: 'agency_reporter', agencyId, active: false });
  users.officer = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A });
  users.otherOfficer = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_B });
  users.provincial = await makeUser(t.db, { role: 'provincial_officer' });
  await setContact(t.db.kysely, AGENCY, { email: AGENCY_MAIL, headName: 'Nguyễn Văn Giám', headEmail: HEAD_MAIL });
  await setContact(t.db.kysely, COMMUNE, { email: COMMUNE_MAIL });
});

afterEach(async () => {
  // each test's rounds end with it, so that the next test's runs see only its own
  await t.db.kysely.updateTable('reporting_round').set({ closed_at: new Date() }).where('closed_at', 'is', null).execute();
  sink.messages.length = 0;
});

afterAll(async () => {
  await sink.close();
  await t.close();
});

describe('the reminder before the deadline', () => {
  it('goes in-app to the body’s active users and by e-mail to its mailbox, on D−3 and never again', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [AGENCY, COMMUNE] });
    const auditsBefore = (await runAudits()).length;

    expect((await run('2025-06-11')).claimed).toBe(0); // D−4: nothing due yet
    expect(await logOf(t.db.kysely, round)).toEqual([]);

    const first = await run('2025-06-12');
    expect(first).toMatchObject({ today: '2025-06-12', claimed: 4, notifications: 2, emailsDelivered: 2, emailsFailed: 0 });
    const log = await logOf(t.db.kysely, round);
    expect(steps(log)).toEqual([
      'agency|before|email|true',
      'agency|before|in_app|true',
      'commune|before|email|true',
      'commune|before|in_app|true',
    ]);
    // the log names the users reached, never an address
    expect(log.find((r) => r.unit_kind === 'agency' && r.channel === 'in_app')?.recipients).toBe(users.reporter.username);
    expect(log.find((r) => r.unit_kind === 'commune' && r.channel === 'in_app')?.recipients).toBe(users.officer.username);
    expect(log.filter((r) => r.channel === 'email').map((r) => r.recipients)).toEqual(['contact', 'contact']);
    expect(log.every((r) => r.sent_at !== null && !r.recipients.includes('@'))).toBe(true);

    const [note] = await notesOf(users.reporter.id, round);
    expect(note).toMatchObject({
      kind: 'reminder',
      title_vi: 'Nhắc báo cáo: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em — hạn 15/06/2025',
      title_en: 'Report reminder: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em — due 15/06/2025',
      read_at: null,
      link: expect.stringMatching(new RegExp(`^/reporting/rounds/${round}/submissions/[0-9a-f-]{36}$`)) as string,
    });
    expect(await notesOf(users.officer.id, round)).toHaveLength(1);
    expect(await notesOf(users.reporterOff.id, round)).toHaveLength(0); // disabled
    expect(await notesOf(users.otherOfficer.id, round)).toHaveLength(0); // another commune
    expect(await notesOf(users.provincial.id, round)).toHaveLength(0);

    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual([COMMUNE_MAIL, AGENCY_MAIL].sort());
    const mail = sink.messages.find((m) => m.to[0] === AGENCY_MAIL);
    expect(mail?.from).toBe('no-reply@tre.test');
    expect(mail?.subject).toBe(
      'Nhắc báo cáo: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em — hạn 15/06/2025 / ' +
        'Report reminder: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em — due 15/06/2025',
    );
    const text = mail?.text ?? '';
    expect(text).toContain('Kính gửi: Sở GD&ĐT');
    expect(text).toContain('(kỳ 6 tháng đầu năm 2025) có hạn nộp ngày 15/06/2025, còn 3 ngày.');
    expect(text).toContain('(period: First half of 2025) is due on 15/06/2025, 3 days left.');
    expect(text).toMatch(new RegExp(`/reporting/rounds/${round}/submissions/[0-9a-f-]{36}`));
    expect(text.indexOf('Kính gửi')).toBeLessThan(text.indexOf('To: Sở GD&ĐT'));

    // one audit row for the run, by the system, naming steps and never addresses
    const audits = (await runAudits()).slice(auditsBefore);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: null, actor_name: 'system', action: 'remind', entity_id: '2025-06-12' });
    expect(JSON.stringify(audits[0]?.after)).not.toContain('@');

    // the same day again, and the days after until the deadline: the step is logged, nothing new
    for (const day of ['2025-06-12', '2025-06-13', '2025-06-14', '2025-06-15']) {
      expect((await run(day)).claimed).toBe(0);
    }
    expect(await logOf(t.db.kysely, round)).toEqual(log);
    expect(sink.messages).toHaveLength(2);
    expect(await notesOf(users.reporter.id, round)).toHaveLength(1);
    expect((await runAudits()).length).toBe(auditsBefore + 1);

    // the board's view of the log
    const board = await remindersOfRound(t.db.kysely, round);
    expect(board).toHaveLength(4);
    expect(board[0]).toEqual({
      unitKind: expect.any(String),
      unitCode: expect.any(String),
      step: 'before',
      channel: expect.any(String),
      recipients: expect.any(String),
      sentAt: expect.any(String),
      delivered: true,
      error: null,
    });
  });

  it('sends each step once when two runs race (PostgreSQL: two connections on the unique key)', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [AGENCY, COMMUNE] });
    const [a, b] = await Promise.all([run('2025-06-12'), run('2025-06-12')]);
    expect(a.claimed + b.claimed).toBe(4);
    expect(a.emailsDelivered + b.emailsDelivered).toBe(2);
    expect(await logOf(t.db.kysely, round)).toHaveLength(4);
    expect(sink.messages).toHaveLength(2);
    expect(await notesOf(users.reporter.id, round)).toHaveLength(1);
    expect(await notesOf(users.officer.id, round)).toHaveLength(1);
  });

  it('waits for a claim another transaction holds, and then does not send that step', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [COMMUNE] });
    let pending: ReturnType<typeof run> | undefined;
    await t.db.kysely.transaction().execute(async (trx) => {
      const key = { round_id: round, unit_kind: 'commune' as const, unit_code: COMMUNE_A, step: 'before' };
      await claimReminders(trx, [
        { ...key, channel: 'email' },
        { ...key, channel: 'in_app' },
      ]);
      // PostgreSQL: the run does not see these rows yet and blocks on the unique key until the commit;
      // PGlite: its queries wait for this transaction. Either way it must not send.
      pending = run('2025-06-12');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect((await pending)?.claimed).toBe(0);
    expect(sink.messages).toEqual([]);
    expect(await notesOf(users.officer.id, round)).toHaveLength(0);
  });

  it('skips a body that has sent its report, not one with a draft only', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [AGENCY, COMMUNE] });
    await makeSubmission(t.db.kysely, round, AGENCY, true);
    await makeSubmission(t.db.kysely, round, COMMUNE, false);
    await run('2025-06-12');
    expect(steps(await logOf(t.db.kysely, round))).toEqual(['commune|before|email|true', 'commune|before|in_app|true']);
    expect(sink.messages.map((m) => m.to)).toEqual([[COMMUNE_MAIL]]);
    expect(await notesOf(users.reporter.id, round)).toHaveLength(0);
  });

  it('skips a closed round', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [AGENCY, COMMUNE], closed: true });
    for (const day of ['2025-06-12', '2025-06-22', '2025-07-30']) {
      expect((await run(day)).claimed).toBe(0);
    }
    expect(await logOf(t.db.kysely, round)).toEqual([]);
    expect(sink.messages).toEqual([]);
  });
});

describe('after the deadline', () => {
  it('reminds every M days (after-1, after-2), the latest step only after a pause', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, every: 7, bodies: [COMMUNE] });
    expect((await run('2025-06-16')).claimed).toBe(0); // D+1: the first reminder after is at D+7
    await run('2025-06-22'); // D+7
    expect(steps(await logOf(t.db.kysely, round))).toEqual(['commune|after-1|email|true', 'commune|after-1|in_app|true']);
    expect(sink.messages[0]?.text).toContain('đã trễ hạn 7 ngày');
    expect(sink.messages[0]?.text).toContain('7 days late');
    expect((await run('2025-06-25')).claimed).toBe(0); // D+10: after-1 is logged
    await run('2025-06-29'); // D+14
    expect(steps(await logOf(t.db.kysely, round))).toEqual([
      'commune|after-1|email|true',
      'commune|after-1|in_app|true',
      'commune|after-2|email|true',
      'commune|after-2|in_app|true',
    ]);
    // the server was off for three weeks: after-5 alone, not after-3 and after-4 as well
    await run('2025-07-20'); // D+35
    expect((await logOf(t.db.kysely, round)).map((r) => r.step)).toEqual([
      'after-1',
      'after-1',
      'after-2',
      'after-2',
      'after-5',
      'after-5',
    ]);
    expect(sink.messages).toHaveLength(3);
    expect(await notesOf(users.officer.id, round)).toHaveLength(3);
  });

  it('escalates once to the head of a body late beyond its escalate_after_days, and tells the standing body', async () => {
    await setContact(t.db.kysely, AGENCY, {
      email: AGENCY_MAIL,
      headName: 'Nguyễn Văn Giám',
      headEmail: HEAD_MAIL,
      escalateAfterDays: 10,
    });
    try {
      // the commune has no escalation threshold: it is never escalated
      const round = await makeRound(t.db.kysely, { deadline: DEADLINE, every: 7, bodies: [AGENCY, COMMUNE] });
      await run('2025-06-25'); // D+10: after-1, not beyond 10 days yet
      expect((await logOf(t.db.kysely, round)).map((r) => r.step)).toEqual(['after-1', 'after-1', 'after-1', 'after-1']);
      expect((await run('2025-06-26')).claimed).toBe(2); // D+11: the escalation, e-mail and in-app
      expect(steps(await logOf(t.db.kysely, round))).toEqual([
        'agency|after-1|email|true',
        'agency|after-1|in_app|true',
        'agency|escalate|email|true',
        'agency|escalate|in_app|true',
        'commune|after-1|email|true',
        'commune|after-1|in_app|true',
      ]);
      const escalation = sink.messages.filter((m) => m.to[0] === HEAD_MAIL);
      expect(escalation).toHaveLength(1);
      expect(escalation[0]?.subject).toBe(
        'Sở GD&ĐT trễ hạn 11 ngày: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em / ' +
          'Sở GD&ĐT is 11 days late: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em',
      );
      expect(escalation[0]?.text).toContain('Kính gửi: Nguyễn Văn Giám, Thủ trưởng Sở GD&ĐT');
      const [toOfficer] = await notesOf(users.provincial.id, round);
      expect(toOfficer).toMatchObject({
        kind: 'escalation',
        title_vi: 'Sở GD&ĐT trễ hạn 11 ngày: Báo cáo 6 tháng đầu năm 2025 về công tác trẻ em',
      });
      const log = await logOf(t.db.kysely, round);
      expect(log.find((r) => r.step === 'escalate' && r.channel === 'in_app')?.recipients).toBe(users.provincial.username);
      expect(log.find((r) => r.step === 'escalate' && r.channel === 'email')?.recipients).toBe('head');

      for (const day of ['2025-06-27', '2025-07-01']) await run(day); // D+12, D+16: still after-1, escalated
      expect(sink.messages.filter((m) => m.to[0] === HEAD_MAIL)).toHaveLength(1);
      expect(await notesOf(users.provincial.id, round)).toHaveLength(1);
    } finally {
      await setContact(t.db.kysely, AGENCY, { email: AGENCY_MAIL, headName: 'Nguyễn Văn Giám', headEmail: HEAD_MAIL });
    }
  });
});

describe('when an e-mail cannot go', () => {
  it('logs a body without an address as not delivered, and still reminds it in-app', async () => {
    const other: Body = { kind: 'commune', code: COMMUNE_B };
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [other] });
    const summary = await run('2025-06-12');
    expect(summary).toMatchObject({ claimed: 2, emailsDelivered: 0 });
    const log = await logOf(t.db.kysely, round);
    expect(log.map((r) => [r.channel, r.delivered, r.error, r.sent_at])).toEqual([
      ['email', false, 'chưa có địa chỉ thư / no address', null],
      ['in_app', true, null, expect.any(Date)],
    ]);
    expect(await notesOf(users.otherOfficer.id, round)).toHaveLength(1);
    expect(sink.messages).toEqual([]);
    expect((await run('2025-06-13')).claimed).toBe(0); // not tried again: the step is logged
  });

  it('says so when no mail server is configured', async () => {
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [COMMUNE] });
    await run('2025-06-12', unconfiguredMailer);
    expect((await logOf(t.db.kysely, round)).map((r) => [r.channel, r.delivered, r.error])).toEqual([
      ['email', false, 'chưa cấu hình máy chủ thư / no mail server configured'],
      ['in_app', true, null],
    ]);
  });

  it('logs a mail server that is down, does not throw, and leaves the e-mails it did not try for a later run', async () => {
    const down = await startSmtpSink();
    await down.close();
    const round = await makeRound(t.db.kysely, { deadline: DEADLINE, bodies: [AGENCY, COMMUNE] });
    const summary = await run('2025-06-12', new SmtpMailer(down.url, 'Tre <no-reply@tre.test>'));
    expect(summary).toMatchObject({ claimed: 4, notifications: 2, emailsDelivered: 0, emailsFailed: 1, emailsReleased: 1 });
    expect(summary.errors).toEqual([
      expect.stringMatching(/^không kết nối được máy chủ thư \/ could not connect to the mail server \(ESOCKET/),
    ]);
    const log = await logOf(t.db.kysely, round);
    // the first e-mail tried and failed (kept: at most once), the second given back; in-app went out
    expect(steps(log)).toEqual(['agency|before|email|false', 'agency|before|in_app|true', 'commune|before|in_app|true']);
    expect(log[0]?.error).toContain('ECONNREFUSED');
    expect(log[0]?.error).not.toContain('@');
    expect(log[0]?.sent_at).not.toBeNull();

    // the server is back: the e-mail given back goes out, the failed one is not sent again
    await run('2025-06-13');
    expect(sink.messages.map((m) => m.to)).toEqual([[COMMUNE_MAIL]]);
    expect(steps(await logOf(t.db.kysely, round))).toEqual([
      'agency|before|email|false',
      'agency|before|in_app|true',
      'commune|before|email|true',
      'commune|before|in_app|true',
    ]);
  });
});
