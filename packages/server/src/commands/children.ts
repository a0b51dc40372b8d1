import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseColumnMap } from '@tre/core/children/layout/column-map';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { importSettings, childrenImportSettings } from '../imports/limits.ts';
import { jobRow } from '../imports/repository.ts';
import { ImportRunner } from '../imports/runner.ts';
import { UploadSpool, spoolDirFor } from '../imports/spool.ts';
import { childrenImport } from '../children/import/kind.ts';
import { enqueueChildrenImport, importReport } from '../children/import/service.ts';
import { scanDuplicates } from '../children/duplicates/service.ts';
import { pendingPairs } from '../children/duplicates/queue.ts';
import { auditActorOf, commandLineActor } from '../audit/session-actor.ts';
import { both, progressLine, readableFile, withDb, type Out } from './shared.ts';

/** `tre children import FILE --report OUT.json [--map M]` and `tre children duplicates [--json] [--scan]`. */
export const CHILDREN_HELP = `  tre children import FILE [--report OUT.json] [--map "Cột A=fullName,Cột B=birthDate"|map.json] [--json]
                                   nhập danh sách trẻ em (.csv, .xlsx) theo mẫu; báo cáo JSON các dòng bị từ chối
                                   import a children register (.csv, .xlsx); JSON report of the rejected rows
  tre children duplicates [--json] [--scan]
                                   các cặp nghi trùng chờ xem xét (--scan: rà lại toàn bộ danh sách trước)
                                   pairs awaiting review (--scan: look over the whole register first)
`;

function readMap(value: string | undefined, out: Out): Record<string, string> | undefined {
  if (value === undefined) return {};
  const text = fs.existsSync(value) && fs.statSync(value).isFile() ? fs.readFileSync(value, 'utf8') : value;
  const read = parseColumnMap(text);
  if (!read.ok) {
    out.stderr(both({ vi: `--map: ${read.reason.vi}`, en: `--map: ${read.reason.en}` }));
    return undefined;
  }
  return read.map;
}

async function importCommand(args: string[], config: Config, out: Out): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { report: { type: 'string' }, map: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    out.stderr(`Cách dùng / usage:\n${CHILDREN_HELP}`);
    return 2;
  }
  const map = readMap(values.map, out);
  if (!map) return 2;
  const settings = importSettings();
  const maxBytes = Math.max(settings.maxFileBytes, childrenImportSettings().maxFileBytes);
  if (!readableFile(file, maxBytes, out)) return 2;
  return withDb(config, async (db: Db) => {
    const spool = new UploadSpool(spoolDirFor(config));
    const runner = new ImportRunner(db.kysely, settings, { singleProcess: db.engine === 'pglite', spool });
    runner.register(childrenImport);
    const stopProgress = runner.onProgress(progressLine(out, process.stderr.isTTY));
    const queued = await enqueueChildrenImport(
      db.kysely,
      runner,
      { actor: null, provinceCode: config.provinceCode, name: 'cli' },
      path.basename(file),
      spool.copyIn(file),
      map,
    );
    await runner.runJob(queued.id);
    stopProgress();
    if (process.stderr.isTTY) out.stderr('\n');
    let job = await jobRow(db.kysely, config.provinceCode, queued.id);
    const found =
      job.status === 'done'
        ? await scanDuplicates(db.kysely, auditActorOf(commandLineActor(config.provinceCode)), { jobId: job.id })
        : 0;
    job = await jobRow(db.kysely, config.provinceCode, queued.id);
    const report = await importReport(db.kysely, job, found);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (values.report) fs.writeFileSync(values.report, json);
    if (values.json) out.stdout(json);
    if (report.error) {
      out.stderr(both(report.error));
      return 2;
    }
    for (const r of report.rejections.slice(0, 20)) out.stderr(`dòng / row ${r.row}: ${r.reason} / ${r.reasonEn}\n`);
    if (report.rejections.length > 20) out.stderr(`… ${report.rejections.length - 20} dòng nữa / more rows\n`);
    if (!values.json) {
      out.stdout(
        `${report.rows} dòng / rows: ${report.imported} mới / imported, ${report.updated} cập nhật / updated, ` +
          `${report.unchanged} không đổi / unchanged, ${report.rejected} bị từ chối / rejected, ` +
          `${report.duplicates} cặp nghi trùng / possible duplicate pairs\n`,
      );
    }
    return 0;
  });
}

async function duplicatesCommand(args: string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, scan: { type: 'boolean' } } });
  return withDb(config, async (db: Db) => {
    const actor = commandLineActor(config.provinceCode);
    if (values.scan) await scanDuplicates(db.kysely, auditActorOf(actor), {});
    const pairs = await pendingPairs(db.kysely, actor);
    if (values.json) {
      out.stdout(`${JSON.stringify(pairs, null, 2)}\n`);
      return 0;
    }
    out.stdout(`${pairs.length} cặp chờ xem xét / pairs awaiting review\n`);
    for (const p of pairs) {
      const side = (r: (typeof p)['a']) => `#${r.id} ${r.fullName} ${r.birthDate}${r.row ? ` (${r.file ?? ''}:${r.row})` : ''}`;
      out.stdout(`${p.score.toFixed(3)}\t${side(p.a)}\t${side(p.b)}\n`);
    }
    return 0;
  });
}

export async function childrenCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  if (sub === 'import') return importCommand(args, config, out);
  if (sub === 'duplicates') return duplicatesCommand(args, config, out);
  out.stderr(`Cách dùng / usage:\n${CHILDREN_HELP}`);
  return 2;
}
