import { DATA_SET_KINDS, type EntryFormDto, type SaveValuesReply, type SaveValuesRequest } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, Period, UnitCode, UnitRef } from '../schemas.ts';

export const EntryFormQuerySchema = z.object({ unit: UnitCode, period: Period, dataSet: z.enum(DATA_SET_KINDS).optional() });

export const EntryFormSchema = z.object({
  unit: UnitRef,
  period: z.string(),
  dataSet: z.enum(DATA_SET_KINDS),
  elements: z.array(
    z.object({
      code: z.string(),
      name: Bilingual,
      categories: z.array(z.string()),
      value: z.number().nullable(),
      parts: z.array(z.object({ disaggregation: z.string(), value: z.number() })),
      enteredBy: z.string().nullable(),
      enteredAt: z.string().nullable(),
    }),
  ),
});

export const SaveValuesSchema = z.object({
  unit: UnitCode,
  period: Period,
  values: z
    .array(
      z.object({
        element: z.string().trim().min(1).max(100),
        disaggregation: z.string().max(200).optional(),
        // checked in the service with core countProblem (whole, 0 ≤ n ≤ 10^12, not -0), so that a bad
        // figure is refused naming values.N.value in Vietnamese and English; zod itself refuses 1e400 (Infinity)
        value: z.number().nullable(),
      }),
    )
    .min(1)
    .max(2000),
});

export const SaveReplySchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof EntryFormSchema>, EntryFormDto>>,
  Expect<Same<z.infer<typeof SaveValuesSchema>, SaveValuesRequest>>,
  Expect<Same<z.infer<typeof SaveReplySchema>, SaveValuesReply>>,
];
