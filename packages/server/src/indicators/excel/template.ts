import {
  type Bilingual,
  type CatalogueIndex,
  type DataSetKind,
  disaggregationKey,
  indicatorsPermissions,
  scopeOf,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEET,
} from '@tre/core';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { forbidden } from '../../errors.ts';
import type { SessionActor } from '../../audit/session-actor.ts';
import { assertCanWrite } from '../access.ts';
import { catalogueIndex } from '../catalogue/store.ts';
import { periodOf } from '../period.ts';
import { COUNT_FORMAT, GREY, THIN, fileSafe, newWorkbook, styleHeader, workbookBuffer, type XlsxFile } from './common.ts';
import { listAgencies } from '../../units/repository.ts';
import * as repo from '../repository.ts';
import { assertDataSet, communesOf, dataSetOf, getReportingUnit, type ReportingUnit } from '../units.ts';

/**
 * The Excel template: sheet "Số liệu" with one row per unit × element × (the total, then every
 * combination of the options of the element's categories — a disaggregation names all of them,
 * as the entry form and the import require), filled with what is stored; a second sheet
 * "Hướng dẫn" explains it in Vietnamese and English. import/rows.ts reads it back.
 */

export interface TemplateUnit {
  unit: ReportingUnit;
  elements: string[];
}

/** The rows of one element: its total (key ''), then each combination of its categories' options. */
export function elementRows(index: CatalogueIndex, code: string): { key: string; label: Bilingual | null }[] {
  const categories = (index.element(code)?.categories ?? []).map((c) => index.catalogue.categories.find((x) => x.code === c));
  let combos: { parts: Record<string, string>; names: Bilingual[] }[] = [{ parts: {}, names: [] }];
  for (const category of categories) {
    if (!category) return [{ key: '', label: null }];
    combos = combos.flatMap((c) =>
      category.options.map((o) => ({ parts: { ...c.parts, [category.code]: o.code }, names: [...c.names, o.name] })),
    );
  }
  const parts = categories.length === 0 ? [] : combos;
  return [
    { key: '', label: null },
    ...parts.map((c) => ({
      key: disaggregationKey(c.parts),
      label: { vi: c.names.map((n) => n.vi).join(', '), en: c.names.map((n) => n.en).join(', ') },
    })),
  ];
}

/** Which units a template is for: one unit the caller may write, or (province editors) every unit of a data set. */
export async function templateUnits(
  db: Kysely<Database>,
  actor: SessionActor,
  index: CatalogueIndex,
  q: { dataSet: DataSetKind; unit?: string | undefined },
): Promise<ReportingUnit[]> {
  if (q.unit) {
    const unit = await getReportingUnit(db, actor.provinceCode, q.unit);
    assertCanWrite(actor, unit);
    assertDataSet(unit, q.dataSet);
    return [unit];
  }
  // every commune's or agency's template at once: for those who write any unit
  if (scopeOf(indicatorsPermissions, 'values.write', actor) !== 'province') throw forbidden();
  if (q.dataSet === 'commune') {
    return (await communesOf(db, actor.provinceCode)).map((c) => ({ kind: 'commune', code: c.code, name: c.name }));
  }
  if (q.dataSet === 'agency') {
    return (await listAgencies(db, actor.provinceCode, false)).map((a) => ({
      kind: 'agency',
      code: a.id,
      name: a.short_name,
      agency: { short_name: a.short_name, aliases: a.aliases },
    }));
  }
  return [await getReportingUnit(db, actor.provinceCode, actor.provinceCode)];
}

const WIDTHS = [14, 30, 9, 34, 60, 26, 14];

/** The code columns: grey, text, not to be edited. */
const CODE_STYLE: Partial<ExcelJS.Style> = { fill: GREY, font: { color: { argb: 'FF595959' } }, border: THIN, numFmt: '@' };
/** The value column: whole numbers, the one column to fill. */
const VALUE_STYLE: Partial<ExcelJS.Style> = { border: THIN, numFmt: COUNT_FORMAT };
/** Excel refuses anything but a whole number ≥ 0 as it is typed (exceljs writes one range for the column). */
const VALUE_VALIDATION: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Giá trị không hợp lệ / invalid value',
  error: 'Nhập số nguyên ≥ 0, hoặc để trống nếu chưa báo cáo. / Enter a whole number ≥ 0, or leave it empty if not reported.',
};

function dataSheet(
  wb: ExcelJS.Workbook,
  index: CatalogueIndex,
  units: TemplateUnit[],
  period: string,
  stored: Map<string, number>,
): number {
  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] ?? 14 }));
  styleHeader(ws.getRow(1));
  let n = 0;
  for (const { unit, elements } of units) {
    for (const code of elements) {
      const el = index.element(code);
      for (const part of elementRows(index, code)) {
        const value = stored.get(repo.cellId({ element: code, unit: unit.code, period, disaggregation: part.key }));
        const name = el?.name.vi ?? code;
        const row = ws.addRow([
          unit.code,
          unit.name,
          period,
          code,
          part.label ? `${name} — ${part.label.vi}` : name,
          part.key || null,
          value ?? null,
        ]);
        // one style object per kind of cell: exceljs then writes each style once (a copy per cell costs seconds)
        for (let c = 1; c <= 6; c++) row.getCell(c).style = CODE_STYLE;
        const cell = row.getCell(7);
        cell.style = VALUE_STYLE;
        cell.dataValidation = VALUE_VALIDATION;
        n++;
      }
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TEMPLATE_COLUMNS.length } };
  return n;
}

function instructionsSheet(wb: ExcelJS.Workbook, index: CatalogueIndex, period: string): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 90;
  const heading = (s: string) => {
    const row = ws.addRow([s]);
    row.font = { bold: true, size: 13 };
  };
  const line = (a: string, b = '') => {
    const row = ws.addRow([a, b]);
    row.alignment = { wrapText: true, vertical: 'top' };
  };
  heading('Hướng dẫn nhập số liệu');
  line(
    '1.',
    `Nhập số liệu kỳ ${period} vào cột "Giá trị" của trang "${TEMPLATE_SHEET}": số nguyên không âm (số đếm), không nhập số thập phân.`,
  );
  line(
    '2.',
    'Ô để trống nghĩa là "chưa báo cáo", KHÔNG phải 0: dòng trống không được lưu và không xóa số đã có. Có số 0 thì nhập 0.',
  );
  line(
    '3.',
    'Các cột màu xám (mã đơn vị, tên đơn vị, kỳ, mã chỉ số, tên chỉ số, phân tổ) giữ nguyên, không sửa, không xóa dòng tiêu đề.',
  );
  line('4.', 'Phân tổ trống là tổng số; các dòng có phân tổ (vd. sex=female|age_group=u6) là số theo giới tính, nhóm tuổi…');
  line('', 'Nếu có tổng số thì tổng số được dùng; nếu chỉ nhập các phần thì tổng được tính bằng tổng các phần.');
  line('5.', 'Lưu tệp dạng .xlsx rồi tải lên ở trang "Nhập số liệu" hoặc chạy: npx tre data import TÊN_TỆP.xlsx');
  line(
    '6.',
    'Dòng sai (mã không tồn tại, ngoài phạm vi, số âm, chữ…) được liệt kê kèm số dòng; các dòng đúng vẫn được lưu. Nhập lại cùng tệp không làm thay đổi gì.',
  );
  ws.addRow([]);
  heading('Instructions (English)');
  line(
    '1.',
    `Enter the figures of period ${period} in the "Giá trị" (value) column of the sheet "${TEMPLATE_SHEET}": whole numbers ≥ 0 (counts), no decimals.`,
  );
  line(
    '2.',
    'An empty cell means "not reported", NOT 0: empty rows are neither stored nor do they clear a stored figure. Enter 0 for zero.',
  );
  line(
    '3.',
    'Keep the grey columns (unit code, unit name, period, element code, element name, disaggregation) and the header row as they are.',
  );
  line(
    '4.',
    'An empty disaggregation is the total; rows with one (e.g. sex=female|age_group=u6) are the figures by sex, age group…',
  );
  line('', 'A total given is used as the total; with only the parts, the total is their sum.');
  line('5.', 'Save as .xlsx and upload it on the "Import figures" page, or run: npx tre data import FILE.xlsx');
  line(
    '6.',
    'Bad rows (unknown codes, outside your scope, negative numbers, text…) are listed with their row number; the good rows are stored. Importing the same file again changes nothing.',
  );
  ws.addRow([]);
  heading('Mã / codes');
  line(
    'Mã đơn vị / unit code',
    'mã xã hoặc mã tỉnh của Tổng cục Thống kê, hoặc mã cơ quan / statistics-office code of the commune or province, or the agency id',
  );
  line('Kỳ / period', 'năm 2025, 6 tháng 2025S1, quý 2025Q1, tháng 202501 / year, half-year, quarter, month');
  for (const c of index.catalogue.categories) {
    line(`${c.code} — ${c.name.vi} / ${c.name.en}`, c.options.map((o) => `${o.code} = ${o.name.vi} / ${o.name.en}`).join('; '));
  }
}

/** The template of a period for the units the caller asked for, filled with the stored values. */
export async function templateFile(
  db: Kysely<Database>,
  actor: SessionActor,
  q: { period: string; dataSet: DataSetKind; unit?: string | undefined },
): Promise<XlsxFile & { rows: number }> {
  periodOf(q.period);
  const index = await catalogueIndex(db);
  const units = await templateUnits(db, actor, index, q);
  const stored = await repo.findValues(
    db,
    actor.provinceCode,
    units.map((u) => u.code),
    [q.period],
  );
  const values = new Map(stored.map((v) => [repo.cellId(v), v.value]));
  const wb = newWorkbook();
  const rows = dataSheet(
    wb,
    index,
    units.map((unit) => ({ unit, elements: dataSetOf(index, unit).elements })),
    q.period,
    values,
  );
  instructionsSheet(wb, index, q.period);
  const who =
    q.unit && units[0]
      ? units[0].name
      : q.dataSet === 'commune'
        ? 'các xã'
        : q.dataSet === 'agency'
          ? 'các sở, ngành'
          : (units[0]?.name ?? q.dataSet);
  return { fileName: `${fileSafe(`Mẫu nhập số liệu - ${who} - ${q.period}`)}.xlsx`, content: await workbookBuffer(wb), rows };
}
