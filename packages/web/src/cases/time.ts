/**
 * A case's moments in Vietnam time (UTC+7, no daylight saving), whatever the browser's own zone: a
 * hotline operator abroad or a laptop left on UTC must still write and read the hour the child's
 * commune lives by, because the legal clocks (12 hours, 5 working days) are counted in it.
 */

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** An instant as a `datetime-local` input holds it (YYYY-MM-DDTHH:mm), in Vietnam time. */
export function vietnamLocalInput(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * What a `datetime-local` input holds, read as Vietnam time, as the ISO timestamp the server takes
 * (`2026-05-14T09:30:00+07:00`); null when it is not a moment that exists (30 February, 24:00).
 */
export function localInputToIso(value: string): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '00'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
  const at = Date.parse(iso);
  if (Number.isNaN(at) || Number(s) > 59) return null;
  // some engines roll 30 February over into March: only a moment that reads back the same exists
  if (vietnamLocalInput(new Date(at)) !== `${y}-${mo}-${d}T${h}:${mi}`) return null;
  return iso;
}

const DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:hg](\d{2})$/i;
const TIME_DATE = /^(\d{1,2})[:hg](\d{2})\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/i;
const two = (n: string) => n.padStart(2, '0');

/**
 * An instant as Vietnamese write it, `14/05/2026 09:30`, in Vietnam time: the intake's time of the
 * report is one text field, one Tab stop, read the same on any browser (a datetime-local input takes
 * a Tab per part and shows the browser's own order, 05/14/2026 09:30 AM on an English one).
 */
export function vietnamDayTimeInput(at: Date): string {
  const s = vietnamLocalInput(at);
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}

/**
 * What was typed as `dd/mm/yyyy hh:mm` (also `9h30`, or the time first: `9:30 14/5/2026`), read as
 * Vietnam time, as the ISO timestamp with +07:00; null when it is not a moment that exists.
 */
export function dayTimeToIso(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const a = DATE_TIME.exec(t);
  const b = a ? null : TIME_DATE.exec(t);
  const [d, mo, y, h, mi] = a ? a.slice(1) : b ? [b[3], b[4], b[5], b[1], b[2]] : [];
  if (!d || !mo || !y || !h || !mi) return null;
  return localInputToIso(`${y}-${two(mo)}-${two(d)}T${two(h)}:${mi}`);
}

/** Today in Vietnam, YYYY-MM-DD (a birth date or a due date is compared with it). */
export const vietnamToday = (now: Date): string => vietnamLocalInput(now).slice(0, 10);

/** The instant `hours` after a timestamp, as an ISO string (the emergency clock's due time, shown before the case exists). */
export const hoursAfter = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * 3600 * 1000).toISOString();
