import { dueEscalation, dueReminder, vietnamDate, type ReminderStep } from '@tre/core';
import type { Insertable, Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.ts';
import type { Database, ReminderTable } from '../../db/schema.ts';
import type { Mailer } from '../../notifications/mailer.ts';
import { insertNotifications, type NewNotification } from '../../notifications/repository.ts';
import { SYSTEM_ACTOR } from '../../units/seed.ts';
import { escalationMail, escalationTitle, reminderMail, reminderTitle, roundLink, type RoundFacts } from './messages.ts';
import * as repo from './repository.ts';

/**
 * Reminders of the reports owed (issue 14). Each run looks at every body that has not sent its
 * report in an open round, asks core which step is due today (`dueReminder`, `dueEscalation`) and
 * sends it — unless the log already holds that step.
 *
 * At most once: a step is claimed in the log (its unique key) before it is sent, and only the run
 * that claimed it sends it. In-app notifications are written in the transaction that claims them,
 * so they exist exactly once. E-mails are sent after that transaction commits — a slow mail server
 * must never hold a database transaction open (PGlite runs one at a time) — so a crash between the
 * commit and the send loses that e-mail rather than sending it twice on the next run.
 */
export interface ReminderRunSummary {
  /** the run's date in Vietnam */
  today: string;
  /** log rows this run claimed (in-app and e-mail) */
  claimed: number;
  /** notifications written */
  notifications: number;
  emailsDelivered: number;
  emailsFailed: number;
  /** claimed e-mails not tried because the mail server was down: given back for a later run */
  emailsReleased: number;
  /** the distinct reasons of failed e-mails (no addresses in them) */
  errors: string[];
}

export interface ReminderOptions {
  /** TRE_PUBLIC_URL: links in e-mails are absolute when set */
  publicUrl?: string | undefined;
}

const NO_ADDRESS = 'chưa có địa chỉ thư / no address';
const NO_USERS = 'chưa có người dùng / no users';
/** how many usernames a log row keeps; the rest are counted */
const NAMES_KEPT = 20;

type Channel = ReminderTable['channel'];

/** One step due for one body on one channel. */
interface Planned {
  body: repo.OwingBody;
  step: ReminderStep;
  channel: Channel;
}

const keyOf = (k: { round_id: string; unit_kind: string; unit_code: string; step: string; channel: string }) =>
  `${k.round_id}|${k.unit_kind}|${k.unit_code}|${k.step}|${k.channel}`;

/** The steps due today for each owing body, on both channels; in the order the claims are made. */
function plan(owing: readonly repo.OwingBody[], today: string): Planned[] {
  const out: Planned[] = [];
  for (const body of owing) {
    const settings = { beforeDays: body.remind_before_days, everyDays: body.remind_every_days };
    const steps = [dueReminder(body.deadline, settings, today), dueEscalation(body.deadline, body.escalate_after_days, today)];
    for (const step of steps) {
      if (!step) continue;
      out.push({ body, step, channel: 'email' }, { body, step, channel: 'in_app' });
    }
  }
  // the same order in every run: two runs claiming at once on PostgreSQL then meet each other's
  // rows in one order, the second waiting for the first, and never deadlock
  return out.sort((a, b) => (keyOf(keyParts(a)) < keyOf(keyParts(b)) ? -1 : 1));
}

function keyParts(p: Planned) {
  return {
    round_id: p.body.round_id,
    unit_kind: p.body.unit_kind,
    unit_code: p.body.unit_code,
    step: p.step.step,
    channel: p.channel,
  };
}

function factsOf(body: repo.OwingBody, today: string): RoundFacts {
  return { roundId: body.round_id, title: body.title, period: body.period, deadline: body.deadline, bodyName: body.name, today };
}

function namesOf(users: readonly { username: string }[]): string {
  const kept = users.slice(0, NAMES_KEPT).map((u) => u.username);
  return users.length > NAMES_KEPT ? `${kept.join(', ')} (+${users.length - NAMES_KEPT})` : kept.join(', ');
}

/** Who each in-app reminder reaches: the body's own users; for an escalation, the standing body. */
async function recipientsOf(db: Kysely<Database>, provinceCode: string, todo: readonly Planned[]) {
  const inApp = todo.filter((p) => p.channel === 'in_app');
  const agencyIds = inApp.filter((p) => p.body.unit_kind === 'agency' && p.step.kind !== 'escalate').map((p) => p.body.unit_code);
  const communeCodes = inApp
    .filter((p) => p.body.unit_kind === 'commune' && p.step.kind !== 'escalate')
    .map((p) => p.body.unit_code);
  // an agency is named by its uuid: anything else is no agency of Tre's and would not cast
  const uuids = agencyIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const users = await repo.usersOfBodies(db, provinceCode, [...new Set(uuids)], [...new Set(communeCodes)]);
  const officers = inApp.some((p) => p.step.kind === 'escalate') ? await repo.provincialOfficers(db, provinceCode) : [];
  return (p: Planned) =>
    p.step.kind === 'escalate'
      ? officers
      : users.filter((u) =>
          p.body.unit_kind === 'agency' ? u.agency_id === p.body.unit_code : u.commune_code === p.body.unit_code,
        );
}

/** The address an e-mail step goes to: the body's mailbox, or its head for an escalation. */
function addressOf(p: Planned): string | null {
  return p.step.kind === 'escalate' ? p.body.head_email : p.body.email;
}

/** Runs the reminders due at `now` for the province. Never sends a step twice (see above). */
export async function runReminders(
  db: Kysely<Database>,
  mailer: Mailer,
  now: Date,
  provinceCode: string,
  options: ReminderOptions = {},
): Promise<ReminderRunSummary> {
  const today = vietnamDate(now);
  const summary: ReminderRunSummary = {
    today,
    claimed: 0,
    notifications: 0,
    emailsDelivered: 0,
    emailsFailed: 0,
    emailsReleased: 0,
    errors: [],
  };
  const owing = await repo.owingBodies(db, provinceCode);
  const planned = plan(owing, today);
  if (planned.length === 0) return summary;
  // the steps already logged are skipped before any write: an idle hourly run writes nothing
  const logged = new Set((await repo.loggedKeys(db, [...new Set(planned.map((p) => p.body.round_id))])).map(keyOf));
  const todo = planned.filter((p) => !logged.has(keyOf(keyParts(p))));
  if (todo.length === 0) return summary;
  const recipients = await recipientsOf(db, provinceCode, todo);

  const { claimed, notifications, emails } = await db.transaction().execute(async (trx) => {
    const rows: Insertable<ReminderTable>[] = todo.map((p) => {
      if (p.channel === 'in_app') {
        // written whole: the notifications go in this same transaction
        const users = recipients(p);
        return {
          ...keyParts(p),
          recipients: namesOf(users),
          sent_at: new Date(),
          delivered: users.length > 0,
          error: users.length > 0 ? null : NO_USERS,
        };
      }
      const recipient = p.step.kind === 'escalate' ? 'head' : 'contact';
      return addressOf(p)
        ? { ...keyParts(p), recipients: recipient }
        : { ...keyParts(p), recipients: recipient, delivered: false, error: NO_ADDRESS };
    });
    const claimed = await repo.claimReminders(trx, rows);
    if (claimed.length === 0) return { claimed: 0, notifications: 0, emails: [] };
    const ours = new Map(claimed.map((c) => [keyOf(c), c.id]));
    const mine = todo.filter((p) => ours.has(keyOf(keyParts(p))));

    const notes: NewNotification[] = [];
    for (const p of mine.filter((q) => q.channel === 'in_app')) {
      const facts = factsOf(p.body, today);
      const title = p.step.kind === 'escalate' ? escalationTitle(facts) : reminderTitle(facts);
      const kind = p.step.kind === 'escalate' ? 'escalation' : 'reminder';
      for (const user of recipients(p)) {
        // the body's users open their report; the standing body, told of an escalation, opens the board
        const link =
          p.step.kind === 'escalate' ? roundLink(p.body.round_id) : roundLink(p.body.round_id, undefined, p.body.unit_code);
        notes.push({ user_id: user.id, kind, title_vi: title.vi, title_en: title.en, link });
      }
    }
    await insertNotifications(trx, notes);
    // not a user's write, but the office can still see when the system wrote to people and what
    await recordAudit(trx, SYSTEM_ACTOR(provinceCode), {
      action: 'remind',
      entity: 'reminder_run',
      entityId: today,
      after: { today, reminders: claimed.map(auditEntry), notifications: notes.length },
    });
    const emails = mine.flatMap((p) => {
      const to = addressOf(p);
      const id = ours.get(keyOf(keyParts(p)));
      return p.channel === 'email' && to && id !== undefined ? [{ p, id, to }] : [];
    });
    return { claimed: claimed.length, notifications: notes.length, emails };
  });
  summary.claimed = claimed;
  summary.notifications = notifications;

  await sendEmails(db, mailer, emails, today, options, summary);
  return summary;
}

/** What the audit keeps of a claimed step: which, never to whom. */
function auditEntry(c: repo.ReminderKey & { id: number | string }) {
  return { id: Number(c.id), round: c.round_id, unit: `${c.unit_kind}:${c.unit_code}`, step: c.step, channel: c.channel };
}

/**
 * Sends the claimed e-mails one by one, outside any transaction. Once the mail server is down,
 * the rest are not tried — each would wait out the same timeouts — and are released for a later run.
 */
async function sendEmails(
  db: Kysely<Database>,
  mailer: Mailer,
  emails: readonly { p: Planned; id: number; to: string }[],
  today: string,
  options: ReminderOptions,
  summary: ReminderRunSummary,
): Promise<void> {
  const errors = new Set<string>();
  const release: number[] = [];
  let down = false;
  for (const { p, id, to } of emails) {
    if (down) {
      release.push(id);
      continue;
    }
    const facts = factsOf(p.body, today);
    const link = roundLink(p.body.round_id, options.publicUrl, p.body.unit_code);
    const mail = p.step.kind === 'escalate' ? escalationMail(facts, p.body.head_name, link) : reminderMail(facts, link);
    const result = await mailer.send({ to: [to], ...mail });
    await repo.recordSent(db, id, result);
    if (result.delivered) summary.emailsDelivered++;
    else summary.emailsFailed++;
    if (result.error) errors.add(result.error);
    down = !result.delivered && result.serverDown === true;
  }
  await repo.releaseReminders(db, release);
  summary.emailsReleased = release.length;
  summary.errors = [...errors];
}
