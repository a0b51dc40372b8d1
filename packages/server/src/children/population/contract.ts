import { z } from 'zod';

/**
 * The contract with the national population database (Cơ sở dữ liệu quốc gia về dân cư), as
 * openapi.yaml documents it: the one set of schemas the client checks answers with and the
 * simulator checks requests with, so that the two cannot drift apart.
 */

/** Tre's credentials travel in this header (one API key per installation, TRE_POPULATION_KEY). */
export const API_KEY_HEADER = 'x-api-key';
/** One id per logical call, the same on its retries: the service's logs can be matched to Tre's without any identifying field. */
export const REQUEST_ID_HEADER = 'x-request-id';

export const VERIFY_PATH = '/v1/citizens/verify';
export const residencePath = (personalId: string) => `/v1/citizens/${personalId}/residence`;

/** The 12-digit personal identification number (số định danh cá nhân, as on the chip-based ID card). */
export const PersonalIdSchema = z.string().regex(/^\d{12}$/);

export const SexSchema = z.enum(['male', 'female']);

export const VerifyRequestSchema = z.object({
  personalId: PersonalIdSchema,
  fullName: z.string().trim().min(1).max(100),
  birthDate: z.iso.date(),
  sex: SexSchema,
});
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

export const RESIDENCE_KINDS = ['permanent', 'temporary'] as const;

/** A registered residence: thường trú (permanent) or tạm trú (temporary). Codes are the statistics office's. */
export const ResidenceSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  communeCode: z.string().regex(/^\d{5}$/),
  address: z.string().min(1).max(500),
  kind: z.enum(RESIDENCE_KINDS),
});
export type Residence = z.infer<typeof ResidenceSchema>;

export const MISMATCH_FIELDS = ['fullName', 'birthDate', 'sex'] as const;
export type MismatchField = (typeof MISMATCH_FIELDS)[number];

const checkedAt = z.iso.datetime({ offset: true });

/**
 * The answer to a verification. The residence comes only with a match: a caller who does not know
 * who the ID belongs to learns nothing more than "mismatch" about that person.
 */
export const VerifyResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('match'),
    // unknown fields are dropped (the service may add some), but a "match" naming mismatches contradicts itself
    mismatches: z.tuple([]).optional(),
    residence: ResidenceSchema.optional(),
    checkedAt,
  }),
  z.object({
    status: z.literal('mismatch'),
    mismatches: z
      .array(z.enum(MISMATCH_FIELDS))
      .min(1)
      .refine((fields) => new Set(fields).size === fields.length, 'each field once'),
    checkedAt,
  }),
  z.object({ status: z.literal('not_found'), checkedAt }),
]);
export type VerifyResult = z.infer<typeof VerifyResponseSchema>;

/** Every residence registered for the citizen, at most one of each kind. */
export const ResidenceResponseSchema = z.object({
  residences: z
    .array(ResidenceSchema)
    .min(1)
    .max(2)
    .refine((list) => new Set(list.map((r) => r.kind)).size === list.length, 'one residence of each kind at most'),
  checkedAt,
});
export type ResidenceRecord = z.infer<typeof ResidenceResponseSchema>;

/** The service's error codes; its messages never repeat a submitted value. */
export const SERVICE_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'citizen_not_found',
  'not_found',
  'rate_limited',
  'unavailable',
] as const;
export type ServiceErrorCode = (typeof SERVICE_ERROR_CODES)[number];

export const ServiceErrorSchema = z.object({
  error: z.object({ code: z.enum(SERVICE_ERROR_CODES), message: z.string() }),
});
export type ServiceError = z.infer<typeof ServiceErrorSchema>;
