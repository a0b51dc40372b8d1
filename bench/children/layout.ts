/**
 * How a child becomes a row: the cells in the import layout's field order (CHILD_FIELDS), written
 * in a style (date format, spelling of sex, phone grouping, name case), then arranged under the
 * headers of a file format: `standard` (children-import.md), `variant` (other Vietnamese labels, an
 * STT and a note column, another order) or `english`, for testing the column mapping.
 */
import { CHILD_FIELDS, type ChildField } from '@tre/core/children/child';
import { stripDiacritics } from '@tre/core/text/fold';
import { formatDay, type DateFormat } from './dates.ts';
import { fullName, type Child } from './people.ts';

export const FORMATS = ['standard', 'variant', 'english'] as const;
export type Format = (typeof FORMATS)[number];

export interface Style {
  dateFormat: DateFormat;
  sex: 'word' | 'lower' | 'ascii' | 'letter';
  phone: 'plain' | 'spaced' | 'dotted' | 'intl';
  groupSeparator: string;
  nameCase: 'as-is' | 'upper' | 'lower';
  ascii: boolean;
  extraSpaces: boolean;
}

export const PLAIN_STYLE: Style = {
  dateFormat: 'dd/mm/yyyy',
  sex: 'word',
  phone: 'plain',
  groupSeparator: '; ',
  nameCase: 'as-is',
  ascii: false,
  extraSpaces: false,
};

export const FIELD_INDEX = Object.fromEntries(CHILD_FIELDS.map((f, i) => [f, i])) as Record<ChildField, number>;

const SEX_WORDS: Record<Style['sex'], readonly [string, string]> = {
  word: ['Nam', 'Nữ'],
  lower: ['nam', 'nữ'],
  ascii: ['nam', 'nu'],
  letter: ['M', 'F'],
};

export function formatPhone(p: string, style: Style['phone']): string {
  if (style === 'plain') return p;
  const rest = p.slice(1);
  const groups = p.length === 10 ? [p.slice(0, 4), p.slice(4, 7), p.slice(7)] : [p.slice(0, 4), p.slice(4, 8), p.slice(8)];
  if (style === 'spaced') return groups.join(' ');
  if (style === 'dotted') return groups.join('.');
  return `+84 ${rest.slice(0, 3)} ${rest.slice(3, 6)} ${rest.slice(6)}`;
}

export function formatName(c: Child, style: Style): string {
  let s = fullName(c.name);
  if (style.ascii) s = stripDiacritics(s);
  if (style.nameCase === 'upper') s = s.toLocaleUpperCase('vi');
  else if (style.nameCase === 'lower') s = s.toLocaleLowerCase('vi');
  if (style.extraSpaces) s = ` ${s.replace(' ', '  ')} `;
  return s;
}

/** The row's cells in CHILD_FIELDS order. */
export function renderCells(c: Child, style: Style): string[] {
  const [male, female] = SEX_WORDS[style.sex];
  const cells: Record<ChildField, string> = {
    fullName: formatName(c, style),
    birthDate: formatDay(c.birth, style.dateFormat),
    sex: c.sex === 'male' ? male : female,
    ethnicity: c.ethnicityText ?? '',
    personalId: c.personalId ?? '',
    communeCode: c.communeCode,
    address: c.address,
    motherName: c.mother ?? '',
    fatherName: c.father ?? '',
    carerName: c.carer ?? '',
    phone: c.phone === null ? '' : formatPhone(c.phone, style.phone),
    groups: c.groups.join(style.groupSeparator),
    identifiedOn: c.identifiedOn === null ? '' : formatDay(c.identifiedOn, style.dateFormat),
    disability: c.disability === null ? '' : c.disability ? 'Có' : 'Không',
    schooling: c.schooling ?? '',
  };
  return CHILD_FIELDS.map((f) => cells[f]);
}

export type ColumnSource = ChildField | 'rowNumber' | 'note';
export interface Column {
  header: string;
  source: ColumnSource;
}

const STANDARD: readonly Column[] = (
  [
    ['Họ và tên', 'fullName'],
    ['Ngày sinh', 'birthDate'],
    ['Giới tính', 'sex'],
    ['Dân tộc', 'ethnicity'],
    ['Số định danh cá nhân', 'personalId'],
    ['Mã xã', 'communeCode'],
    ['Địa chỉ', 'address'],
    ['Họ tên mẹ', 'motherName'],
    ['Họ tên cha', 'fatherName'],
    ['Họ tên người chăm sóc', 'carerName'],
    ['Số điện thoại', 'phone'],
    ['Nhóm hoàn cảnh đặc biệt', 'groups'],
    ['Ngày xác định', 'identifiedOn'],
    ['Khuyết tật', 'disability'],
    ['Tình trạng đi học', 'schooling'],
  ] as const
).map(([header, source]) => ({ header, source }));

const VARIANT: readonly Column[] = (
  [
    ['STT', 'rowNumber'],
    ['Họ tên trẻ em', 'fullName'],
    ['Nam/Nữ', 'sex'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Dân tộc', 'ethnicity'],
    ['Số CCCD/ĐDCN', 'personalId'],
    ['Mã ĐVHC cấp xã', 'communeCode'],
    ['Thôn, xóm, số nhà', 'address'],
    ['Họ tên bố', 'fatherName'],
    ['Họ tên mẹ', 'motherName'],
    ['Người trực tiếp chăm sóc', 'carerName'],
    ['SĐT liên hệ', 'phone'],
    ['Thuộc nhóm (Điều 10)', 'groups'],
    ['Ngày phát hiện', 'identifiedOn'],
    ['Trẻ khuyết tật', 'disability'],
    ['Học tập', 'schooling'],
    ['Ghi chú', 'note'],
  ] as const
).map(([header, source]) => ({ header, source }));

const ENGLISH: readonly Column[] = (
  [
    ['No.', 'rowNumber'],
    ['Child ID number', 'personalId'],
    ['Full name', 'fullName'],
    ['Date of birth', 'birthDate'],
    ['Gender', 'sex'],
    ['Ethnic group', 'ethnicity'],
    ['Commune code', 'communeCode'],
    ['Address', 'address'],
    ['Phone', 'phone'],
    ['Mother', 'motherName'],
    ['Father', 'fatherName'],
    ['Caregiver', 'carerName'],
    ['Special circumstances', 'groups'],
    ['Identified on', 'identifiedOn'],
    ['Disability', 'disability'],
    ['School status', 'schooling'],
  ] as const
).map(([header, source]) => ({ header, source }));

export function columnsOf(format: Format): readonly Column[] {
  return format === 'variant' ? VARIANT : format === 'english' ? ENGLISH : STANDARD;
}

/** The cells under the format's headers; `seq` is the 1-based data row (the STT column). */
export function arrange(cells: readonly string[], columns: readonly Column[], seq: number, note = ''): string[] {
  return columns.map(({ source }) =>
    source === 'rowNumber' ? String(seq) : source === 'note' ? note : (cells[FIELD_INDEX[source]] ?? ''),
  );
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record (RFC 4180: quoted only when needed, quotes doubled), CRLF-terminated. */
export function csvLine(values: readonly string[]): string {
  return values.map((v) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',') + '\r\n';
}
