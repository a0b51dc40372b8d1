import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import type { CellRead } from './fields.ts';

/**
 * Dates of the import layout (birth date, date identified): `dd/mm/yyyy`, `d/m/yyyy`,
 * `yyyy-mm-dd`, an Excel date serial number, or a Date from an XLSX reader. Out: `YYYY-MM-DD`.
 * Reasons never quote the value (a birth date helps identify a child).
 */

/** Days in a month of the Gregorian calendar (29 February in years divisible by 4, except centuries not divisible by 400). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A day that exists in the calendar: 31/02 and 29/02 of a common year do not. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysIn(year, month);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of a UTC time value. */
function isoOfUtc(ms: number): string {
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DAY_MS = 86_400_000;
/** The largest serial Excel shows as a date: 31/12/9999. */
const MAX_SERIAL = 2_958_465;

/**
 * The date an Excel serial number stands for (a time of day, the fraction, is dropped). Serial 1 is
 * 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so
 * serial 60 is refused and from 61 on the days count from 1899-12-30. Workbooks in the 1904 date
 * system are the XLSX reader's business (it gives Dates for them).
 */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return undefined;
  const days = Math.floor(serial);
  if (days === 60) return undefined;
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return isoOfUtc(epoch + days * DAY_MS);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const FORMATS: Bilingual = {
  vi: 'cần dạng dd/mm/yyyy (ví dụ 05/09/2014) hoặc yyyy-mm-dd',
  en: 'needs the form dd/mm/yyyy (e.g. 05/09/2014) or yyyy-mm-dd',
};

/**
 * A date cell read as `YYYY-MM-DD`. Text: day first (`15/03/2012`; `-` and `.` also separate, as
 * people type them), or ISO; a year must have four digits. A number is an Excel serial. A Date is
 * taken in UTC, as XLSX readers (exceljs) build it from the serial.
 */
export function readDate(value: string | number | Date): CellRead<string> {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, reason: { vi: 'ô ngày tháng không hợp lệ', en: 'the date cell is invalid' } };
    return { ok: true, value: isoOfUtc(ms) };
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2199) {
      return {
        ok: false,
        reason: { vi: `chỉ có năm, ${FORMATS.vi}`, en: `holds a year only, ${FORMATS.en}` },
      };
    }
    const date = excelSerialDate(value);
    return date
      ? { ok: true, value: date }
      : { ok: false, reason: { vi: 'số trong ô không phải ngày của Excel', en: 'the number in the cell is not an Excel date' } };
  }
  const text = value.trim();
  const dmy = DMY.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : YMD.exec(text)?.slice(1, 4);
  if (!parts) return { ok: false, reason: FORMATS };
  const [year, month, day] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) {
    return {
      ok: false,
      reason: {
        vi: 'không phải ngày có thật (ngày viết trước, tháng viết sau: dd/mm/yyyy)',
        en: 'is not a real calendar date (day first, then month: dd/mm/yyyy)',
      },
    };
  }
  return { ok: true, value: iso(year, month, day) };
}

/**
 * Whether someone born on `birth` is under `years` on `today` (both `YYYY-MM-DD`). The birthday
 * itself counts as reached: a child turns 16, and stops being a child in law, on the 16th
 * birthday. Someone born on 29 February reaches it on 1 March in a common year.
 */
export function isUnderAge(birth: string, years: number, today: string): boolean {
  const birthday = `${String(Number(birth.slice(0, 4)) + years).padStart(4, '0')}${birth.slice(4)}`;
  return today < birthday;
}

/** A `YYYY-MM-DD` string that is a real date (the import date from the caller is checked with it). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
