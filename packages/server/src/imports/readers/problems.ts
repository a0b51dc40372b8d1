// the worker thread loads this file: imports name the core files it needs, not all of core
import type { Bilingual } from '@tre/core';
import { ZipError } from '@tre/core/files/zip';
import { SheetError } from './xlsx.ts';
import type { ImportFileError, ImportLimits } from '../types.ts';

/** What every file reader says of a file it cannot read, in the same words (figures, children). */

export const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** the old .xls / .doc compound file */
export const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Why a workbook cannot be read, for each way the sheet reader refuses one. */
const SHEET_PROBLEMS: Record<SheetError['problem'], Bilingual> = {
  'no-sheet': {
    vi: 'tệp nén không chứa bảng tính Excel (có phải tệp Word .docx?)',
    en: 'the archive holds no Excel worksheet (is it a Word .docx?)',
  },
  'too-many-strings': {
    vi: 'bảng tính có quá nhiều chuỗi chữ khác nhau; hãy chia nhỏ tệp',
    en: 'the workbook holds too many distinct texts; split the file',
  },
  'text-too-long': {
    vi: 'tệp có một đoạn chữ dài quá 1 MB giữa hai thẻ XML (không phải bảng tính Excel bình thường)',
    en: 'the file holds a stretch of text over 1 MB between two XML tags (not an ordinary Excel workbook)',
  },
};

export function workbookProblem(
  e: unknown,
  limits: ImportLimits,
  unreadable: (detail: Bilingual) => ImportFileError,
): ImportFileError {
  if (e instanceof SheetError) return unreadable(SHEET_PROBLEMS[e.problem]);
  if (e instanceof ZipError && e.problem === 'too-large') {
    const mb = Math.round(limits.maxInflatedBytes / 1024 / 1024);
    return unreadable({
      vi: `tệp giải nén ra quá lớn (trên ${mb} MB); hãy chia nhỏ tệp`,
      en: `the file unpacks to more than ${mb} MB; split it`,
    });
  }
  if (e instanceof ZipError) {
    return unreadable({
      vi: 'tệp nén .xlsx bị hỏng hoặc không đầy đủ; hãy lưu lại tệp từ Excel',
      en: 'the .xlsx archive is damaged or incomplete; save the file again from Excel',
    });
  }
  const reason = e instanceof Error ? e.message : String(e);
  return unreadable({
    vi: `không phải tệp Excel .xlsx hợp lệ (${reason})`,
    en: `not a valid .xlsx workbook (${reason})`,
  });
}
