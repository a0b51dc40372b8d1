import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import type { ChildField, FieldProblem } from '../child.ts';

/**
 * The header of each field in the import layout (../shared/spec/children-import.md). Reports and
 * reasons name a field by this header, whatever the file called the column, so that the user finds
 * it in the template.
 */
export const FIELD_HEADERS: Readonly<Record<ChildField, string>> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  ethnicity: 'Dân tộc',
  personalId: 'Số định danh cá nhân',
  communeCode: 'Mã xã',
  address: 'Địa chỉ',
  motherName: 'Họ tên mẹ',
  fatherName: 'Họ tên cha',
  carerName: 'Họ tên người chăm sóc',
  phone: 'Số điện thoại',
  groups: 'Nhóm hoàn cảnh đặc biệt',
  identifiedOn: 'Ngày xác định',
  disability: 'Khuyết tật',
  schooling: 'Tình trạng đi học',
};

/** The field in English, added after the Vietnamese header in English reasons. */
export const FIELD_NAMES_EN: Readonly<Record<ChildField, string>> = {
  fullName: 'full name',
  birthDate: 'birth date',
  sex: 'sex',
  ethnicity: 'ethnicity',
  personalId: 'personal ID',
  communeCode: 'commune code',
  address: 'address',
  motherName: "mother's name",
  fatherName: "father's name",
  carerName: "carer's name",
  phone: 'phone',
  groups: 'special-circumstance groups',
  identifiedOn: 'date identified',
  disability: 'disability',
  schooling: 'schooling',
};

/** The fields a row cannot be imported without, in the spec's order. */
export const REQUIRED_CHILD_FIELDS: readonly ChildField[] = ['fullName', 'birthDate', 'sex', 'communeCode'];

/** A reason about one field, prefixed with its header: "Ngày sinh: …" / "Ngày sinh (birth date): …". */
export function fieldProblem(field: ChildField, reason: Bilingual): FieldProblem {
  return {
    field,
    reason: {
      vi: `${FIELD_HEADERS[field]}: ${reason.vi}`,
      en: `${FIELD_HEADERS[field]} (${FIELD_NAMES_EN[field]}): ${reason.en}`,
    },
  };
}

/** A value read from a cell, or why it cannot be; `warning` says what was assumed to read it. */
export type CellRead<T> = { ok: true; value: T; warning?: Bilingual } | { ok: false; reason: Bilingual };

/** A cell as the CSV and XLSX readers give it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One row of the file, by field (after matchHeaders and rowCells). */
export type ChildCells = Partial<Record<ChildField, CellValue>>;

/** `A`, `B`, …, `Z`, `AA`: how the spreadsheet names the column with this 0-based index. */
export function columnLetter(index: number): string {
  let n = Math.floor(index) + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
