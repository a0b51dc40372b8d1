import { z } from 'zod';
import { measureValueProblem } from './counts.ts';

/**
 * The indicator catalogue format `tre.indicators/v1`: the 24 national indicators ship in it
 * (packages/core/data/indicators/catalogue.json) and an administrator's local indicators are
 * validated against the same schema, so the aggregation, progress and validation code never needs
 * to know which kind it is computing.
 *
 * An indicator is split into measures; a measure is always a ratio numerator / denominator × factor
 * of two data elements (counts), so that aggregation can sum numerators and denominators up the
 * hierarchy instead of averaging rates. Data elements are shared: one CHILDREN_TOTAL count serves
 * every "per children" measure, as in DHIS2.
 *
 * Targets in the catalogue are the national reference values only; a province's own targets
 * belong to its plan (DESIGN.md §3).
 */

export const CATALOGUE_FORMAT = 'tre.indicators/v1';

const Code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE_CASE');
const OptionCode = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'lower_snake_case');
export const BilingualSchema = z.object({ vi: z.string().min(1).max(1000), en: z.string().min(1).max(1000) });
export type Bilingual = z.infer<typeof BilingualSchema>;

const MeasureUnitSchema = z.enum(['%', 'per1000', 'per100000']);
export type MeasureUnit = z.infer<typeof MeasureUnitSchema>;

/** The factor each unit implies; the catalogue states both so a reader never has to guess. */
export const UNIT_FACTOR: Record<MeasureUnit, number> = { '%': 100, per1000: 1000, per100000: 100000 };

const DirectionSchema = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof DirectionSchema>;

/** Same comparisons as a plan's IndicatorTarget (plans/plan-format.ts TargetOpSchema). */
const MeasureTargetOpSchema = z.enum(['<', '<=', '=', '>=', '>']);
export type MeasureTargetOp = z.infer<typeof MeasureTargetOpSchema>;

/**
 * A disaggregation dimension (sex, age group, area, ethnicity). Its options must partition the
 * counted population — each child in exactly one option — because parts are summed into totals.
 * That is why "form of abuse" is not a category of CHILDREN_ABUSED: one child can suffer several.
 */
export const CategorySchema = z.object({
  code: OptionCode,
  name: BilingualSchema,
  options: z.array(z.object({ code: OptionCode, name: BilingualSchema })).min(2),
});
export type Category = z.infer<typeof CategorySchema>;

export const DataElementSchema = z.object({
  code: Code,
  name: BilingualSchema,
  valueType: z.literal('count'),
  /** category codes this element may be broken down by (Thông tư 13/2021/TT-BLĐTBXH); [] = totals only */
  categories: z.array(OptionCode).max(4),
});
export type DataElement = z.infer<typeof DataElementSchema>;

const MeasureTargetSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  op: MeasureTargetOpSchema,
  // finite, 0 ≤ v ≤ 10^12 (counts.ts): a local indicator's target of 1e308 would make progress non-finite
  value: z.number().superRefine((v, ctx) => {
    const problem = measureValueProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { vi: problem.vi } satisfies CatalogueIssueParams });
  }),
  /** false where the national file could not verify the figure against the official text */
  crossChecked: z.boolean().default(true),
});
export type MeasureTarget = z.infer<typeof MeasureTargetSchema>;

const MeasureSchema = z.object({
  code: Code,
  name: BilingualSchema,
  numerator: Code,
  denominator: Code,
  factor: z.union([z.literal(100), z.literal(1000), z.literal(100000)]),
  unit: MeasureUnitSchema,
  direction: DirectionSchema,
  /** short name of the body that usually supplies the figures, as in the default agencies */
  agency: z.string().min(1).max(300),
  coordinating: z.array(z.string().min(1).max(300)).max(20).optional(),
  nationalTargets: z.array(MeasureTargetSchema).max(20),
  /** a national target that is not a level of this ratio (indicator 13: a yearly reduction) */
  nationalTargetNote: BilingualSchema.optional(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const IndicatorSchema = z.object({
  code: Code,
  /** 1–24 for the national programme; local indicators may have their own number or none */
  no: z.number().int().min(1).max(999).nullable(),
  goal: z.number().int().min(1).max(99).nullable(),
  name: BilingualSchema,
  measures: z.array(MeasureSchema).min(1).max(20),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/**
 * Issues of the catalogue's cross-checks carry the Vietnamese wording in `params.vi` (zod's
 * `message` is the English one), and point at the offending field: a duplicate code at its later
 * occurrence, so that a local indicator appended to the stored catalogue is the one named.
 */
export interface CatalogueIssueParams {
  vi: string;
}

export const CatalogueSchema = z
  .object({
    format: z.literal(CATALOGUE_FORMAT),
    source: z.string().max(5000),
    goals: z.array(z.object({ no: z.number().int().min(1), name: BilingualSchema })),
    categories: z.array(CategorySchema),
    dataElements: z.array(DataElementSchema),
    indicators: z.array(IndicatorSchema),
  })
  .superRefine((cat, ctx) => {
    const issue = (path: (string | number)[], en: string, vi: string) =>
      ctx.addIssue({ code: 'custom', path, message: en, params: { vi } satisfies CatalogueIssueParams });
    /** calls `each` for every item whose key an earlier item already has */
    const laterDupes = <T>(items: readonly T[], key: (t: T) => string, each: (t: T, i: number, k: string) => void) => {
      const seen = new Set<string>();
      items.forEach((t, i) => {
        const k = key(t);
        if (seen.has(k)) each(t, i, k);
        seen.add(k);
      });
    };

    laterDupes(
      cat.categories,
      (c) => c.code,
      (_, i, c) => issue(['categories', i, 'code'], `duplicate category ${c}`, `Nhóm phân tổ ${c} bị trùng`),
    );
    cat.categories.forEach((c, i) =>
      laterDupes(
        c.options,
        (o) => o.code,
        (_, j, o) =>
          issue(
            ['categories', i, 'options', j, 'code'],
            `duplicate option ${o} in ${c.code}`,
            `Phương án ${o} bị trùng trong nhóm phân tổ ${c.code}`,
          ),
      ),
    );
    const categories = new Set(cat.categories.map((c) => c.code));
    laterDupes(
      cat.dataElements,
      (e) => e.code,
      (_, i, c) => issue(['dataElements', i, 'code'], `duplicate data element ${c}`, `Mã chỉ số dữ liệu ${c} bị trùng`),
    );
    cat.dataElements.forEach((e, i) => {
      e.categories.forEach((c, j) => {
        if (!categories.has(c)) {
          issue(
            ['dataElements', i, 'categories', j],
            `${e.code}: unknown category ${c}`,
            `${e.code}: nhóm phân tổ ${c} không có trong danh mục`,
          );
        }
      });
      laterDupes(
        e.categories,
        (c) => c,
        (_, j) =>
          issue(
            ['dataElements', i, 'categories', j],
            `${e.code}: a category listed twice`,
            `${e.code}: một nhóm phân tổ được liệt kê hai lần`,
          ),
      );
    });

    const elements = new Set(cat.dataElements.map((e) => e.code));
    const goals = new Set(cat.goals.map((g) => g.no));
    laterDupes(
      cat.indicators,
      (x) => x.code,
      (_, i, c) => issue(['indicators', i, 'code'], `duplicate indicator ${c}`, `Mã chỉ tiêu ${c} bị trùng`),
    );
    laterDupes(
      cat.indicators.flatMap((x, i) =>
        x.measures.map((m, j) => ({ code: m.code, path: ['indicators', i, 'measures', j, 'code'] })),
      ),
      (m) => m.code,
      (m, _, c) => issue(m.path, `duplicate measure ${c}`, `Mã phép đo ${c} bị trùng`),
    );
    cat.indicators.forEach((ind, i) => {
      if (ind.goal !== null && !goals.has(ind.goal)) {
        issue(
          ['indicators', i, 'goal'],
          `${ind.code}: unknown goal ${ind.goal}`,
          `${ind.code}: không có mục tiêu số ${ind.goal}`,
        );
      }
      ind.measures.forEach((m, j) => {
        const path = (field: string) => ['indicators', i, 'measures', j, field];
        if (!elements.has(m.numerator)) {
          issue(
            path('numerator'),
            `${m.code}: unknown numerator ${m.numerator}`,
            `${m.code}: tử số ${m.numerator} không phải chỉ số dữ liệu có trong danh mục`,
          );
        }
        if (!elements.has(m.denominator)) {
          issue(
            path('denominator'),
            `${m.code}: unknown denominator ${m.denominator}`,
            `${m.code}: mẫu số ${m.denominator} không phải chỉ số dữ liệu có trong danh mục`,
          );
        }
        if (m.numerator === m.denominator) {
          issue(
            path('denominator'),
            `${m.code}: numerator and denominator are the same element`,
            `${m.code}: tử số và mẫu số là cùng một chỉ số dữ liệu`,
          );
        }
        if (UNIT_FACTOR[m.unit] !== m.factor) {
          issue(
            path('factor'),
            `${m.code}: factor ${m.factor} does not match unit ${m.unit}`,
            `${m.code}: hệ số ${m.factor} không khớp với đơn vị ${m.unit} (cần ${UNIT_FACTOR[m.unit]})`,
          );
        }
      });
    });
  });
export type Catalogue = z.infer<typeof CatalogueSchema>;
