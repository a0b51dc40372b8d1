/** Dates as whole days since 1970-01-01 (UTC), and the ways a register writes them. */

export const DATE_FORMATS = ['dd/mm/yyyy', 'd/m/yyyy', 'yyyy-mm-dd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const MS_PER_DAY = 86_400_000;

export function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function parseIsoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a yyyy-mm-dd date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) throw new Error(`not a date: ${iso}`);
  return dayOf(y, mo, d);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymdOf(day: number): Ymd {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatYmd({ y, m, d }: Ymd, format: DateFormat): string {
  if (format === 'yyyy-mm-dd') return `${String(y)}-${two(m)}-${two(d)}`;
  if (format === 'd/m/yyyy') return `${String(d)}/${String(m)}/${String(y)}`;
  return `${two(d)}/${two(m)}/${String(y)}`;
}

export function formatDay(day: number, format: DateFormat): string {
  return formatYmd(ymdOf(day), format);
}

/** The day a child born on `birth` turns `years` old (29 February birthdays: 1 March). */
export function birthdayAt(birth: number, years: number): number {
  const { y, m, d } = ymdOf(birth);
  return isValidDate(y + years, m, d) ? dayOf(y + years, m, d) : dayOf(y + years, 3, 1);
}
