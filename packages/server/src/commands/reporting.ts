import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { submissionStateLabels, type RoundBoardDto } from '@tre/core';
import type { Config } from '../config.ts';
import { TreError } from '../errors.ts';
import { commandLineActor, type SessionActor } from '../audit/session-actor.ts';
import { listRoundSummaries, roundBoard } from '../reporting/board/service.ts';
import { buildReport } from '../reporting/consolidated/service.ts';
import { openRound } from '../reporting/rounds/service.ts';
import { both, withDb, type Out } from './shared.ts';

/**
 * `tre rounds open|list|show` and `tre report build`: the reporting rounds from a terminal, on the
 * embedded database or DATABASE_URL, without a running server. The verbs and their `--json` shapes
 * are a contract (issue 14): `rounds open --json` prints the round with `id`, `deadline` and `bodies`.
 */
export const ROUNDS_HELP = `  tre rounds open --plan PLAN_ID --period 2025S1 [--deadline YYYY-MM-DD] [--title T] [--json]
                                   mở đợt báo cáo / open a reporting round (hạn lấy từ kế hoạch / deadline from the plan)
  tre rounds list [--json]         các đợt báo cáo và số đếm / rounds with their counts
  tre rounds show ROUND_ID [--json]  bảng theo dõi một đợt / the round board
  tre report build --round ROUND_ID --out DIR [--no-pdf]
                                   dựng báo cáo tổng hợp .docx, .xlsx (và PDF nếu có LibreOffice) / build the consolidated report
`;

const cliActor = (config: Config): SessionActor => commandLineActor(config.provinceCode);

/** Runs a verb, turning Tre's errors into a message in both languages and exit code 2. */
async function guarded(out: Out, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof TreError)) throw e;
    out.stderr(both({ vi: e.messageIn('vi'), en: e.messageIn('en') }) + (e.options.field ? `(${e.options.field})\n` : ''));
    return 2;
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function printBoard(board: RoundBoardDto, out: Out): void {
  const r = board.round;
  const c = board.counts;
  out.stdout(`${r.title}\nKỳ / period ${r.period} · hạn / deadline ${r.deadline}${r.closedAt ? ' · đã đóng / closed' : ''}\n`);
  out.stdout(
    `Phải nộp / owed ${c.owed} · đã nộp / submitted ${c.submitted} (${pct(c.completeness)}) · đúng hạn / on time ${c.onTime} · trễ / late ${c.late} · chưa nộp / missing ${c.missing} · đã chấp nhận / accepted ${c.accepted}\n\n`,
  );
  out.stdout('đơn vị / body\ttrạng thái / state\tngày nộp / sent\thạn / timeliness\tsố liệu / figures\tnhắc / reminders\n');
  for (const row of board.rows) {
    const when = row.submittedOn ?? '—';
    const timeliness =
      row.onTime === null
        ? row.daysLate > 0
          ? `quá hạn / overdue ${row.daysLate}`
          : '—'
        : row.onTime
          ? 'đúng hạn / on time'
          : `trễ / late ${row.daysLate}`;
    const figures = `${row.figures.present}+${row.figures.explained}/${row.figures.required}`;
    out.stdout(
      `${row.name}\t${submissionStateLabels[row.state].vi}\t${when}\t${timeliness}\t${figures}\t${row.reminders.count}\n`,
    );
  }
}

export async function roundsCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      period: { type: 'string' },
      deadline: { type: 'string' },
      title: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const actor = cliActor(config);
  if (sub === 'open') {
    if (!values.period) {
      out.stderr(`Cần --period (và --plan) / --period (and --plan) are required\n${ROUNDS_HELP}`);
      return 2;
    }
    return withDb(config, (db) =>
      guarded(out, async () => {
        const round = await openRound(db.kysely, actor, {
          planId: values.plan ?? null,
          period: values.period ?? '',
          deadline: values.deadline,
          title: values.title,
        });
        if (values.json) out.stdout(`${JSON.stringify(round, null, 2)}\n`);
        else
          out.stdout(
            `${round.id}\n${round.title}\nhạn / deadline ${round.deadline} · ${round.bodies.length} đơn vị phải nộp / bodies owe it\n`,
          );
        return 0;
      }),
    );
  }
  if (sub === 'list') {
    return withDb(config, (db) =>
      guarded(out, async () => {
        const rounds = await listRoundSummaries(db.kysely, actor);
        if (values.json) {
          out.stdout(`${JSON.stringify(rounds, null, 2)}\n`);
          return 0;
        }
        out.stdout(
          'id\tkỳ / period\thạn / deadline\tđã nộp / submitted\tđúng hạn / on time\tchấp nhận / accepted\ttên / title\n',
        );
        for (const r of rounds) {
          out.stdout(
            `${r.id}\t${r.period}\t${r.deadline}\t${r.counts.submitted}/${r.counts.owed}\t${r.counts.onTime}\t${r.counts.accepted}\t${r.title}\n`,
          );
        }
        return 0;
      }),
    );
  }
  if (sub === 'show' && positionals[0]) {
    const id = positionals[0];
    return withDb(config, (db) =>
      guarded(out, async () => {
        const board = await roundBoard(db.kysely, actor, id);
        if (values.json) out.stdout(`${JSON.stringify(board, null, 2)}\n`);
        else printBoard(board, out);
        return 0;
      }),
    );
  }
  out.stderr(`Cách dùng / usage:\n${ROUNDS_HELP}`);
  return 2;
}

export async function reportCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { round: { type: 'string' }, out: { type: 'string' }, 'no-pdf': { type: 'boolean' } },
  });
  if (sub !== 'build' || !values.round || !values.out) {
    out.stderr(`Cách dùng / usage:\n${ROUNDS_HELP}`);
    return 2;
  }
  const roundId = values.round;
  const dir = path.resolve(values.out);
  return withDb(config, (db) =>
    guarded(out, async () => {
      const built = await buildReport(db.kysely, cliActor(config), roundId, { pdf: values['no-pdf'] !== true });
      fs.mkdirSync(dir, { recursive: true });
      const base = `bao-cao-${roundId.slice(0, 8)}${built.build.draft ? '-du-thao' : ''}`;
      const files: [string, Buffer][] = [
        [`${base}.docx`, built.docx],
        [`${base}.xlsx`, built.xlsx],
        ...(built.pdf ? [[`${base}.pdf`, built.pdf] as [string, Buffer]] : []),
      ];
      for (const [name, bytes] of files) {
        fs.writeFileSync(path.join(dir, name), bytes);
        out.stdout(`${path.join(dir, name)}\n`);
      }
      if (built.build.draft)
        out.stdout('Chưa có báo cáo nào được chấp nhận: bản này là DỰ THẢO / no report accepted yet: this is a DRAFT\n');
      if (built.build.pdfNote && !built.pdf) out.stderr(`${built.build.pdfNote}\n`);
      return 0;
    }),
  );
}
