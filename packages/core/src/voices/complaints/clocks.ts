import type { Bilingual } from '../../indicators/catalogue-schema.ts';
import { addDays } from '../../reporting/timeliness.ts';
import { addWorkingDays, nextWorkingDay, type WorkingCalendar } from '../../cases/calendar.ts';
import { endOfVietnamDay } from '../../cases/deadlines.ts';
import type { ComplaintKind } from './complaint.ts';

/**
 * The legal clocks of a complaint or a denunciation: acceptance (thụ lý) from the day it was
 * received, resolution from the day it was accepted, each counted in Vietnam dates and due at the
 * end (23:59:59 +07:00) of its last day.
 *
 * Defaults (the administrator may change them, one settings row per kind, audited; a complaint
 * keeps the rules in force on the day it was received — a change alters new complaints' clocks only):
 *
 * Complaint — Luật Khiếu nại 2011 (số 02/2011/QH13), first instance:
 * - Điều 27: accepted within 10 days of receiving a complaint in the body's competence. The law says
 *   "ngày" without "làm việc": counted here as calendar days (Bộ luật Dân sự 2015 Điều 147: from the
 *   day after receipt).
 * - Điều 28: resolved within 30 days of acceptance; a complicated case up to 45 days. In remote areas
 *   hard to travel (vùng sâu, vùng xa) 45 days, complicated up to 60. Tre models "complicated" as one
 *   extension of up to 15 days (30 → 45, 45 → 60), decided with its reason. Calendar days.
 * - Nghị định 124/2020/NĐ-CP details the procedure (notices of acceptance, verification, dialogue)
 *   and does not change these numbers.
 *
 * Denunciation — Luật Tố cáo 2018 (số 25/2018/QH14):
 * - Điều 24 khoản 1 with Điều 29: within 7 working days of receipt the denunciation is entered,
 *   sorted and its conditions checked, and the decision to accept it (or not) is taken: the
 *   acceptance clock is 7 *working* days, on the public offices' calendar (cases/calendar.ts, with
 *   its Tết and swapped days). (The law lets this stretch to 10 working days when the denouncer's
 *   identity must be checked; an administrator may set 10.)
 * - Điều 30: resolved within 30 days of acceptance; a complicated case may be extended once by up to
 *   30 days, an especially complicated one twice, each by up to 30 days (so at most 60 / 90 days);
 *   the extension is a written decision told to the denouncer. Nghị định 31/2019/NĐ-CP Điều 3 lists
 *   what makes a case complicated. Calendar days.
 * - Điều 25 khoản 2: an anonymous denunciation is not accepted; it has the processing clock
 *   (7 working days to decide what to do with it) and no resolution clock.
 *
 * A calendar-day deadline that falls on a day off ends with the next working day (Bộ luật Dân sự
 * 2015 Điều 148 khoản 5).
 */

export const CLOCK_UNITS = ['calendar', 'working'] as const;
export type ClockUnit = (typeof CLOCK_UNITS)[number];

export const COMPLEXITIES = ['complex', 'especially_complex'] as const;
/** How complicated the case is said to be when its resolution is extended (Luật Tố cáo 2018 Điều 30 khoản 2–3). */
export type Complexity = (typeof COMPLEXITIES)[number];

export interface ComplaintClockRules {
  /** days to accept, from the day after receipt */
  acceptanceDays: number;
  acceptanceUnit: ClockUnit;
  /** days to resolve, from the day after acceptance */
  resolutionDays: number;
  resolutionUnit: ClockUnit;
  /** in remote, hard-to-reach areas (complaints: Luật Khiếu nại 2011 Điều 28); null: the same as resolutionDays */
  remoteResolutionDays: number | null;
  /** how many extensions at most (a denunciation's second one only when especially complicated) */
  maxExtensions: number;
  /** days each extension may add at most */
  extensionDays: number;
  /** where each number comes from, in words, for the settings page */
  source: string;
}

/** The bounds an administrator's rules must respect (the HTTP schema states the same ones). */
export const CLOCK_RULE_LIMITS = { maxDays: 365, maxExtensions: 5, maxSource: 500 } as const;

export const DEFAULT_CLOCK_RULES: Readonly<Record<ComplaintKind, ComplaintClockRules>> = {
  complaint: {
    acceptanceDays: 10,
    acceptanceUnit: 'calendar',
    resolutionDays: 30,
    resolutionUnit: 'calendar',
    remoteResolutionDays: 45,
    maxExtensions: 1,
    extensionDays: 15,
    source:
      'Luật Khiếu nại 2011 Điều 27 (thụ lý trong 10 ngày), Điều 28 (giải quyết lần đầu 30 ngày, phức tạp 45; vùng sâu, vùng xa 45, phức tạp 60); Nghị định 124/2020/NĐ-CP',
  },
  denunciation: {
    acceptanceDays: 7,
    acceptanceUnit: 'working',
    resolutionDays: 30,
    resolutionUnit: 'calendar',
    remoteResolutionDays: null,
    maxExtensions: 2,
    extensionDays: 30,
    source:
      'Luật Tố cáo 2018 Điều 24, 29 (quyết định thụ lý trong 7 ngày làm việc), Điều 30 (giải quyết 30 ngày; phức tạp gia hạn 1 lần, đặc biệt phức tạp 2 lần, mỗi lần tối đa 30 ngày); Nghị định 31/2019/NĐ-CP',
  },
};

/** The last day of a clock of `days` counted from the day after `from` (YYYY-MM-DD), in this unit. */
export function clockDueDate(calendar: WorkingCalendar, from: string, days: number, unit: ClockUnit): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`clockDueDate: days ${days}`);
  if (unit === 'working') return addWorkingDays(calendar, from, days);
  const last = addDays(from, days);
  // a deadline falling on a day off ends with the next working day (Bộ luật Dân sự 2015 Điều 148.5)
  return calendar.isWorkingDay(last) ? last : nextWorkingDay(calendar, last);
}

export interface ComplaintClockDates {
  /** YYYY-MM-DD, the last day to accept */
  acceptanceDueDate: string;
  /** ISO timestamp +07:00, the end of that day */
  acceptanceDue: string;
}

export function acceptanceClock(calendar: WorkingCalendar, receivedOn: string, rules: ComplaintClockRules): ComplaintClockDates {
  const date = clockDueDate(calendar, receivedOn, rules.acceptanceDays, rules.acceptanceUnit);
  return { acceptanceDueDate: date, acceptanceDue: endOfVietnamDay(date) };
}

/** The resolution's last day: from the acceptance's date, the base (or remote) days plus the extensions granted. */
export function resolutionClock(
  calendar: WorkingCalendar,
  acceptedOn: string,
  rules: ComplaintClockRules,
  opts: { remote: boolean; extensionDays: readonly number[] },
): { resolutionDueDate: string; resolutionDue: string } {
  const base = opts.remote && rules.remoteResolutionDays !== null ? rules.remoteResolutionDays : rules.resolutionDays;
  const total = base + opts.extensionDays.reduce((a, b) => a + b, 0);
  const date = clockDueDate(calendar, acceptedOn, total, rules.resolutionUnit);
  return { resolutionDueDate: date, resolutionDue: endOfVietnamDay(date) };
}

export type ExtensionCheck = { ok: true } | { ok: false; field: 'days' | 'complexity' | 'count'; reason: Bilingual };

/**
 * Whether one more extension may be granted: whole days from 1 to the rules' maximum, no more than
 * the rules' count, and for a denunciation a second one only for an especially complicated case.
 */
export function checkExtension(
  kind: ComplaintKind,
  rules: ComplaintClockRules,
  granted: number,
  request: { days: number; complexity: Complexity },
): ExtensionCheck {
  if (granted >= rules.maxExtensions) {
    return {
      ok: false,
      field: 'count',
      reason: {
        vi: `Đã gia hạn ${granted} lần: luật chỉ cho phép tối đa ${rules.maxExtensions} lần`,
        en: `Already extended ${granted} time(s): the law allows at most ${rules.maxExtensions}`,
      },
    };
  }
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > rules.extensionDays) {
    return {
      ok: false,
      field: 'days',
      reason: {
        vi: `Mỗi lần gia hạn từ 1 đến ${rules.extensionDays} ngày`,
        en: `Each extension is from 1 to ${rules.extensionDays} days`,
      },
    };
  }
  if (kind === 'denunciation' && granted >= 1 && request.complexity !== 'especially_complex') {
    return {
      ok: false,
      field: 'complexity',
      reason: {
        vi: 'Chỉ vụ việc đặc biệt phức tạp mới được gia hạn lần thứ hai (Luật Tố cáo 2018 Điều 30 khoản 3)',
        en: 'Only an especially complicated case may be extended a second time (Law on Denunciations 2018 Art. 30(3))',
      },
    };
  }
  return { ok: true };
}

/** Rules an administrator sends, checked: whole days in range, a source named. */
export function checkClockRules(rules: ComplaintClockRules): { ok: true } | { ok: false; field: string; reason: Bilingual } {
  const days: [keyof ComplaintClockRules, number | null][] = [
    ['acceptanceDays', rules.acceptanceDays],
    ['resolutionDays', rules.resolutionDays],
    ['remoteResolutionDays', rules.remoteResolutionDays],
    ['extensionDays', rules.extensionDays],
  ];
  for (const [field, v] of days) {
    if (v === null) continue;
    if (!Number.isInteger(v) || v < 1 || v > CLOCK_RULE_LIMITS.maxDays) {
      return {
        ok: false,
        field,
        reason: { vi: `Số ngày từ 1 đến ${CLOCK_RULE_LIMITS.maxDays}`, en: `Days from 1 to ${CLOCK_RULE_LIMITS.maxDays}` },
      };
    }
  }
  if (
    !Number.isInteger(rules.maxExtensions) ||
    rules.maxExtensions < 0 ||
    rules.maxExtensions > CLOCK_RULE_LIMITS.maxExtensions
  ) {
    return {
      ok: false,
      field: 'maxExtensions',
      reason: {
        vi: `Số lần gia hạn từ 0 đến ${CLOCK_RULE_LIMITS.maxExtensions}`,
        en: `Extensions from 0 to ${CLOCK_RULE_LIMITS.maxExtensions}`,
      },
    };
  }
  if (rules.source.trim().length === 0) {
    return { ok: false, field: 'source', reason: { vi: 'Cần ghi căn cứ pháp lý', en: 'Name the legal source' } };
  }
  return { ok: true };
}
