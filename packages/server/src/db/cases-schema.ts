import type { OfficeDayKind } from '@tre/core';
import type { ColumnType } from 'kysely';

/** Kysely's view of the cases module's tables (migration 0018); dates are read as `YYYY-MM-DD`. */

export interface OfficeCalendarDayTable {
  day: string;
  kind: OfficeDayKind;
  name_vi: string;
  name_en: string;
  source: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export interface CasesTables {
  office_calendar_day: OfficeCalendarDayTable;
}
