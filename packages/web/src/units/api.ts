import type { AgencyDto, AgencyInput, CommuneDetailDto, CommuneDto } from '@tre/core';
import { api } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/** The units module's routes, typed with core's API types (core/units/units-api.ts). */
export const unitsApi = {
  createAgency: (input: AgencyInput) => api<AgencyDto>('POST', '/api/agencies', input),
  updateAgency: (id: string, patch: Partial<AgencyInput>) =>
    api<AgencyDto>('PATCH', `/api/agencies/${encodeURIComponent(id)}`, patch),
  setStandingBody: (agencyId: string) => api<AgencyDto>('PUT', '/api/settings/standing-body', { agencyId }),
};

/** The units module's reads, for useRead. */
export const unitsReads = {
  provinces: (): Read<{ items: { code: string; name: string }[] }> => read('/api/units/provinces'),
  communes: (params: URLSearchParams): Read<{ total: number; items: CommuneDto[] }> =>
    read(`/api/units/communes?${params.toString()}`),
  allCommunes: (): Read<{ total: number; items: CommuneDto[] }> => read('/api/units/communes?limit=500'),
  commune: (code: string): Read<CommuneDetailDto> => read(`/api/units/communes/${encodeURIComponent(code)}`),
  agencies: (includeInactive = false): Read<{ items: AgencyDto[] }> =>
    read(`/api/agencies?includeInactive=${String(includeInactive)}`),
  settings: (): Read<{ province: { code: string; name: string } }> => read('/api/settings'),
};
