import { parseArgs } from 'node:util';
import { vietnameseDate, type ComplaintDueDto, type OverdueListDto } from '@tre/core';
import type { Kysely } from 'kysely';
import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb } from '../db/pool.ts';
import type { Database } from '../db/schema.ts';
import { overdueOpinions } from '../voices/opinions/service.ts';
import { overdueComplaints } from '../voices/complaints/overdue.ts';
import { both, type Out } from './shared.ts';

/** `tre voices …`: children's voices (issue 17) from a script, without a running server. */
export const VOICES_HELP = `  tre voices overdue [--json]      ý kiến trẻ em quá hạn trả lời (cơ quan nhận, ngày gửi, hạn, số ngày quá hạn)
                                   và khiếu nại, tố cáo quá hạn thụ lý hoặc giải quyết (không nêu tên ai)
                                   children's opinions past their answer date (body, sent, due, days overdue)
                                   and complaints past their acceptance or resolution clock (nobody named)
`;

const USAGE = `Cách dùng / usage:\n${VOICES_HELP}`;

/** One kind of overdue item of `tre voices overdue`: its rows for the JSON, and its lines for a terminal. */
export type OverdueSection = (
  db: Kysely<Database>,
  provinceCode: string,
  now: Date,
) => Promise<{ rows: unknown[]; text: string }>;

type OverdueOpinion = OverdueListDto['opinions'][number];

const opinionsSection: OverdueSection = async (db, provinceCode, now) => {
  const rows = (await overdueOpinions(db, provinceCode, now)).opinions;
  return { rows, text: opinionsText(rows) };
};

const CLOCK_WORDS = { acceptance: 'thụ lý / acceptance', resolution: 'giải quyết / resolution' } as const;

/** Complaints and denunciations past a legal clock: the number, the clock and its due time, the body; nobody named. */
const complaintsSection: OverdueSection = async (db, _provinceCode, now) => {
  const rows: ComplaintDueDto[] = await overdueComplaints(db, now);
  const lines = [`${String(rows.length)} khiếu nại, tố cáo quá hạn / complaints and denunciations overdue`];
  for (const r of rows) lines.push(`${r.number}\t${r.bodyName}\t${CLOCK_WORDS[r.clock]}\thạn / due ${r.dueAt}`);
  return { rows, text: `${lines.join('\n')}\n` };
};

/**
 * What `tre voices overdue` lists, one key of its JSON each, in this order: children's opinions
 * here; the complaints add their own key with one line (`complaints: complaintsSection,`).
 */
const OVERDUE_SECTIONS: Record<string, OverdueSection> = {
  opinions: opinionsSection,
  complaints: complaintsSection,
};

function opinionsText(rows: OverdueOpinion[]): string {
  const lines = [`${String(rows.length)} ý kiến trẻ em quá hạn trả lời / children's opinions overdue`];
  for (const r of rows) {
    lines.push(
      `#${String(r.id)}\t${r.sentTo.name}\tgửi ${vietnameseDate(r.sentOn)}, hạn ${vietnameseDate(r.dueOn)}, quá ${String(r.daysOverdue)} ngày` +
        ` / sent ${r.sentOn}, due ${r.dueOn}, ${String(r.daysOverdue)} days overdue\t${r.event.topic}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function overdueCommand(args: string[], config: Config, out: Out): Promise<number> {
  let values: { json?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean' } } }));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Tùy chọn không hợp lệ: ${reason}`, en: `Invalid option: ${reason}` }) + USAGE);
    return 2;
  }
  const now = new Date();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const result: Record<string, unknown> = { asOf: now.toISOString() };
  let text = '';
  try {
    const boot = await bootstrap(db, config);
    if (boot.generatedAdminPassword) {
      out.stderr(`Tài khoản quản trị đầu tiên / first administrator: admin / ${boot.generatedAdminPassword}\n`);
    }
    for (const [key, section] of Object.entries(OVERDUE_SECTIONS)) {
      const { rows, text: lines } = await section(db.kysely, config.provinceCode, now);
      result[key] = rows;
      text += lines;
    }
  } finally {
    await db.close();
  }
  out.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : text);
  return 0;
}

export async function voicesCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  if (sub === 'overdue') return overdueCommand(args, config, out);
  out.stderr(USAGE);
  return 2;
}
