import { cleanText, describeUnsafeCharacter, unsafeCharacterIn } from '../text/clean.ts';
import { squash } from '../text/fold.ts';
import type { CellRead } from './layout/fields.ts';

/**
 * People's names as the register keeps them (the child, the mother, the father, the carer).
 * Reasons never quote the name: it identifies the child.
 */

export const MAX_NAME_LENGTH = 100;

export type NameResult = CellRead<string>;

/**
 * Letters of any script with their marks, spaces, the apostrophe of Ê Đê and Jrai names
 * (`H'Hen Niê`), the hyphen and the dot of an abbreviated middle name (`Nguyễn T. Hồng Nhung`).
 */
const NAME = /^[\p{L}\p{M}' .-]+$/u;

/**
 * Typographic apostrophes and hyphens that word processors substitute while typing: one spelling
 * each, so that the same name typed in Word and in Excel compares equal.
 */
function plainPunctuation(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc\u02b9`´]/g, "'").replace(/[\u2010\u2011\u2012\u2013]/g, '-');
}

/** `NGUYỄN VĂN AN`, `nguyễn văn an` → `Nguyễn Văn An`; also after a hyphen or apostrophe (`H'Hen`). */
function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[ '.-])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** Both capitals and small letters: the person (or the clerk) chose the casing, so it is kept. */
function isMixedCase(s: string): boolean {
  return s !== s.toLowerCase() && s !== s.toUpperCase();
}

/**
 * A name as stored: NFC, one space between words, typographic punctuation made plain, title case
 * unless the text was already mixed-case. Line breaks inside a spreadsheet cell are layout and
 * become spaces; other control characters are refused.
 */
export function normalisePersonName(raw: string): NameResult {
  const unsafe = unsafeCharacterIn(raw, { multiline: true });
  if (unsafe)
    return { ok: false, reason: { vi: describeUnsafeCharacter(unsafe, 'vi'), en: describeUnsafeCharacter(unsafe, 'en') } };
  const name = squash(plainPunctuation(cleanText(raw)));
  if (name === '') return { ok: false, reason: { vi: 'trống', en: 'is empty' } };
  if (name.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      reason: { vi: `dài quá ${MAX_NAME_LENGTH} ký tự`, en: `is longer than ${MAX_NAME_LENGTH} characters` },
    };
  }
  if (/\p{N}/u.test(name)) return { ok: false, reason: { vi: 'có chữ số', en: 'contains digits' } };
  if (!NAME.test(name)) {
    return {
      ok: false,
      reason: {
        vi: "chỉ được có chữ cái, dấu cách, dấu nháy ('), gạch nối (-) và dấu chấm",
        en: "may hold only letters, spaces, apostrophes ('), hyphens (-) and dots",
      },
    };
  }
  if (!/\p{L}/u.test(name)) return { ok: false, reason: { vi: 'không có chữ cái nào', en: 'has no letters' } };
  return { ok: true, value: isMixedCase(name) ? name : titleCase(name) };
}
