import type { AbuseForm, ReportChannel, ServiceKind, ServiceStatus, Urgency } from './case.ts';
import type { CaseAction, CaseForm, CaseStatus } from './steps.ts';

/**
 * The cases module's API shapes (issue 16), shared by the server's schemas (checked against these
 * at compile time) and the web's typed client.
 */

export type ClockKind = 'emergency' | 'plan' | 'review';
export type ClockState = 'ok' | 'near' | 'overdue' | 'met';

/** One legal clock of a case: when it falls due, and where it stands now. */
export interface CaseClockDto {
  kind: ClockKind;
  /** ISO timestamp (+07:00) */
  dueAt: string;
  state: ClockState;
  /** when the step that stops it was taken */
  metAt: string | null;
}

export interface CaseSummaryDto {
  id: number;
  number: string;
  status: CaseStatus;
  communeCode: string;
  communeName: string;
  childId: number;
  childName: string;
  receivedAt: string;
  abuseForms: AbuseForm[];
  urgency: Urgency;
  workerName: string | null;
  supervisorName: string | null;
  clocks: CaseClockDto[];
  /** the running clock due first, the list's order */
  nearest: CaseClockDto | null;
}

/** Who reported: seen by the worker who took the report and the supervisor only. */
export interface ReporterDto {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  relation: string | null;
}

export interface CaseStepDto {
  id: number;
  action: CaseAction | 'intake' | 'transfer' | 'assign';
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  at: string;
  actorName: string;
  form: CaseForm | null;
  data: Record<string, unknown>;
  comment: string | null;
}

export interface CaseServiceDto {
  id: number;
  kind: ServiceKind;
  description: string | null;
  bodyKind: 'team' | 'agency' | 'commune';
  bodyId: string | null;
  bodyName: string | null;
  dueOn: string | null;
  status: ServiceStatus;
  outcome: string | null;
  rejectReason: string | null;
}

export interface CaseRelationDto {
  assigned: boolean;
  supervisor: boolean;
  intake: boolean;
  referred: boolean;
  granted: boolean;
}

export interface CaseDto extends CaseSummaryDto {
  channel: ReportChannel;
  facts: string;
  location: string | null;
  /** null when the reader may not see who reported */
  reporter: ReporterDto | null;
  emergencyRequired: boolean;
  steps: CaseStepDto[];
  services: CaseServiceDto[];
  /** the actions open to this reader now */
  actions: CaseAction[];
  relation: CaseRelationDto;
  version: number;
}

/** A service referred to the reader's body: the part of the case referred, no more. */
export interface ReferralDto {
  serviceId: number;
  caseId: number;
  caseNumber: string;
  communeName: string;
  kind: ServiceKind;
  description: string | null;
  dueOn: string | null;
  status: ServiceStatus;
  outcome: string | null;
  rejectReason: string | null;
  childSex: 'male' | 'female';
  childAge: number;
  referredAt: string;
}

/** Counts per clock state for a supervisor's overview: no child named. */
export interface CaseOverviewDto {
  open: number;
  byStatus: Partial<Record<CaseStatus, number>>;
  clocks: Record<ClockKind, Record<ClockState, number>>;
  closedThisYear: number;
}
