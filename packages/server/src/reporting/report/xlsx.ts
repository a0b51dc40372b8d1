import type { ConsolidatedReport } from '@tre/core';
import type ExcelJS from 'exceljs';
import { COUNT_FORMAT, newWorkbook, styleHeader, THIN, workbookBuffer } from '../../indicators/excel/common.ts';
import { APPENDICES } from './appendix-text.ts';

/**
 * The report's appendices as a workbook, one sheet each, for whoever sorts, filters or sums them:
 * numbers are stored as numbers (the .docx prints them as text), a missing figure is an empty cell
 * (never 0), texts are strings even when they start with "=" (a plan's text is not a formula).
 * Number formats are written the Excel way ("#,##0.0#"); a Vietnamese Excel shows them as 1.450,5.
 */

type Value = string | number | Date | null;
interface Column {
  header: string;
  /** characters; never 9, which exceljs takes for its default and writes no width for */
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/** Rates with their unit as a literal suffix: the stored value stays the plain number (12.857…). */
const RATE_FORMAT: Record<string, string> = {
  '%': '#,##0.0#"%"',
  per1000: '#,##0.0#"‰"',
  per100000: '#,##0.0#"/100.000"',
};
const DATE_FORMAT = 'dd/mm/yyyy';

/** A date of the model (YYYY-MM-DD) as a spreadsheet date: midnight UTC, which Excel stores as a whole day. */
const sheetDate = (iso: string | null): Date | null => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Value[][],
  rowFormat?: (row: number) => (string | undefined)[],
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  styleHeader(ws.getRow(1));
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    const formats = rowFormat?.(r);
    columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      const value = values[c] ?? null;
      // a string is set as a string: exceljs only makes formulas from { formula }, so "=1+1" stays text
      if (value !== null) cell.value = value;
      const numFmt = formats?.[c] ?? column.numFmt;
      if (numFmt !== undefined) cell.numFmt = numFmt;
      cell.alignment = { vertical: 'top', wrapText: column.wrap === true };
      cell.border = THIN;
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function buildReportXlsx(report: ConsolidatedReport): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = `Báo cáo ${report.header.subject}`;

  addSheet(
    wb,
    APPENDICES.indicators.sheet,
    [
      { header: 'TT', width: 5, numFmt: COUNT_FORMAT },
      { header: 'Chỉ tiêu số', width: 10, numFmt: COUNT_FORMAT },
      { header: 'Chỉ tiêu', width: 60, wrap: true },
      { header: 'Tử số', width: 12, numFmt: COUNT_FORMAT },
      { header: 'Mẫu số', width: 12, numFmt: COUNT_FORMAT },
      { header: 'Giá trị', width: 14 },
      { header: 'Mục tiêu', width: 14 },
      { header: 'Đánh giá', width: 18 },
      { header: 'Đã báo cáo', width: 11, numFmt: COUNT_FORMAT },
      { header: 'Phải báo cáo', width: 12, numFmt: COUNT_FORMAT },
    ],
    report.indicators.map((r, i) => [
      i + 1,
      r.indicatorNo,
      r.measureName,
      r.numerator,
      r.denominator,
      r.value,
      r.target,
      r.status,
      r.reported,
      r.expected,
    ]),
    (i) => {
      const unit = report.indicators[i]?.unit ?? '';
      return [undefined, undefined, undefined, undefined, undefined, RATE_FORMAT[unit] ?? '#,##0.0#'];
    },
  );

  addSheet(
    wb,
    APPENDICES.tasks.sheet,
    [
      { header: 'TT', width: 5, numFmt: COUNT_FORMAT },
      { header: 'Mục', width: 10 },
      { header: 'Nhiệm vụ', width: 60, wrap: true },
      { header: 'Cơ quan', width: 32, wrap: true },
      { header: 'Vai trò', width: 10 },
      { header: 'Tiến độ', width: 16 },
      { header: 'Ghi chú', width: 36, wrap: true },
    ],
    report.tasks.map((r, i) => [i + 1, r.path, r.task, r.body, r.role, r.status, r.note]),
  );

  addSheet(
    wb,
    APPENDICES.reporting.sheet,
    [
      { header: 'TT', width: 5, numFmt: COUNT_FORMAT },
      { header: 'Cơ quan, đơn vị', width: 40, wrap: true },
      { header: 'Loại', width: 12 },
      { header: 'Trạng thái', width: 20 },
      { header: 'Ngày gửi', width: 12, numFmt: DATE_FORMAT },
      { header: 'Đúng hạn', width: 10 },
      { header: 'Số ngày trễ', width: 11, numFmt: COUNT_FORMAT },
    ],
    report.reporting.map((r, i) => [
      i + 1,
      r.body,
      r.kind,
      r.state,
      sheetDate(r.submittedOn),
      r.onTime === null ? null : r.onTime ? 'Đúng hạn' : 'Trễ hạn',
      r.daysLate,
    ]),
  );

  return workbookBuffer(wb);
}
