// the worker thread loads this file: imports name the core files it needs, not all of core
import type { Bilingual } from '@tre/core';
import type { ChildField } from '@tre/core/children/child';
import { FIELD_HEADERS, type CellValue } from '@tre/core/children/layout/fields';
import { matchHeaders, rowCells } from '@tre/core/children/layout/headers';
import { normaliseChildRow } from '@tre/core/children/layout/row';
import { CellMemo } from '@tre/core/children/layout/cell-memo';
import { childNameKey } from '@tre/core/children/name-key';
import { inflateBudget } from '@tre/core/files/zip';
import { csvRecords, CsvError } from '../../imports/readers/csv.ts';
import { sheetRows } from '../../imports/readers/xlsx.ts';
import { OLE, ZIP, startsWith, workbookProblem } from '../../imports/readers/problems.ts';
import { ImportFileError, type FileSource, type ImportFileReader, type ImportLimits } from '../../imports/types.ts';
import type { StagedChild } from './repository.ts';
import { communes } from '../communes.ts';
import { childColumns } from '../columns.ts';

/**
 * Reading a children register (../shared/spec/children-import.md) from CSV or the first sheet of an
 * .xlsx, in the import worker thread: the header row matched to the layout's fields (or the user's
 * column mapping), then every row normalised by core's layout rules. A row comes out either staged
 * (the register's columns) or with the reasons it is refused; a file whose header lacks a required
 * field is refused whole.
 */

export interface ChildRowProblem {
  /** the layout's header of the field (`Ngày sinh`), as the report names it */
  field: string;
  fieldKey: ChildField | 'row';
  reason: Bilingual;
}

export interface ChildImportRow {
  row: number;
  /**
   * A valid row: its commune (the batch checks it against the uploader's scope) and the row as
   * StagedChild JSON, written here so that the main thread, which also serves every request,
   * only joins the rows of a batch
   */
  staged?: { communeCode: string; json: string };
  problems: ChildRowProblem[];
}

/** What the job tells the reader (ImportKind.readerOptions). */
export interface ChildReaderOptions {
  /** the user's column mapping: file header (or `#n`) → field key or layout header */
  map: Record<string, string>;
  /** the import date in Vietnam, YYYY-MM-DD */
  today: string;
}

/** A title may stand above the header row: it is looked for among the first rows. */
const HEADER_SEARCH_ROWS = 10;
const GROUP = 500;
const MAX_SHEET_ROW = 1_048_576;

export function unreadable(fileName: string, detail: Bilingual): ImportFileError {
  return new ImportFileError({
    vi: `Không đọc được tệp danh sách trẻ em "${fileName}": ${detail.vi}`,
    en: `The children register "${fileName}" cannot be read: ${detail.en}`,
  });
}

const problemOf = (p: { field: ChildField; reason: Bilingual }): ChildRowProblem => ({
  field: FIELD_HEADERS[p.field],
  fieldKey: p.field,
  reason: p.reason,
});

type NameKeyOf = (name: string) => string;

function staged(row: number, d: NonNullable<ReturnType<typeof normaliseChildRow>['draft']>, nameKey: NameKeyOf) {
  const child: StagedChild = { source_row: row, ...childColumns(d, nameKey), groups: d.groups, identified_on: d.identifiedOn };
  return { communeCode: d.communeCode, json: JSON.stringify(child) };
}

/** childNameKey remembered for the names an import repeats (bounded as CellMemo is). */
function rememberedNameKey(max = 20_000): NameKeyOf {
  const keys = new Map<string, string>();
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      if (keys.size >= max) keys.clear();
      keys.set(name, (key = childNameKey(name)));
    }
    return key;
  };
}

const isBlank = (cells: readonly CellValue[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

type SourceRows = Iterable<{ row: number; cells: CellValue[] }[]>;

/**
 * The rows below the header of a file, in groups, with the columns the header (and the user's
 * mapping) gave each field. The header is the first row that names every required field, among the
 * first rows (a title may stand above it); a file without one is refused whole, naming what the
 * best candidate lacked. Blank rows are passed over; more than the row limit refuses the file.
 */
function* bodyRows(
  fileName: string,
  source: SourceRows,
  limits: ImportLimits,
  map: Record<string, string>,
): Generator<{ columns: Partial<Record<ChildField, number>>; rows: { row: number; cells: CellValue[] }[] }> {
  let columns: Partial<Record<ChildField, number>> | undefined;
  let best: { problems: Bilingual[]; found: number } = { problems: [], found: -1 };
  let count = 0;
  for (const group of source) {
    const rows: { row: number; cells: CellValue[] }[] = [];
    for (const r of group) {
      if (isBlank(r.cells)) continue;
      if (!columns) {
        const match = matchHeaders(r.cells, map);
        if (match.problems.length === 0) {
          columns = match.columns;
          continue;
        }
        const found = Object.keys(match.columns).length;
        if (found > best.found) best = { problems: match.problems.map((p) => p.reason), found };
        if (r.row >= HEADER_SEARCH_ROWS) throw headerProblem(fileName, best.problems);
        continue;
      }
      if (++count > limits.maxRows) {
        throw unreadable(fileName, {
          vi: `quá ${limits.maxRows.toLocaleString('vi-VN')} dòng; hãy chia nhỏ tệp`,
          en: `more than ${limits.maxRows.toLocaleString('en-US')} rows; split the file`,
        });
      }
      rows.push(r);
    }
    if (columns && rows.length > 0) yield { columns, rows };
  }
  if (!columns) throw headerProblem(fileName, best.problems);
}

/** The layout's rows: each one normalised by core's rules. */
function* layoutRows(
  fileName: string,
  source: SourceRows,
  limits: ImportLimits,
  options: ChildReaderOptions,
): Generator<ChildImportRow[]> {
  const context = { today: options.today, resolveCommune: communes(), memo: new CellMemo() };
  const nameKey = rememberedNameKey();
  for (const { columns, rows } of bodyRows(fileName, source, limits, options.map)) {
    for (let i = 0; i < rows.length; i += GROUP) {
      yield rows.slice(i, i + GROUP).map(({ row, cells }) => {
        const result = normaliseChildRow(rowCells(cells, columns), context);
        return {
          row,
          ...(result.draft ? { staged: staged(row, result.draft, nameKey) } : {}),
          problems: result.problems.map(problemOf),
        };
      });
    }
  }
}

function headerProblem(fileName: string, problems: Bilingual[]): ImportFileError {
  if (problems.length === 0) return unreadable(fileName, { vi: 'tệp không có dòng tiêu đề', en: 'the file has no header row' });
  return unreadable(fileName, {
    vi: problems.map((p) => p.vi).join('; '),
    en: problems.map((p) => p.en).join('; '),
  });
}

function* csvSource(fileName: string, file: FileSource): Generator<{ row: number; cells: CellValue[] }[]> {
  try {
    yield* csvRecords(file.chunks());
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const what: Record<CsvError['problem'], Bilingual> = {
      'field-too-long': {
        vi: `dòng ${e.row} có một ô dài quá 10.000 ký tự`,
        en: `row ${e.row} has a cell over 10,000 characters`,
      },
      'too-many-fields': { vi: `dòng ${e.row} có quá 200 cột`, en: `row ${e.row} has more than 200 columns` },
      'unclosed-quote': {
        vi: `dấu ngoặc kép mở ở dòng ${e.row} không được đóng`,
        en: `a quote opened at row ${e.row} is never closed`,
      },
      'not-utf8': {
        vi: `tệp không phải UTF-8 (từ dòng ${e.row}); trong Excel hãy lưu lại bằng "CSV UTF-8", hoặc lưu thành .xlsx`,
        en: `the file is not UTF-8 (from row ${e.row}); in Excel save it again as "CSV UTF-8", or as .xlsx`,
      },
    };
    throw unreadable(fileName, what[e.problem]);
  }
}

function* sheetSource(
  fileName: string,
  file: FileSource,
  limits: ImportLimits,
): Generator<{ row: number; cells: CellValue[] }[]> {
  try {
    for (const group of sheetRows(file.whole(), {
      budget: inflateBudget(limits.maxInflatedBytes),
      maxSharedStrings: limits.maxSharedStrings,
    })) {
      yield group.map((r) => {
        // a sheet has at most 1,048,576 rows: a higher number is a crafted file, not a register
        if (r.row > MAX_SHEET_ROW)
          throw unreadable(fileName, {
            vi: `số dòng ${r.row} vượt quá giới hạn của Excel`,
            en: `row number ${r.row} is beyond Excel's limit`,
          });
        const cells: CellValue[] = [];
        for (const [col, cell] of r.cells) if (col <= 200) cells[col - 1] = cell.value;
        return { row: r.row, cells };
      });
    }
  } catch (e) {
    throw e instanceof ImportFileError ? e : workbookProblem(e, limits, (detail) => unreadable(fileName, detail));
  }
}

function sourceOf(fileName: string, file: FileSource, limits: ImportLimits): SourceRows {
  if (file.size === 0) throw unreadable(fileName, { vi: 'tệp rỗng', en: 'the file is empty' });
  if (startsWith(file.head, OLE)) {
    throw unreadable(fileName, {
      vi: 'đây là định dạng Excel cũ (.xls); hãy lưu lại thành .xlsx hoặc .csv',
      en: 'this is the old Excel format (.xls); save it as .xlsx or .csv',
    });
  }
  return startsWith(file.head, ZIP) ? sheetSource(fileName, file, limits) : csvSource(fileName, file);
}

export const reader: ImportFileReader<ChildImportRow> = {
  rows: (fileName, file, limits, options) =>
    layoutRows(fileName, sourceOf(fileName, file, limits), limits, options as ChildReaderOptions),
  // the first pass only counts: the rows are checked once, as they are stored
  count(fileName, file, limits, options) {
    let n = 0;
    for (const { rows } of bodyRows(fileName, sourceOf(fileName, file, limits), limits, (options as ChildReaderOptions).map))
      n += rows.length;
    return n;
  },
  // rows are never superseded: two rows of one file for one child (the same ID twice, or the same
  // child typed twice) both come in and go to the duplicate review, where a person decides
  key: () => undefined,
};
