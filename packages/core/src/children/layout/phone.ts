import type { CellRead } from './fields.ts';

/**
 * A contact phone as stored: `0` and 9 digits (mobile, 03x 05x 07x 08x 09x) or `02` and 8–9
 * digits (landline: since 2017 every area code starts with 02). The number identifies the family
 * and is never quoted in a reason.
 */

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{8,9}$/;

const ALLOWED: CellRead<string> = {
  ok: false,
  reason: {
    vi: 'không phải số điện thoại Việt Nam (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định bắt đầu bằng 02)',
    en: 'is not a Vietnamese phone number (mobile: 10 digits starting 03, 05, 07, 08, 09; landline: starting 02)',
  },
};

export function readPhone(value: string | number): CellRead<string> {
  const raw = typeof value === 'number' ? (Number.isInteger(value) && value > 0 ? String(value) : '') : value;
  // the separators people write between groups of digits, and brackets around an area code
  let digits = raw.replace(/[\s.()-]/g, '');
  // international form: +84, 0084 or 84 before the national number (written with or without its 0)
  const international = /^(?:\+84|0084|84(?=\d{9,10}$))(\d+)$/.exec(digits);
  if (international?.[1] !== undefined) digits = `0${international[1].replace(/^0/, '')}`;
  if (!/^\d+$/.test(digits)) return ALLOWED;
  if (digits.length > 12) {
    return { ok: false, reason: { vi: 'chỉ ghi một số điện thoại', en: 'write one phone number only' } };
  }
  let warning;
  // Excel drops the leading 0 of a number cell: 912345678 is 0912345678
  if (/^(?:[35789]\d{8}|2\d{8,9})$/.test(digits)) {
    digits = `0${digits}`;
    warning = {
      vi: 'đã thêm số 0 ở đầu (Excel bỏ số 0 ở đầu; hãy định dạng cột là Văn bản)',
      en: 'a leading 0 was added (Excel drops leading zeros; format the column as Text)',
    };
  }
  if (!MOBILE.test(digits) && !LANDLINE.test(digits)) return ALLOWED;
  return warning ? { ok: true, value: digits, warning } : { ok: true, value: digits };
}
