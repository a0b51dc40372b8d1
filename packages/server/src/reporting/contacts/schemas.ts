import {
  SINGLE_LINE,
  isSingleLine,
  type ReportingContactDto,
  type ReportingContactListReply,
  type ReportingContactRequest,
} from '@tre/core';
import { z } from 'zod';
import type { Expect, Same } from '../../http/contract.ts';

/** The contact routes' zod schemas, checked against core/notifications/contacts-api.ts at compile time. */
export const ContactUnitKindSchema = z.enum(['agency', 'commune']);

// the database's CHECK (migration 0013) is looser; this is what a reminder can actually be sent to
const Email = z
  .email('Địa chỉ thư không hợp lệ / invalid e-mail address')
  .max(254, 'Địa chỉ thư dài quá 254 ký tự / e-mail address longer than 254 characters');

export const ReportingContactRequestSchema = z.object({
  email: Email.nullable(),
  // the name goes into the escalation e-mail's text: one line, never a forged paragraph
  headName: z
    .string()
    .trim()
    .min(1)
    .max(200, 'Tên dài quá 200 ký tự / name longer than 200 characters')
    .refine(isSingleLine, SINGLE_LINE)
    .nullable(),
  headEmail: Email.nullable(),
  escalateAfterDays: z
    .number()
    .int()
    .min(1, 'Số ngày từ 1 đến 365 / days from 1 to 365')
    .max(365, 'Số ngày từ 1 đến 365 / days from 1 to 365')
    .nullable(),
});

export const ReportingContactSchema = z.object({
  unitKind: ContactUnitKindSchema,
  unitCode: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  headName: z.string().nullable(),
  headEmail: z.string().nullable(),
  escalateAfterDays: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

export const ReportingContactListReplySchema = z.object({ items: z.array(ReportingContactSchema) });

export const ContactParams = z.object({ unitKind: ContactUnitKindSchema, unitCode: z.string().trim().min(1).max(64) });

export type ContractChecks = [
  Expect<Same<z.infer<typeof ReportingContactRequestSchema>, ReportingContactRequest>>,
  Expect<Same<z.infer<typeof ReportingContactSchema>, ReportingContactDto>>,
  Expect<Same<z.infer<typeof ReportingContactListReplySchema>, ReportingContactListReply>>,
];
