/**
 * The API's shapes as the web names them: core's API types (core/<module>/*-api.ts), which the
 * server's zod schemas are checked against at compile time. Nothing here is written by hand.
 */
export type {
  AgencyDto as Agency,
  AuditEventDto as AuditEvent,
  CommuneDto as Commune,
  SessionUserDto as SessionUser,
  UserDto as User,
} from '@tre/core';
