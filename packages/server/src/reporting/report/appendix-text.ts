import { formatViNumber, formatViValue, NO_DATA_VI, viDate, type ReportStatusRow, type ReportTaskRow } from '@tre/core';

/**
 * What the two documents share about the appendices: their titles and how a row's parts read as text.
 * The .docx prints these texts; the .xlsx keeps the numbers as numbers and only borrows the titles.
 */

export const APPENDICES = {
  indicators: { title: 'Kết quả thực hiện các chỉ tiêu', sheet: 'PL1 Chỉ tiêu' },
  tasks: { title: 'Tiến độ thực hiện các nhiệm vụ', sheet: 'PL2 Nhiệm vụ' },
  reporting: { title: 'Tình hình gửi báo cáo của các cơ quan, đơn vị', sheet: 'PL3 Tình hình báo cáo' },
} as const;

/** A count (numerator, denominator) as text; a missing one is said to be missing, never 0. */
export const countText = (n: number | null): string => (n === null ? NO_DATA_VI : formatViNumber(n, 2));

export const valueText = formatViValue;

/** "III.1. Tuyên truyền …": the task as the plan numbers it. */
export const taskText = (row: ReportTaskRow): string => (row.path ? `${row.path}. ${row.task}` : row.task);

/** "Đúng hạn", "Trễ 3 ngày", or nothing while nothing was sent. */
export function timelinessText(row: ReportStatusRow): string {
  if (row.onTime === null) return '';
  if (row.onTime) return 'Đúng hạn';
  return row.daysLate === null ? 'Trễ hạn' : `Trễ ${formatViNumber(row.daysLate, 0)} ngày`;
}

export const sentOnText = (row: ReportStatusRow): string => (row.submittedOn === null ? '' : viDate(row.submittedOn));
