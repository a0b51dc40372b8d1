import {
  Role,
  SINGLE_LINE,
  isSingleLine,
  type AuditEventDto,
  type NewUserRequest,
  type SessionDto,
  type SignInRequest,
  type UserDto,
  type UserPatchRequest,
} from '@tre/core';
import { z } from 'zod';
import type * as repo from './repository.ts';
import type { Expect, Same } from '../http/contract.ts';

/**
 * The access module's zod schemas, checked against the API types in core (core/access/access-api.ts)
 * at compile time: a field added on one side and not the other fails the build.
 */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const RoleSchema = z.enum(Role);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  agencyId: z.string().nullable(),
  communeCode: z.string().nullable(),
  agencyName: z.string().nullable().optional(),
  communeName: z.string().nullable().optional(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});

type UserRow = Awaited<ReturnType<typeof repo.findUserById>> & { agency_name?: string | null; commune_name?: string | null };

export function toUserDto(u: NonNullable<UserRow>): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    agencyId: u.agency_id,
    communeCode: u.commune_code,
    agencyName: u.agency_name ?? null,
    communeName: u.commune_name ?? null,
    active: u.active,
    lockedUntil: iso(u.locked_until),
    lastSignInAt: iso(u.last_signin_at),
    createdAt: u.created_at.toISOString(),
  };
}

export const SignInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const SessionSchema = z.object({
  user: UserSchema.pick({ id: true, username: true, displayName: true, role: true, agencyId: true, communeCode: true }).extend({
    provinceCode: z.string(),
  }),
  csrfToken: z.string(),
});

export const NewUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, '3–64 chữ thường, số, dấu chấm, gạch / 3–64 lowercase letters, digits, . _ -'),
  displayName: z.string().trim().min(1).max(200).refine(isSingleLine, SINGLE_LINE),
  password: z.string().min(1).max(200),
  role: RoleSchema,
  agencyId: z.uuid().nullable().optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .optional(),
});

export const UserPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).refine(isSingleLine, SINGLE_LINE),
    role: RoleSchema,
    agencyId: z.uuid().nullable(),
    communeCode: z
      .string()
      .regex(/^\d{5}$/)
      .nullable(),
    active: z.boolean(),
    password: z.string().min(1).max(200),
  })
  .partial()
  .strict();

export const AuditQuerySchema = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const ListQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export type ContractChecks = [
  Expect<Same<z.infer<typeof UserSchema>, UserDto>>,
  Expect<Same<z.infer<typeof SessionSchema>, SessionDto>>,
  Expect<Same<z.infer<typeof SignInSchema>, SignInRequest>>,
  Expect<Same<z.infer<typeof NewUserSchema>, NewUserRequest>>,
  Expect<Same<z.infer<typeof UserPatchSchema>, UserPatchRequest>>,
  Expect<Same<z.infer<typeof AuditEventSchema>, AuditEventDto>>,
];
