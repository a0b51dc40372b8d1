import type { Role } from '@tre/core';
import type { ColumnType, Generated } from 'kysely';
import type { ChildrenTables } from './children-schema.ts';
import type { ChildCaseTables } from './child-case-schema.ts';
import type { CasesTables } from './cases-schema.ts';
import type { CommunesTables } from './communes-schema.ts';

/** Kysely's view of the tables created by ./migrations. */
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface ProvinceTable {
  code: string;
  name: string;
}

export interface ProvinceBefore2025Table {
  code: string;
  name: string;
}

export interface CommuneTable {
  code: string;
  name: string;
  type: string;
  province_code: string;
}

export interface CommunePredecessorTable {
  commune_code: string;
  old_code: string;
  old_name: string;
  extent: 'full' | 'partial';
}

export interface SettingTable {
  province_code: string;
  key: string;
  value: Json;
  updated_at: UpdatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  province_code: string;
  kind: string;
  short_name: string;
  full_name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  province_code: string;
  username: string;
  display_name: string;
  password_hash: string;
  // CHECK (role IN …) in migration 0001: one of core's roles
  role: Role;
  agency_id: string | null;
  commune_code: string | null;
  active: Generated<boolean>;
  failed_signins: Generated<number>;
  locked_until: Date | null;
  last_signin_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface AuditEventTable {
  id: Generated<number>;
  province_code: string;
  at: ColumnType<Date, never, never>;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before: Json;
  after: Json;
  ip: string | null;
}

/** Reads of sensitive records and refused attempts (migration 0007); written by access/read-log.ts. */
export interface ReadLogTable {
  id: Generated<number>;
  province_code: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  ip: string | null;
  method: string;
  route: string;
  params: Json;
  kind: string;
  record_id: string | null;
  status: number;
  reason: string | null;
}

export type ImportJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A file import waiting, running or finished (migration 0006); imports/repository.ts. */
export interface ImportJobTable {
  id: Generated<string>;
  province_code: string;
  kind: string;
  status: ColumnType<ImportJobStatus, ImportJobStatus | undefined, ImportJobStatus>;
  file_name: string;
  file_size: number;
  file_kept: Generated<boolean>;
  created_by: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  runner: string | null;
  attempts: Generated<number>;
  rows_total: number | null;
  rows_done: Generated<number>;
  imported: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  error: Json | null;
  options: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ImportJobRejectionTable {
  job_id: string;
  row_no: number;
  fields: Json;
  reason_vi: string;
  reason_en: string;
}

export type BodyResolutionKind = 'agency' | 'group' | 'external' | 'not_tracked' | 'unresolved';
export type BodyGroupValue = 'all_agencies' | 'all_communes' | 'mass_organisations' | 'agencies_and_communes';
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** 'YYYY-MM-DD': db/pool.ts keeps PostgreSQL dates as text (a JS Date would shift with the time zone). */
type IsoDate = string;

export interface StoredFileTable {
  id: Generated<string>;
  province_code: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface PlanTable {
  id: Generated<string>;
  province_code: string;
  title: string;
  document_type: 'plan' | 'letter' | 'other';
  issuer: string | null;
  document_number: string | null;
  year_from: number | null;
  year_to: number | null;
  citations: TextArray;
  file_name: string | null;
  source_lines: TextArray;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanSectionTable {
  plan_id: string;
  position: number;
  ref: string;
  title: string;
  level: number;
  source_line: number | null;
}

export interface PlanTaskTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  ref: string | null;
  /** the whole numbering, "II.1.a", "V.4.-2" (0012_task_path) */
  path: string | null;
  section_ref: string | null;
  text: string;
  timeline_kind: 'recurring' | 'once' | 'range' | 'event-driven' | 'unspecified';
  timeline_text: string | null;
  start_date: IsoDate | null;
  end_date: IsoDate | null;
  lunar: string | null;
  source_line: number | null;
}

export interface PlanTaskBodyTable {
  id: Generated<string>;
  task_id: string;
  role: 'lead' | 'support';
  position: number;
  name: string;
  resolution: BodyResolutionKind;
  agency_id: string | null;
  body_group: BodyGroupValue | null;
}

export interface PlanIndicatorTable {
  plan_id: string;
  position: number;
  no: number;
  goal: number | null;
  text: string;
  source_line: number | null;
}

export interface PlanIndicatorTargetTable {
  plan_id: string;
  indicator_position: number;
  position: number;
  year: number;
  value: number;
  unit: '%' | 'per1000' | 'per100000' | 'count' | null;
  op: '<' | '<=' | '=' | '>=' | '>' | null;
  measure: string | null;
  /** migration 0010: a relative target's fields, the wording, a person's choice of measure */
  kind: ColumnType<'level' | 'relative', 'level' | 'relative' | undefined, 'level' | 'relative'>;
  change: 'decrease' | 'increase' | null;
  /** a relative target's reference year; null with kind 'relative': the year before each year judged */
  reference_year: number | null;
  value_to: number | null;
  op_word: string | null;
  clause: string | null;
  measure_code: string | null;
}

export interface PlanIndicatorAssignmentTable {
  plan_id: string;
  position: number;
  name: string;
  resolution: BodyResolutionKind;
  agency_id: string | null;
  body_group: BodyGroupValue | null;
  indicators: ColumnType<number[], number[] | undefined, number[]>;
}

export interface PlanReportingDeadlineTable {
  plan_id: string;
  position: number;
  kind: 'semiannual' | 'annual' | 'quarterly' | 'monthly' | 'final' | 'other';
  due: string;
  recipient: string | null;
  text: string | null;
}

export interface PlanFootnoteTable {
  plan_id: string;
  position: number;
  mark: string;
  text: string;
}

export interface TaskProgressTable {
  id: Generated<string>;
  province_code: string;
  task_id: string;
  agency_id: string | null;
  commune_code: string | null;
  period: string;
  status: 'not_started' | 'in_progress' | 'done' | 'not_applicable';
  note: string | null;
  evidence_file_id: string | null;
  updated_by: string;
  updated_at: UpdatedAt;
}

type Origin = 'national' | 'local';
type TargetOp = '<' | '<=' | '=' | '>=' | '>';

export interface IndicatorCategoryTable {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface IndicatorCategoryOptionTable {
  category_code: string;
  code: string;
  position: number;
  name_vi: string;
  name_en: string;
}

export interface DataElementTable {
  code: string;
  position: number;
  name_vi: string;
  name_en: string;
  categories: TextArray;
  origin: Origin;
}

export interface IndicatorTable {
  code: string;
  no: number | null;
  goal: number | null;
  name_vi: string;
  name_en: string;
  origin: Origin;
}

export interface MeasureTable {
  code: string;
  indicator_code: string;
  position: number;
  name_vi: string;
  name_en: string;
  numerator: string;
  denominator: string;
  factor: number;
  unit: '%' | 'per1000' | 'per100000';
  direction: 'higher' | 'lower';
  agency: string;
  origin: Origin;
}

export interface MeasureNationalTargetTable {
  measure_code: string;
  year: number;
  op: TargetOp;
  value: number;
  cross_checked: boolean;
}

export type UnitKind = 'commune' | 'agency' | 'province';

export interface DataValueTable {
  province_code: string;
  element_code: string;
  unit_kind: UnitKind;
  unit_code: string;
  period: string;
  disaggregation: string;
  value: number;
  entered_by: string | null;
  entered_by_name: string;
  entered_at: ColumnType<Date, Date | undefined, Date>;
}

/** Derived (migration 0004): a unit's resolved numerator and denominator per measure and period. */
export interface MeasureUnitValueTable {
  province_code: string;
  period: string;
  unit_code: string;
  measure_code: string;
  unit_kind: UnitKind;
  numerator: number;
  denominator: number;
}

export interface DataValueHistoryTable {
  id: Generated<number>;
  province_code: string;
  element_code: string;
  unit_code: string;
  period: string;
  disaggregation: string;
  old_value: number | null;
  new_value: number | null;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: CreatedAt;
  /** 'migration': a value removed by migration 0008 as out of bounds */
  source: 'form' | 'import' | 'migration';
}

export interface MeasureTargetTable {
  plan_id: string;
  measure_code: string;
  year: number;
  op: TargetOp;
  value: number;
  indicator_position: number;
  target_position: number;
  /** migration 0010 */
  kind: ColumnType<'level' | 'relative', 'level' | 'relative' | undefined, 'level' | 'relative'>;
  change: 'decrease' | 'increase' | null;
  reference_year: number | null;
  value_to: number | null;
  op_source: ColumnType<OpSourceColumn, OpSourceColumn | undefined, OpSourceColumn>;
  chosen: ColumnType<boolean, boolean | undefined, boolean>;
}
type OpSourceColumn = 'stated' | 'maintain' | 'direction' | 'change';

/** A plan target the mapping left without a measure (migration 0010), rebuilt with measure_target. */
export interface PlanTargetUnmappedTable {
  plan_id: string;
  indicator_position: number;
  target_position: number;
  reason: string;
  candidates: ColumnType<string[], string[] | undefined, string[]>;
}

/** A plan's baseline for a measure (migration 0005), kept when the plan's targets are mapped again. */
export interface MeasureBaselineTable {
  plan_id: string;
  measure_code: string;
  year: number;
  value: number;
  set_by: string | null;
  set_at: ColumnType<Date, Date | undefined, Date>;
}

/** A reviewer's decision for a body name, remembered for the province's next plans (migration 0011). */
export interface BodyDecisionTable {
  id: Generated<string>;
  province_code: string;
  name_key: string;
  name: string;
  resolution: Exclude<BodyResolutionKind, 'unresolved'>;
  agency_id: string | null;
  body_group: BodyGroupValue | null;
  plan_id: string | null;
  decided_by: string | null;
  decided_at: ColumnType<Date, Date | undefined, Date>;
}

/** Reporting rounds (migration 0013). */
type ReportingUnitKind = 'agency' | 'commune';
export interface ReportingRoundTable {
  id: Generated<string>;
  province_code: string;
  plan_id: string | null;
  kind: 'plan' | 'ad_hoc';
  title: string;
  period: string;
  /** a date in Vietnam, read as 'YYYY-MM-DD' (pool.ts returns dates as text) */
  deadline: string;
  /** the plan's sentence the deadline was read from; null when set by hand (0014) */
  deadline_source: ColumnType<string | null, string | null | undefined, string | null>;
  remind_before_days: ColumnType<number, number | undefined, number>;
  remind_every_days: ColumnType<number, number | undefined, number>;
  opened_by: string | null;
  opened_at: CreatedAt;
  closed_at: Date | null;
  closed_by: string | null;
}
export interface RoundBodyTable {
  round_id: string;
  unit_kind: ReportingUnitKind;
  unit_code: string;
  origin: 'plan' | 'commune' | 'manual';
}
export interface SubmissionTable {
  id: Generated<string>;
  round_id: string;
  unit_kind: ReportingUnitKind;
  unit_code: string;
  state: 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'accepted';
  version: ColumnType<number, number | undefined, number>;
  narrative: Json;
  explanations: Json;
  first_submitted_at: Date | null;
  last_submitted_at: Date | null;
  submitted_after_close: ColumnType<boolean, boolean | undefined, boolean>;
  accepted_at: Date | null;
  accepted_by: string | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export interface SubmissionVersionTable {
  submission_id: string;
  version: number;
  submitted_at: ColumnType<Date, Date | undefined, never>;
  submitted_by: string | null;
  content: Json;
}
export interface SubmissionCommentTable {
  id: Generated<number>; // bigserial, read as a number (pool.ts)
  submission_id: string;
  version: number;
  action: 'return' | 'reopen' | 'accept';
  target: string;
  text: string;
  author: string | null;
  author_name: string;
  created_at: CreatedAt;
}
export interface FiguresLockTable {
  province_code: string;
  unit_code: string;
  period: string;
  round_id: string;
  locked_by: string | null;
  locked_at: CreatedAt;
}
export interface NotificationTable {
  id: Generated<number>; // bigserial, read as a number (pool.ts)
  user_id: string;
  kind: string;
  title_vi: string;
  title_en: string;
  link: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}
export interface ReportingContactTable {
  province_code: string;
  unit_kind: ReportingUnitKind;
  unit_code: string;
  email: string | null;
  head_name: string | null;
  head_email: string | null;
  escalate_after_days: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export interface ReminderTable {
  id: Generated<number>; // bigserial, read as a number (pool.ts)
  round_id: string;
  unit_kind: ReportingUnitKind;
  unit_code: string;
  step: string;
  channel: 'in_app' | 'email';
  recipients: ColumnType<string, string | undefined, string>;
  claimed_at: CreatedAt;
  sent_at: Date | null;
  delivered: boolean | null;
  error: string | null;
}
export interface ReportDraftTable {
  round_id: string;
  header: Json;
  sections: Json;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export interface ReportBuildTable {
  id: Generated<string>;
  round_id: string;
  draft: boolean;
  sources: Json;
  docx: Uint8Array;
  xlsx: Uint8Array;
  pdf: Uint8Array | null;
  pdf_note: string | null;
  built_by: string | null;
  built_by_name: string;
  built_at: CreatedAt;
}

export interface Database extends ChildrenTables, ChildCaseTables, CasesTables, CommunesTables {
  province: ProvinceTable;
  province_before_2025: ProvinceBefore2025Table;
  commune: CommuneTable;
  commune_predecessor: CommunePredecessorTable;
  setting: SettingTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  read_log: ReadLogTable;
  stored_file: StoredFileTable;
  import_job: ImportJobTable;
  import_job_rejection: ImportJobRejectionTable;
  plan: PlanTable;
  plan_section: PlanSectionTable;
  plan_task: PlanTaskTable;
  plan_task_body: PlanTaskBodyTable;
  plan_indicator: PlanIndicatorTable;
  plan_indicator_target: PlanIndicatorTargetTable;
  plan_indicator_assignment: PlanIndicatorAssignmentTable;
  plan_reporting_deadline: PlanReportingDeadlineTable;
  plan_footnote: PlanFootnoteTable;
  task_progress: TaskProgressTable;
  body_decision: BodyDecisionTable;
  reporting_round: ReportingRoundTable;
  round_body: RoundBodyTable;
  submission: SubmissionTable;
  submission_version: SubmissionVersionTable;
  submission_comment: SubmissionCommentTable;
  figures_lock: FiguresLockTable;
  notification: NotificationTable;
  reporting_contact: ReportingContactTable;
  reminder: ReminderTable;
  report_draft: ReportDraftTable;
  report_build: ReportBuildTable;
  indicator_category: IndicatorCategoryTable;
  indicator_category_option: IndicatorCategoryOptionTable;
  data_element: DataElementTable;
  indicator: IndicatorTable;
  measure: MeasureTable;
  measure_national_target: MeasureNationalTargetTable;
  data_value: DataValueTable;
  data_value_history: DataValueHistoryTable;
  measure_unit_value: MeasureUnitValueTable;
  measure_target: MeasureTargetTable;
  plan_target_unmapped: PlanTargetUnmappedTable;
  measure_baseline: MeasureBaselineTable;
}
