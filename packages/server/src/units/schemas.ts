import { SINGLE_LINE, isSingleLine, type AgencyDto, type AgencyInput, type CommuneDetailDto, type CommuneDto } from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../http/contract.ts';

/**
 * The units module's zod schemas, checked against the API types in core (core/units/units-api.ts)
 * at compile time.
 */

export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, 'mã tỉnh 2 chữ số / 2-digit province code');
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/, 'mã xã 5 chữ số / 5-digit commune code');

export const CommuneSchema = z.object({ code: z.string(), name: z.string(), type: z.string(), provinceCode: z.string() });

export const CommuneDetailSchema = CommuneSchema.extend({
  predecessors: z.array(z.object({ code: z.string(), name: z.string(), extent: z.enum(['full', 'partial']) })),
});

export const CommuneListQuerySchema = z.object({
  province: ProvinceCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AgencyKindSchema = z.enum(['department', 'mass_organisation', 'committee', 'sector', 'other']);

export const AgencySchema = z.object({
  id: z.string(),
  kind: AgencyKindSchema,
  shortName: z.string(),
  fullName: z.string(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  isStandingBody: z.boolean(),
});

export const AgencyInputSchema = z.object({
  kind: AgencyKindSchema,
  shortName: z.string().trim().min(1).max(120).refine(isSingleLine, SINGLE_LINE),
  fullName: z.string().trim().min(1).max(300).refine(isSingleLine, SINGLE_LINE),
  aliases: z.array(z.string().max(200).refine(isSingleLine, SINGLE_LINE)).max(50).default([]),
  active: z.boolean().optional(),
});

export type ContractChecks = [
  Expect<Same<z.infer<typeof CommuneSchema>, CommuneDto>>,
  Expect<Same<z.infer<typeof CommuneDetailSchema>, CommuneDetailDto>>,
  Expect<Same<z.infer<typeof AgencySchema>, AgencyDto>>,
  Expect<Same<z.infer<typeof AgencyInputSchema>, AgencyInput>>,
];
