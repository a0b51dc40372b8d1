import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import { cleanText, describeUnsafeCharacter, unsafeCharacterIn } from '../../text/clean.ts';
import { squash } from '../../text/fold.ts';
import type { ChildDraft, ChildField, FieldProblem } from '../child.ts';
import { officialEthnicity } from '../ethnicity.ts';
import { normalisePersonName } from '../names.ts';
import { compactPersonalId, personalIdProblems } from '../personal-id.ts';
import { CellMemo } from './cell-memo.ts';
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
  /** an import's reads of repeated cells (cell-memo.ts); the screen's single rows need none */
  memo?: CellMemo;
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

/** What one row's reading has found so far; the readers below add to it. */
interface RowState {
  context: RowContext;
  problems: FieldProblem[];
  warnings: FieldProblem[];
  birthDate?: string | undefined;
  sex?: ChildDraft['sex'] | undefined;
}

/** Reads a non-empty cell of a field; module-level, so that a row allocates no functions. */
type CellReader<T> = (value: NonNullable<CellValue>, state: RowState, field: ChildField) => CellRead<T>;

/** `next` applied to what `read` read, keeping read's warning; a refusal passes through. */
function then<A, B>(state: RowState, field: ChildField, read: CellRead<A>, next: (value: A, state: RowState) => CellRead<B>) {
  if (!read.ok) return read;
  if (read.warning) state.warnings.push(fieldProblem(field, read.warning));
  return next(read.value, state);
}

/**
 * A field's value: the reader's (null for an empty optional cell), or undefined with a problem.
 * A cell repeated in an import is read once (cell-memo.ts): what it added is added again.
 */
function cell<T>(state: RowState, cells: ChildCells, field: ChildField, required: boolean, reader: CellReader<T>) {
  const value = cells[field];
  const memo = state.context.memo;
  if (memo === undefined || !CellMemo.remembers(field, value)) return readCell(state, field, required, value, reader);
  const known = memo.get(field, value);
  if (known) {
    state.problems.push(...known.problems);
    state.warnings.push(...known.warnings);
    return known.value as T | null | undefined;
  }
  const [p, w] = [state.problems.length, state.warnings.length];
  const read = readCell(state, field, required, value, reader);
  memo.set(field, value, { value: read, problems: state.problems.slice(p), warnings: state.warnings.slice(w) });
  return read;
}

function readCell<T>(state: RowState, field: ChildField, required: boolean, value: CellValue, reader: CellReader<T>) {
  const read: CellRead<T | null> = isEmpty(value)
    ? required
      ? no(REQUIRED)
      : { ok: true, value: null }
    : reader(value, state, field);
  if (!read.ok) {
    state.problems.push(fieldProblem(field, read.reason));
    return undefined;
  }
  if (read.warning) state.warnings.push(fieldProblem(field, read.warning));
  return read.value;
}

const nameCell: CellReader<string> = (v, state, field) => then(state, field, textOf(v), normalisePersonName);
const textCell =
  <T>(reader: (text: string) => CellRead<T>): CellReader<T> =>
  (v, state, field) =>
    then(state, field, textOf(v), reader);
const sexCell = textCell(readSex);
const ethnicityCell = textCell(readEthnicity);
const addressCell = textCell(readAddress);
const groupsCell = textCell(readGroups);
const schoolingCell = textCell(readSchooling);
const birthCell: CellReader<string> = (v, state, field) => then(state, field, dateOf(v), checkBirth);
const identifiedCell: CellReader<string> = (v, state, field) => then(state, field, dateOf(v), checkIdentified);
const phoneCell: CellReader<string> = (v, state, field) => then(state, field, codeOf(v), readPhone);
const personalIdCell: CellReader<string> = (v, state, field) => then(state, field, codeOf(v), checkPersonalId);
const communeCell: CellReader<string> = (v, state, field) =>
  then(state, field, then(state, field, codeOf(v), readCommuneCode), (code) => readCommune(code, state.context.resolveCommune));
const disabilityCell: CellReader<boolean> = (v) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? readDisability(v) : notText(v);

export function normaliseChildRow(cells: ChildCells, context: RowContext): RowResult {
  const state: RowState = { context, problems: [], warnings: [] };
  const { problems, warnings } = state;
  const fullName = cell(state, cells, 'fullName', true, nameCell);
  const birthDate = (state.birthDate = cell(state, cells, 'birthDate', true, birthCell) ?? undefined);
  const sex = (state.sex = cell(state, cells, 'sex', true, sexCell) ?? undefined);
  const ethnicity = cell(state, cells, 'ethnicity', false, ethnicityCell);
  const communeCode = cell(state, cells, 'communeCode', true, communeCell);
  const address = cell(state, cells, 'address', false, addressCell);
  const motherName = cell(state, cells, 'motherName', false, nameCell);
  const fatherName = cell(state, cells, 'fatherName', false, nameCell);
  const carerName = cell(state, cells, 'carerName', false, nameCell);
  const phone = cell(state, cells, 'phone', false, phoneCell);
  const groups = cell(state, cells, 'groups', false, groupsCell) ?? [];
  const identifiedOn = cell(state, cells, 'identifiedOn', false, identifiedCell);
  const disability = cell(state, cells, 'disability', false, disabilityCell);
  const schooling = cell(state, cells, 'schooling', false, schoolingCell);
  const personalId = cell(state, cells, 'personalId', false, personalIdCell);

  if (groups.includes('d') && disability === false) {
    warnings.push(
      fieldProblem('disability', {
        vi: 'ghi Không nhưng trẻ thuộc nhóm d (trẻ em khuyết tật)',
        en: 'says no but the child is in group d (children with disabilities)',
      }),
    );
  }
  // every read that failed added a problem; the undefined tests only tell the compiler so
  if (
    problems.length > 0 ||
    fullName === undefined ||
    fullName === null ||
    birthDate === undefined ||
    sex === undefined ||
    ethnicity === undefined ||
    communeCode === undefined ||
    communeCode === null ||
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
}

function checkBirth(birth: string, state: RowState): CellRead<string> {
  const today = state.context.today;
  if (!isIsoDate(today)) {
    return no({ vi: 'ngày nhập không hợp lệ (lỗi chương trình)', en: 'the import date is invalid (a program error)' });
  }
  if (birth > today) return no({ vi: 'ở tương lai', en: 'is in the future' });
  if (!isUnderAge(birth, CHILD_AGE_LIMIT, today)) {
    return no({
      vi: 'người này đã đủ 16 tuổi vào ngày nhập; trẻ em là người dưới 16 tuổi (Luật Trẻ em, Điều 1)',
      en: 'this person is 16 or older on the import date; a child is under 16 (Luật Trẻ em, Article 1)',
    });
  }
  return { ok: true, value: birth };
}

function checkIdentified(on: string, state: RowState): CellRead<string> {
  if (on > state.context.today) return no({ vi: 'ở tương lai', en: 'is in the future' });
  if (state.birthDate && on < state.birthDate) return no({ vi: 'trước ngày sinh', en: 'is before the birth date' });
  return { ok: true, value: on };
}

function checkPersonalId(value: string | number, state: RowState): CellRead<string> {
  let id =
    typeof value === 'number' ? (Number.isSafeInteger(value) && value >= 0 ? String(value) : 'x') : compactPersonalId(value);
  // every ID starts with 0 (00 for the provinces 01–09), which Excel drops from a number cell
  if (typeof value === 'number' && (id.length === 10 || id.length === 11)) {
    id = id.padStart(12, '0');
    state.warnings.push(
      fieldProblem('personalId', {
        vi: 'đã thêm số 0 ở đầu (Excel bỏ số 0 ở đầu; hãy định dạng cột là Văn bản)',
        en: 'leading zeros were added (Excel drops them; format the column as Text)',
      }),
    );
  }
  const holder = { birthYear: state.birthDate ? Number(state.birthDate.slice(0, 4)) : null, sex: state.sex ?? null };
  const found = personalIdProblems(id, holder);
  const last = found.pop();
  if (!last) return { ok: true, value: id };
  // one problem per broken rule of the number, in the order they were found
  for (const p of found) state.problems.push(fieldProblem('personalId', p));
  return no(last);
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
