import type { MessageKey } from '../i18n/messages.ts';
import type { ChildField, ChildSourceDto, CircumstanceGroup, Language, Schooling, Sex, VerificationStatus } from '@tre/core';

/**
 * The words of the children register's screens that belong to the domain (groups, sex, schooling,
 * verification, the layout's fields), Vietnamese first. The screens' own texts are in
 * i18n/messages-children.ts.
 */

type Words = Readonly<{ vi: string; en: string }>;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Luật Trẻ em 2016, Điều 10: the 14 groups of children in special circumstances, in short. */
export const GROUP_LABELS: Readonly<Record<CircumstanceGroup, Words>> = {
  a: { vi: 'Mồ côi cả cha và mẹ', en: 'Orphaned of both parents' },
  b: { vi: 'Bị bỏ rơi', en: 'Abandoned' },
  c: { vi: 'Không nơi nương tựa', en: 'Without anyone to rely on' },
  d: { vi: 'Khuyết tật', en: 'With disabilities' },
  đ: { vi: 'Nhiễm HIV/AIDS', en: 'Living with HIV/AIDS' },
  e: { vi: 'Vi phạm pháp luật', en: 'In conflict with the law' },
  g: { vi: 'Nghiện ma túy', en: 'With drug addiction' },
  h: { vi: 'Bỏ học kiếm sống chưa hoàn thành THCS', en: 'Dropped out to earn a living before finishing lower-secondary' },
  i: {
    vi: 'Bị tổn hại nghiêm trọng về thể chất và tinh thần do bị bạo lực',
    en: 'Seriously harmed physically and mentally by violence',
  },
  k: { vi: 'Bị bóc lột', en: 'Exploited' },
  l: { vi: 'Bị xâm hại tình dục', en: 'Sexually abused' },
  m: { vi: 'Bị mua bán', en: 'Trafficked' },
  n: {
    vi: 'Mắc bệnh hiểm nghèo hoặc bệnh phải điều trị dài ngày thuộc hộ nghèo, cận nghèo',
    en: 'With a severe or long-term illness, in a poor or near-poor household',
  },
  o: {
    vi: 'Di cư, tị nạn, lánh nạn chưa xác định được cha mẹ hoặc không có người chăm sóc',
    en: 'Migrant, refugee or asylum-seeking, with parents unknown or no carer',
  },
};

export const SEX_LABELS: Readonly<Record<Sex, Words>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

export const SCHOOLING_LABELS: Readonly<Record<Schooling, Words>> = {
  none: { vi: 'Chưa đi học', en: 'Not in school yet' },
  preschool: { vi: 'Mầm non', en: 'Pre-school' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lower_secondary: { vi: 'THCS', en: 'Lower secondary' },
  upper_secondary: { vi: 'THPT', en: 'Upper secondary' },
  dropped_out: { vi: 'Bỏ học', en: 'Dropped out' },
};

/** A verification against the national population database: a symbol beside the word, never colour alone. */
export const VERIFICATION_STYLE: Readonly<Record<VerificationStatus | 'none', Words & { symbol: string; color: string }>> = {
  match: { vi: 'Khớp CSDL dân cư', en: 'Matches the population database', symbol: '✓', color: 'teal' },
  mismatch: { vi: 'Không khớp CSDL dân cư', en: 'Differs from the population database', symbol: '≠', color: 'orange' },
  not_found: { vi: 'Không có trong CSDL dân cư', en: 'Not in the population database', symbol: '?', color: 'red' },
  error: { vi: 'Lỗi khi đối chiếu', en: 'Check failed', symbol: '!', color: 'gray' },
  none: { vi: 'Chưa đối chiếu', en: 'Not checked', symbol: '○', color: 'gray' },
};

/** The import layout's headers (../shared/spec/children-import.md), by field, and the fields in English. */
export const FIELD_LABELS: Readonly<Record<ChildField, Words>> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnic group' },
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal ID' },
  communeCode: { vi: 'Mã xã', en: 'Commune code' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  motherName: { vi: 'Họ tên mẹ', en: 'Mother' },
  fatherName: { vi: 'Họ tên cha', en: 'Father' },
  carerName: { vi: 'Họ tên người chăm sóc', en: 'Carer' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  groups: { vi: 'Nhóm hoàn cảnh đặc biệt', en: 'Special-circumstance groups' },
  identifiedOn: { vi: 'Ngày xác định', en: 'Date identified' },
  disability: { vi: 'Khuyết tật', en: 'Disability' },
  schooling: { vi: 'Tình trạng đi học', en: 'Schooling' },
};

/** The fields an import cannot do without (the spec's "required"). */
export const REQUIRED_FIELDS: readonly ChildField[] = ['fullName', 'birthDate', 'sex', 'communeCode'];

/** A record's history names the register's columns (`mother_name`): their words, where the layout has them. */
const HISTORY_FIELDS: Readonly<Record<string, Words>> = {
  full_name: FIELD_LABELS.fullName,
  birth_date: FIELD_LABELS.birthDate,
  sex: FIELD_LABELS.sex,
  ethnicity: FIELD_LABELS.ethnicity,
  personal_id: FIELD_LABELS.personalId,
  commune_code: FIELD_LABELS.communeCode,
  address: FIELD_LABELS.address,
  mother_name: FIELD_LABELS.motherName,
  father_name: FIELD_LABELS.fatherName,
  carer_name: FIELD_LABELS.carerName,
  phone: FIELD_LABELS.phone,
  groups: FIELD_LABELS.groups,
  disability: FIELD_LABELS.disability,
  schooling: FIELD_LABELS.schooling,
  birth_registered: { vi: 'Đã đăng ký khai sinh', en: 'Birth registered' },
  merged: { vi: 'Hồ sơ được gộp vào đây', en: 'Record merged into this one' },
  merged_into: { vi: 'Gộp vào hồ sơ', en: 'Merged into record' },
};

/** The words of a changed field in a record's history (its column name when Tre has none for it). */
export const historyFieldLabel = (column: string, lang: Language): string => HISTORY_FIELDS[column]?.[lang] ?? column;

const HISTORY_ACTIONS: Readonly<Record<string, Words>> = {
  import: { vi: 'Nhập từ tệp', en: 'Import' },
  create: { vi: 'Tạo hồ sơ', en: 'Created' },
  edit: { vi: 'Sửa', en: 'Edited' },
  update: { vi: 'Sửa', en: 'Edited' },
  merge: { vi: 'Gộp hồ sơ trùng', en: 'Duplicate merged' },
  merged_into: { vi: 'Được gộp vào hồ sơ khác', en: 'Merged into another record' },
  unmerge: { vi: 'Hoàn tác việc gộp', en: 'Merge undone' },
  verify: { vi: 'Đối chiếu CSDL dân cư', en: 'Checked against the population database' },
};

export const historyActionLabel = (action: string, lang: Language): string => HISTORY_ACTIONS[action]?.[lang] ?? action;

const YES_NO: Readonly<Record<'true' | 'false', Words>> = { true: { vi: 'Có', en: 'Yes' }, false: { vi: 'Không', en: 'No' } };

export const yesNo = (value: boolean | null, lang: Language): string =>
  value === null ? '—' : YES_NO[value ? 'true' : 'false'][lang];

/** dd/mm/yyyy of a YYYY-MM-DD date; anything else as it is. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : value;
}

const SCHOOLING_KEYS: ReadonlySet<string> = new Set(Object.keys(SCHOOLING_LABELS));

/** A value before or after a change, as the history shows it: dates, yes/no, schooling and sex in words, lists joined. */
export function historyValue(column: string, value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => historyValue(column, v, lang)).join(', ');
  if (typeof value === 'boolean') return yesNo(value, lang);
  if (typeof value === 'number') return column === 'merged' || column === 'merged_into' ? `#${value}` : String(value);
  if (typeof value === 'string') {
    if (column === 'sex' && (value === 'male' || value === 'female')) return SEX_LABELS[value][lang];
    if (column === 'schooling' && SCHOOLING_KEYS.has(value)) return SCHOOLING_LABELS[value as Schooling][lang];
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return value;
  }
  return JSON.stringify(value);
}

/** Where a record came from, in words: the file and its row, the screen, or a case. */
export function sourceText(source: Pick<ChildSourceDto, 'kind' | 'file' | 'row'>, t: Translate): string {
  if (source.kind === 'screen') return t('chdSourceScreen');
  if (source.kind === 'case') return t('chdSourceCase');
  const file = source.file ?? '—';
  return source.row === null ? t('chdSourceFile', { file }) : t('chdSourceFileRow', { file, row: source.row });
}
