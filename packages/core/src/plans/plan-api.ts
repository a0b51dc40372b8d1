/**
 * The contract between the server's /api/plans routes and the web: the shapes of replies and
 * requests. The server's zod schemas (server/src/plans/routes.ts) must produce exactly these; the
 * web imports these types. Dates are ISO strings.
 */
import type { IndicatorTarget, PlanDocument, PlanParseResult, ReportingKind, TimelineKind } from './plan-format.ts';

/**
 * Groups a plan can name instead of one body: "các sở, ban, ngành" → every active department-like
 * agency; "UBND cấp xã", "UBND các xã, phường", "các địa phương" → every commune committee of the
 * province; "các tổ chức chính trị - xã hội" → the mass organisations; "các sở, ngành, địa
 * phương" → departments and commune committees both. The district level abolished on 1 July 2025
 * ("UBND các huyện, thị xã, thành phố", "UBND cấp huyện") is read as `all_communes`, with the rule
 * shown to the reviewer (core plans/body-phrases.ts).
 */
export const BODY_GROUPS = ['all_agencies', 'all_communes', 'mass_organisations', 'agencies_and_communes'] as const;
export type BodyGroup = (typeof BODY_GROUPS)[number];

/** How a body named in the text was matched to the province's agencies. */
export type BodyResolution =
  | { kind: 'agency'; agencyId: string }
  | { kind: 'group'; group: BodyGroup }
  /** a body outside Tre's list on purpose (e.g. "Ban Tuyên giáo Huyện ủy"): kept as text, tracked by nobody */
  | { kind: 'external' }
  /**
   * a vague phrase naming nobody in particular ("các tổ chức, đơn vị, cá nhân liên quan", "gia đình
   * và trẻ em", "các thôn, xóm"): kept as written, tracked by nobody, needing no decision
   */
  | { kind: 'not_tracked' }
  | { kind: 'unresolved' };

/** Why a name was resolved the way it was, shown to the reviewer beside the resolution. */
export interface BodyRule {
  vi: string;
  en: string;
}

export interface BodyCandidate {
  agencyId: string;
  shortName: string;
  /** why it was offered: the alias or name that matched */
  matched: string;
}

/** One distinct body name found in a parsed plan with what Tre could match it to. */
export interface ParsedBody {
  name: string;
  /**
   * the comparison key of "similar" names (core similarKey: no diacritics, case, punctuation,
   * "các", "và", "Việt Nam"; abbreviations such as MTTQ written out): names with one key take one
   * decision, in the plan and in the province's next plans
   */
  key: string;
  resolution: BodyResolution;
  /** when unresolved or ambiguous: agencies the user can pick from, best first */
  candidates: BodyCandidate[];
  /** a group offered for the user to confirm, not applied */
  suggestedGroup?: BodyGroup;
  /** the rule that gave this resolution (a group phrase, a vague phrase, a successor after 2025) */
  rule?: BodyRule;
  /** the resolution is a reviewer's earlier decision for this province, remembered */
  remembered?: RememberedDecisionDto;
}

/** A reviewer's decision for a name, remembered for the province's next plans. */
export interface RememberedDecisionDto {
  decidedAt: string;
  /** display name of who decided, or null (the `tre` command) */
  decidedBy: string | null;
}

/** POST /api/plans/parse (raw file bytes, `?fileName=`) → reply. Nothing is stored. */
export interface PlanParseReply extends PlanParseResult {
  bodies: ParsedBody[];
}

/** POST /api/plans: save a reviewed plan. */
export interface PlanSaveRequest {
  document: PlanDocument;
  /** the source text lines shown on the review screen, kept with the plan */
  sourceLines: string[];
  fileName: string | null;
  /** the user's decision for every distinct body name used in the document's tasks/assignments */
  bodies: { name: string; resolution: BodyResolution }[];
}

export interface PlanSummaryDto {
  id: string;
  title: string;
  documentType: PlanDocument['documentType'];
  documentNumber: string | null;
  issuer: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  taskCount: number;
  indicatorCount: number;
  /** distinct body names still unresolved (lead or support) */
  unresolvedBodyCount: number;
  /** tasks without a decided lead: no lead written, or every lead unresolved or not tracked (core leadDecided) */
  undecidedLeadCount: number;
  createdAt: string;
  createdBy: string;
}

export interface TaskBodyDto {
  id: string;
  role: 'lead' | 'support';
  /** as written in the plan */
  name: string;
  resolution: BodyResolution;
  /** display label: the agency short name, the group label, or the name as written */
  label: string;
}

export type TaskProgressStatus = 'not_started' | 'in_progress' | 'done' | 'not_applicable';

export interface TaskProgressDto {
  id: string;
  taskId: string;
  /** the reporting body: an agency, or a commune committee */
  agencyId: string | null;
  communeCode: string | null;
  bodyLabel: string;
  /** reporting period, DHIS2-style: '2025' (year), '2025S1' / '2025S2' (half-year) */
  period: string;
  status: TaskProgressStatus;
  note: string | null;
  evidence: { id: string; fileName: string; size: number } | null;
  updatedBy: string;
  updatedAt: string;
}

export interface PlanTaskDto {
  id: string;
  position: number;
  ref: string | null;
  /** the whole numbering, "II.1.a", "V.4.-2": what lists show, so a row never reads a bare "d" */
  path: string | null;
  sectionRef: string | null;
  sectionTitle: string | null;
  /** listed for a body: whether it leads the task (chủ trì) or coordinates (phối hợp); else null */
  bodyRole: 'lead' | 'support' | null;
  text: string;
  timeline: { kind: TimelineKind; text: string | null; start: string | null; end: string | null; lunar: string | null };
  sourceLine: number | null;
  bodies: TaskBodyDto[];
  /** the latest progress of each body for the requested period */
  progress: TaskProgressDto[];
  /** due date passed and some assigned body has not reported done / not applicable */
  overdue: boolean;
}

export interface PlanIndicatorDto {
  no: number;
  goal: number | null;
  text: string;
  targets: IndicatorTarget[];
  sourceLine: number | null;
}

/** One distinct body name of a saved plan: what it means, how often and in which role it is named. */
export interface PlanBodyDto extends ParsedBody {
  /** display label: the agency short name, the group label, or the name as written */
  label: string;
  /** task bodies and indicator assignments written with this name */
  count: number;
  /** tasks it leads */
  leadCount: number;
}

export interface PlanDetailDto extends PlanSummaryDto {
  citations: string[];
  /** every distinct body name with its resolution (a name resolved two ways in different tasks: one entry each) */
  bodies: PlanBodyDto[];
  fileName: string | null;
  sections: { ref: string; title: string; level: number }[];
  indicators: PlanIndicatorDto[];
  assignments: { agency: string; resolution: BodyResolution; label: string; indicators: number[] }[];
  reporting: { kind: ReportingKind; due: string; recipient: string | null; text: string | null }[];
  footnotes: { mark: string; text: string }[];
  sourceLines: string[];
}

/** GET /api/plans/:id/tasks?agencyId=&communeCode=&year=&period= */
export interface PlanTaskListReply {
  items: PlanTaskDto[];
}

export interface CalendarEventDto {
  date: string;
  endDate: string | null;
  kind: 'task' | 'report';
  title: string;
  taskId: string | null;
  /** lunar date as written by the plan, when it gave one */
  lunar: string | null;
  overdue: boolean;
}

/** GET /api/plans/:id/calendar?year= */
export interface PlanCalendarReply {
  year: number;
  events: CalendarEventDto[];
}

/** PATCH /api/plans/tasks/:taskId: correct a saved task; omitted fields stay as they are; `bodies` replaces all. */
export interface TaskPatchRequest {
  text?: string;
  ref?: string | null;
  timeline?: PlanTaskDto['timeline'];
  bodies?: { role: TaskBodyDto['role']; name: string; resolution: BodyResolution }[];
}

/**
 * PUT /api/plans/:id/bodies: one decision for a body name everywhere in the plan, and for every
 * similar name (same core similarKey); remembered for the province's next plans.
 */
export interface BodyDecisionRequest {
  name: string;
  resolution: BodyResolution;
}
export interface BodyDecisionReply extends BodyDecisionRequest {
  /** how many task bodies and assignments took the decision */
  updated: number;
  /** every name of the plan that took it: the one asked and its similar names */
  names: string[];
}

/** GET /api/plans/undecided-leads: per plan, the tasks whose lead is not decided yet (the standing body's home). */
export interface UndecidedLeadsDto {
  planId: string;
  planTitle: string;
  /** tasks without a decided lead */
  taskCount: number;
  /** the unresolved names written as lead of those tasks */
  names: string[];
  /** of those tasks, how many name no lead at all */
  withoutLead: number;
}

/** PUT /api/plans/tasks/:taskId/progress */
export interface TaskProgressRequest {
  period: string;
  status: TaskProgressStatus;
  note: string | null;
  /** an id from POST /api/files (raw bytes, ?fileName=) or null */
  evidenceFileId: string | null;
  /** required for provincial officers recording for a body; reporters record for their own body */
  agencyId?: string | null;
  communeCode?: string | null;
}

/** GET /api/plans/overdue — for the standing body's dashboard */
export interface OverdueTaskDto {
  planId: string;
  planTitle: string;
  taskId: string;
  ref: string | null;
  path: string | null;
  text: string;
  due: string;
  bodies: string[];
}

export type { PlanDocument, PlanParseResult };
