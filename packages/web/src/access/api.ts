import type { AuditEventDto, NewUserRequest, PasswordChangeRequest, UserDto, UserPatchRequest } from '@tre/core';
import type { ReadLogQuery, ReadLogReply } from '@tre/core/access/read-log';
import { api } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/** The access module's routes, typed with core's API types (core/access/access-api.ts). */
export const accessApi = {
  changePassword: (request: PasswordChangeRequest) => api<unknown>('POST', '/api/session/password', request),
  createUser: (request: NewUserRequest) => api<UserDto>('POST', '/api/users', request),
  updateUser: (id: string, patch: UserPatchRequest) => api<UserDto>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch),
};

/** The read log's filters as an address holds them (text; the server checks them); an empty one is not sent. */
export type ReadLogFilters = Partial<Record<keyof ReadLogQuery, string>>;

/** The access module's reads, for useRead. */
export const accessReads = {
  users: (): Read<{ items: UserDto[] }> => read('/api/users?limit=500'),
  audit: (params: URLSearchParams): Read<{ items: AuditEventDto[] }> => read(`/api/audit?${params.toString()}`),
  /** GET /api/access-log with the filters given; `before` pages to older entries */
  accessLog: (filters: ReadLogFilters): Read<ReadLogReply> => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    return read(`/api/access-log?${params.toString()}`);
  },
  communeStaff: (code: string): Read<{ items: UserDto[] }> => read(`/api/units/communes/${encodeURIComponent(code)}/staff`),
};
