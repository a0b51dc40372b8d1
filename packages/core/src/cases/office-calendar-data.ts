import type { OfficeCalendarDay, OfficeCalendarYear } from './calendar.ts';

/**
 * The public offices' calendar (cán bộ, công chức, viên chức) of 2025 and 2026, shipped so that a
 * new installation counts working days right from its first start; the server stores it on first
 * start and the administrator enters the later years from each year's notice. Only the days that
 * differ from a plain week are listed: the weekends inside an off-period (25 January – 2 February
 * 2025) are off anyway. Each entry's source is the notice or the article it comes from; the Tết
 * and Hùng Kings' dates are checked against the lunar calendar in calendar.test.ts.
 */

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112 / Labour Code 2019, Art. 112';
const COMPENSATION = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù) / Labour Code 2019, Art. 111(3)';
const NOTICE_2025 =
  'Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (nghỉ Tết Âm lịch và một số dịp lễ năm 2025) / Government Office letter 8726/VPCP-KGVX, 26 Nov 2024';
const NOTICE_2026 =
  'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (nghỉ Tết Âm lịch, Quốc khánh năm 2026) / Ministry of Home Affairs notice 9441/TB-BNV, 16 Oct 2025';
const NEW_YEAR_2026 =
  'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (nghỉ Tết Dương lịch 2026) / Government Office letter 12729/VPCP-KGVX, 25 Dec 2025';

const day = (
  date: string,
  kind: OfficeCalendarDay['kind'],
  nameVi: string,
  nameEn: string,
  source: string,
): OfficeCalendarDay => ({ date, kind, nameVi, nameEn, source });

const TET_2025 = (date: string) =>
  day(date, 'holiday', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết) of Ất Tỵ', `${LABOUR_CODE}; ${NOTICE_2025}`);
const TET_2026 = (date: string) =>
  day(date, 'holiday', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết) of Bính Ngọ', `${LABOUR_CODE}; ${NOTICE_2026}`);

const YEAR_2025: OfficeCalendarYear = {
  year: 2025,
  days: [
    day('2025-01-01', 'holiday', 'Tết Dương lịch', 'New Year’s Day', LABOUR_CODE),
    // off Saturday 25 January – Sunday 2 February: the five Tết days are the weekdays between
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map(TET_2025),
    day(
      '2025-04-07',
      'holiday',
      'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      'Hùng Kings’ Commemoration (10th of the 3rd lunar month)',
      LABOUR_CODE,
    ),
    day('2025-04-26', 'working_weekend', 'Làm bù cho thứ Sáu 02/05/2025', 'Worked in place of Friday 2 May 2025', NOTICE_2025),
    day('2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', LABOUR_CODE),
    day('2025-05-01', 'holiday', 'Ngày Quốc tế Lao động (01/5)', 'International Workers’ Day (1 May)', LABOUR_CODE),
    day(
      '2025-05-02',
      'swapped_off',
      'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)',
      'Day off by swap (worked on Saturday 26 April 2025)',
      NOTICE_2025,
    ),
    // off Saturday 30 August – Tuesday 2 September
    day(
      '2025-09-01',
      'holiday',
      'Quốc khánh (ngày liền kề 02/9)',
      'National Day (the adjacent day)',
      `${LABOUR_CODE}; ${NOTICE_2025}`,
    ),
    day('2025-09-02', 'holiday', 'Quốc khánh (02/9)', 'National Day (2 September)', LABOUR_CODE),
  ],
};

const YEAR_2026: OfficeCalendarYear = {
  year: 2026,
  days: [
    day('2026-01-01', 'holiday', 'Tết Dương lịch', 'New Year’s Day', LABOUR_CODE),
    day(
      '2026-01-02',
      'swapped_off',
      'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)',
      'Day off by swap (worked on Saturday 10 January 2026)',
      NEW_YEAR_2026,
    ),
    day(
      '2026-01-10',
      'working_weekend',
      'Làm bù cho thứ Sáu 02/01/2026',
      'Worked in place of Friday 2 January 2026',
      NEW_YEAR_2026,
    ),
    // off Saturday 14 – Sunday 22 February
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(TET_2026),
    // 10/3 âm lịch falls on a Sunday: listed with the Monday that compensates it
    day(
      '2026-04-26',
      'holiday',
      'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)',
      'Hùng Kings’ Commemoration (10th of the 3rd lunar month, a Sunday)',
      LABOUR_CODE,
    ),
    day(
      '2026-04-27',
      'compensating',
      'Nghỉ bù Giỗ Tổ Hùng Vương',
      'Compensating day off for the Hùng Kings’ Commemoration',
      COMPENSATION,
    ),
    day('2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', LABOUR_CODE),
    day('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (01/5)', 'International Workers’ Day (1 May)', LABOUR_CODE),
    day(
      '2026-08-22',
      'working_weekend',
      'Làm bù cho thứ Hai 31/08/2026',
      'Worked in place of Monday 31 August 2026',
      NOTICE_2026,
    ),
    day(
      '2026-08-31',
      'swapped_off',
      'Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)',
      'Day off by swap (worked on Saturday 22 August 2026)',
      NOTICE_2026,
    ),
    // off Saturday 29 August – Wednesday 2 September
    day(
      '2026-09-01',
      'holiday',
      'Quốc khánh (ngày liền kề 02/9)',
      'National Day (the adjacent day)',
      `${LABOUR_CODE}; ${NOTICE_2026}`,
    ),
    day('2026-09-02', 'holiday', 'Quốc khánh (02/9)', 'National Day (2 September)', LABOUR_CODE),
  ],
};

/** The years Tre ships; a later year is the administrator's to enter (PUT /api/cases/calendar/:year). */
export const SHIPPED_OFFICE_CALENDAR: readonly OfficeCalendarYear[] = [YEAR_2025, YEAR_2026];
