import type { Role } from '@tre/core';
/** The shapes the API replies with (see the zod schemas in packages/server/src/<module>/routes.ts). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  communeCode: string | null;
  provinceCode: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  communeCode: string | null;
  agencyName?: string | null;
  communeName?: string | null;
  active: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface Commune {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
}

export interface Agency {
  id: string;
  kind: 'department' | 'mass_organisation' | 'committee' | 'sector' | 'other';
  shortName: string;
  fullName: string;
  aliases: string[];
  active: boolean;
  isStandingBody: boolean;
}

export interface AuditEvent {
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
