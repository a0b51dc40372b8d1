import type { Bilingual } from '../indicators/catalogue-schema.ts';
import type { Sex } from './child.ts';

/**
 * The 12-digit personal identification number, `PPP G YY RRRRRR` (DESIGN.md §6). Reasons never
 * hold the number or any of its digits: identifying values must not reach logs or error reports.
 */

/**
 * The codes of the 63 provinces before 1 July 2025 (data/admin-units/provinces-before-2025.csv).
 * Numbers issued before the 2025 merger keep their province part, so these, not the 34 current
 * provinces, are valid. Embedded so that the check runs anywhere (the browser too); a test keeps it
 * equal to the file.
 */
export const PRE_2025_PROVINCE_CODES = [
  '01', '02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25',
  '26', '27', '30', '31', '33', '34', '35', '36', '37', '38', '40', '42', '44', '45', '46', '48',
  '49', '51', '52', '54', '56', '58', '60', '62', '64', '66', '67', '68', '70', '72', '74', '75',
  '77', '79', '80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96',
] as const; // prettier-ignore

const PROVINCES = new Set<string>(PRE_2025_PROVINCE_CODES);

/** What the row says about the person; either may be unknown (then that part is not compared). */
export interface IdHolder {
  birthYear?: number | null;
  sex?: Sex | null;
}

/** The century-and-sex digit of someone born in `birthYear`, or undefined outside 1900–2199. */
export function centurySexDigit(birthYear: number, sex: Sex): number | undefined {
  // G counts centuries from the 1900s, two digits each: 1900s → 0/1, 2000s → 2/3, 2100s → 4/5
  const century = Math.floor(birthYear / 100) - 19;
  if (!Number.isInteger(century) || century < 0 || century > 2) return undefined;
  return century * 2 + (sex === 'female' ? 1 : 0);
}

/** The number as stored: white space dropped (people group the digits as on the card). */
export function compactPersonalId(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** `••••••••1234`: only the last four digits, for screens and reports that must tell records apart. */
export function maskPersonalId(id: string): string {
  const compact = compactPersonalId(id);
  // four or fewer characters would be shown whole: hide them all
  if (compact.length <= 4) return '•'.repeat(compact.length);
  return '•'.repeat(compact.length - 4) + compact.slice(-4);
}

function centuryRule(birthYear: number): Bilingual {
  const start = Math.floor(birthYear / 100) * 100;
  const male = centurySexDigit(birthYear, 'male') ?? 0;
  return {
    vi: `sinh năm ${start}–${start + 99} cần ${male} (Nam) hoặc ${male + 1} (Nữ)`,
    en: `born ${start}–${start + 99} needs ${male} (male) or ${male + 1} (female)`,
  };
}

/**
 * Why the number is not a valid personal ID for this person; empty when it is. Checks, in order:
 * digits only, 12 of them, province part, century/sex digit, then agreement with the birth year and
 * sex when the row gives them. White space inside is allowed (see compactPersonalId).
 */
export function personalIdProblems(raw: string, holder: IdHolder = {}): Bilingual[] {
  const id = compactPersonalId(raw);
  if (!/^\d+$/.test(id)) {
    // Excel shows a long number typed into a General cell as 4.02091E+10; a CSV saved from it keeps that text
    const scientific = /^\d(?:[.,]\d+)?E\+?\d+$/i.test(id);
    return [
      scientific
        ? {
            vi: 'Excel đã đổi số thành dạng 4,02E+10 và làm mất chữ số; hãy định dạng cột là Văn bản (Text) rồi nhập lại',
            en: 'Excel turned the number into 4.02E+10 form and lost digits; format the column as Text and enter it again',
          }
        : { vi: 'chỉ được có chữ số (0–9)', en: 'may hold digits (0–9) only' },
    ];
  }
  if (id.length !== 12) {
    return [{ vi: `cần đúng 12 chữ số, có ${id.length}`, en: `needs exactly 12 digits, has ${id.length}` }];
  }
  const problems: Bilingual[] = [];
  if (id[0] !== '0' || !PROVINCES.has(id.slice(1, 3))) {
    problems.push({
      vi: 'ba chữ số đầu phải là 0 và mã của một trong 63 tỉnh, thành phố trước năm 2025 (nơi đăng ký khai sinh)',
      en: 'the first three digits must be 0 and the code of one of the 63 pre-2025 provinces (where the birth was registered)',
    });
  }
  const g = Number(id[3]);
  const { birthYear, sex } = holder;
  const knownYear = birthYear !== undefined && birthYear !== null && centurySexDigit(birthYear, 'male') !== undefined;
  if (g > 5) {
    problems.push({
      vi: 'chữ số thứ 4 (thế kỷ và giới tính) phải từ 0 đến 5',
      en: 'the 4th digit (century and sex) must be 0 to 5',
    });
  } else if (knownYear) {
    const expected = centurySexDigit(birthYear, sex ?? 'male') ?? 0;
    const agrees = sex ? g === expected : Math.floor(g / 2) === Math.floor(expected / 2);
    if (!agrees) {
      const rule = centuryRule(birthYear);
      problems.push({
        vi: `chữ số thứ 4 (thế kỷ và giới tính) không khớp với năm sinh${sex ? ' và giới tính' : ''}: ${rule.vi}`,
        en: `the 4th digit (century and sex) does not agree with the birth year${sex ? ' and sex' : ''}: ${rule.en}`,
      });
    }
  } else if (sex && g % 2 !== (sex === 'female' ? 1 : 0)) {
    problems.push({
      vi: 'chữ số thứ 4 (thế kỷ và giới tính) không khớp với giới tính: số chẵn là Nam, số lẻ là Nữ',
      en: 'the 4th digit (century and sex) does not agree with the sex: even is male, odd is female',
    });
  }
  if (knownYear && id.slice(4, 6) !== String(birthYear % 100).padStart(2, '0')) {
    problems.push({
      vi: 'chữ số thứ 5 và 6 phải là hai số cuối của năm sinh',
      en: 'the 5th and 6th digits must be the last two digits of the birth year',
    });
  }
  return problems;
}
