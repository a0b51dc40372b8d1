import { z } from 'zod';

/**
 * The zod atoms every feature of the indicator routes shares (and the Excel routes' queries): one
 * definition each, so that a period or a unit code is bounded alike everywhere. Each feature's
 * schemas.ts is the zod side of core/indicators/indicator-api.ts for its routes, checked against it
 * at compile time at its bottom.
 */
export const Bilingual = z.object({ vi: z.string(), en: z.string() });

export const Period = z.string().trim().min(4).max(7);

export const UnitCode = z.string().trim().min(2).max(36);

export const Op = z.enum(['<', '<=', '=', '>=', '>']);

export const Status = z.enum(['met', 'on_track', 'at_risk', 'off_track', 'no_data', 'insufficient_data', 'no_target']);

export const UnitRef = z.object({ kind: z.enum(['commune', 'agency', 'province']), code: z.string(), name: z.string() });

export const Target = z.object({
  year: z.number(),
  op: Op,
  value: z.number(),
  planId: z.string().optional(),
  planTitle: z.string().optional(),
  baseline: z.object({ year: z.number(), value: z.number() }).nullable().optional(),
  relative: z
    .object({
      change: z.enum(['decrease', 'increase']),
      reference: z.union([z.literal('previous-year'), z.number()]),
      valueTo: z.number().nullable(),
    })
    .optional(),
});

/** A measure's or an indicator's code in the catalogue. */
export const MeasureCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
