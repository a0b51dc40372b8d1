import fs from 'node:fs';
import path from 'node:path';
import { PlanDocumentSchema, type PlanDocument } from '@tre/core';
import { PlanFileError, parsePlanFile } from '@tre/core/plans/parse';
import { z } from 'zod';
import { bootstrap } from '../bootstrap.ts';
import { planTargetsEffect } from '../indicators/targets/plan-targets.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';
import { TreError } from '../errors.ts';
import { exportPlan } from '../plans/export.ts';
import * as repo from '../plans/repository.ts';
import { createPlan } from '../plans/service.ts';

/**
 * `tre plan parse|import|export`. `parse` is pure: it reads the file and prints tre.plan/v1 without
 * opening the database, so it works beside a running server (which holds the data folder's lock).
 */

export const PLAN_HELP = `  tre plan parse FILE              đọc kế hoạch (.txt, .docx), in tre.plan/v1 (không dùng CSDL) / parse a plan, print tre.plan/v1 (no database)
  tre plan import FILE             lưu kế hoạch từ .json (tre.plan/v1), .txt hoặc .docx / store a plan
  tre plan export ID               in kế hoạch đã lưu dạng tre.plan/v1 / print a stored plan as tre.plan/v1
`;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

const both = (e: { vi: string; en: string }) => `${e.vi}\n${e.en}\n`;

function readBytes(file: string, out: Out): Uint8Array | null {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Không đọc được tệp ${file}: ${reason}`, en: `Cannot read ${file}: ${reason}` }));
    return null;
  }
}

/** A parsed file, or null after telling why on stderr. */
function parseFile(file: string, out: Out) {
  const bytes = readBytes(file, out);
  if (!bytes) return null;
  try {
    return parsePlanFile(path.basename(file), bytes);
  } catch (e) {
    if (!(e instanceof PlanFileError)) throw e;
    out.stderr(
      both({
        vi: `Không đọc được tệp kế hoạch ${file}: ${e.detail.vi}`,
        en: `Cannot read the plan file ${file}: ${e.detail.en}`,
      }),
    );
    return null;
  }
}

/** A tre.plan/v1 .json file, checked field by field. */
function readDocument(file: string, out: Out): PlanDocument | null {
  const bytes = readBytes(file, out);
  if (!bytes) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `${file} không phải JSON hợp lệ: ${reason}`, en: `${file} is not valid JSON: ${reason}` }));
    return null;
  }
  const parsed = PlanDocumentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join('.') || '(gốc / root)'}: ${i.message}`);
  out.stderr(`${file} không đúng định dạng tre.plan/v1 / is not a valid tre.plan/v1 document:\n${lines.join('\n')}\n`);
  return null;
}

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const cliAuthor = (config: Config) => ({
  provinceCode: config.provinceCode,
  userId: null,
  audit: { id: null, name: 'cli', ip: null, provinceCode: config.provinceCode },
});

export async function planCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const arg = args[0];
  if (!arg || (sub !== 'parse' && sub !== 'import' && sub !== 'export')) {
    out.stderr(`Cách dùng / usage:\n${PLAN_HELP}`);
    return 2;
  }
  if (sub === 'parse') {
    const result = parseFile(arg, out);
    if (!result) return 2;
    out.stdout(`${JSON.stringify(result.plan, null, 2)}\n`);
    return 0;
  }
  if (sub === 'import') {
    const isJson = path.extname(arg).toLowerCase() === '.json';
    const parsed = isJson ? null : parseFile(arg, out);
    const document = isJson ? readDocument(arg, out) : (parsed?.plan ?? null);
    if (!document) return 2;
    return withDb(config, async (db) => {
      const boot = await bootstrap(db, config);
      if (boot.generatedAdminPassword) {
        out.stdout(`Tài khoản quản trị đầu tiên / first administrator: admin / ${boot.generatedAdminPassword}\n`);
      }
      const id = await createPlan(
        db.kysely,
        cliAuthor(config),
        {
          document,
          sourceLines: parsed?.lines ?? [],
          fileName: path.basename(arg),
          bodies: [],
        },
        await planTargetsEffect(db.kysely),
      );
      const unresolved = await repo.listUnresolvedNames(db.kysely, id);
      const leads = (await repo.findPlanSummary(db.kysely, config.provinceCode, id))?.undecided_lead_count ?? 0;
      out.stdout(
        `${id}\n` +
          `Đã lưu kế hoạch / stored plan: ${document.tasks.length} nhiệm vụ / tasks, ${document.indicators.length} chỉ tiêu / indicators, ` +
          `${unresolved.length} cơ quan chưa xác định / unresolved bodies${unresolved.length > 0 ? `: ${unresolved.join('; ')}` : ''}\n` +
          (leads > 0 ? `${leads} nhiệm vụ chưa xác định cơ quan chủ trì / tasks without a decided lead\n` : ''),
      );
      return 0;
    });
  }
  if (!z.uuid().safeParse(arg).success) {
    out.stderr(both({ vi: `Mã kế hoạch không hợp lệ: ${arg}`, en: `Not a plan id: ${arg}` }));
    return 2;
  }
  return withDb(config, async (db) => {
    try {
      out.stdout(`${JSON.stringify(await exportPlan(db.kysely, config.provinceCode, arg), null, 2)}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof TreError)) throw e;
      out.stderr(both({ vi: e.messageIn('vi'), en: e.messageIn('en') }));
      return 2;
    }
  });
}
