import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NO_MAIL_SERVER, type Mailer } from '../../notifications/mailer.ts';
import { runReminders, type ReminderOptions, type ReminderRunSummary } from './service.ts';

export interface ReminderSchedulerOptions extends ReminderOptions {
  provinceCode: string;
  mailer: Mailer;
  /** between the end of one run and the start of the next */
  intervalMs: number;
  /** before the first run; default the interval, at most 10 s: soon after start, once the server listens */
  firstDelayMs?: number | undefined;
  /** the clock the rules read (tests set a date) */
  now?: (() => Date) | undefined;
  log: FastifyBaseLogger;
}

const FIRST_RUN_MAX_MS = 10_000;

/**
 * Runs the reminders soon after the server starts and then at every interval, in this process.
 * Runs never overlap (the next is scheduled when one ends; `runNow` joins a run under way), a run's
 * error is logged and the next run comes as usual: reminders never bring the server down. Several
 * processes on one PostgreSQL may each run it; the log's unique key sends each step once.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReminderRunSummary | undefined> | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ReminderSchedulerOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.mailer.configured === false) {
      this.options.log.warn(`Nhắc báo cáo chỉ gửi trong ứng dụng: ${NO_MAIL_SERVER} (TRE_SMTP_URL) / reminders in-app only`);
    }
    this.schedule(this.options.firstDelayMs ?? Math.min(this.options.intervalMs, FIRST_RUN_MAX_MS));
  }

  /** Stops the timer and waits for a run under way to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One run now, or the one under way. Resolves with its summary, undefined if it failed (logged). */
  runNow(): Promise<ReminderRunSummary | undefined> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow().then(() => {
        this.schedule(this.options.intervalMs);
      });
    }, ms);
    // a pending reminder run never keeps the process alive on its own
    this.timer.unref();
  }

  private async runOnce(): Promise<ReminderRunSummary | undefined> {
    const { mailer, provinceCode, now, log } = this.options;
    try {
      const summary = await runReminders(this.db, mailer, now ? now() : new Date(), provinceCode, {
        publicUrl: this.options.publicUrl,
      });
      if (summary.claimed > 0) {
        // counts and reasons only: no address, no name
        log.info({ reminders: summary }, 'Đã gửi nhắc báo cáo / reminders sent');
      }
      if (summary.emailsFailed > 0) {
        log.warn(
          { errors: summary.errors, failed: summary.emailsFailed },
          'Có thư nhắc không gửi được / some reminder e-mails failed',
        );
      }
      return summary;
    } catch (error) {
      log.error({ err: error }, 'Lỗi khi chạy nhắc báo cáo; sẽ chạy lại lần sau / reminder run failed; it runs again next time');
      return undefined;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the process's reminder runs (app.ts), null when off; tests run one with `runNow` */
    reminders: ReminderScheduler | null;
  }
}
