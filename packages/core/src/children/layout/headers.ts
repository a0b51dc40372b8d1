import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import { foldText } from '../../text/fold.ts';
import { CHILD_FIELDS, type ChildField } from '../child.ts';
import { type CellValue, type ChildCells, columnLetter, FIELD_HEADERS, FIELD_NAMES_EN, REQUIRED_CHILD_FIELDS } from './fields.ts';

/**
 * The header row of an import file, matched to the layout's fields: by the spec's headers, the
 * field keys and common variants of both, ignoring case, diacritics, spaces, punctuation and a
 * bracketed note (`Ngày sinh (dd/mm/yyyy)`); then the user's column mapping, which wins.
 */

/** Other headers seen in communes' spreadsheets and in the national software's exports. */
const SYNONYMS: Readonly<Record<ChildField, readonly string[]>> = {
  fullName: ['Họ tên', 'Họ và tên trẻ', 'Họ tên trẻ', 'Họ và tên trẻ em', 'Tên trẻ', 'Full name', 'Name'],
  birthDate: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Birth date', 'Date of birth', 'DOB'],
  sex: ['Giới', 'Nam/Nữ', 'Gender'],
  ethnicity: ['Ethnic group'],
  personalId: [
    'Số định danh',
    'Mã định danh',
    'Mã số định danh cá nhân',
    'Số CCCD',
    'CCCD',
    'Số ĐDCN',
    'CCCD/ĐDCN',
    'Personal ID',
  ],
  communeCode: ['Mã xã/phường', 'Mã xã, phường', 'Mã xã, phường, đặc khu', 'Mã đơn vị hành chính', 'Mã ĐVHC', 'Commune code'],
  address: ['Nơi ở', 'Nơi ở hiện nay', 'Thôn, tổ'],
  motherName: ['Họ và tên mẹ', 'Tên mẹ', 'Mẹ', 'Mother'],
  fatherName: ['Họ và tên cha', 'Họ tên bố', 'Họ và tên bố', 'Tên cha', 'Tên bố', 'Cha', 'Bố', 'Father'],
  carerName: ['Họ và tên người chăm sóc', 'Người chăm sóc', 'Người nuôi dưỡng', 'Carer'],
  phone: ['Điện thoại', 'Điện thoại liên hệ', 'Số điện thoại liên hệ', 'SĐT', 'Số ĐT', 'Phone'],
  groups: ['Nhóm', 'Nhóm hoàn cảnh', 'Nhóm HCĐB', 'Nhóm TEHCĐB', 'Hoàn cảnh đặc biệt', 'Circumstance groups'],
  identifiedOn: ['Ngày xác định hoàn cảnh', 'Date identified'],
  disability: ['Trẻ khuyết tật', 'Có khuyết tật', 'Disabled'],
  schooling: ['Đi học', 'Tình trạng học tập', 'Schooling'],
};

/** The key a header is compared by: `Ngày sinh (dd/mm/yyyy)`, `NGAY SINH` and `ngày_sinh` are one. */
export function headerKey(text: string): string {
  return foldText(text)
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, ChildField>(
  CHILD_FIELDS.flatMap((field) =>
    [FIELD_HEADERS[field], field, FIELD_NAMES_EN[field], ...SYNONYMS[field]].map((h): [string, ChildField] => [
      headerKey(h),
      field,
    ]),
  ),
);

/** The field a header (or a value of the user's mapping) names, if any. */
export function fieldForHeader(text: string): ChildField | undefined {
  return BY_KEY.get(headerKey(text));
}

export interface LayoutProblem {
  field?: ChildField;
  reason: Bilingual;
}

export interface HeaderMatch {
  /** the 0-based column of each field the file has */
  columns: Partial<Record<ChildField, number>>;
  /** columns that are no field (ignored; also listed in `warnings`) */
  unknown: { index: number; header: string }[];
  /** the file cannot be imported while there are any */
  problems: LayoutProblem[];
  warnings: LayoutProblem[];
}

/** A header as quoted in a reason: no invisible or control characters, at most 40 characters. */
export function quoteHeader(text: string): string {
  const chars = Array.from(text.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '').trim());
  return `"${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('')}"`;
}

function cellText(cell: CellValue): string {
  if (typeof cell === 'string') return cell.replace(/^\uFEFF/, '').trim();
  return typeof cell === 'number' ? String(cell) : '';
}

/** What a mapping value means: a field, "ignore this column" (empty, `-`, `ignore`, `bỏ qua`), or nothing known. */
const IGNORE = new Set(['', 'ignore', 'boqua']);
type Target = ChildField | 'ignore' | undefined;
function targetOf(value: string): Target {
  return IGNORE.has(headerKey(value)) ? 'ignore' : fieldForHeader(value);
}

/**
 * Which column holds which field. `map` (the import screen's choices, `--map` parsed by
 * parseColumnMap) names a file header, or `#n` for the n-th column when two headers are the same,
 * and gives a field key, a layout header, or `-` to ignore the column.
 */
export function matchHeaders(headers: readonly CellValue[], map: Readonly<Record<string, string>> = {}): HeaderMatch {
  const texts = headers.map(cellText);
  const chosen: Target[] = texts.map((t) => (t === '' ? 'ignore' : fieldForHeader(t)));
  const problems: LayoutProblem[] = [];
  const warnings: LayoutProblem[] = [];
  for (const [from, to] of Object.entries(map)) {
    const target = targetOf(to);
    if (target === undefined) {
      problems.push({
        reason: {
          vi: `ánh xạ cột ${quoteHeader(from)}: ${quoteHeader(to)} không phải trường nào của mẫu nhập`,
          en: `column mapping ${quoteHeader(from)}: ${quoteHeader(to)} is no field of the import layout`,
        },
      });
      continue;
    }
    const number = /^#(\d+)$/.exec(from.trim());
    const hits = number
      ? [Number(number[1]) - 1].filter((i) => i >= 0 && i < texts.length)
      : texts.flatMap((t, i) => (t === from.trim() || (t !== '' && looseKey(t) === looseKey(from)) ? [i] : []));
    if (hits.length === 0) {
      warnings.push({
        reason: {
          vi: `ánh xạ cột: tệp không có cột ${quoteHeader(from)}`,
          en: `column mapping: the file has no column ${quoteHeader(from)}`,
        },
      });
    }
    for (const i of hits) chosen[i] = target;
  }
  const columns: Partial<Record<ChildField, number>> = {};
  const unknown: { index: number; header: string }[] = [];
  chosen.forEach((target, index) => {
    const header = texts[index] ?? '';
    if (target === 'ignore') return;
    if (target === undefined) {
      unknown.push({ index, header });
      warnings.push({
        reason: {
          vi: `cột ${columnLetter(index)} (${quoteHeader(header)}) không thuộc mẫu nhập, được bỏ qua`,
          en: `column ${columnLetter(index)} (${quoteHeader(header)}) is not in the import layout and is ignored`,
        },
      });
      return;
    }
    const first = columns[target];
    if (first === undefined) {
      columns[target] = index;
      return;
    }
    problems.push({
      field: target,
      reason: {
        vi: `cột ${columnLetter(first)} và cột ${columnLetter(index)} cùng là "${FIELD_HEADERS[target]}"; bỏ bớt một cột hoặc ánh xạ lại`,
        en: `columns ${columnLetter(first)} and ${columnLetter(index)} are both "${FIELD_HEADERS[target]}" (${FIELD_NAMES_EN[target]}); remove one or map them`,
      },
    });
  });
  for (const field of REQUIRED_CHILD_FIELDS) {
    if (columns[field] !== undefined) continue;
    problems.push({
      field,
      reason: {
        vi: `thiếu cột bắt buộc "${FIELD_HEADERS[field]}"; thêm cột hoặc ánh xạ một cột của tệp vào trường này`,
        en: `the required column "${FIELD_HEADERS[field]}" (${FIELD_NAMES_EN[field]}) is missing; add it or map a column of the file to it`,
      },
    });
  }
  return { columns, unknown, problems, warnings };
}

/** A mapping key compared with the file's headers as written, brackets included, case and diacritics aside. */
function looseKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** One row of the file by field, from the columns matchHeaders found. */
export function rowCells(row: readonly CellValue[], columns: Partial<Record<ChildField, number>>): ChildCells {
  const cells: ChildCells = {};
  for (const field of CHILD_FIELDS) {
    const index = columns[field];
    if (index !== undefined) cells[field] = row[index];
  }
  return cells;
}
