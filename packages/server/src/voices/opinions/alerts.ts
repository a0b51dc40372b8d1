import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notifyOverdue } from './service.ts';

/**
 * Runs the overdue opinions' notice to the standing body (service.ts notifyOverdue) every interval
 * in this process; a run's error is logged, never thrown. The notice is claimed per opinion, so a
 * restart never sends one twice.
 */
export class OpinionAlertScheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: {
      provinceCode: string;
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

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#runOnce().finally(() => {
        this.#running = undefined;
        this.#schedule(this.options.intervalMs);
      });
    }, ms);
    this.#timer.unref();
  }

  async #runOnce(): Promise<void> {
    try {
      const now = this.options.now ? this.options.now() : new Date();
      const r = await notifyOverdue(this.db, this.options.provinceCode, now);
      if (r.notified > 0)
        this.options.log.info({ overdueOpinions: r.notified }, 'Ý kiến trẻ em quá hạn / overdue opinions flagged');
    } catch (e) {
      this.options.log.warn(`Ý kiến trẻ em quá hạn / overdue opinions: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
