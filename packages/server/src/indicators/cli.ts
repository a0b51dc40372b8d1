import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';
import { TreError } from '../errors.ts';
import { readUploadedFile } from './excel-import.ts';
import { importRows, type ImportRow } from './import.ts';
import { indicatorValues, type MeasureValue } from './values-service.ts';

/** `tre data import FILE` (.xlsx template or .json dataValueSets) and `tre indicators values --period P --unit CODE [--json]`. */
export const INDICATORS_HELP = `  tre data import FILE             nhập số liệu: mẫu Excel (.xlsx) hoặc DHIS2 dataValueSets (.json)
                                   import figures: the Excel template (.xlsx) or DHIS2 dataValueSets (.json)
  tre indicators values --period P --unit CODE [--json]
                                   giá trị các chỉ tiêu của một đơn vị, một kỳ / indicator values of a unit and period
`;

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };
const both = (e: { vi: string; en: string }) => `${e.vi}\n${e.en}\n`;

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await bootstrap(db, config);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function dataCommand(sub: string | undefined, args: string[], config: Config, out: Out): Promise<number> {
  const file = args[0];
  if (sub !== 'import' || !file) {
    out.stderr(`Cách dùng / usage:\n${INDICATORS_HELP}`);
    return 2;
  }
  const fileName = path.basename(file);
  let rows: ImportRow[];
  try {
    rows = await readUploadedFile(fileName, fs.readFileSync(file));
  } catch (e) {
    if (e instanceof TreError) {
      out.stderr(both({ vi: e.messageIn('vi'), en: e.messageIn('en') }));
      return 2;
    }
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Không đọc được tệp ${file}: ${reason}`, en: `Cannot read the file ${file}: ${reason}` }));
    return 2;
  }
  return withDb(config, async (db) => {
    const audit = { id: null, name: 'cli', ip: null, provinceCode: config.provinceCode };
    const report = await importRows(db.kysely, { provinceCode: config.provinceCode, userId: null, audit, fileName }, rows);
    for (const r of report.rejectedRows) {
      out.stderr(`dòng / row ${r.row}: ${r.reason.vi} / ${r.reason.en}\n`);
    }
    out.stdout(
      `${report.rows} dòng / rows: ${report.imported} mới / imported, ${report.updated} cập nhật / updated, ` +
        `${report.unchanged} không đổi / unchanged, ${report.rejected} bị từ chối / rejected\n`,
    );
    return report.rejected > 0 ? 1 : 0;
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
      const result = await indicatorValues(db.kysely, config.provinceCode, query);
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
