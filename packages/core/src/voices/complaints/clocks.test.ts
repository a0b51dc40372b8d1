import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../cases/calendar.ts';
import { SHIPPED_OFFICE_CALENDAR } from '../../cases/office-calendar-data.ts';
import {
  acceptanceClock,
  checkClockRules,
  checkExtension,
  clockDueDate,
  DEFAULT_CLOCK_RULES,
  resolutionClock,
} from './clocks.ts';

const calendar = workingCalendar(SHIPPED_OFFICE_CALENDAR);
const complaint = DEFAULT_CLOCK_RULES.complaint;
const denunciation = DEFAULT_CLOCK_RULES.denunciation;

describe('the legal defaults', () => {
  it('are the laws’ numbers: complaints 10 / 30 (45 remote) calendar days, one extension to 45 (60); denunciations 7 working / 30 days, two extensions of 30', () => {
    expect(complaint).toMatchObject({
      acceptanceDays: 10,
      acceptanceUnit: 'calendar',
      resolutionDays: 30,
      resolutionUnit: 'calendar',
      remoteResolutionDays: 45,
      maxExtensions: 1,
      extensionDays: 15,
    });
    expect(denunciation).toMatchObject({
      acceptanceDays: 7,
      acceptanceUnit: 'working',
      resolutionDays: 30,
      resolutionUnit: 'calendar',
      remoteResolutionDays: null,
      maxExtensions: 2,
      extensionDays: 30,
    });
    expect(complaint.source).toContain('Điều 27');
    expect(denunciation.source).toContain('Điều 30');
  });
});

describe('a complaint’s clocks (calendar days, Luật Khiếu nại 2011 Điều 27–28)', () => {
  it('accepted within 10 days of receipt: received Monday 10 March 2025, due Thursday 20 March', () => {
    expect(acceptanceClock(calendar, '2025-03-10', complaint)).toEqual({
      acceptanceDueDate: '2025-03-20',
      acceptanceDue: '2025-03-20T23:59:59+07:00',
    });
  });

  it('a tenth day on a Sunday ends on the Monday after (Bộ luật Dân sự Điều 148.5)', () => {
    expect(acceptanceClock(calendar, '2025-03-13', complaint).acceptanceDueDate).toBe('2025-03-24');
  });

  it('a tenth day in Tết 2026 ends on the first working day after Tết', () => {
    // 6 Feb 2026 + 10 = Monday 16 February, a Tết holiday; offices reopen Monday 23 February
    expect(acceptanceClock(calendar, '2026-02-06', complaint).acceptanceDueDate).toBe('2026-02-23');
  });

  it('resolved within 30 days of acceptance, 45 in a remote area, 45 with its one extension', () => {
    // 20 March + 30 = Saturday 19 April → Monday 21 April 2025
    expect(resolutionClock(calendar, '2025-03-20', complaint, { remote: false, extensionDays: [] }).resolutionDueDate).toBe(
      '2025-04-21',
    );
    // 20 March + 45 = Sunday 4 May → Monday 5 May 2025 (2 May was a swapped day off, 3–4 May the weekend)
    expect(resolutionClock(calendar, '2025-03-20', complaint, { remote: true, extensionDays: [] }).resolutionDueDate).toBe(
      '2025-05-05',
    );
    expect(resolutionClock(calendar, '2025-03-20', complaint, { remote: false, extensionDays: [15] })).toEqual({
      resolutionDueDate: '2025-05-05',
      resolutionDue: '2025-05-05T23:59:59+07:00',
    });
  });

  it('allows one extension of up to 15 days and no second one', () => {
    expect(checkExtension('complaint', complaint, 0, { days: 15, complexity: 'complex' })).toEqual({ ok: true });
    expect(checkExtension('complaint', complaint, 0, { days: 16, complexity: 'complex' })).toMatchObject({
      ok: false,
      field: 'days',
    });
    expect(checkExtension('complaint', complaint, 1, { days: 5, complexity: 'especially_complex' })).toMatchObject({
      ok: false,
      field: 'count',
    });
  });
});

describe('a denunciation’s clocks (Luật Tố cáo 2018 Điều 24, 29, 30)', () => {
  it('accepted within 7 working days: across a weekend', () => {
    // Friday 14 March 2025: 17, 18, 19, 20, 21, 24, 25
    expect(acceptanceClock(calendar, '2025-03-14', denunciation).acceptanceDueDate).toBe('2025-03-25');
  });

  it('accepted within 7 working days: across Tết Bính Ngọ 2026 (14–22 February off)', () => {
    // Thursday 12 February: 13, then 23, 24, 25, 26, 27 February and Monday 2 March
    expect(acceptanceClock(calendar, '2026-02-12', denunciation).acceptanceDueDate).toBe('2026-03-02');
  });

  it('resolved within 30 days, then 30 more per extension', () => {
    expect(resolutionClock(calendar, '2026-03-02', denunciation, { remote: false, extensionDays: [] }).resolutionDueDate).toBe(
      '2026-04-01',
    );
    // 30 + 30: 1 May 2026 is a holiday (Labour Day), 2–3 May the weekend → Monday 4 May
    expect(resolutionClock(calendar, '2026-03-02', denunciation, { remote: false, extensionDays: [30] }).resolutionDueDate).toBe(
      '2026-05-04',
    );
    // 30 + 30 + 30: Sunday 31 May → Monday 1 June
    expect(
      resolutionClock(calendar, '2026-03-02', denunciation, { remote: false, extensionDays: [30, 30] }).resolutionDueDate,
    ).toBe('2026-06-01');
  });

  it('a first extension for a complicated case; a second only when especially complicated; never a third; never over 30 days', () => {
    expect(checkExtension('denunciation', denunciation, 0, { days: 30, complexity: 'complex' })).toEqual({ ok: true });
    expect(checkExtension('denunciation', denunciation, 1, { days: 30, complexity: 'complex' })).toMatchObject({
      ok: false,
      field: 'complexity',
    });
    expect(checkExtension('denunciation', denunciation, 1, { days: 30, complexity: 'especially_complex' })).toEqual({ ok: true });
    expect(checkExtension('denunciation', denunciation, 2, { days: 1, complexity: 'especially_complex' })).toMatchObject({
      ok: false,
      field: 'count',
    });
    expect(checkExtension('denunciation', denunciation, 0, { days: 31, complexity: 'complex' })).toMatchObject({
      ok: false,
      field: 'days',
    });
    expect(checkExtension('denunciation', denunciation, 0, { days: 0, complexity: 'complex' })).toMatchObject({ ok: false });
  });
});

describe('clockDueDate and the administrator’s rules', () => {
  it('counts working days when the rules say so', () => {
    expect(clockDueDate(calendar, '2026-02-12', 10, 'calendar')).toBe('2026-02-23');
    expect(clockDueDate(calendar, '2026-02-12', 2, 'working')).toBe('2026-02-23');
  });

  it('refuses days out of range, a negative extension count and an empty source', () => {
    expect(checkClockRules(complaint)).toEqual({ ok: true });
    expect(checkClockRules({ ...complaint, acceptanceDays: 0 })).toMatchObject({ ok: false, field: 'acceptanceDays' });
    expect(checkClockRules({ ...complaint, resolutionDays: 1.5 })).toMatchObject({ ok: false, field: 'resolutionDays' });
    expect(checkClockRules({ ...complaint, maxExtensions: -1 })).toMatchObject({ ok: false, field: 'maxExtensions' });
    expect(checkClockRules({ ...complaint, source: ' ' })).toMatchObject({ ok: false, field: 'source' });
  });
});
