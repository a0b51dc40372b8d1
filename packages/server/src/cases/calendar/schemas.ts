import {
  OFFICE_CALENDAR_LIMITS,
  OFFICE_DAY_KINDS,
  SINGLE_LINE,
  isSingleLine,
  type CaseDeadlines,
  type OfficeCalendarDay,
  type OfficeCalendarYearReply,
  type OfficeCalendarYearRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';

/** The calendar and deadline routes' zod schemas, checked against core/cases/calendar.ts and deadlines.ts. */

const { minYear, maxYear, maxDays, maxName, maxSource } = OFFICE_CALENDAR_LIMITS;

// one line each (text guard: NFC already); core words the finer refusals with the entry's date
const Text = (max: number) =>
  z.string().trim().min(1).max(max, `Dài quá ${max} ký tự / longer than ${max} characters`).refine(isSingleLine, SINGLE_LINE);

export const OfficeCalendarDaySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD'),
  kind: z.enum(OFFICE_DAY_KINDS),
  nameVi: Text(maxName),
  nameEn: Text(maxName),
  source: Text(maxSource),
});

export const OfficeCalendarYearRequestSchema = z.object({
  days: z.array(OfficeCalendarDaySchema).max(maxDays, `Tối đa ${maxDays} ngày một năm / at most ${maxDays} days a year`),
});

export const OfficeCalendarYearReplySchema = z.object({
  year: z.number(),
  covered: z.boolean(),
  days: z.array(OfficeCalendarDaySchema),
});

export const YearParams = z.object({ year: z.coerce.number().int().min(minYear).max(maxYear) });

/** `received` is read by core's parseReceivedAt in the route, which names it when refused. */
export const DeadlinesQuery = z.object({ received: z.string().trim().min(1).max(64) });

export const CaseDeadlinesSchema = z.object({
  received: z.string(),
  emergencyMeasuresBy: z.string(),
  planDueDate: z.string(),
  planBy: z.string(),
  planWorkingDays: z.array(z.string()),
  warnings: z.array(z.object({ code: z.literal('calendar_missing'), year: z.number(), vi: z.string(), en: z.string() })),
});

export type CalendarContractChecks = [
  Expect<Same<z.infer<typeof OfficeCalendarDaySchema>, OfficeCalendarDay>>,
  Expect<Same<z.infer<typeof OfficeCalendarYearRequestSchema>, OfficeCalendarYearRequest>>,
  Expect<Same<z.infer<typeof OfficeCalendarYearReplySchema>, OfficeCalendarYearReply>>,
  Expect<Same<z.infer<typeof CaseDeadlinesSchema>, CaseDeadlines>>,
];
