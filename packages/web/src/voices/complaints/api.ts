import type {
  ComplainantDto,
  ComplaintClockRulesDto,
  ComplaintDto,
  ComplaintIntakeRequest,
  ComplaintKind,
  ComplaintSettingDto,
  ComplaintStatisticsDto,
  ComplaintStepRequest,
  ComplaintSummaryDto,
  Sex,
} from '@tre/core';
import { api } from '../../api/client.ts';
import { read, type Read } from '../../api/useApi.ts';

/** The complaints module's routes (issue 17 §3), typed with core's complaints-api.ts. */

/** A child of the register found from the intake (GET /api/complaints/intake/children), ID masked. */
export interface ComplaintChildDto {
  id: number;
  fullName: string;
  birthDate: string;
  sex: Sex;
  communeCode: string;
  communeName: string;
  personalIdMasked: string | null;
}

export interface ComplaintTeamMemberDto {
  id: string;
  displayName: string;
  role: string;
  canSupervise: boolean;
}

export interface ComplaintReadDto {
  at: string;
  username: string | null;
  route: string;
  status: number;
}

const complaintUrl = (id: number) => `/api/complaints/${encodeURIComponent(String(id))}`;

export const complaintsApi = {
  create: (body: ComplaintIntakeRequest) => api<{ id: number; number: string }>('POST', '/api/complaints', body),
  /** 409 CONFLICT when the step is out of order or someone took a step since `version` was read */
  step: (id: number, body: ComplaintStepRequest) => api<undefined>('POST', `${complaintUrl(id)}/steps`, body),
  saveSettings: (kind: ComplaintKind, rules: ComplaintClockRulesDto) =>
    api<undefined>('PUT', `/api/complaints/settings/${encodeURIComponent(kind)}`, rules),
};

export const complaintsReads = {
  /** the reader's complaints: nearest running clock first */
  list: (): Read<{ items: ComplaintSummaryDto[] }> => read('/api/complaints'),
  complaint: (id: number): Read<ComplaintDto> => read(complaintUrl(id)),
  complainant: (id: number): Read<ComplainantDto> => read(`${complaintUrl(id)}/complainant`),
  accessLog: (id: number): Read<{ items: ComplaintReadDto[] }> => read(`${complaintUrl(id)}/access-log`),
  settings: (): Read<{ items: ComplaintSettingDto[] }> => read('/api/complaints/settings'),
  /** a commune's complaints of a year, or those the reader reaches; counts only */
  statistics: (year: number, commune?: string): Read<ComplaintStatisticsDto> =>
    read(`/api/complaints/statistics?${new URLSearchParams({ year: String(year), ...(commune ? { commune } : {}) }).toString()}`),
  team: (body: { kind: 'commune' | 'agency'; id: string }): Read<{ items: ComplaintTeamMemberDto[] }> =>
    read(`/api/complaints/team?${new URLSearchParams({ kind: body.kind, id: body.id }).toString()}`),
  children: (q: string, commune?: string | null): Read<{ items: ComplaintChildDto[] }> => {
    const p = new URLSearchParams({ q });
    if (commune) p.set('commune', commune);
    return read(`/api/complaints/intake/children?${p.toString()}`);
  },
};
