import {
  BilingualSchema,
  CategorySchema,
  DataElementSchema,
  IndicatorSchema,
  type CatalogueReply,
  type LocalIndicatorDeleteReply,
  type LocalIndicatorRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';
import { Bilingual, MeasureCode } from '../schemas.ts';

const Origin = z.enum(['national', 'local']);

const StoredIndicator = IndicatorSchema.extend({ origin: Origin });

export const CatalogueReplySchema = z.object({
  goals: z.array(z.object({ no: z.number(), name: BilingualSchema })),
  categories: z.array(CategorySchema),
  dataElements: z.array(DataElementSchema.extend({ origin: Origin })),
  indicators: z.array(StoredIndicator),
});

/** The indicator and its new elements in the catalogue's own form; cross-checks against the stored catalogue in the service. */
export const LocalIndicatorRequestSchema = z.object({
  indicator: IndicatorSchema,
  dataElements: z.array(DataElementSchema).max(40),
});

export const LocalIndicatorReplySchema = StoredIndicator;

export const IndicatorCodeParamsSchema = z.object({ code: MeasureCode });

export const LocalIndicatorDeleteReplySchema = z.object({
  code: z.string(),
  measures: z.array(z.string()),
  /** new elements of the indicator, deleted with it */
  deletedElements: z.array(z.string()),
  /** its elements that hold figures (kept, still on the entry forms) or that another indicator uses */
  keptElements: z.array(z.object({ code: z.string(), reason: z.enum(['has_figures', 'used_elsewhere']) })),
  /** plan targets that were mapped to its measures and are now unmapped */
  planTargetsUnmapped: z.number(),
  message: Bilingual,
});

// ---- the contract: each schema's type is exactly the type in core's indicator-api.ts ----
export type ContractChecks = [
  Expect<Same<z.infer<typeof CatalogueReplySchema>, CatalogueReply>>,
  Expect<Same<z.infer<typeof LocalIndicatorRequestSchema>, LocalIndicatorRequest>>,
  Expect<Same<z.infer<typeof LocalIndicatorDeleteReplySchema>, LocalIndicatorDeleteReply>>,
];
