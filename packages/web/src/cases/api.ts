import type {
  AbuseForm,
  CaseAction,
  CaseDto,
  CaseOverviewDto,
  CaseSummaryDto,
  ReferralDto,
  ReportChannel,
  ServiceKind,
  Sex,
  Urgency,
} from '@tre/core';
import { api } from '../api/client.ts';
import { read, type Read } from '../api/useApi.ts';

/**
 * The cases module's routes (issue 16), typed with core's cases-api.ts. The request bodies below are
 * not in core yet: they are written here from the routes' contract and belong in cases-api.ts once
 * the server's schemas are checked against them.
 */

/** A child found by the intake's search (GET /api/cases/intake/children): enough to tell two children apart, ID masked. */
export interface IntakeChildDto {
  id: number;
  fullName: string;
  birthDate: string;
  sex: Sex;
  communeCode: string;
  communeName: string;
  personalIdMasked: string | null;
}

/** Someone who may be assigned to a commune's cases (GET /api/cases/team). */
export interface CaseTeamMemberDto {
  id: string;
  displayName: string;
  role: string;
  canSupervise: boolean;
}

export interface ReporterInput {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  relation: string | null;
}

/** A child not in the register yet, with the few fields a phone call gives; `sex` in the register layout's words. */
export interface NewChildInput {
  fullName: string;
  birthDate: string;
  sex: 'Nam' | 'Nữ';
  communeCode: string;
  address?: string | null;
  motherName?: string | null;
  fatherName?: string | null;
  carerName?: string | null;
  phone?: string | null;
}

/** POST /api/cases */
export interface NewCaseRequest {
  /** ISO timestamp with its offset (+07:00) */
  receivedAt: string;
  channel: ReportChannel;
  communeCode: string;
  reporter: ReporterInput;
  child: { id: number } | { new: NewChildInput };
  abuseForms: AbuseForm[];
  facts: string;
  location: string | null;
  urgency: Urgency;
  workerId: string | null;
  supervisorId: string;
}

/** POST /api/cases/:id/steps: the step's legal form as data (STEP_FORMS), on the version read. */
export interface StepRequest {
  action: CaseAction;
  data: Record<string, unknown>;
  comment: string | null;
  version: number;
}

/** POST /api/cases/:id/services: an agency or another commune makes it a referral. */
export interface NewServiceRequest {
  kind: ServiceKind;
  description: string | null;
  agencyId: string | null;
  communeCode: string | null;
  dueOn: string | null;
}

export interface TeamChange {
  workerId?: string | null;
  supervisorId?: string;
}

export interface TransferRequest {
  communeCode: string;
  supervisorId: string;
  reason: string;
}

export interface GrantRequest {
  userId: string;
  reason: string;
  days: number;
}

/** One read of a case from the read log (GET /api/cases/:id/access-log). */
export interface CaseReadDto {
  at: string;
  username: string | null;
  route: string;
  status: number;
  reason: string | null;
}

const caseUrl = (id: number) => `/api/cases/${encodeURIComponent(String(id))}`;
const serviceUrl = (id: number) => `/api/cases/services/${encodeURIComponent(String(id))}`;
const communeQuery = (commune: string | null | undefined) => (commune ? `?${new URLSearchParams({ commune }).toString()}` : '');

export const casesApi = {
  create: (body: NewCaseRequest) => api<{ id: number }>('POST', '/api/cases', body),
  /** 409 CONFLICT when someone took a step since `version` was read */
  step: (id: number, body: StepRequest) => api<undefined>('POST', `${caseUrl(id)}/steps`, body),
  addService: (id: number, body: NewServiceRequest) => api<{ id: number }>('POST', `${caseUrl(id)}/services`, body),
  acceptService: (service: number) => api<undefined>('POST', `${serviceUrl(service)}/accept`, {}),
  rejectService: (service: number, reason: string) => api<undefined>('POST', `${serviceUrl(service)}/reject`, { reason }),
  completeService: (service: number, outcome: string) => api<undefined>('POST', `${serviceUrl(service)}/done`, { outcome }),
  changeTeam: (id: number, change: TeamChange) => api<undefined>('PATCH', `${caseUrl(id)}/team`, change),
  transfer: (id: number, body: TransferRequest) => api<undefined>('POST', `${caseUrl(id)}/transfer`, body),
  grant: (id: number, body: GrantRequest) => api<unknown>('POST', `${caseUrl(id)}/grants`, body),
};

/** The cases module's reads, for useRead (and fetchRead where a refusal's status matters). */
export const casesReads = {
  /** the reader's cases: open first, nearest running clock first */
  list: (): Read<{ items: CaseSummaryDto[] }> => read('/api/cases'),
  overview: (commune?: string | null): Read<CaseOverviewDto> => read(`/api/cases/overview${communeQuery(commune)}`),
  /** the intake's search: a name (diacritics aside, parts of words) or a whole 12-digit ID */
  intakeChildren: (q: string, commune?: string | null): Read<{ items: IntakeChildDto[] }> => {
    const p = new URLSearchParams({ q });
    if (commune) p.set('commune', commune);
    return read(`/api/cases/intake/children?${p.toString()}`);
  },
  team: (commune: string): Read<{ items: CaseTeamMemberDto[] }> => read(`/api/cases/team${communeQuery(commune)}`),
  case: (id: number): Read<CaseDto> => read(caseUrl(id)),
  referrals: (): Read<{ items: ReferralDto[] }> => read('/api/cases/referrals'),
  accessLog: (id: number): Read<{ items: CaseReadDto[] }> => read(`${caseUrl(id)}/access-log`),
};
