import type { Role } from './roles.ts';

/**
 * The access module's API: request and reply types of its routes (server access/schemas.ts checks
 * its zod schemas against these at compile time; web access/api.ts calls the routes with them).
 */

/** The signed-in user, as GET /api/session and POST /api/session answer. */
export interface SessionUserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  communeCode: string | null;
  provinceCode: string;
}

export interface SessionDto {
  user: SessionUserDto;
  csrfToken: string;
}

export interface SignInRequest {
  username: string;
  password: string;
}

export interface PasswordChangeRequest {
  currentPassword: string;
  newPassword: string;
}

/** A user as the administrator's list shows them. */
export interface UserDto extends Omit<SessionUserDto, 'provinceCode'> {
  agencyName?: string | null | undefined;
  communeName?: string | null | undefined;
  active: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface NewUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyId?: string | null | undefined;
  communeCode?: string | null | undefined;
}

export interface UserPatchRequest {
  displayName?: string | undefined;
  role?: Role | undefined;
  agencyId?: string | null | undefined;
  communeCode?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

export interface AuditEventDto {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}
