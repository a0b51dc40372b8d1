import { foldText } from '../../text/fold.ts';
import { CIRCUMSTANCE_GROUPS, type CircumstanceGroup, type Schooling, type Sex } from '../child.ts';
import type { CellRead } from './fields.ts';

/**
 * The coded fields of the import layout: sex, phone, groups, disability, schooling, the commune
 * code's digits. Matching folds case and diacritics (`NỮ`, `nữ`, `nu`), since spreadsheets are
 * typed with and without a Vietnamese keyboard. Only the group letters are quoted in reasons.
 */

/** Folded, without spaces or punctuation: `Chưa đi học` → `chuadihoc`, `THCS` → `thcs`. */
function key(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

const SEXES = new Map<string, Sex>([
  ['nam', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['nu', 'female'],
  ['f', 'female'],
  ['female', 'female'],
]);

export function readSex(text: string): CellRead<Sex> {
  const sex = SEXES.get(key(text));
  return sex
    ? { ok: true, value: sex }
    : { ok: false, reason: { vi: 'cần ghi Nam hoặc Nữ', en: 'must be Nam (male) or Nữ (female)' } };
}

const YES = new Set(['co', 'x', '1', 'yes', 'true']);
const NO = new Set(['khong', '0', 'no', 'false']);

/** `Có`/`Không`; also `x` (a ticked column), `1`/`0`, and the booleans and numbers of an XLSX cell. */
export function readDisability(value: string | number | boolean): CellRead<boolean> {
  const k = key(String(value));
  if (YES.has(k)) return { ok: true, value: true };
  if (NO.has(k)) return { ok: true, value: false };
  return { ok: false, reason: { vi: 'cần ghi Có hoặc Không', en: 'must be Có (yes) or Không (no)' } };
}

/** The six values of the layout, their full names, and the register's own keys. */
const SCHOOLINGS = new Map<string, Schooling>([
  ['chuadihoc', 'none'],
  ['none', 'none'],
  ['mamnon', 'preschool'],
  ['preschool', 'preschool'],
  ['tieuhoc', 'primary'],
  ['primary', 'primary'],
  ['thcs', 'lower_secondary'],
  ['trunghoccoso', 'lower_secondary'],
  ['lowersecondary', 'lower_secondary'],
  ['thpt', 'upper_secondary'],
  ['trunghocphothong', 'upper_secondary'],
  ['uppersecondary', 'upper_secondary'],
  ['bohoc', 'dropped_out'],
  ['dabohoc', 'dropped_out'],
  ['droppedout', 'dropped_out'],
]);

export function readSchooling(text: string): CellRead<Schooling> {
  const schooling = SCHOOLINGS.get(key(text));
  return schooling
    ? { ok: true, value: schooling }
    : {
        ok: false,
        reason: {
          vi: 'cần một trong: Chưa đi học, Mầm non, Tiểu học, THCS, THPT, Bỏ học',
          en: 'must be one of: Chưa đi học, Mầm non, Tiểu học, THCS, THPT, Bỏ học',
        },
      };
}

/**
 * Letters of Luật Trẻ em Điều 10, several separated by `;`, `,` or spaces; `a)` and `a.` as the law
 * writes them. `đ` is its own group, not `d`: it is `đ`/`Đ`, or `dd` as Telex types it without a
 * Vietnamese keyboard. Out: without repeats, in the law's order.
 */
export function readGroups(text: string): CellRead<CircumstanceGroup[]> {
  const found = new Set<CircumstanceGroup>();
  const bad: string[] = [];
  for (const token of text.split(/[;,\s]+/)) {
    if (token === '') continue;
    const letter = token.toLowerCase().replace(/[).]$/, '');
    const group = letter === 'dd' ? 'đ' : CIRCUMSTANCE_GROUPS.find((g) => g === letter);
    if (group) found.add(group);
    else bad.push(token);
  }
  if (bad.length > 0) {
    // only what could be a mistyped letter is quoted: a longer word may be a name from a column
    // mapped here by mistake, and reasons never quote a child's or a parent's name
    const shown = bad.filter((b) => b.length <= 2).slice(0, 5);
    const list = shown.length > 0 ? shown.map((b) => `"${b}"`).join(', ') + (bad.length > shown.length ? ', …' : '') : 'ô này';
    return {
      ok: false,
      reason: {
        vi: `${list} không phải nhóm nào của Điều 10 Luật Trẻ em (chữ a, b, c, d, đ, e, g, h, i, k, l, m, n, o)`,
        en: `${shown.length > 0 ? list : 'the cell'} is not a group of Luật Trẻ em Article 10 (letters a, b, c, d, đ, e, g, h, i, k, l, m, n, o)`,
      },
    };
  }
  return { ok: true, value: CIRCUMSTANCE_GROUPS.filter((g) => found.has(g)) };
}

/**
 * The commune code's five digits. Excel drops the leading zeros of a code in a number cell (`4` for
 * `00004`), and a CSV saved from Excel keeps the loss, so one to four digits are padded, with a
 * warning that says so.
 */
export function readCommuneCode(value: string | number): CellRead<string> {
  const text = typeof value === 'number' ? (Number.isInteger(value) && value >= 0 ? String(value) : '?') : value.trim();
  if (!/^\d{1,5}$/.test(text)) {
    return { ok: false, reason: { vi: 'cần 5 chữ số', en: 'needs 5 digits' } };
  }
  const code = text.padStart(5, '0');
  if (code === text) return { ok: true, value: code };
  return {
    ok: true,
    value: code,
    warning: {
      vi: `"${text}" được hiểu là ${code} (Excel bỏ số 0 ở đầu; hãy định dạng cột là Văn bản)`,
      en: `"${text}" read as ${code} (Excel drops leading zeros; format the column as Text)`,
    },
  };
}
