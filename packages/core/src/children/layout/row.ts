import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import { cleanText, describeUnsafeCharacter, unsafeCharacterIn } from '../../text/clean.ts';
import { squash } from '../../text/fold.ts';
import type { ChildDraft, ChildField, FieldProblem } from '../child.ts';
import { officialEthnicity } from '../ethnicity.ts';
import { normalisePersonName } from '../names.ts';
import { compactPersonalId, personalIdProblems } from '../personal-id.ts';
import { type CommuneResolver, readCommune } from './communes.ts';
import { isIsoDate, isUnderAge, readDate } from './dates.ts';
import { type CellValue, type ChildCells, fieldProblem, type CellRead } from './fields.ts';
import { readPhone } from './phone.ts';
import { readCommuneCode, readDisability, readGroups, readSchooling, readSex } from './values.ts';

/**
 * One row of the import layout to a ChildDraft, by every rule of ../shared/spec/children-import.md.
 * Pure and total: any cells in, a draft (when no rule is broken) and the reasons out. Reasons name
 * the field by its layout header and never quote the child's name, ID, birth date or phone.
 * Uniqueness of the personal ID is the register's check, not the row's.
 */

export interface RowContext {
  /** the import date in Vietnam, `YYYY-MM-DD`: ages and "not in the future" are counted from it */
  today: string;
  resolveCommune: CommuneResolver;
}

export interface RowResult {
  /** present exactly when `problems` is empty */
  draft?: ChildDraft;
  problems: FieldProblem[];
  warnings: FieldProblem[];
}

export const MAX_ADDRESS_LENGTH = 300;
export const MAX_ETHNICITY_LENGTH = 50;
/** A child in law (Luật Trẻ em 2016, Điều 1) is under 16. */
export const CHILD_AGE_LIMIT = 16;

const no = (reason: Bilingual): CellRead<never> => ({ ok: false, reason });

const REQUIRED: Bilingual = { vi: 'bắt buộc, ô đang trống', en: 'is required and the cell is empty' };

/** Why a cell of the wrong kind is refused; Excel turns `1/2` (an alley number) into a date by itself. */
function notText(value: unknown): CellRead<never> {
  if (value instanceof Date) {
    return no({
      vi: 'ô là ngày tháng, không phải chữ (Excel có thể đã tự đổi; hãy định dạng cột là Văn bản)',
      en: 'the cell is a date, not text (Excel may have converted it; format the column as Text)',
    });
  }
  return no({ vi: 'ô không chứa chữ', en: 'the cell does not hold text' });
}

function isEmpty(cell: CellValue): cell is null | undefined | '' {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell as one line of NFC text (line breaks inside a spreadsheet cell are layout, not content). */
function textOf(value: NonNullable<CellValue>): CellRead<string> {
  if (typeof value !== 'string' && typeof value !== 'number') return notText(value);
  const raw = String(value);
  const unsafe = unsafeCharacterIn(raw, { multiline: true });
  if (unsafe) return no({ vi: describeUnsafeCharacter(unsafe, 'vi'), en: describeUnsafeCharacter(unsafe, 'en') });
  // invisible spaces that text copied from web pages carries would make equal names differ
  return { ok: true, value: squash(cleanText(raw).replace(/[\u200b\u2060\u00ad]/g, '')) };
}

const codeOf = (value: NonNullable<CellValue>): CellRead<string | number> =>
  typeof value === 'string' || typeof value === 'number' ? { ok: true, value } : notText(value);

// the cell types say what the readers should give; anything else (a reader's rich-text object) is refused, not trusted
const dateOf = (value: NonNullable<CellValue>): CellRead<string> =>
  typeof value === 'string' || typeof value === 'number' || value instanceof Date ? readDate(value) : notText(value);

export function normaliseChildRow(cells: ChildCells, context: RowContext): RowResult {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const warn = (field: ChildField, reason: Bilingual) => warnings.push(fieldProblem(field, reason));
  /** `next` applied to what `read` read, keeping read's warning; a refusal passes through. */
  const then = <A, B>(field: ChildField, read: CellRead<A>, next: (value: A) => CellRead<B>): CellRead<B> => {
    if (!read.ok) return read;
    if (read.warning) warn(field, read.warning);
    return next(read.value);
  };
  /** A required field (a problem when empty) or an optional one (null when empty), by its reader. */
  function cell<T>(field: ChildField, required: true, reader: (value: NonNullable<CellValue>) => CellRead<T>): T | undefined;
  function cell<T>(
    field: ChildField,
    required: false,
    reader: (value: NonNullable<CellValue>) => CellRead<T>,
  ): T | null | undefined;
  function cell<T>(field: ChildField, required: boolean, reader: (value: NonNullable<CellValue>) => CellRead<T>) {
    const value = cells[field];
    const read: CellRead<T | null> = isEmpty(value) ? (required ? no(REQUIRED) : { ok: true, value: null }) : reader(value);
    if (!read.ok) {
      problems.push(fieldProblem(field, read.reason));
      return undefined;
    }
    if (read.warning) warn(field, read.warning);
    return read.value;
  }
  const name = (field: ChildField) => (value: NonNullable<CellValue>) => then(field, textOf(value), normalisePersonName);
  const text =
    <T>(field: ChildField, reader: (text: string) => CellRead<T>) =>
    (value: NonNullable<CellValue>) =>
      then(field, textOf(value), reader);

  const fullName = cell('fullName', true, name('fullName'));
  const birthDate = cell('birthDate', true, (v) => then('birthDate', dateOf(v), checkBirth));
  const sex = cell('sex', true, text('sex', readSex));
  const ethnicity = cell('ethnicity', false, text('ethnicity', readEthnicity));
  const communeCode = cell('communeCode', true, (v) =>
    then('communeCode', then('communeCode', codeOf(v), readCommuneCode), (code) => readCommune(code, context.resolveCommune)),
  );
  const address = cell('address', false, text('address', readAddress));
  const motherName = cell('motherName', false, name('motherName'));
  const fatherName = cell('fatherName', false, name('fatherName'));
  const carerName = cell('carerName', false, name('carerName'));
  const phone = cell('phone', false, (v) => then('phone', codeOf(v), readPhone));
  const groups = cell('groups', false, text('groups', readGroups)) ?? [];
  const identifiedOn = cell('identifiedOn', false, (v) => then('identifiedOn', dateOf(v), checkIdentified));
  const disability = cell('disability', false, (v) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? readDisability(v) : notText(v),
  );
  const schooling = cell('schooling', false, text('schooling', readSchooling));
  const personalId = cell('personalId', false, (v) => then('personalId', codeOf(v), checkPersonalId));

  if (groups.includes('d') && disability === false) {
    warn('disability', {
      vi: 'ghi Không nhưng trẻ thuộc nhóm d (trẻ em khuyết tật)',
      en: 'says no but the child is in group d (children with disabilities)',
    });
  }
  // every read that failed added a problem; the undefined tests only tell the compiler so
  if (
    problems.length > 0 ||
    fullName === undefined ||
    birthDate === undefined ||
    sex === undefined ||
    ethnicity === undefined ||
    communeCode === undefined ||
    address === undefined ||
    motherName === undefined ||
    fatherName === undefined ||
    carerName === undefined ||
    phone === undefined ||
    identifiedOn === undefined ||
    disability === undefined ||
    schooling === undefined ||
    personalId === undefined
  ) {
    return { problems, warnings };
  }
  const draft: ChildDraft = {
    fullName,
    birthDate,
    sex,
    ethnicity: ethnicity?.name ?? null,
    ethnicityListed: ethnicity?.listed ?? false,
    personalId,
    communeCode,
    address,
    motherName,
    fatherName,
    carerName,
    phone,
    groups,
    identifiedOn,
    disability,
    schooling,
  };
  return { draft, problems, warnings };

  function checkBirth(birth: string): CellRead<string> {
    if (!isIsoDate(context.today)) {
      return no({ vi: 'ngày nhập không hợp lệ (lỗi chương trình)', en: 'the import date is invalid (a program error)' });
    }
    if (birth > context.today) return no({ vi: 'ở tương lai', en: 'is in the future' });
    if (!isUnderAge(birth, CHILD_AGE_LIMIT, context.today)) {
      return no({
        vi: 'người này đã đủ 16 tuổi vào ngày nhập; trẻ em là người dưới 16 tuổi (Luật Trẻ em, Điều 1)',
        en: 'this person is 16 or older on the import date; a child is under 16 (Luật Trẻ em, Article 1)',
      });
    }
    return { ok: true, value: birth };
  }

  function checkIdentified(on: string): CellRead<string> {
    if (on > context.today) return no({ vi: 'ở tương lai', en: 'is in the future' });
    if (birthDate && on < birthDate) return no({ vi: 'trước ngày sinh', en: 'is before the birth date' });
    return { ok: true, value: on };
  }

  function checkPersonalId(value: string | number): CellRead<string> {
    let id =
      typeof value === 'number' ? (Number.isSafeInteger(value) && value >= 0 ? String(value) : 'x') : compactPersonalId(value);
    // every ID starts with 0 (00 for the provinces 01–09), which Excel drops from a number cell
    if (typeof value === 'number' && (id.length === 10 || id.length === 11)) {
      id = id.padStart(12, '0');
      warn('personalId', {
        vi: 'đã thêm số 0 ở đầu (Excel bỏ số 0 ở đầu; hãy định dạng cột là Văn bản)',
        en: 'leading zeros were added (Excel drops them; format the column as Text)',
      });
    }
    const holder = { birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null, sex: sex ?? null };
    const found = personalIdProblems(id, holder);
    const last = found.pop();
    if (!last) return { ok: true, value: id };
    // one problem per broken rule of the number, in the order they were found
    for (const p of found) problems.push(fieldProblem('personalId', p));
    return no(last);
  }
}

function readEthnicity(t: string): CellRead<{ name: string; listed: boolean }> {
  if (t.length > MAX_ETHNICITY_LENGTH) {
    return {
      ok: false,
      reason: { vi: `dài quá ${MAX_ETHNICITY_LENGTH} ký tự`, en: `is longer than ${MAX_ETHNICITY_LENGTH} characters` },
    };
  }
  const official = officialEthnicity(t);
  if (official) return { ok: true, value: { name: official, listed: true } };
  return {
    ok: true,
    value: { name: t, listed: false },
    warning: {
      vi: 'không có trong danh mục 54 dân tộc; được giữ như đã ghi',
      en: 'is not one of the 54 ethnic groups; kept as written',
    },
  };
}

function readAddress(t: string): CellRead<string> {
  return t.length > MAX_ADDRESS_LENGTH
    ? { ok: false, reason: { vi: `dài quá ${MAX_ADDRESS_LENGTH} ký tự`, en: `is longer than ${MAX_ADDRESS_LENGTH} characters` } }
    : { ok: true, value: t };
}
