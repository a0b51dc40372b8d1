import type { EntryFormDto } from '../indicators/indicator-api.ts';
import type { Narrative, NarrativeSection } from './outline.ts';
import type { SubmissionAction, SubmissionState } from './submission-state.ts';

/** The API of reporting rounds (issue 14): what the server answers and the web and CLI read. */
export type ReportingUnitKind = 'agency' | 'commune';

export interface RoundBodyDto {
  unitKind: ReportingUnitKind;
  unitCode: string;
  name: string;
  origin: 'plan' | 'commune' | 'manual';
}

export interface RoundDto {
  id: string;
  planId: string | null;
  planTitle: string | null;
  kind: 'plan' | 'ad_hoc';
  title: string;
  period: string;
  /** YYYY-MM-DD, a date in Vietnam */
  deadline: string;
  /** where the deadline came from: the plan's sentence, or null when set by hand */
  deadlineSource: string | null;
  remindBeforeDays: number;
  remindEveryDays: number;
  openedAt: string;
  closedAt: string | null;
  bodies: RoundBodyDto[];
}

export interface BoardCountsDto {
  owed: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  accepted: number;
  returned: number;
  /** submitted / owed, 0…1 */
  completeness: number;
  /** on time / owed, 0…1 */
  timeliness: number;
}

export interface RoundSummaryDto {
  id: string;
  title: string;
  period: string;
  deadline: string;
  planId: string | null;
  closedAt: string | null;
  counts: BoardCountsDto;
  /** GET /api/rounds/mine: the state of the caller's own body's report; null on the board's list */
  ownState: SubmissionState | 'missing' | null;
}

export interface BoardRowDto {
  unitKind: ReportingUnitKind;
  unitCode: string;
  name: string;
  state: SubmissionState | 'missing';
  submissionId: string | null;
  /** first sent (timeliness is judged on it), ISO instant */
  submittedAt: string | null;
  /** the Vietnam date of submittedAt */
  submittedOn: string | null;
  onTime: boolean | null;
  /** days late of a late submission, or days overdue of a missing one (0 before the deadline) */
  daysLate: number;
  submittedAfterClose: boolean;
  figures: { required: number; present: number; explained: number };
  reminders: { count: number; lastAt: string | null; lastStep: string | null };
}

export interface RoundBoardDto {
  round: RoundDto;
  counts: BoardCountsDto;
  rows: BoardRowDto[];
}

export interface OpenRoundRequest {
  planId: string | null;
  period: string;
  /** required for an ad hoc round, or when the plan gives no deadline for the period */
  deadline?: string | undefined;
  title?: string | undefined;
  remindBeforeDays?: number | undefined;
  remindEveryDays?: number | undefined;
}

export interface UpdateRoundRequest {
  title?: string | undefined;
  deadline?: string | undefined;
  remindBeforeDays?: number | undefined;
  remindEveryDays?: number | undefined;
  /** true closes the round, false opens it again */
  closed?: boolean | undefined;
}

export interface RoundBodiesRequest {
  add: { unitKind: ReportingUnitKind; unitCode: string }[];
  remove: { unitKind: ReportingUnitKind; unitCode: string }[];
}

/** One task of the body's in the plan, with its progress for the round's period. */
export interface SubmissionTaskDto {
  taskId: string;
  path: string | null;
  text: string;
  role: 'lead' | 'support';
  status: 'not_started' | 'in_progress' | 'done' | 'not_applicable' | null;
  note: string | null;
  evidenceFileId: string | null;
  evidenceFileName: string | null;
}

export interface SubmissionCommentDto {
  id: string;
  version: number;
  action: 'return' | 'reopen' | 'accept';
  /** 'whole', 'section:results', 'figure:LIVE_BIRTHS', 'task:<uuid>' */
  target: string;
  text: string;
  author: string;
  createdAt: string;
}

/** What changed between the last two sendings, for the reviewer. */
export interface SubmissionChangeDto {
  /** 'section:results', 'figure:LIVE_BIRTHS', 'explanation:LIVE_BIRTHS', 'task:<uuid>' */
  target: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface SubmissionDto {
  id: string | null;
  roundId: string;
  roundTitle: string;
  period: string;
  deadline: string;
  unitKind: ReportingUnitKind;
  unitCode: string;
  unitName: string;
  state: SubmissionState | 'missing';
  version: number;
  narrative: Narrative;
  /** element code → why the figure is missing */
  explanations: Record<string, string>;
  figures: EntryFormDto;
  /** required figures neither entered nor explained (element codes): sending is refused while any */
  missingFigures: string[];
  tasks: SubmissionTaskDto[];
  comments: SubmissionCommentDto[];
  changes: SubmissionChangeDto[];
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  submittedAfterClose: boolean;
  locked: boolean;
  /** the actions the caller may take now */
  actions: SubmissionAction[];
}

export interface SaveSubmissionRequest {
  narrative: Narrative;
  explanations: Record<string, string>;
}

export interface ReviewComment {
  target: string;
  text: string;
}

export interface ReturnSubmissionRequest {
  comments: ReviewComment[];
}

export interface ReopenSubmissionRequest {
  reason: string;
}

export type { Narrative, NarrativeSection };

/** The assembled report's header, signature and recipients, as the officer edits them. */
export interface ReportFrontDto {
  parentBody: string;
  issuingBody: string;
  number: string;
  place: string;
  /** YYYY-MM-DD; empty: the day it is built */
  date: string;
  subject: string;
  signature: { onBehalf: string; deputy: string; title: string; name: string };
  recipients: string[];
}

export interface ReportDraftSectionDto {
  key: NarrativeSection;
  heading: string;
  paragraphs: { text: string; source: string | null }[];
}

/** GET /api/rounds/:id/report: the text to edit before building (the figures are computed at build time). */
export interface ReportDraftDto {
  roundId: string;
  /** true: built from submissions not yet accepted, the document says DỰ THẢO */
  draft: boolean;
  /** the submissions its text came from */
  sources: { unitName: string; state: SubmissionState; version: number }[];
  front: ReportFrontDto;
  sections: ReportDraftSectionDto[];
  /** whether the officer has edited it (else it is assembled afresh from the submissions) */
  edited: boolean;
  updatedAt: string | null;
}

export interface SaveReportDraftRequest {
  front: ReportFrontDto;
  sections: ReportDraftSectionDto[];
}

export interface ReportBuildDto {
  id: string;
  draft: boolean;
  builtBy: string;
  builtAt: string;
  sources: { unitName: string; state: string; version: number }[];
  /** which files it has: docx and xlsx always, pdf when LibreOffice was there */
  formats: ('docx' | 'xlsx' | 'pdf')[];
  /** why there is no PDF, when there is none */
  pdfNote: string | null;
}

/** GET /api/rounds/:id/reminders: one row per reminder claimed, for the board's log. */
export interface RoundReminderDto {
  unitKind: ReportingUnitKind;
  unitCode: string;
  /** 'before', 'after-1' …, 'escalate' */
  step: string;
  channel: 'in_app' | 'email';
  /** in-app: the usernames reached; e-mail: 'contact' (the body's mailbox) or 'head' (escalation) */
  recipients: string;
  sentAt: string | null;
  /** null: claimed, not yet tried */
  delivered: boolean | null;
  error: string | null;
}
