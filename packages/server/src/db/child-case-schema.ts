import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the child-protection cases' tables (migration 0019). */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type Id = Generated<number>; // bigserial, read as a number (pool.ts)

export interface ChildCaseTable {
  id: Id;
  province_code: string;
  number: string;
  commune_code: string;
  child_id: number;
  status: string;
  received_at: Stamp;
  channel: string;
  reporter_anonymous: Generated<boolean>;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_relation: string | null;
  abuse_forms: string[];
  facts: string;
  location: string | null;
  urgency: string;
  emergency_required: boolean;
  emergency_due: Stamp;
  emergency_met_at: Stamp | null;
  plan_due: Stamp;
  plan_met_at: Stamp | null;
  review_due: Stamp | null;
  review_met_at: Stamp | null;
  intake_by: string | null;
  worker_id: string | null;
  supervisor_id: string | null;
  closed_at: Stamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ChildCaseStepTable {
  id: Id;
  case_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  form: string | null;
  data: Json;
  comment: string | null;
}

export interface ChildCaseServiceTable {
  id: Id;
  case_id: number;
  kind: string;
  description: string | null;
  agency_id: string | null;
  commune_code: string | null;
  due_on: string | null;
  status: string;
  outcome: string | null;
  reject_reason: string | null;
  referred_at: Stamp | null;
  responded_at: Stamp | null;
  responded_by: string | null;
  done_at: Stamp | null;
  created_at: Generated<Date>;
}

export interface ChildCaseGrantTable {
  id: Id;
  case_id: number;
  user_id: string;
  reason: string;
  expires_at: Stamp;
  granted_by: string | null;
  granted_at: Generated<Date>;
}

export interface ChildCaseAlertTable {
  case_id: number;
  clock: string;
  level: string;
  sent_at: Generated<Date>;
}

export interface ChildCaseTables {
  child_case: ChildCaseTable;
  child_case_step: ChildCaseStepTable;
  child_case_service: ChildCaseServiceTable;
  child_case_grant: ChildCaseGrantTable;
  child_case_alert: ChildCaseAlertTable;
}
