import { z } from 'zod';
import { MAX_MEASURE_VALUE } from '../indicators/counts.ts';

/**
 * The plan interchange format `tre.plan/v1` (../shared/spec/plan.schema.json) as a zod schema.
 * The importer produces it, `tre plan export` prints it and `tre plan import` accepts it back.
 *
 * Tre adds a few optional fields the spec leaves open (it does not forbid extra properties):
 * `documentNumber`, `sections`, `footnotes`, each task's `path`, `section` and `line`, each indicator's
 * `line`, a timeline's `lunar` text, a reporting deadline's `text`. A file without them is still a
 * valid plan; unknown values are null or empty lists, never guessed.
 */

export const PLAN_FORMAT = 'tre.plan/v1';

export const TargetUnitSchema = z.enum(['%', 'per1000', 'per100000', 'count']);
export type TargetUnit = z.infer<typeof TargetUnitSchema>;

export const TargetOpSchema = z.enum(['<', '<=', '=', '>=', '>']);
export type TargetOp = z.infer<typeof TargetOpSchema>;

export const IndicatorTargetSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  /** a level (a rate or a count): within the bound of every measure value, so progress stays finite */
  value: z.number().min(0).max(MAX_MEASURE_VALUE),
  unit: TargetUnitSchema.nullable().default(null),
  op: TargetOpSchema.nullable().default(null),
  /** Which part of a multi-part indicator, as a short phrase from the text. */
  measure: z.string().max(500).nullable().default(null),
});
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const PlanIndicatorSchema = z.object({
  no: z.number().int().min(1).max(999),
  goal: z.number().int().nullable().default(null),
  text: z.string().max(5000),
  targets: z.array(IndicatorTargetSchema).max(50),
  /** 1-based line of the source text where the indicator starts (Tre extension). */
  line: z.number().int().min(1).nullable().optional(),
});
export type PlanIndicator = z.infer<typeof PlanIndicatorSchema>;

export const TimelineKindSchema = z.enum(['recurring', 'once', 'range', 'event-driven', 'unspecified']);
export type TimelineKind = z.infer<typeof TimelineKindSchema>;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const TimelineSchema = z.object({
  kind: TimelineKindSchema,
  text: z.string().max(1000).nullable(),
  start: IsoDateSchema.nullable().default(null),
  end: IsoDateSchema.nullable().default(null),
  /** The lunar date as the plan wrote it, e.g. "15/8 âm lịch" (Tre extension). */
  lunar: z.string().max(300).nullable().optional(),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const PlanTaskSchema = z.object({
  ref: z.string().max(40).nullable(),
  text: z.string().max(20000),
  lead: z.array(z.string().max(300)).max(50),
  support: z.array(z.string().max(300)).max(100),
  timeline: TimelineSchema,
  /**
   * The task's whole numbering, e.g. "II.1.a", "III.2.4", "V.4.-2" for the second bullet under
   * V.4 (Tre extension): `ref` is only what is printed in front of the item.
   */
  path: z.string().max(80).nullable().optional(),
  /** Ref of the outline section the task sits in, e.g. "II" or "II.3" (Tre extension). */
  section: z.string().max(40).nullable().optional(),
  /** 1-based line of the source text where the task starts (Tre extension). */
  line: z.number().int().min(1).nullable().optional(),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

export const IndicatorAssignmentSchema = z.object({
  agency: z.string().max(300),
  indicators: z.array(z.number().int().min(1).max(999)).max(100),
});
export type IndicatorAssignment = z.infer<typeof IndicatorAssignmentSchema>;

export const ReportingKindSchema = z.enum(['semiannual', 'annual', 'quarterly', 'monthly', 'final', 'other']);
export type ReportingKind = z.infer<typeof ReportingKindSchema>;

export const ReportingDeadlineSchema = z.object({
  kind: ReportingKindSchema,
  /** 'MM-DD' for a yearly deadline or a full ISO date. */
  due: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, "'MM-DD' hoặc/or 'YYYY-MM-DD'"),
  recipient: z.string().max(300).nullable().default(null),
  /** The sentence the deadline was read from (Tre extension). */
  text: z.string().max(2000).nullable().optional(),
});
export type ReportingDeadline = z.infer<typeof ReportingDeadlineSchema>;

export const PlanSectionSchema = z.object({
  /** Outline ref as printed without the trailing dot: "I", "II.1", "2.3". */
  ref: z.string().max(40),
  title: z.string().max(2000),
  level: z.number().int().min(1).max(6),
  line: z.number().int().min(1).nullable().optional(),
});
export type PlanSection = z.infer<typeof PlanSectionSchema>;

export const FootnoteSchema = z.object({ mark: z.string().max(10), text: z.string().max(10000) });
export type Footnote = z.infer<typeof FootnoteSchema>;

export const PlanDocumentSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  title: z.string().max(2000),
  documentType: z.enum(['plan', 'letter', 'other']),
  issuer: z.string().max(300).nullable().default(null),
  /** "Số: 1583/KH-UBND" gives "1583/KH-UBND"; "/UBND-VX" when the number was left blank (Tre extension). */
  documentNumber: z.string().max(100).nullable().optional(),
  years: z.object({ from: z.number().int().nullable(), to: z.number().int().nullable() }),
  citations: z.array(z.string().max(100)).max(500),
  sections: z.array(PlanSectionSchema).max(2000).optional(),
  indicators: z.array(PlanIndicatorSchema).max(500),
  tasks: z.array(PlanTaskSchema).max(5000),
  indicatorAssignments: z.array(IndicatorAssignmentSchema).max(500),
  reporting: z.array(ReportingDeadlineSchema).max(100),
  footnotes: z.array(FootnoteSchema).max(500).optional(),
});
export type PlanDocument = z.infer<typeof PlanDocumentSchema>;
/** What a producer writes before defaults are applied. */
export type PlanDocumentInput = z.input<typeof PlanDocumentSchema>;

/**
 * What the parser could not make sense of, shown on the review screen beside the source line.
 * `kind` is stable for the UI; the message is in both languages.
 */
export const ParseNoteKindSchema = z.enum([
  'unparsed-target', // "Chỉ tiêu N" whose targets could not be read
  'missing-lead', // a task block with "Thực hiện"/"chủ trì" text where no lead body was found
  'unparsed-timeline', // a timeline text that is neither recurring, a date, a range nor event-driven
  'unparsed-deadline', // a sentence about reports whose date could not be read
  'unparsed-assignment', // a sentence assigning "chỉ tiêu" whose numbers could not be read
  'skipped-line', // a line inside the body that belongs to no task, indicator or section
  'other',
]);
export type ParseNoteKind = z.infer<typeof ParseNoteKindSchema>;

export const ParseNoteSchema = z.object({
  line: z.number().int().min(1),
  kind: ParseNoteKindSchema,
  message: z.object({ vi: z.string(), en: z.string() }),
});
export type ParseNote = z.infer<typeof ParseNoteSchema>;

export interface PlanParseResult {
  plan: PlanDocument;
  /** The normalised source text split into lines; `line` fields point into it (1-based). */
  lines: string[];
  notes: ParseNote[];
}
