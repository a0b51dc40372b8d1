import type { ReadLogKind } from '@tre/core/access/read-log';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { insertReadLogRows, type ReadLogInsert } from './read-log-repository.ts';
import type { SessionActor } from './session-actor.ts';

/**
 * The read log is written off the request path: each read adds a row to an in-process buffer,
 * which is written in one multi-row INSERT when FLUSH_ROWS rows wait or FLUSH_INTERVAL_MS after
 * the first of them, and on shutdown (the app's onClose). A read therefore costs an array push,
 * not a transaction, and the dashboards keep their figures (README, bench/).
 *
 * What a crash can lose: the reads of at most the last flush interval (≤ 200 ms, ≤ 200 rows) that
 * were answered but not yet written: a kill -9 or a power cut. A clean stop (SIGTERM, Ctrl-C,
 * `app.close()`) writes them. If the database refuses a flush (down, full), its rows are put back
 * and tried again at the next one; past MAX_PENDING rows waiting, new reads are dropped and
 * counted in the server log, so a dead database cannot take the process's memory with it.
 */
export const FLUSH_INTERVAL_MS = 200;
export const FLUSH_ROWS = 200;
export const MAX_PENDING = 10_000;

/** Longest value kept of a request parameter or a reason; longer ones are cut. */
const MAX_PARAM = 80;
const MAX_REASON = 500;

/** One read as a route or a service describes it; who/when/where are added by the log. */
export interface ReadRecord {
  kind: ReadLogKind;
  recordId: string | null;
  /** e.g. GET and the route pattern; a service with no request says what it is ('service') */
  method: string;
  route: string;
  status: number;
  /** allow-listed, non-identifying parameters (period, unit …) */
  params?: Record<string, string> | undefined;
  reason?: string | null | undefined;
}

/** Who read, from where; user and username are null for an unsigned caller. */
export interface Reader {
  userId: string | null;
  username: string | null;
  /** the reader's province, or the one this server serves for an unsigned caller */
  provinceCode: string;
  ip: string | null;
}

export function readerOf(actor: SessionActor): Reader {
  return { userId: actor.id, username: actor.username, provinceCode: actor.provinceCode, ip: actor.ip };
}

// C0/C1 controls and bidi overrides have no place in a log that people read
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function clip(value: string, max: number): string {
  const clean = value.replace(UNPRINTABLE, ' ').trim();
  return clean.length > max ? clean.slice(0, max) : clean;
}

export function toRow(reader: Reader, read: ReadRecord, at = new Date()): ReadLogInsert {
  const params = read.params ? Object.entries(read.params) : [];
  const reason = read.reason ? clip(read.reason, MAX_REASON) : '';
  const recordId = read.recordId ? clip(read.recordId, 200) : '';
  return {
    province_code: reader.provinceCode,
    at,
    user_id: reader.userId,
    username: reader.username,
    ip: reader.ip,
    // any method the HTTP parser accepts reaches the refusal log (PROPFIND, MKCOL …)
    method: clip(read.method, 20) || '?',
    route: clip(read.route, 200) || '*',
    params: params.length ? JSON.stringify(Object.fromEntries(params.map(([k, v]) => [k, clip(v, MAX_PARAM)]))) : null,
    kind: read.kind,
    record_id: recordId || null,
    status: read.status,
    reason: reason || null,
  };
}

export class ReadLogBuffer {
  private pending: ReadLogInsert[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** flushes run one after another, so rows are written in the order they were read */
  private writing: Promise<void> = Promise.resolve();
  private dropped = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly report: (error: unknown, message: string) => void,
  ) {}

  add(row: ReadLogInsert): void {
    if (this.pending.length >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.pending.push(row);
    if (this.pending.length >= FLUSH_ROWS) void this.flush();
    else if (!this.timer) {
      // unref: a waiting flush never keeps a finished process (a CLI command) alive; onClose writes it
      this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
    }
  }

  /** Writes every row waiting now; resolves when they are in the database (or reported as failed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writing.then(() => this.writeWaiting());
    return this.writing;
  }

  private async writeWaiting(): Promise<void> {
    if (this.dropped > 0) {
      this.report(null, `read log: ${this.dropped} reads not logged, ${MAX_PENDING} were already waiting for the database`);
      this.dropped = 0;
    }
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await insertReadLogRows(this.db, batch);
    } catch {
      // the batch's own error says nothing about which row; the row-by-row pass finds out
      await this.writeOneByOne(batch);
    }
  }

  /**
   * A refused batch is written row by row, so that one row the table refuses (a CHECK: data the
   * code should not have let through) cannot hold back every other read behind it; that row is
   * reported and dropped. Any other failure (database down) puts the rest back, before newer
   * reads, for the next flush; what does not fit under MAX_PENDING is lost, said aloud.
   */
  private async writeOneByOne(batch: ReadLogInsert[]): Promise<void> {
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i] as ReadLogInsert;
      try {
        await insertReadLogRows(this.db, [row]);
      } catch (error) {
        if (isDataError(error)) {
          this.report(error, `read log: a row was refused by the table and dropped (${row.method} ${row.route} ${row.status})`);
          continue;
        }
        const rest = batch.slice(i);
        const room = Math.max(0, MAX_PENDING - this.pending.length);
        const kept = rest.slice(rest.length - Math.min(room, rest.length));
        this.pending = [...kept, ...this.pending];
        this.report(
          error,
          `read log: ${rest.length} rows not written; ${kept.length} kept for the next flush, ${rest.length - kept.length} lost`,
        );
        if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS * 5).unref();
        return;
      }
    }
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the row, not the database, is at fault. */
function isDataError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** One buffer per database handle, so services that hold only `db` can log through it. */
const buffers = new WeakMap<Kysely<Database>, ReadLogBuffer>();

export function attachReadLog(db: Kysely<Database>, buffer: ReadLogBuffer): void {
  buffers.set(db, buffer);
}

export function detachReadLog(db: Kysely<Database>, buffer: ReadLogBuffer): void {
  if (buffers.get(db) === buffer) buffers.delete(db);
}

/**
 * Logs reads made by a service, for a service that reads several records in one request (a search
 * result, a batch export; a marked route logs its one record by itself, see http/read-log-hook.ts).
 * Buffered like the hook's rows; with no running app (a CLI command) the rows are written at once.
 */
export async function logRead(db: Kysely<Database>, reader: Reader, reads: readonly ReadRecord[]): Promise<void> {
  const at = new Date();
  const rows = reads.map((r) => toRow(reader, r, at));
  const buffer = buffers.get(db);
  if (buffer) {
    for (const row of rows) buffer.add(row);
    return;
  }
  await insertReadLogRows(db, rows);
}

/** Writes what waits in the buffer of this database; tests await it before reading the log. */
export async function flushReadLog(db: Kysely<Database>): Promise<void> {
  await buffers.get(db)?.flush();
}
