import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the children register's tables (migration 0015); dates are read as `YYYY-MM-DD`. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json = ColumnType<unknown, string, string>;
type Id = Generated<number>; // bigserial, read as a number (pool.ts)

export interface ChildTable {
  id: Id;
  commune_code: string;
  full_name: string;
  name_key: string;
  birth_date: string;
  sex: 'male' | 'female';
  ethnicity: string | null;
  ethnicity_listed: ColumnType<boolean, boolean | undefined, boolean>;
  personal_id: string | null;
  birth_registered: boolean | null;
  address: string | null;
  mother_name: string | null;
  father_name: string | null;
  carer_name: string | null;
  phone: string | null;
  disability: boolean | null;
  schooling: string | null;
  source_kind: 'import' | 'screen' | 'case';
  source_job_id: string | null;
  source_file: string | null;
  source_row: number | null;
  merged_into: number | null;
  created_at: CreatedAt;
  created_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: ColumnType<number, number | undefined, number>;
}

export interface ChildGroupTable {
  id: Id;
  child_id: number;
  grp: string;
  started_on: string | null;
  ended_on: string | null;
  support: string | null;
  merged_from: number | null;
}

export interface ChildHistoryTable {
  id: Id;
  child_id: number;
  at: CreatedAt;
  actor_id: string | null;
  actor_name: string;
  action: string;
  changes: Json;
  source_job_id: string | null;
  source_row: number | null;
}

export interface ChildImportStageTable {
  job_id: string;
  first_row: number;
  /** a JSON array of StagedChild (children/import/repository.ts), as the worker wrote it */
  rows: string;
}

export interface ChildDuplicateTable {
  id: Id;
  child_a: number;
  child_b: number;
  score: number;
  reasons: Json;
  status: ColumnType<
    'pending' | 'merged' | 'different' | 'undone',
    'pending' | 'merged' | 'different' | 'undone' | undefined,
    'pending' | 'merged' | 'different' | 'undone'
  >;
  found_at: CreatedAt;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface ChildMergeTable {
  id: Id;
  duplicate_id: number;
  kept_id: number;
  merged_id: number;
  kept_before: Json;
  filled: ColumnType<unknown, string | undefined, string>;
  moved_groups: ColumnType<unknown, string | undefined, string>;
  at: CreatedAt;
  by_id: string | null;
  undone_at: Date | null;
  undone_by: string | null;
}

export interface ChildVerificationTable {
  id: Id;
  child_id: number;
  checked_at: CreatedAt;
  status: 'match' | 'mismatch' | 'not_found' | 'error';
  mismatches: Json;
  residence: Json | null;
  checked_by: string | null;
  resolved_at: Date | null;
}

export interface ChildVerifyJobTable {
  id: Generated<string>;
  commune_code: string;
  status: ColumnType<'running' | 'done' | 'failed', 'running' | 'done' | 'failed' | undefined, 'running' | 'done' | 'failed'>;
  total: number;
  done: ColumnType<number, number | undefined, number>;
  matched: ColumnType<number, number | undefined, number>;
  mismatched: ColumnType<number, number | undefined, number>;
  not_found: ColumnType<number, number | undefined, number>;
  error: Json | null;
  created_by: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface ChildrenTables {
  child_verify_job: ChildVerifyJobTable;
  child: ChildTable;
  child_group: ChildGroupTable;
  child_history: ChildHistoryTable;
  child_import_stage: ChildImportStageTable;
  child_duplicate: ChildDuplicateTable;
  child_merge: ChildMergeTable;
  child_verification: ChildVerificationTable;
}
