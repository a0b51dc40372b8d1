import type { ChildField, CircumstanceGroup, Schooling, Sex } from './child.ts';

/**
 * The children register's API shapes (issue 15), shared by the server's schemas (checked against
 * these at compile time), the web's client and the CLI's JSON.
 */

/** Where a record came from: an import (file and spreadsheet row), the screen, or a case. */
export interface ChildSourceDto {
  kind: 'import' | 'screen' | 'case';
  file: string | null;
  /** the row as the user sees it in the spreadsheet (header = row 1) */
  row: number | null;
  jobId: string | null;
}

/** A child in a list or a search: the personal ID masked to its last four digits. */
export interface ChildSummaryDto {
  id: number;
  fullName: string;
  birthDate: string;
  sex: Sex;
  communeCode: string;
  communeName: string;
  personalIdMasked: string | null;
  groups: CircumstanceGroup[];
  /** under 16 today (Luật Trẻ em); older records stay on record, out of the active register */
  active: boolean;
  verification: VerificationStatus | null;
}

export type VerificationStatus = 'match' | 'mismatch' | 'not_found' | 'error';

export interface GroupMembershipDto {
  id: number;
  group: CircumstanceGroup;
  startedOn: string | null;
  endedOn: string | null;
  support: string | null;
}

export interface ChildHistoryDto {
  id: number;
  at: string;
  actorName: string;
  action: string;
  /** field → [before, after] */
  changes: Record<string, [unknown, unknown]>;
  childId: number;
}

export interface VerificationDto {
  id: number;
  checkedAt: string;
  status: VerificationStatus;
  mismatches: string[];
  residence: { provinceCode: string; communeCode: string; address: string; kind: string } | null;
}

/** One child's record, ID whole: only for a caller who may read it, and logged. */
export interface ChildDto {
  id: number;
  fullName: string;
  birthDate: string;
  sex: Sex;
  ethnicity: string | null;
  ethnicityListed: boolean;
  personalId: string | null;
  birthRegistered: boolean | null;
  communeCode: string;
  communeName: string;
  address: string | null;
  motherName: string | null;
  fatherName: string | null;
  carerName: string | null;
  phone: string | null;
  disability: boolean | null;
  schooling: Schooling | null;
  active: boolean;
  mergedInto: number | null;
  version: number;
  source: ChildSourceDto;
  groups: GroupMembershipDto[];
  history: ChildHistoryDto[];
  verifications: VerificationDto[];
}

/** A row refused by an import: the row as the user sees it, the field (the file's header) and why. */
export interface ChildRejectionDto {
  row: number;
  /** the header of the column as the layout names it (`Ngày sinh`) */
  field: string;
  fieldKey: ChildField | 'row';
  /** in Vietnamese */
  reason: string;
  reasonEn: string;
  /** every rule the row breaks, when more than one */
  problems: { field: string; fieldKey: ChildField | 'row'; reason: string; reasonEn: string }[];
}

/** The report of an import (the CLI's --report file, the import page). */
export interface ChildImportReport {
  file: string;
  jobId: string | null;
  status: 'done' | 'failed' | 'queued' | 'running';
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: ChildRejectionDto[];
  warnings: ChildRejectionDto[];
  /** pairs the import added to the duplicate review queue */
  duplicates: number;
  error: { vi: string; en: string } | null;
}

/** A record as the duplicate review shows it. */
export interface DuplicateRecordDto extends ChildSummaryDto {
  motherName: string | null;
  fatherName: string | null;
  address: string | null;
  /** the source row of an imported record (header = row 1), and its file */
  row: number | null;
  file: string | null;
  source: ChildSourceDto;
}

export interface DuplicatePairDto {
  id: number;
  score: number;
  reasons: string[];
  status: 'pending' | 'merged' | 'different' | 'undone';
  a: DuplicateRecordDto;
  b: DuplicateRecordDto;
}
