import { parseArgs } from 'node:util';
import { parseReceivedAt, vietnameseDate, type CaseDeadlines } from '@tre/core';
import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';
import { deadlinesFor } from '../cases/calendar/service.ts';
import { overdueCases } from '../cases/overview.ts';
import { caseStatistics } from '../cases/statistics.ts';
import { commandLineActor } from '../audit/session-actor.ts';
import { both, type Out } from './shared.ts';

/** `tre cases deadlines --received ISO [--json]`: the legal clocks of a case, without a running server. */
export const CASES_HELP = `  tre cases deadlines --received 2025-01-24T15:00:00+07:00 [--json]
                                   hạn pháp định của vụ việc tiếp nhận lúc đó: biện pháp khẩn cấp (12 giờ),
                                   kế hoạch hỗ trợ, can thiệp (5 ngày làm việc, theo lịch nghỉ lễ trong cơ sở dữ liệu)
                                   the legal deadlines of a case received then: emergency measures (12 hours),
                                   support and intervention plan (5 working days, on the stored calendar)
  tre cases overdue [--json]       các hồ sơ có hạn pháp định đã qua (số hồ sơ, xã, hạn; không nêu tên trẻ)
                                   open cases with a legal clock past (number, commune, clock; no child named)
  tre cases statistics --period 2025 [--json]
                                   thống kê vụ việc của kỳ (theo hình thức xâm hại, hạn luật định)
                                   the cases' figures of a period (by form of abuse, clocks met)
`;

const USAGE = `Cách dùng / usage:\n${CASES_HELP}`;

/**
 * The configured database, set up (the shipped calendar years stored on a first start). A first
 * start from this verb also creates the administrator: its password is said once, on stderr, so that
 * --json output stays JSON.
 */
async function withCalendarDb<T>(config: Config, out: Out, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const boot = await bootstrap(db, config);
    if (boot.generatedAdminPassword) {
      out.stderr(`Tài khoản quản trị đầu tiên / first administrator: admin / ${boot.generatedAdminPassword}\n`);
    }
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** "15:00 ngày 24/01/2025" from "2025-01-24T15:00:00+07:00" (already Vietnam's wall clock). */
const vietnamWallTime = (iso: string) => `${iso.slice(11, 16)} ngày ${vietnameseDate(iso.slice(0, 10))}`;

/** Vietnamese first, then English, as every message of Tre. */
function deadlinesText(d: CaseDeadlines): string {
  const days = d.planWorkingDays.map((day) => vietnameseDate(day).slice(0, 5)).join(', ');
  return [
    `Vụ việc tiếp nhận lúc ${vietnamWallTime(d.received)} (giờ Việt Nam):`,
    `  - Biện pháp khẩn cấp, tạm thời (12 giờ): trước ${vietnamWallTime(d.emergencyMeasuresBy)}`,
    `  - Kế hoạch hỗ trợ, can thiệp (5 ngày làm việc): hết ngày ${vietnameseDate(d.planDueDate)} (các ngày ${days})`,
    ...d.warnings.map((w) => `  ! ${w.vi}`),
    `A case received at ${d.received}:`,
    `  - emergency measures (12 hours): by ${d.emergencyMeasuresBy}`,
    `  - support and intervention plan (5 working days): by the end of ${d.planDueDate} (${d.planWorkingDays.join(', ')})`,
    ...d.warnings.map((w) => `  ! ${w.en}`),
    '',
  ].join('\n');
}

async function deadlinesCommand(args: string[], config: Config, out: Out): Promise<number> {
  let values: { received?: string | undefined; json?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args, options: { received: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Tùy chọn không hợp lệ: ${reason}`, en: `Invalid option: ${reason}` }) + USAGE);
    return 2;
  }
  if (values.received === undefined) {
    out.stderr(
      both({ vi: 'Thiếu --received (thời điểm tiếp nhận)', en: 'Missing --received (the time the report was received)' }),
    );
    out.stderr(USAGE);
    return 2;
  }
  // read before the database is opened: a typo costs nothing
  const receivedAt = parseReceivedAt(values.received);
  if (!receivedAt) {
    out.stderr(
      both({
        vi: `--received "${values.received}" không phải thời điểm hợp lệ: cần dạng 2025-01-24T15:00:00+07:00 (không ghi múi giờ: giờ Việt Nam)`,
        en: `--received "${values.received}" is not a valid time: expected e.g. 2025-01-24T15:00:00+07:00 (no offset: Vietnam time)`,
      }),
    );
    return 2;
  }
  const deadlines = await withCalendarDb(config, out, (db) => deadlinesFor(db.kysely, receivedAt));
  out.stdout(values.json ? `${JSON.stringify(deadlines, null, 2)}\n` : deadlinesText(deadlines));
  return 0;
}

/** Open cases with a clock past its deadline, for a script: counts and numbers, never a child's name. */
async function overdueCommand(args: string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const now = new Date();
  const rows = await withCalendarDb(config, out, (db) => overdueCases(db.kysely, config.provinceCode, now));
  if (values.json) out.stdout(`${JSON.stringify({ at: now.toISOString(), overdue: rows }, null, 2)}\n`);
  else {
    out.stdout(`${rows.length} hồ sơ quá hạn / overdue cases\n`);
    for (const r of rows) out.stdout(`${r.number}\t${r.communeCode}\t${r.clock}\t${r.dueAt}\n`);
  }
  return 0;
}

async function statisticsCommand(args: string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({ args, options: { period: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.period) {
    out.stderr(both({ vi: 'Thiếu --period (vd. 2025, 2025S1)', en: 'Missing --period (e.g. 2025, 2025S1)' }) + USAGE);
    return 2;
  }
  const period = values.period;
  const stats = await withCalendarDb(config, out, (db) =>
    caseStatistics(db.kysely, commandLineActor(config.provinceCode), period),
  );
  out.stdout(
    values.json
      ? `${JSON.stringify(stats, null, 2)}\n`
      : `Kỳ ${stats.period}: ${stats.reports} tin báo, ${stats.substantiated} có cơ sở, ${stats.closed} đã đóng\n` +
          `Period ${stats.period}: ${stats.reports} reports, ${stats.substantiated} substantiated, ${stats.closed} closed\n`,
  );
  return 0;
}

export async function casesCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  if (sub === 'deadlines') return deadlinesCommand(args, config, out);
  if (sub === 'overdue') return overdueCommand(args, config, out);
  if (sub === 'statistics') return statisticsCommand(args, config, out);
  out.stderr(USAGE);
  return 2;
}
