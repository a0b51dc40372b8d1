import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../notifications/mailer.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { makeCase } from '../test/cases.ts';
import { makeChild } from '../test/children.ts';
import { COMMUNE_A, makeUser } from '../test/factories.ts';
import { TEST_PROVINCE } from '../test/db.ts';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.ts';
import { setContact } from '../reporting/reminders/rounds.fixture.ts';
import { runCaseAlerts } from './alerts.ts';

/**
 * A legal clock nearing or past: the worker and the supervisor are told in the app, the commune's
 * mailbox by e-mail through the real SMTP client to a local sink; the child is never named; and a
 * second run (after a restart, or on another process) sends nothing again.
 */
let t: TestApp;
let sink: SmtpSink;
const COMMUNE_MAIL = 'ubnd-thanh-vinh@example.vn';

beforeAll(async () => {
  t = await startTestApp();
  sink = await startSmtpSink();
  await setContact(t.db.kysely, { kind: 'commune', code: COMMUNE_A }, { email: COMMUNE_MAIL });
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

describe('case clock alerts', () => {
  it('alerts once per clock and level, in-app and by e-mail, never naming the child', async () => {
    const worker = await makeUser(t.db, { role: 'case_worker', communeCode: COMMUNE_A });
    const supervisor = await makeUser(t.db, { role: 'commune_officer', communeCode: COMMUNE_A });
    const childId = await makeChild(t.db, { full_name: 'Lò Văn Khẩn', commune_code: COMMUNE_A });
    const now = new Date('2026-03-10T10:00:00+07:00');
    // received 13 hours ago, urgent: the emergency clock (12 hours) is past
    const id = await makeCase(t.db, {
      childId,
      communeCode: COMMUNE_A,
      workerId: worker.id,
      supervisorId: supervisor.id,
      urgency: 'immediate',
      receivedAt: new Date(now.getTime() - 13 * 3_600_000),
    });
    const mailer = new SmtpMailer(sink.url, 'Tre <no-reply@tre.test>');
    const first = await runCaseAlerts(t.db.kysely, mailer, now, TEST_PROVINCE);
    expect(first).toMatchObject({ alerts: 1, mails: 1, mailFailures: 0 });
    await sink.waitFor(1);
    expect(sink.messages[0]?.to).toEqual([COMMUNE_MAIL]);
    expect(sink.messages[0]?.subject).toContain('quá hạn');
    expect(`${sink.messages[0]?.subject} ${sink.messages[0]?.text}`).not.toContain('Khẩn');
    const notes = await t.db.kysely
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .where('link', '=', `/cases/${id}`)
      .orderBy('user_id')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([worker.id, supervisor.id].sort());
    expect(notes.every((n) => n.kind === 'case_emergency_overdue')).toBe(true);

    // a restart: the next run finds the alert claimed and sends nothing
    const again = await runCaseAlerts(t.db.kysely, mailer, new Date(now.getTime() + 60_000), TEST_PROVINCE);
    expect(again.alerts).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });
});
