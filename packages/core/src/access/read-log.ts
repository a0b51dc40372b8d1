/**
 * The read log's contract between the server (server/src/access/read-log*.ts) and the web: what is
 * logged, and the shapes of GET /api/access-log. The server's zod schemas are checked against
 * these types at compile time (server/src/access/read-log-routes.ts).
 */

/**
 * What was read. A route names its kind when it is marked as a sensitive read; `api` is a refused
 * attempt on a route that reads nothing sensitive when allowed. Later modules add their kinds here
 * (child, case, child_search …).
 */
export const READ_LOG_KINDS = [
  /** one commune's or agency's figures: entry form, indicator values, trend, validation run */
  'unit_values',
  /** the list of users of the province */
  'user_list',
  /** the staff of one commune */
  'staff_list',
  /** a file of data taken away: dataValueSets, a chart's data as Excel, a plan */
  'export',
  /** an Excel template, filled with the stored figures */
  'template',
  /** an evidence file */
  'file',
  /** an import job: its progress and first rejected rows (the CSV of them all is an export) */
  'import_job',
  /** one child's record (the register): opened, with the reason when it is not the reader's commune */
  'child',
  /** a list or search of the children register (the search text is never kept) */
  'child_list',
  /** the duplicate review queue, or one pair side by side */
  'child_duplicates',
  /** who looked at one child's record */
  'child_readers',
  /** one child-protection case: opened by its team, a referred body or a grant holder */
  'case',
  /** a list of cases, an overview, the referral inbox (no case named in the row) */
  'case_list',
  /** who read one case (its access log) */
  'case_readers',
  /** a case's service referred to a body, answered (accept, reject, complete): refusals only, the service's id */
  'case_service',
  /** the names of the children who took part in a consultation, forum or council meeting (kept with consent) */
  'voice_participants',
  /** one complaint or denunciation about children's rights: opened by its handler or supervisor */
  'complaint',
  /** a list of complaints, their statistics, the child finder of the intake (no complainant named) */
  'complaint_list',
  /** who read one complaint (its access log) */
  'complaint_readers',
  /** the audit or this log, refused */
  'access_log',
  /** any other API route, refused */
  'api',
] as const;
export type ReadLogKind = (typeof READ_LOG_KINDS)[number];

/** Allowed: the record went out (2xx/3xx). Refused: 401, 403, or 404 on a record the caller may not see. */
export type ReadOutcome = 'allowed' | 'refused';

export interface ReadLogEntryDto {
  id: number;
  /** ISO time of the read as the server saw it */
  at: string;
  /** null when nobody was signed in (a 401) */
  userId: string | null;
  username: string | null;
  ip: string | null;
  method: string;
  /** the route's pattern (`/api/units/communes/:code/staff`), never the URL with its query */
  route: string;
  /** the few request parameters the route allows to be kept (period, unit, dataSet …) */
  params: Record<string, string>;
  kind: ReadLogKind;
  recordId: string | null;
  status: number;
  outcome: ReadOutcome;
  reason: string | null;
}

/** GET /api/access-log: every filter optional, newest first, `before` is the last id of the previous page. */
export interface ReadLogQuery {
  userId?: string | undefined;
  kind?: ReadLogKind | undefined;
  recordId?: string | undefined;
  /** 'YYYY-MM-DD', Vietnam time, inclusive */
  from?: string | undefined;
  /** 'YYYY-MM-DD', Vietnam time, inclusive */
  to?: string | undefined;
  outcome?: ReadOutcome | undefined;
  before?: number | undefined;
  limit: number;
}

export interface ReadLogReply {
  items: ReadLogEntryDto[];
  /** the `before` of the next (older) page, null on the last page */
  next: number | null;
}

export function outcomeOf(status: number): ReadOutcome {
  return status < 400 ? 'allowed' : 'refused';
}
