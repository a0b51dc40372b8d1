import { VALIDATION_RULES, type ValidationRunReply } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, Period, UnitCode, UnitRef } from '../schemas.ts';

/** `unit`: only that unit's findings (read access as for its values). */
export const ValidationQuerySchema = z.object({ period: Period, unit: UnitCode.optional() });

export const ValidationReplySchema = z.object({
  period: z.string(),
  violations: z.array(
    z.object({
      rule: z.enum(VALIDATION_RULES),
      severity: z.enum(['error', 'warning']),
      unit: z.string(),
      period: z.string(),
      elements: z.array(z.string()),
      measure: z.string().optional(),
      message: Bilingual,
    }),
  ),
  /** the units the findings are about, named */
  units: z.array(UnitRef),
});

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [Expect<Same<z.infer<typeof ValidationReplySchema>, ValidationRunReply>>];
