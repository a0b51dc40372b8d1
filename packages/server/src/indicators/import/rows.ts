import path from 'node:path';
// the worker thread loads this file: imports name the core files it needs, not all of core
import type { Bilingual } from '@tre/core';
import { countOf } from '@tre/core/indicators/counts';
import { TEMPLATE_COLUMNS, TEMPLATE_SHEET } from '@tre/core/indicators/indicator-api';
import { checkText, cleanText, describeUnsafeCharacter } from '@tre/core/text/clean';
import { inflateBudget } from '@tre/core/files/zip';
import { JSONParser } from '@streamparser/json';
import { sheetRows, type SheetCell, type SheetRow } from '../../imports/readers/xlsx.ts';
import { OLE, ZIP, startsWith, workbookProblem } from '../../imports/readers/problems.ts';
import { ImportFileError, type FileSource, type ImportFileReader, type ImportLimits } from '../../imports/types.ts';

/**
 * Reading a figures file into rows: the Excel template (excel-template.ts) or a DHIS2 dataValueSets
 * .json, told apart by their content (a zip / a JSON object). This runs in the import worker thread
 * (imports/worker.ts) and touches no database; import.ts checks the rows against the catalogue and
 * the units and stores them. A file that is neither format, or is damaged, too large or has too
 * many rows, is refused whole before anything is stored.
 */

/** One row as read from a file, before any check against the database. */
export interface ImportRow {
  /** the number shown in the report: the index in dataValues from 1, or the spreadsheet row */
  row: number;
  dataElement: string | null;
  orgUnit: string | null;
  period: string | null;
  /** the figure, when it reads as a count */
  value: number | null;
  /** the figure as written in the file, for messages */
  valueText: string;
  /** why the figure is not a count */
  valueProblem?: Bilingual | undefined;
  categoryOptionCombo: string | null;
  /** a reason found while reading (not a JSON object, a formula, a control character) */
  problem?: Bilingual | undefined;
}

/** The header row is looked for among the first rows (a title may stand above it). */
const HEADER_SEARCH_ROWS = 30;

export function unreadable(fileName: string, detail: Bilingual): ImportFileError {
  return new ImportFileError({
    vi: `Không đọc được tệp số liệu "${fileName}": ${detail.vi}`,
    en: `The data file "${fileName}" cannot be read: ${detail.en}`,
  });
}

function tooManyRows(fileName: string, max: number): ImportFileError {
  return unreadable(fileName, {
    vi: `quá ${max.toLocaleString('vi-VN')} dòng; hãy chia nhỏ tệp`,
    en: `more than ${max.toLocaleString('en-US')} rows; split the file`,
  });
}

/** A text field of a row: trimmed and NFC, or the reason it is refused. */
function field(raw: unknown, name: string): { text: string | null } | { problem: Bilingual } {
  if (raw === null || raw === undefined) return { text: null };
  const s = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
  if (s === null) return { problem: { vi: `${name}: không phải chữ hoặc số`, en: `${name}: not text or a number` } };
  const checked = checkText(s);
  if (!checked.ok) {
    return {
      problem: {
        vi: `${name}: ${describeUnsafeCharacter(checked.unsafe, 'vi')}`,
        en: `${name}: ${describeUnsafeCharacter(checked.unsafe, 'en')}`,
      },
    };
  }
  const t = checked.text.trim();
  return { text: t === '' ? null : t };
}

/** A row's figure: a number as it is, a text read as people write counts (or, in JSON, digits only). */
function figure(raw: number | string, grouping: boolean): Pick<ImportRow, 'value' | 'valueProblem'> {
  const reading = countOf(raw, { grouping });
  return 'problem' in reading ? { value: null, valueProblem: reading.problem } : { value: reading.value };
}

// ---- DHIS2 dataValueSets ----

/** One element of dataValues as a row (numbered from 1); the JSON route and the file reader share it. */
export function dataValueRow(raw: unknown, row: number): ImportRow {
  const empty = { row, dataElement: null, orgUnit: null, period: null, value: null, valueText: '', categoryOptionCombo: null };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ...empty, problem: { vi: 'dòng không phải đối tượng JSON', en: 'the row is not a JSON object' } };
  }
  const r = raw as Record<string, unknown>;
  const parts = {
    dataElement: field(r.dataElement, 'dataElement'),
    orgUnit: field(r.orgUnit, 'orgUnit'),
    period: field(r.period, 'period'),
    categoryOptionCombo: field(r.categoryOptionCombo, 'categoryOptionCombo'),
    value: field(r.value, 'value'),
  };
  const bad = Object.values(parts).find((p) => 'problem' in p);
  if (bad && 'problem' in bad) return { ...empty, problem: bad.problem };
  const text = (p: (typeof parts)[keyof typeof parts]) => ('text' in p ? p.text : null);
  const valueText = text(parts.value) ?? '';
  // DHIS2 sends values as strings of digits; a JSON number is taken as it is (and checked)
  const value: Pick<ImportRow, 'value' | 'valueProblem'> =
    typeof r.value === 'number'
      ? figure(r.value, false)
      : valueText === ''
        ? { value: null, valueProblem: { vi: 'trống', en: 'empty' } }
        : figure(valueText, false);
  return {
    row,
    dataElement: text(parts.dataElement),
    orgUnit: text(parts.orgUnit),
    period: text(parts.period),
    categoryOptionCombo: text(parts.categoryOptionCombo),
    valueText,
    ...value,
  };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * A dataValueSets document is three levels deep ({dataValues: [{…}]}); a streaming JSON parser
 * slows down with depth (a 1 MB file nested 200,000 deep took two minutes), so nesting beyond
 * MAX_DEPTH is refused as the bytes stream past, before the parser sees them.
 */
const MAX_DEPTH = 16;

function depthGuard(fileName: string) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  return (chunk: Uint8Array) => {
    for (const b of chunk) {
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === 0x22) inString = false;
      } else if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) {
        if (++depth > MAX_DEPTH) {
          throw unreadable(fileName, {
            vi: `JSON lồng nhau quá ${MAX_DEPTH} tầng; tệp dataValueSets chỉ cần 3 tầng`,
            en: `JSON nested more than ${MAX_DEPTH} levels deep; a dataValueSets file needs 3`,
          });
        }
      } else if (b === 0x7d || b === 0x5d) depth--;
    }
  };
}

/** The dataValues of a JSON file, streamed from disk: neither the file nor the document is held whole. */
function* jsonRows(fileName: string, file: FileSource, limits: ImportLimits): Generator<ImportRow[]> {
  const parser = new JSONParser({ paths: ['$.dataValues.*', '$.dataValues'], keepStack: false });
  let out: ImportRow[] = [];
  let count = 0;
  // set by the parser's callback: an object, so that the check below reads it afresh
  const seen = { array: false };
  parser.onValue = ({ value, key, parent }) => {
    if (key === 'dataValues' && !Array.isArray(parent)) {
      seen.array = Array.isArray(value);
      return;
    }
    // the parser keeps every element of an array it will hand over whole ('$.dataValues', asked for
    // to tell an empty array from none): 500,000 objects, ~190 MB of the worker's heap. Each element
    // is dropped from it once read, as the parser itself does where no enclosing value is asked for.
    if (Array.isArray(parent)) parent.length = 0;
    if (++count > limits.maxRows) throw tooManyRows(fileName, limits.maxRows);
    out.push(dataValueRow(value, count));
  };
  const guard = depthGuard(fileName);
  const bom = startsWith(file.head, UTF8_BOM) ? UTF8_BOM.length : 0;
  let first = true;
  try {
    for (const whole of file.chunks()) {
      const chunk = first ? whole.subarray(bom) : whole;
      first = false;
      guard(chunk);
      parser.write(chunk);
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
    if (!parser.isEnded) parser.end();
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw unreadable(fileName, { vi: `không phải JSON hợp lệ (${reason})`, en: `not valid JSON (${reason})` });
  }
  if (!seen.array) throw unreadable(fileName, { vi: 'thiếu mảng "dataValues"', en: 'no "dataValues" array' });
  if (out.length > 0) yield out;
}

// ---- the Excel template ----

const normalise = (s: string) => cleanText(s).replace(/\s+/g, ' ').trim().toLowerCase();

const REQUIRED = TEMPLATE_COLUMNS.filter((c) => c !== 'Tên đơn vị' && c !== 'Tên chỉ số');
type Required = (typeof REQUIRED)[number];
type Columns = Record<Required, number>;

const columnLetters = (col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** A code read from a cell: text trimmed; a number as Excel turned a typed code into one (leading zeros restored). */
function code(v: SheetCell['value'] | undefined, kind: 'unit' | 'other'): string | null {
  if (v === undefined) return null;
  if (typeof v === 'number') {
    const s = String(v);
    if (kind === 'unit' && Number.isInteger(v) && v >= 0)
      return s.length <= 2 ? s.padStart(2, '0') : s.length < 5 ? s.padStart(5, '0') : s;
    return s;
  }
  const t = String(v).trim();
  return t === '' ? null : t;
}

/** Which columns a row names, if it is the header (the row naming the most required columns wins). */
function headerColumns(row: SheetRow): Partial<Columns> {
  const wanted = new Map(REQUIRED.map((c) => [normalise(c), c]));
  const col: Partial<Columns> = {};
  for (const [c, cell] of row.cells) {
    const name = typeof cell.value === 'string' ? wanted.get(normalise(cell.value)) : undefined;
    if (name && col[name] === undefined) col[name] = c;
  }
  return col;
}

function missingHeader(fileName: string, best: Partial<Columns>): ImportFileError {
  const list = REQUIRED.filter((c) => best[c] === undefined)
    .map((c) => `"${c}"`)
    .join(', ');
  return unreadable(fileName, {
    vi: `trang "${TEMPLATE_SHEET}" thiếu cột ${list} (cần dòng tiêu đề: ${REQUIRED.join(', ')})`,
    en: `sheet "${TEMPLATE_SHEET}" has no column ${list} (a header row with ${REQUIRED.join(', ')} is needed)`,
  });
}

/** One data row of the template, or undefined when its value is empty ("not reported": neither stored nor cleared). */
function templateRow(row: SheetRow, col: Columns): ImportRow | undefined {
  const cell = (name: Required) => row.cells.get(col[name]);
  const valueCell = cell('Giá trị');
  const formula = REQUIRED.find((name) => cell(name)?.formula);
  const raw = valueCell?.value;
  if (!formula && (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))) return undefined;
  const base = {
    row: row.row,
    dataElement: code(cell('Mã chỉ số')?.value, 'other'),
    orgUnit: code(cell('Mã đơn vị')?.value, 'unit'),
    period: code(cell('Kỳ')?.value, 'other'),
    categoryOptionCombo: code(cell('Phân tổ')?.value, 'other'),
    valueText: raw === undefined ? '' : String(raw).trim(),
  };
  if (formula) {
    const ref = `${columnLetters(col[formula])}${row.row}`;
    // a cached formula result is whatever the last program to save the file computed: never trusted
    return {
      ...base,
      value: null,
      problem: {
        vi: `ô ${ref} (cột "${formula}") chứa công thức — hãy dán giá trị (Dán đặc biệt › Giá trị)`,
        en: `cell ${ref} (column "${formula}") holds a formula — paste values instead (Paste Special › Values)`,
      },
    };
  }
  for (const name of REQUIRED) {
    const v = cell(name)?.value;
    if (typeof v !== 'string') continue;
    const checked = checkText(v);
    if (!checked.ok) {
      const why = (lang: 'vi' | 'en') => describeUnsafeCharacter(checked.unsafe, lang);
      return { ...base, value: null, problem: { vi: `cột "${name}": ${why('vi')}`, en: `column "${name}": ${why('en')}` } };
    }
  }
  if (typeof raw === 'boolean' || raw === undefined) {
    return { ...base, value: null, valueProblem: { vi: 'không phải là số', en: 'not a number' } };
  }
  return { ...base, ...figure(raw, true) };
}

function* workbookRows(fileName: string, bytes: Uint8Array, limits: ImportLimits): Generator<ImportRow[]> {
  const rows = sheetRows(bytes, {
    sheetName: TEMPLATE_SHEET,
    sameName: (a, b) => normalise(a) === normalise(b),
    budget: inflateBudget(limits.maxInflatedBytes),
    maxSharedStrings: limits.maxSharedStrings,
  });
  let header: { row: number; col: Partial<Columns>; found: number } = { row: 0, col: {}, found: -1 };
  let columns: Columns | undefined;
  let count = 0;
  for (const group of rows) {
    const out: ImportRow[] = [];
    for (const row of group) {
      if (!columns) {
        if (row.row <= HEADER_SEARCH_ROWS) {
          const col = headerColumns(row);
          const found = Object.keys(col).length;
          if (found > header.found) header = { row: row.row, col, found };
          if (found < REQUIRED.length) continue;
        }
        if (header.found < REQUIRED.length) throw missingHeader(fileName, header.col);
        columns = header.col as Columns;
        if (row.row <= header.row) continue;
      }
      const r = templateRow(row, columns);
      if (!r) continue;
      if (++count > limits.maxRows) throw tooManyRows(fileName, limits.maxRows);
      out.push(r);
    }
    if (out.length > 0) yield out;
  }
  if (!columns) throw missingHeader(fileName, header.col);
}

// ---- which format ----

function* fileRows(fileName: string, file: FileSource, limits: ImportLimits): Generator<ImportRow[]> {
  if (file.size === 0) throw unreadable(fileName, { vi: 'tệp rỗng', en: 'the file is empty' });
  if (startsWith(file.head, ZIP)) {
    try {
      // a zip's directory is at its end: the workbook is read whole (the upload bound keeps it small)
      yield* workbookRows(fileName, file.whole(), limits);
    } catch (e) {
      throw e instanceof ImportFileError ? e : workbookProblem(e, limits, (detail) => unreadable(fileName, detail));
    }
    return;
  }
  if (startsWith(file.head, OLE)) {
    throw unreadable(fileName, {
      vi: 'đây là định dạng Excel cũ (.xls) hoặc Word cũ (.doc); hãy lưu lại thành .xlsx',
      en: 'this is the old Excel (.xls) or Word (.doc) format; save it as .xlsx',
    });
  }
  const textStart = Buffer.from(file.head)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (path.extname(fileName).toLowerCase() === '.json' || textStart.startsWith('{')) {
    yield* jsonRows(fileName, file, limits);
    return;
  }
  throw unreadable(fileName, {
    vi: 'chỉ nhận mẫu Excel (.xlsx) hoặc tệp DHIS2 dataValueSets (.json); tệp này không phải hai loại đó (vd. .csv)',
    en: 'only the Excel template (.xlsx) or a DHIS2 dataValueSets file (.json) is accepted; this is neither (e.g. a .csv)',
  });
}

/** The cell a row writes, before the database says whether unit and element exist. */
export const rowKey = (r: ImportRow): string | undefined =>
  r.problem || r.valueProblem || !r.dataElement || !r.orgUnit || !r.period
    ? undefined
    : `${r.dataElement}\u0000${r.orgUnit}\u0000${r.period}\u0000${r.categoryOptionCombo ?? 'default'}`;

/** The reader the import worker loads (imports/worker.ts). */
export const reader: ImportFileReader<ImportRow> = { rows: fileRows, key: rowKey };
