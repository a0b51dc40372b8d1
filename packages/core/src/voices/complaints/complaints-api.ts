import type {
  AnswerMethod,
  ComplaintAction,
  ComplaintChannel,
  ComplaintKind,
  ComplaintOutcome,
  ComplaintStatus,
} from './complaint.ts';
import type { ClockUnit, Complexity } from './clocks.ts';

/**
 * The complaints API's shapes (issue 17 §3), shared by the server's schemas (checked against these
 * at compile time) and the web's typed client.
 */

export type ComplaintClockKind = 'acceptance' | 'resolution';
export type ComplaintClockState = 'ok' | 'near' | 'overdue' | 'met';

export interface ComplaintClockDto {
  kind: ComplaintClockKind;
  /** ISO timestamp (+07:00): the end of the last day */
  dueAt: string;
  state: ComplaintClockState;
  /** when the step that stops it was taken (acceptance or refusal; the decision) */
  metAt: string | null;
}

export interface ComplaintBodyDto {
  kind: 'commune' | 'agency';
  id: string;
  name: string;
}

export interface ComplaintSummaryDto {
  id: number;
  number: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  channel: ComplaintChannel;
  /** ISO */
  receivedAt: string;
  anonymous: boolean;
  body: ComplaintBodyDto;
  handlerName: string | null;
  supervisorName: string | null;
  /** the child's name when one of the register is linked */
  childName: string | null;
  clocks: ComplaintClockDto[];
  /** the running clock due first: the list's order */
  nearest: ComplaintClockDto | null;
}

/** Who complained: the handler and the supervisor only. */
export interface ComplainantDto {
  anonymous: boolean;
  name: string | null;
  address: string | null;
  contact: string | null;
  idNumber: string | null;
}

export interface ComplaintStepDto {
  id: number;
  action: ComplaintAction | 'intake';
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  at: string;
  actorName: string;
  data: Record<string, unknown>;
  comment: string | null;
}

export interface ComplaintRelationDto {
  handler: boolean;
  supervisor: boolean;
  receiver: boolean;
}

export interface ComplaintDto extends ComplaintSummaryDto {
  content: string;
  remoteArea: boolean;
  childId: number | null;
  acceptedOn: string | null;
  decisionNumber: string | null;
  outcome: ComplaintOutcome | null;
  extensions: number;
  /** null when the reader may not see who complained */
  complainant: ComplainantDto | null;
  steps: ComplaintStepDto[];
  /** the actions open to this reader now */
  actions: ComplaintAction[];
  relation: ComplaintRelationDto;
  /** the clock rules in force when it was received */
  rules: ComplaintClockRulesDto;
  version: number;
}

export interface ComplaintClockRulesDto {
  acceptanceDays: number;
  acceptanceUnit: ClockUnit;
  resolutionDays: number;
  resolutionUnit: ClockUnit;
  remoteResolutionDays: number | null;
  maxExtensions: number;
  extensionDays: number;
  source: string;
}

export interface ComplaintSettingDto extends ComplaintClockRulesDto {
  kind: ComplaintKind;
  updatedAt: string | null;
  updatedBy: string | null;
  /** whether these are the law's defaults as shipped */
  isDefault: boolean;
}

/** POST /api/complaints */
export interface ComplaintIntakeRequest {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  /** ISO timestamp with offset */
  receivedAt: string;
  content: string;
  anonymous: boolean;
  complainant: { name: string | null; address: string | null; contact: string | null; idNumber: string | null };
  childId: number | null;
  body: { kind: 'commune' | 'agency'; id: string };
  remoteArea: boolean;
  handlerId: string | null;
  supervisorId: string;
}

/** POST /api/complaints/:id/steps: the action, its data (per action, see the server's schema) and the version read. */
export interface ComplaintStepRequest {
  action: ComplaintAction;
  /** YYYY-MM-DD, Vietnam date of the decision, acceptance, answer (not in the future, not before receipt) */
  date?: string | undefined;
  decisionNumber?: string | undefined;
  reason?: string | undefined;
  outcome?: ComplaintOutcome | undefined;
  method?: AnswerMethod | undefined;
  days?: number | undefined;
  complexity?: Complexity | undefined;
  note?: string | undefined;
  version: number;
}

/** Counts, nobody named. */
export interface ComplaintStatisticsDto {
  total: number;
  byKind: Record<ComplaintKind, number>;
  byStatus: Partial<Record<ComplaintStatus, number>>;
  /** clocks stopped in time or late, and running ones overdue */
  acceptance: { met: number; late: number; overdue: number };
  resolution: { met: number; late: number; overdue: number };
}

/** A complaint near or past its clock: what `tre voices overdue` and the home page show; nobody named. */
export interface ComplaintDueDto {
  id: number;
  number: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  bodyName: string;
  clock: ComplaintClockKind;
  dueAt: string;
  state: 'near' | 'overdue';
}
