import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { TreError } from '../errors.ts';
import { importSettings } from '../imports/limits.ts';
import { allRejections, jobRow } from '../imports/repository.ts';
import { ImportRunner } from '../imports/runner.ts';
import { enqueueImport } from '../imports/service.ts';
import { UploadSpool, spoolDirFor } from '../imports/spool.ts';
import { dataValuesImport } from '../indicators/import/service.ts';
import { indicatorValues, type MeasureValue } from '../indicators/values/service.ts';
import { both, progressLine, readableFile, withDb, type Out } from './shared.ts';

/** `tre data import FILE` (.xlsx template or .json dataValueSets) and `tre indicators values --period P --unit CODE [--json]`. */
export const INDICATORS_HELP = `  tre data import FILE             nhập số liệu: mẫu Excel (.xlsx) hoặc DHIS2 dataValueSets (.json)
                                   import figures: the Excel template (.xlsx) or DHIS2 dataValueSets (.json)
  tre indicators values --period P --unit CODE [--json]
                                   giá trị các chỉ tiêu của một đơn vị, một kỳ / indicator values of a unit and period
`;

export async function dataCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const file = args[0];
  if (sub !== 'import' || !file) {
    out.stderr(`Cách dùng / usage:\n${INDICATORS_HELP}`);
    return 2;
  }
  const fileName = path.basename(file);
  const settings = importSettings();
  if (!readableFile(file, settings.maxFileBytes, out)) return 2;
  return withDb(config, async (db) => {
    // the same job as an upload, run here: a worker thread reads the file, batches are stored one by one
    const spool = new UploadSpool(spoolDirFor(config));
    const runner = new ImportRunner(db.kysely, settings, { singleProcess: db.engine === 'pglite', spool });
    runner.register(dataValuesImport);
    const stopProgress = runner.onProgress(progressLine(out, process.stderr.isTTY));
    const queued = await enqueueImport(
      db.kysely,
      runner,
      { actor: null, provinceCode: config.provinceCode, name: 'cli' },
      'data_values',
      fileName,
      spool.copyIn(file),
    );
    await runner.runJob(queued.id);
    stopProgress();
    if (process.stderr.isTTY) out.stderr('\n');
    const job = await jobRow(db.kysely, config.provinceCode, queued.id);
    if (job.status === 'failed') {
      out.stderr(both((job.error as { vi: string; en: string } | null) ?? { vi: 'Nhập thất bại', en: 'The import failed' }));
      return 2;
    }
    for await (const r of allRejections(db.kysely, job.id)) {
      out.stderr(`dòng / row ${r.row_no}: ${r.reason_vi} / ${r.reason_en}\n`);
    }
    out.stdout(
      `${job.rows_total ?? 0} dòng / rows: ${job.imported} mới / imported, ${job.updated} cập nhật / updated, ` +
        `${job.unchanged} không đổi / unchanged, ${job.rejected} bị từ chối / rejected\n`,
    );
    return job.rejected > 0 ? 1 : 0;
  });
}

const fmt = (n: number | null, digits = 2) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(digits));
const UNIT_LABEL: Record<MeasureValue['unit'], string> = { '%': '%', per1000: '‰', per100000: '/100.000' };

export async function indicatorsCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { period: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (sub !== 'values' || !values.period || !values.unit) {
    out.stderr(`Cách dùng / usage:\n${INDICATORS_HELP}`);
    return 2;
  }
  const query = { period: values.period, unit: values.unit };
  return withDb(config, async (db) => {
    try {
      const result = await indicatorValues(db.kysely, { provinceCode: config.provinceCode, operator: true }, query);
      if (values.json) {
        out.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return 0;
      }
      out.stdout(`${result.unit.name} (${result.unit.code}) — ${result.period}\n`);
      out.stdout('measure\tnumerator\tdenominator\tvalue\ttarget\tstatus\tcompleteness\n');
      for (const v of result.values) {
        const target = v.target ? `${v.target.op} ${fmt(v.target.value)}` : '—';
        out.stdout(
          `${v.measure}\t${fmt(v.numerator)}\t${fmt(v.denominator)}\t${fmt(v.value)}${v.value === null ? '' : ` ${UNIT_LABEL[v.unit]}`}\t${target}\t${v.status}\t${v.unitsReported}/${v.unitsExpected}\n`,
        );
      }
      return 0;
    } catch (e) {
      if (!(e instanceof TreError)) throw e;
      out.stderr(both({ vi: e.messageIn('vi'), en: e.messageIn('en') }));
      return 2;
    }
  });
}
