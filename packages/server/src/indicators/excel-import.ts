import path from 'node:path';
import { ErrorCode, TEMPLATE_COLUMNS, TEMPLATE_SHEET, type Bilingual } from '@tre/core';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { TreError } from '../errors.ts';
import { dataValueRows, importRows, type ImportReport, type ImportRow, type Importer } from './import.ts';

/**
 * Reading an uploaded figures file: the Excel template (.xlsx, excel-template.ts) or a DHIS2
 * dataValueSets .json, told apart by their content (a zip / a JSON object). Rows come out as the
 * rows import.ts checks and stores, so both formats obey the same rules. A file that is neither is
 * refused whole (DATA_FILE_UNREADABLE, 422) before anything is stored.
 */

/** As many rows as the JSON route takes (schemas.ts DataValueSetSchema). */
const MAX_ROWS = 500_000;
/** The header row is looked for among the first rows (a title may stand above it). */
const HEADER_SEARCH_ROWS = 30;
/** What a workbook may unpack to: a whole province's template is ~6 MB; a zip bomb is refused before it is inflated. */
const MAX_UNZIPPED = 400 * 1024 * 1024;

/**
 * The total size a zip declares for its entries once unpacked (its central directory), or null when
 * the directory cannot be read or uses ZIP64 sizes (then exceljs's own reading decides).
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: within the last 22 + 65535 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

export function unreadable(fileName: string, detail: Bilingual): TreError {
  return new TreError(ErrorCode.DataFileUnreadable, {
    field: 'file',
    detail: {
      vi: `Không đọc được tệp số liệu "${fileName}": ${detail.vi}`,
      en: `The data file "${fileName}" cannot be read: ${detail.en}`,
    },
  });
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The rows of an uploaded .xlsx template or .json dataValueSets file; throws DATA_FILE_UNREADABLE. */
export async function readUploadedFile(fileName: string, bytes: Uint8Array): Promise<ImportRow[]> {
  if (bytes.length === 0) throw unreadable(fileName, { vi: 'tệp rỗng', en: 'the file is empty' });
  if (startsWith(bytes, ZIP)) return readWorkbookRows(fileName, bytes);
  if (startsWith(bytes, OLE)) {
    throw unreadable(fileName, {
      vi: 'đây là định dạng Excel cũ (.xls) hoặc Word cũ (.doc); hãy lưu lại thành .xlsx',
      en: 'this is the old Excel (.xls) or Word (.doc) format; save it as .xlsx',
    });
  }
  const textStart = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (path.extname(fileName).toLowerCase() === '.json' || textStart.startsWith('{')) return readJsonRows(fileName, bytes);
  throw unreadable(fileName, {
    vi: 'chỉ nhận mẫu Excel (.xlsx) hoặc tệp DHIS2 dataValueSets (.json); tệp này không phải hai loại đó (vd. .csv)',
    en: 'only the Excel template (.xlsx) or a DHIS2 dataValueSets file (.json) is accepted; this is neither (e.g. a .csv)',
  });
}

function readJsonRows(fileName: string, bytes: Uint8Array): ImportRow[] {
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw unreadable(fileName, { vi: `không phải JSON hợp lệ (${reason})`, en: `not valid JSON (${reason})` });
  }
  const rows = typeof json === 'object' && json !== null ? (json as { dataValues?: unknown }).dataValues : undefined;
  if (!Array.isArray(rows)) throw unreadable(fileName, { vi: 'thiếu mảng "dataValues"', en: 'no "dataValues" array' });
  if (rows.length > MAX_ROWS) {
    throw unreadable(fileName, {
      vi: `quá ${MAX_ROWS} dòng; hãy chia nhỏ tệp`,
      en: `more than ${MAX_ROWS} rows; split the file`,
    });
  }
  return dataValueRows(rows);
}

/** A cell as plain text or number (formula results, rich text and links reduced to what they show). */
function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  return null;
}

const normalise = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** A code read from a cell: text trimmed; a number as Excel turned a typed code into one (leading zeros restored). */
function code(v: string | number | null, kind: 'unit' | 'other'): string | null {
  if (v === null) return null;
  if (typeof v === 'number') {
    const s = String(v);
    if (kind === 'unit' && Number.isInteger(v) && v >= 0)
      return s.length <= 2 ? s.padStart(2, '0') : s.length < 5 ? s.padStart(5, '0') : s;
    return s;
  }
  const t = v.trim();
  return t === '' ? null : t;
}

/**
 * A count written as text, read as Vietnamese writes numbers: "1.234" and "1 234" are 1234 (dots
 * or spaces between groups of three), "12,5" is 12.5 (a decimal comma, then refused as not whole);
 * "2.5" (not groups of three) is a decimal point. Anything else is NaN ("not a number").
 */
export function parseCountText(raw: string): number {
  const t = raw.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(t) || /^[+-]?\d{1,3}( \d{3})+$/.test(t)) return Number(t.replace(/[. ]/g, ''));
  if (/^[+-]?\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^[+-]?\d+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^[+-]?\d*\.\d+$/.test(t)) return Number(t);
  return NaN;
}

const REQUIRED = TEMPLATE_COLUMNS.filter((c) => c !== 'Tên đơn vị' && c !== 'Tên chỉ số');
type Required = (typeof REQUIRED)[number];

/** The header row and where each column is: the row among the first ones naming the most required columns. */
function findHeader(fileName: string, ws: ExcelJS.Worksheet): { row: number; col: Record<Required, number> } {
  let best: { row: number; col: Partial<Record<Required, number>>; found: number } = { row: 0, col: {}, found: -1 };
  const wanted = new Map(REQUIRED.map((c) => [normalise(c), c]));
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); r++) {
    const col: Partial<Record<Required, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const v = plain(cell.value);
      const name = typeof v === 'string' ? wanted.get(normalise(v)) : undefined;
      if (name && col[name] === undefined) col[name] = c;
    });
    const found = Object.keys(col).length;
    if (found > best.found) best = { row: r, col, found };
  }
  const missing = REQUIRED.filter((c) => best.col[c] === undefined);
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(', ');
    throw unreadable(fileName, {
      vi: `trang "${ws.name}" thiếu cột ${list} (cần dòng tiêu đề: ${REQUIRED.join(', ')})`,
      en: `sheet "${ws.name}" has no column ${list} (a header row with ${REQUIRED.join(', ')} is needed)`,
    });
  }
  return { row: best.row, col: best.col as Record<Required, number> };
}

async function readWorkbookRows(fileName: string, bytes: Uint8Array): Promise<ImportRow[]> {
  const unzipped = declaredUnzippedSize(bytes);
  if (unzipped !== null && unzipped > MAX_UNZIPPED) {
    throw unreadable(fileName, {
      vi: `tệp giải nén ra quá lớn (trên ${MAX_UNZIPPED / 1024 / 1024} MB); hãy chia nhỏ tệp`,
      en: `the file unpacks to more than ${MAX_UNZIPPED / 1024 / 1024} MB; split it`,
    });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw unreadable(fileName, {
      vi: `không phải tệp Excel .xlsx hợp lệ (${reason})`,
      en: `not a valid .xlsx workbook (${reason})`,
    });
  }
  const wanted = normalise(TEMPLATE_SHEET);
  const ws = wb.worksheets.find((w) => normalise(w.name) === wanted) ?? wb.worksheets[0];
  if (!ws) {
    throw unreadable(fileName, {
      vi: 'tệp nén không chứa bảng tính Excel (có phải tệp Word .docx?)',
      en: 'the archive holds no Excel worksheet (is it a Word .docx?)',
    });
  }
  const header = findHeader(fileName, ws);
  const rows: ImportRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= header.row) return;
    const cell = (name: Required) => plain(row.getCell(header.col[name]).value);
    const value = cell('Giá trị');
    // an empty value is "not reported": neither stored nor cleared
    if (value === null || (typeof value === 'string' && value.trim() === '')) return;
    rows.push({
      row: r,
      dataElement: code(cell('Mã chỉ số'), 'other'),
      orgUnit: code(cell('Mã đơn vị'), 'unit'),
      period: code(cell('Kỳ'), 'other'),
      value: typeof value === 'number' ? value : parseCountText(value),
      valueText: String(value).trim(),
      categoryOptionCombo: code(cell('Phân tổ'), 'other'),
    });
  });
  if (rows.length > MAX_ROWS) {
    throw unreadable(fileName, {
      vi: `quá ${MAX_ROWS} dòng; hãy chia nhỏ tệp`,
      en: `more than ${MAX_ROWS} rows; split the file`,
    });
  }
  return rows;
}

/** Reads an uploaded file and imports its rows (import.ts rules, one transaction, audited with the file name). */
export async function importUploadedFile(
  db: Kysely<Database>,
  importer: Importer,
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportReport> {
  const rows = await readUploadedFile(fileName, bytes);
  return importRows(db, importer, rows);
}
