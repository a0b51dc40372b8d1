import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the complaints' tables (migration 0022); dates are read as `YYYY-MM-DD`. */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type Id = Generated<number>;

export interface ComplaintSettingTable {
  kind: string;
  rules: Json;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  updated_by: string | null;
}

export interface ComplaintTable {
  id: Id;
  province_code: string;
  number: string;
  kind: string;
  channel: string;
  status: string;
  received_at: Stamp;
  content: string;
  anonymous: boolean;
  complainant_name: string | null;
  complainant_address: string | null;
  complainant_contact: string | null;
  complainant_id_number: string | null;
  child_id: number | null;
  commune_code: string | null;
  agency_id: string | null;
  remote_area: boolean;
  received_by: string | null;
  handler_id: string | null;
  supervisor_id: string;
  rules: Json;
  acceptance_due: Stamp;
  acceptance_met_at: Stamp | null;
  accepted_on: string | null;
  decision_number: string | null;
  resolution_due: Stamp | null;
  resolution_met_at: Stamp | null;
  extension_days: ColumnType<number[], number[] | undefined, number[]>;
  outcome: string | null;
  answered_on: string | null;
  closed_at: Stamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ComplaintStepTable {
  id: Id;
  complaint_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  at: Generated<Date>;
  actor_id: string | null;
  actor_name: string;
  data: Json;
  comment: string | null;
}

export interface ComplaintsTables {
  complaint_setting: ComplaintSettingTable;
  complaint: ComplaintTable;
  complaint_step: ComplaintStepTable;
}
