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
 *
 * Targets (issue 13) carry more Tre extensions, all optional, so a tre.plan/v1 file of the spec is
 * read as before:
 * - `kind`: 'level' (the default when absent: a value the measure must reach, "đạt 95 %") or
 *   'relative' (a change the measure must make, "giảm 4–5 % mỗi năm", "giảm 1/3 so với năm 2020").
 *   A relative target has `change` ('decrease' | 'increase'), `reference` ('previous-year' for
 *   "mỗi năm", "hằng năm": each year against the year before; a year for "so với năm 2020": against
 *   that year's value), `value` the change in per cent of the reference value (the lower end of a
 *   range; "1/3" is 33.33…), `valueTo` the upper end of "4–5 %", `unit` '%' and `op` the comparison
 *   of the change achieved with `value` ('>=' for "giảm 4 %": at least 4 %). Its `year` is the last
 *   year it applies to (for 'previous-year', every year of the plan up to it).
 * - `opWord`: the word that governs the value as printed ("đạt", "duy trì", "là", "dưới"), absent when
 *   the value stands bare ("95 % trẻ em …"); `text`: the clause the target was read from. They tell
 *   how a comparison was read and let the mapping to a measure derive the missing ones (core
 *   indicators/target-comparison.ts).
 * - `measureCode`: the catalogue measure a person chose for the target, overriding the matching.
 */

export const PLAN_FORMAT = 'tre.plan/v1';

export const TargetUnitSchema = z.enum(['%', 'per1000', 'per100000', 'count']);
export type TargetUnit = z.infer<typeof TargetUnitSchema>;

export const TargetOpSchema = z.enum(['<', '<=', '=', '>=', '>']);
export type TargetOp = z.infer<typeof TargetOpSchema>;

export const TargetKindSchema = z.enum(['level', 'relative']);
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const TargetChangeSchema = z.enum(['decrease', 'increase']);
export type TargetChange = z.infer<typeof TargetChangeSchema>;

/** What a relative target's change is measured against: the year before each year judged, or one year's value. */
export const TargetReferenceSchema = z.union([z.literal('previous-year'), z.number().int().min(1990).max(2100)]);
export type TargetReference = z.infer<typeof TargetReferenceSchema>;

const RELATIVE_ONLY = ['change', 'reference', 'valueTo'] as const;

export const IndicatorTargetSchema = z
  .object({
    year: z.number().int().min(1990).max(2100),
    /** a level (a rate or a count), or a relative target's change in %: within the bound of every measure value, so progress stays finite */
    value: z.number().min(0).max(MAX_MEASURE_VALUE),
    unit: TargetUnitSchema.nullable().default(null),
    op: TargetOpSchema.nullable().default(null),
    /** Which part of a multi-part indicator, as a short phrase from the text. */
    measure: z.string().max(500).nullable().default(null),
    /** 'level' when absent (Tre extension, see the header) */
    kind: TargetKindSchema.optional(),
    change: TargetChangeSchema.optional(),
    reference: TargetReferenceSchema.optional(),
    /** the upper end of a range "4–5 %" (relative targets) */
    valueTo: z.number().min(0).max(MAX_MEASURE_VALUE).optional(),
    opWord: z.string().max(60).nullable().optional(),
    text: z.string().max(2000).nullable().optional(),
    measureCode: z
      .string()
      .max(100)
      .regex(/^[A-Z][A-Z0-9_]*$/)
      .nullable()
      .optional(),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'relative') {
      if (!t.change)
        ctx.addIssue({
          code: 'custom',
          path: ['change'],
          message: 'chỉ tiêu tương đối cần chiều thay đổi / a relative target needs its change',
        });
      if (t.reference === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['reference'],
          message: 'chỉ tiêu tương đối cần mốc so sánh / a relative target needs its reference',
        });
      if (t.unit !== null && t.unit !== '%')
        ctx.addIssue({ code: 'custom', path: ['unit'], message: 'mức thay đổi tính theo % / a change is in %' });
      if (t.change === 'decrease' && t.value > 100)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: 'không thể giảm quá 100 % / cannot decrease by more than 100 %',
        });
      if (typeof t.reference === 'number' && t.reference >= t.year)
        ctx.addIssue({
          code: 'custom',
          path: ['reference'],
          message: 'năm so sánh phải trước năm chỉ tiêu / the reference year must come before the target year',
        });
    } else {
      for (const key of RELATIVE_ONLY)
        if (t[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'chỉ dùng cho chỉ tiêu tương đối / only for a relative target' });
    }
    if (t.valueTo !== undefined && t.valueTo < t.value)
      ctx.addIssue({ code: 'custom', path: ['valueTo'], message: 'cận trên nhỏ hơn giá trị / the upper end is below the value' });
  });
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

/** A target's kind: 'level' unless it says otherwise. */
export const targetKind = (t: Pick<IndicatorTarget, 'kind'>): TargetKind => t.kind ?? 'level';

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
