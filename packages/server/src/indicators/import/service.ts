import crypto from 'node:crypto';
import { REJECTIONS_SHOWN, codePointLabel, isPeriodCode, type Bilingual, type CatalogueIndex, type Role } from '@tre/core';
import type { ImportReportDto } from '@tre/core/indicators/indicator-api';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../audit/audit.ts';
import { uploaderScope } from '../../access/uploader.ts';
import { importKind } from '../../imports/runner.ts';
import type { BatchOutcome, BatchRow, Rejection } from '../../imports/types.ts';
import { canWrite } from '../access.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { disaggregationOf, type Cell } from '../cells.ts';
import { dataValueRow, type ImportRow } from './rows.ts';
import { storeCells } from './repository.ts';
import { lockedReason } from '../locks.ts';
import { findLocks } from '../locks-repository.ts';
import * as repo from '../repository.ts';
import { agenciesOf, communeCodesOf, dataSetOf, type ReportingUnit } from '../units.ts';

/**
 * Importing figures row by row, from DHIS2 dataValueSets JSON ({dataValues: [{dataElement, period,
 * orgUnit, value, categoryOptionCombo?}]}) or from the Excel template (rows.ts reads both):
 * dataElement = Tre's element code, orgUnit = a commune's or the province's statistics-office code
 * (or an agency id, so that Tre's own export re-imports), period = a DHIS2 period code and
 * categoryOptionCombo = a disaggregation key ('sex=female|age_group=u6'; absent or 'default' = total).
 *
 * Each row is checked on its own with the same rules as the entry form (the element must be in the
 * unit's data set, counts are whole numbers 0 … 10^12, a disaggregation names every category of the
 * element); rejected rows are listed with their row number and the reason in both languages, and
 * the good rows are stored. Storing compares with what is there, so importing the same file again
 * changes nothing (all rows 'unchanged'). Two rows for one cell: the later is kept, the earlier listed.
 *
 * Files go through an import job (imports/runner.ts: a worker thread reads, batches are stored in
 * short transactions); a small dataValueSets document posted as JSON is stored at once, in one
 * transaction (importRows).
 */

/** The report of a JSON import: the web's contract type. */
export type ImportReport = ImportReportDto;

/** A unit a row names, as the import sees it. */
export interface ImportUnit {
  kind: Cell['unitKind'];
  code: string;
}

/** Who imports, and which units they may write (rows of other units are rejected). */
export interface Importer {
  provinceCode: string;
  userId: string | null;
  audit: AuditActor;
  /** the caller's scope; absent (the CLI): every unit of the province */
  scope?: { role: Role; agencyId: string | null; communeCode: string | null } | undefined;
}

type UnitLookup = Map<string, ReportingUnit>;

/** What checking rows needs, loaded once per import. */
export interface ImportContext {
  importer: Importer;
  index: CatalogueIndex;
  units: UnitLookup;
  elementsOf: (unit: ReportingUnit) => Set<string>;
}

async function unitsOfProvince(db: Kysely<Database>, provinceCode: string): Promise<UnitLookup> {
  const map: UnitLookup = new Map([[provinceCode, { kind: 'province', code: provinceCode, name: provinceCode }]]);
  for (const c of await communeCodesOf(db, provinceCode)) map.set(c, { kind: 'commune', code: c, name: c });
  for (const a of await agenciesOf(db, provinceCode)) {
    map.set(a.id, { kind: 'agency', code: a.id, name: a.short_name, agency: { short_name: a.short_name, aliases: a.aliases } });
  }
  return map;
}

export async function importContext(db: Kysely<Database>, importer: Importer): Promise<ImportContext> {
  const index = await catalogueIndex(db);
  const cache = new Map<string, Set<string>>();
  return {
    importer,
    index,
    units: await unitsOfProvince(db, importer.provinceCode),
    // the elements each unit may report (its data set), computed once per unit
    elementsOf: (unit) => {
      let set = cache.get(unit.code);
      if (!set) cache.set(unit.code, (set = new Set(dataSetOf(index, unit).elements)));
      return set;
    },
  };
}

/** One row to a cell, or the reason it is refused. */
function checkRow(ctx: ImportContext, r: ImportRow): Cell | Bilingual {
  if (r.problem) return r.problem;
  const element = r.dataElement;
  if (!element || !ctx.index.element(element)) {
    return { vi: `chỉ số dữ liệu không tồn tại: ${element || '(trống)'}`, en: `unknown data element: ${element || '(empty)'}` };
  }
  const orgUnit = r.orgUnit;
  const unit = orgUnit ? ctx.units.get(orgUnit) : undefined;
  if (!orgUnit || !unit) {
    return {
      vi: `đơn vị không tồn tại hoặc không thuộc tỉnh: ${orgUnit || '(trống)'}`,
      en: `unknown unit or not of this province: ${orgUnit || '(empty)'}`,
    };
  }
  const scope = ctx.importer.scope;
  if (scope && !canWrite(scope, unit)) {
    return { vi: `đơn vị ${orgUnit} ngoài phạm vi của bạn`, en: `unit ${orgUnit} is outside your scope` };
  }
  if (!ctx.elementsOf(unit).has(element)) {
    return {
      vi: `${element} không thuộc bộ số liệu của đơn vị ${orgUnit}`,
      en: `${element} is not in the data set of unit ${orgUnit}`,
    };
  }
  const period = r.period;
  if (!period || !isPeriodCode(period))
    return { vi: `kỳ không hợp lệ: ${period || '(trống)'}`, en: `invalid period: ${period || '(empty)'}` };
  if (r.valueProblem || r.value === null) {
    const p = r.valueProblem ?? { vi: 'không phải là số', en: 'not a number' };
    return { vi: `giá trị "${r.valueText}": ${p.vi}`, en: `value "${r.valueText}": ${p.en}` };
  }
  const d = disaggregationOf(ctx.index, element, r.categoryOptionCombo ?? undefined);
  if ('problem' in d) return d.problem;
  return { element, unit: unit.code, unitKind: unit.kind, period, disaggregation: d.key, value: r.value };
}

// controls (C0, DEL, C1), format characters (bidi marks and overrides, zero-width, tag characters) and line separators
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A code as the file wrote it, with characters that could spoof or break a display shown as their code point. */
const shown = (code: string | null) =>
  code === null ? null : code.replace(UNSAFE, (c) => `[${codePointLabel(c.codePointAt(0) ?? 0)}]`);

const rejection = (r: ImportRow, reason: Bilingual): Rejection => ({
  row: r.row,
  fields: {
    dataElement: shown(r.dataElement),
    orgUnit: shown(r.orgUnit),
    period: shown(r.period),
    categoryOptionCombo: shown(r.categoryOptionCombo),
  },
  reason,
});

/** The rejected rows' columns as a person reads them (the CSV's header). */
export const REJECTION_LABELS: Record<string, string> = {
  dataElement: 'Mã chỉ số / Data element',
  orgUnit: 'Mã đơn vị / Unit',
  period: 'Kỳ / Period',
  categoryOptionCombo: 'Phân tổ / Disaggregation',
};

const duplicateOf = (later: number): Bilingual => ({
  vi: `trùng với dòng ${later} (dòng sau được dùng)`,
  en: `duplicate of row ${later} (the later row is kept)`,
});

/**
 * Checks rows and stores the good ones inside trx. `supersededBy` (from the import worker, which
 * saw the whole file) refuses an earlier row of a cell; within the rows given, the last of a cell
 * wins as well, so a caller without a worker (the JSON route) gets the same rule.
 */
export async function storeRows(
  trx: Transaction<Database>,
  ctx: ImportContext,
  rows: BatchRow<ImportRow>[],
): Promise<BatchOutcome> {
  const rejections: Rejection[] = [];
  const good = new Map<string, { row: ImportRow; cell: Cell }>();
  for (const { data, supersededBy } of rows) {
    const checked = checkRow(ctx, data);
    if (!('element' in checked)) {
      rejections.push(rejection(data, checked));
      continue;
    }
    if (supersededBy !== undefined) {
      rejections.push(rejection(data, duplicateOf(supersededBy)));
      continue;
    }
    const id = repo.cellId(checked);
    const earlier = good.get(id);
    if (earlier) rejections.push(rejection(earlier.row, duplicateOf(data.row)));
    good.set(id, { row: data, cell: checked });
  }
  // figures accepted in a reporting round are refused row by row, the rest of the file kept
  const locks = await findLocks(
    trx,
    ctx.importer.provinceCode,
    [...good.values()].map((g) => g.cell),
  );
  for (const [id, g] of good) {
    const lock = locks.get(`${g.cell.unit}|${g.cell.period}`);
    if (lock) {
      rejections.push(rejection(g.row, lockedReason(lock)));
      good.delete(id);
    }
  }
  rejections.sort((a, b) => a.row - b.row);
  const cells = [...good.values()].map((g) => g.cell);
  const { provinceCode, userId, audit } = ctx.importer;
  const stored = await storeCells(trx, { provinceCode, userId, name: audit.name }, cells);
  return { imported: stored.created, updated: stored.updated, unchanged: stored.unchanged, rejections };
}

/** A dataValueSets document posted as JSON: checked and stored in one transaction, audited. */
export async function importDataValueSet(
  db: Kysely<Database>,
  importer: Importer,
  dataValues: readonly unknown[],
): Promise<ImportReport> {
  const ctx = await importContext(db, importer);
  const rows = dataValues.map((raw, i) => ({ data: dataValueRow(raw, i + 1) }));
  return db.transaction().execute(async (trx) => {
    const outcome = await storeRows(trx, ctx, rows);
    const report: ImportReport = {
      rows: rows.length,
      imported: outcome.imported,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      rejected: outcome.rejections.length,
      rejectedRows: outcome.rejections.slice(0, REJECTIONS_SHOWN).map((r) => ({
        row: r.row,
        dataElement: r.fields.dataElement ?? null,
        orgUnit: r.fields.orgUnit ?? null,
        period: r.fields.period ?? null,
        reason: r.reason,
      })),
    };
    if (outcome.imported + outcome.updated > 0) {
      await recordAudit(trx, importer.audit, {
        action: 'import',
        entity: 'data_value',
        entityId: `dataValueSets-${crypto.randomUUID()}`,
        after: {
          rows: report.rows,
          imported: report.imported,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: report.rejected,
        },
      });
    }
    return report;
  });
}

/** Figures files as import jobs: the worker reads them with rows.ts. */
export const dataValuesImport = importKind<ImportRow, ImportContext>({
  name: 'data_values',
  fieldLabels: REJECTION_LABELS,
  readerHref: new URL('./rows.ts', import.meta.url).href,
  tables: ['data_value', 'data_value_history', 'measure_unit_value'],
  async prepare(db, job) {
    const scope: Importer['scope'] = (await uploaderScope(db, job)) ?? undefined;
    return importContext(db, {
      provinceCode: job.province_code,
      userId: job.created_by,
      audit: { id: job.created_by, name: job.created_by_name, ip: null, provinceCode: job.province_code },
      scope,
    });
  },
  storeBatch: storeRows,
});

/** The stored values as a dataValueSets document (the same format the import reads). */
export async function exportDataValueSet(db: Kysely<Database>, provinceCode: string, period: string | undefined) {
  const rows = await repo.listValuesForExport(db, provinceCode, period);
  return {
    dataValues: rows.map((r) => ({
      dataElement: r.element_code,
      period: r.period,
      orgUnit: r.unit_code,
      value: String(r.value),
      ...(r.disaggregation ? { categoryOptionCombo: r.disaggregation } : {}),
      storedBy: r.entered_by_name,
      lastUpdated: r.entered_at.toISOString(),
    })),
  };
}
