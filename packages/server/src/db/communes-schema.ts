import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the communes module's tables (migration 0020); dates are read as `YYYY-MM-DD`. */

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface CommuneRuleSetTable {
  id: Generated<number>;
  province_code: string;
  version: string;
  content: Json;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Stamp;
}

export interface CommuneCategoryTable {
  commune_code: string;
  category: string;
  updated_by: string | null;
  updated_at: Stamp;
}

export interface CommuneAssessmentTable {
  id: Generated<number>;
  province_code: string;
  commune_code: string;
  year: number;
  rule_set_id: number;
  state: string;
  submitted_at: Stamp | null;
  return_comment: string | null;
  decision_number: string | null;
  decision_date: string | null;
  decision_recognised: boolean | null;
  decision_category: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Stamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CommuneAssessmentEntryTable {
  assessment_id: number;
  indicator_code: string;
  value: NullableJson;
  prefill: NullableJson;
  override_reason: string | null;
  note: string | null;
}

export interface CommuneAssessmentEvidenceTable {
  assessment_id: number;
  indicator_code: string;
  file_id: string;
}

export interface CommuneAssessmentVerificationTable {
  assessment_id: number;
  criterion_code: string;
  outcome: string;
  corrections: ColumnType<unknown, string | undefined, string>;
  comment: string | null;
  by_id: string | null;
  by_name: string;
  at: Stamp;
}

export interface CommuneAssessmentEventTable {
  id: Generated<number>;
  assessment_id: number;
  action: string;
  comment: string | null;
  by_id: string | null;
  by_name: string;
  at: Stamp;
}

export interface CommunesTables {
  commune_rule_set: CommuneRuleSetTable;
  commune_category: CommuneCategoryTable;
  commune_assessment: CommuneAssessmentTable;
  commune_assessment_entry: CommuneAssessmentEntryTable;
  commune_assessment_evidence: CommuneAssessmentEvidenceTable;
  commune_assessment_verification: CommuneAssessmentVerificationTable;
  commune_assessment_event: CommuneAssessmentEventTable;
}
