import { vietnamTimestamp, type ClockKind } from '@tre/core';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { insertNotifications, type NewNotification } from '../notifications/repository.ts';
import { NEAR_MS } from './clocks.ts';

/**
 * Alerts when a legal clock of a case nears or passes: in-app to the assigned worker and the
 * supervisor, and by e-mail to the commune's reporting contact address (users have no address of
 * their own in Tre) through the reporting module's mailer. An alert names the case number and the
 * clock, never the child. Each (case, clock, level) is claimed once in child_case_alert inside the
 * transaction that writes its notifications, so a restart, or two processes on one PostgreSQL,
 * never send one twice.
 */

const CLOCK_WORDS: Record<ClockKind, { vi: string; en: string }> = {
  emergency: { vi: 'biện pháp khẩn cấp (12 giờ)', en: 'emergency measures (12 hours)' },
  plan: { vi: 'kế hoạch hỗ trợ, can thiệp (5 ngày làm việc)', en: 'the support plan (5 working days)' },
  review: { vi: 'rà soát kế hoạch', en: "the plan's review" },
};

interface Due {
  case_id: number;
  number: string;
  commune_code: string;
  worker_id: string | null;
  supervisor_id: string | null;
  clock: ClockKind;
  level: 'near' | 'overdue';
  due: Date;
}

/** The running clocks now near or past, not yet alerted at that level. */
async function dueAlerts(db: Kysely<Database>, provinceCode: string, now: Date): Promise<Due[]> {
  const parts = (['emergency', 'plan', 'review'] as const).map((clock) => {
    const due = sql.ref(`k.${clock}_due`);
    const met = sql.ref(`k.${clock}_met_at`);
    const runs = clock === 'emergency' ? sql`k.emergency_required` : sql`${due} IS NOT NULL`;
    const near = new Date(now.getTime() + NEAR_MS[clock]);
    return sql`
      SELECT k.id AS case_id, k.number, k.commune_code, k.worker_id, k.supervisor_id, ${clock}::text AS clock,
        CASE WHEN ${due} < ${now} THEN 'overdue' ELSE 'near' END AS level, ${due} AS due
      FROM child_case k
      WHERE k.province_code = ${provinceCode} AND k.status <> 'closed' AND ${runs} AND ${met} IS NULL AND ${due} <= ${near}
        AND NOT EXISTS (SELECT 1 FROM child_case_alert a WHERE a.case_id = k.id AND a.clock = ${clock}
          AND a.level = CASE WHEN ${due} < ${now} THEN 'overdue' ELSE 'near' END)`;
  });
  const rows = await sql<Due>`${sql.join(parts, sql` UNION ALL `)} ORDER BY due LIMIT 500`.execute(db);
  return rows.rows;
}

function words(d: Due) {
  const when = vietnamTimestamp(new Date(d.due)).slice(0, 16).replace('T', ' ');
  const c = CLOCK_WORDS[d.clock];
  return d.level === 'overdue'
    ? {
        vi: `Hồ sơ ${d.number}: đã quá hạn ${c.vi} (hạn ${when})`,
        en: `Case ${d.number}: ${c.en} is overdue (due ${when})`,
      }
    : {
        vi: `Hồ sơ ${d.number}: sắp đến hạn ${c.vi} (hạn ${when})`,
        en: `Case ${d.number}: ${c.en} is due soon (${when})`,
      };
}

export interface CaseAlertSummary {
  alerts: number;
  mails: number;
  mailFailures: number;
}

export async function runCaseAlerts(
  db: Kysely<Database>,
  mailer: Mailer,
  now: Date,
  provinceCode: string,
): Promise<CaseAlertSummary> {
  const due = await dueAlerts(db, provinceCode, now);
  const summary: CaseAlertSummary = { alerts: 0, mails: 0, mailFailures: 0 };
  for (const d of due) {
    const claimed = await db.transaction().execute(async (trx) => {
      const won = await trx
        .insertInto('child_case_alert')
        .values({ case_id: d.case_id, clock: d.clock, level: d.level })
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .executeTakeFirst();
      if (!won) return false;
      const w = words(d);
      const notes: NewNotification[] = [...new Set([d.worker_id, d.supervisor_id].filter((u): u is string => u !== null))].map(
        (user_id) => ({
          user_id,
          kind: `case_${d.clock}_${d.level}`,
          title_vi: w.vi,
          title_en: w.en,
          link: `/cases/${d.case_id}`,
        }),
      );
      if (notes.length > 0) await insertNotifications(trx, notes);
      return true;
    });
    if (!claimed) continue;
    summary.alerts++;
    const contact = await db
      .selectFrom('reporting_contact')
      .select('email')
      .where('province_code', '=', provinceCode)
      .where('unit_kind', '=', 'commune')
      .where('unit_code', '=', d.commune_code)
      .executeTakeFirst();
    if (!contact?.email) continue;
    const w = words(d);
    const sent = await mailer.send({ to: [contact.email], subject: w.vi, text: `${w.vi}\n${w.en}\n` });
    if (sent.delivered) summary.mails++;
    else summary.mailFailures++;
  }
  return summary;
}

/** Runs the alerts every interval in this process; a run's error is logged, never thrown. */
export class CaseAlertScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<CaseAlertSummary | undefined> | undefined;
  #stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: {
      provinceCode: string;
      mailer: Mailer;
      intervalMs: number;
      now?: (() => Date) | undefined;
      log: FastifyBaseLogger;
    },
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(Math.min(this.options.intervalMs, 10_000));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  runNow(): Promise<CaseAlertSummary | undefined> {
    this.#running ??= this.#runOnce().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.runNow().then(() => this.#schedule(this.options.intervalMs)), ms);
    this.#timer.unref();
  }

  async #runOnce(): Promise<CaseAlertSummary | undefined> {
    try {
      const now = this.options.now ? this.options.now() : new Date();
      const summary = await runCaseAlerts(this.db, this.options.mailer, now, this.options.provinceCode);
      if (summary.alerts > 0) this.options.log.info({ caseAlerts: summary }, 'Cảnh báo hạn vụ việc / case clock alerts');
      return summary;
    } catch (e) {
      this.options.log.warn(`Cảnh báo hạn vụ việc / case alerts: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the process's case clock alerts (app.ts), null when off (a test database unless asked) */
    caseAlerts: CaseAlertScheduler | null;
  }
}
