import fs from 'node:fs';
import readline from 'node:readline';
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Db } from './pool.ts';
import { migrateToLatest, migrationNames } from './migrate.ts';

/**
 * A logical dump: one JSON document per line, the same on PGlite and a PostgreSQL server, so a
 * province can move from the embedded database to a server (and back). Sessions are not dumped:
 * everyone signs in again after a restore.
 */
export const DUMP_FORMAT = 'tre.dump/v1';

interface TableSpec {
  name: keyof Database;
  orderBy: string[];
  json?: string[];
  /** bytea columns: base64 in the dump */
  binary?: string[];
  /** rows per round trip when the rows are large (files up to 10 MB each) */
  batch?: number;
  serial?: string;
}

/** In foreign-key order. */
export const DUMPED_TABLES: TableSpec[] = [
  { name: 'province', orderBy: ['code'] },
  { name: 'province_before_2025', orderBy: ['code'] },
  { name: 'commune', orderBy: ['code'] },
  { name: 'commune_predecessor', orderBy: ['commune_code', 'old_code'] },
  { name: 'setting', orderBy: ['province_code', 'key'], json: ['value'] },
  { name: 'agency', orderBy: ['id'] },
  { name: 'app_user', orderBy: ['id'] },
  // the public offices' calendar the case clocks count on: an administrator's years move with the rest
  { name: 'office_calendar_day', orderBy: ['day'] },
  { name: 'audit_event', orderBy: ['id'], json: ['before', 'after'], serial: 'id' },
  // who read what survives a move to a server, as the audit does
  { name: 'read_log', orderBy: ['id'], json: ['params'], serial: 'id' },
  { name: 'stored_file', orderBy: ['id'], binary: ['content'], batch: 10 },
  { name: 'plan', orderBy: ['id'] },
  { name: 'plan_section', orderBy: ['plan_id', 'position'] },
  { name: 'plan_task', orderBy: ['id'] },
  { name: 'plan_task_body', orderBy: ['id'] },
  { name: 'plan_indicator', orderBy: ['plan_id', 'position'] },
  { name: 'plan_indicator_target', orderBy: ['plan_id', 'indicator_position', 'position'] },
  { name: 'plan_indicator_assignment', orderBy: ['plan_id', 'position'] },
  { name: 'plan_reporting_deadline', orderBy: ['plan_id', 'position'] },
  { name: 'plan_footnote', orderBy: ['plan_id', 'position'] },
  { name: 'task_progress', orderBy: ['id'] },
  { name: 'body_decision', orderBy: ['id'] },
  { name: 'indicator_category', orderBy: ['code'] },
  { name: 'indicator_category_option', orderBy: ['category_code', 'code'] },
  { name: 'data_element', orderBy: ['code'] },
  { name: 'indicator', orderBy: ['code'] },
  { name: 'measure', orderBy: ['code'] },
  { name: 'measure_national_target', orderBy: ['measure_code', 'year'] },
  { name: 'data_value', orderBy: ['province_code', 'period', 'unit_code', 'element_code', 'disaggregation'] },
  { name: 'data_value_history', orderBy: ['id'], serial: 'id' },
  { name: 'measure_target', orderBy: ['plan_id', 'measure_code', 'year'] },
  { name: 'measure_baseline', orderBy: ['plan_id', 'measure_code'] },
  { name: 'plan_target_unmapped', orderBy: ['plan_id', 'indicator_position', 'target_position'] },
  { name: 'reporting_round', orderBy: ['id'] },
  { name: 'round_body', orderBy: ['round_id', 'unit_kind', 'unit_code'] },
  { name: 'submission', orderBy: ['id'], json: ['narrative', 'explanations'] },
  { name: 'submission_version', orderBy: ['submission_id', 'version'], json: ['content'] },
  { name: 'submission_comment', orderBy: ['id'], serial: 'id' },
  { name: 'figures_lock', orderBy: ['province_code', 'unit_code', 'period', 'round_id'] },
  { name: 'notification', orderBy: ['id'], serial: 'id' },
  { name: 'reporting_contact', orderBy: ['province_code', 'unit_kind', 'unit_code'] },
  { name: 'reminder', orderBy: ['id'], serial: 'id' },
  { name: 'report_draft', orderBy: ['round_id'], json: ['header', 'sections'] },
  // the documents sent, kept so that they can always be shown again
  { name: 'report_build', orderBy: ['id'], json: ['sources'], binary: ['docx', 'xlsx', 'pdf'], batch: 10 },
  // the children register; the staging of a running import is not dumped (the job is not either)
  { name: 'child', orderBy: ['id'], serial: 'id' },
  { name: 'child_group', orderBy: ['id'], serial: 'id' },
  { name: 'child_history', orderBy: ['id'], json: ['changes'], serial: 'id' },
  { name: 'child_duplicate', orderBy: ['id'], json: ['reasons'], serial: 'id' },
  { name: 'child_merge', orderBy: ['id'], json: ['kept_before', 'filled', 'moved_groups'], serial: 'id' },
  { name: 'child_verification', orderBy: ['id'], json: ['mismatches', 'residence'], serial: 'id' },
  { name: 'child_verify_job', orderBy: ['id'], json: ['error'] },
  // child-protection cases: their steps with the legal forms, services, grants and the alerts sent
  { name: 'child_case', orderBy: ['id'], serial: 'id' },
  { name: 'child_case_step', orderBy: ['id'], json: ['data'], serial: 'id' },
  { name: 'child_case_service', orderBy: ['id'], serial: 'id' },
  { name: 'child_case_grant', orderBy: ['id'], serial: 'id' },
  { name: 'child_case_alert', orderBy: ['case_id', 'clock', 'level'] },
  // child-friendly commune recognition: rule sets, categories, self-assessments and their verification
  { name: 'commune_rule_set', orderBy: ['id'], json: ['content'], serial: 'id' },
  { name: 'commune_category', orderBy: ['commune_code'] },
  { name: 'commune_assessment', orderBy: ['id'], serial: 'id' },
  { name: 'commune_assessment_entry', orderBy: ['assessment_id', 'indicator_code'], json: ['value', 'prefill'] },
  { name: 'commune_assessment_evidence', orderBy: ['assessment_id', 'indicator_code', 'file_id'] },
  { name: 'commune_assessment_verification', orderBy: ['assessment_id', 'criterion_code'], json: ['corrections'] },
  { name: 'commune_assessment_event', orderBy: ['id'], serial: 'id' },
  // measure_unit_value (migration 0004) is not dumped: it is derived from data_value, the restore's
  // TRUNCATE … CASCADE empties it and the triggers rebuild it as data_value rows are restored.
];

const BATCH = 2000;

interface Header {
  format: string;
  createdAt: string;
  engine: string;
  migrations: string[];
}

export async function dumpDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = (obj: unknown) =>
    new Promise<void>((resolve, reject) => {
      out.write(`${JSON.stringify(obj)}\n`, (err) => (err ? reject(err) : resolve()));
    });
  const counts: Record<string, number> = {};
  const applied = await db.kysely
    .selectFrom('tre_migration' as never)
    .select('name' as never)
    .execute();
  const header: Header = {
    format: DUMP_FORMAT,
    createdAt: new Date().toISOString(),
    engine: db.engine,
    migrations: (applied as { name: string }[]).map((r) => r.name).sort(),
  };
  await write(header);
  // One repeatable-read transaction: the dump is a consistent snapshot even while the server writes.
  await db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (const t of DUMPED_TABLES) {
        counts[t.name] = 0;
        const size = t.batch ?? BATCH;
        for (let offset = 0; ; offset += size) {
          const rows = await sql<
            Record<string, unknown>
          >`SELECT * FROM ${sql.table(t.name)} ORDER BY ${sql.join(t.orderBy.map((c) => sql.ref(c)))} LIMIT ${size} OFFSET ${offset}`.execute(
            trx,
          );
          for (const r of rows.rows) await write({ t: t.name, r: encodeBinary(t, r) });
          counts[t.name] = (counts[t.name] ?? 0) + rows.rows.length;
          if (rows.rows.length < size) break;
        }
      }
    });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return counts;
}

/** bytea comes back as a Buffer, which JSON would write as a list of numbers: base64 is a third of that. */
function encodeBinary(spec: TableSpec, row: Record<string, unknown>): Record<string, unknown> {
  if (!spec.binary) return row;
  const out = { ...row };
  for (const c of spec.binary) {
    const v = out[c];
    if (Buffer.isBuffer(v)) out[c] = v.toString('base64');
  }
  return out;
}

export class DumpFormatError extends Error {}

async function insertBatch(trx: Transaction<Database>, spec: TableSpec, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const json = new Set(spec.json ?? []);
  const binary = new Set(spec.binary ?? []);
  const decode = (k: string, v: unknown) => {
    if (v === null) return v;
    if (json.has(k)) return JSON.stringify(v);
    if (binary.has(k)) {
      // written as base64 text by encodeBinary; anything else is not this dump's format
      if (typeof v !== 'string') throw new DumpFormatError(`${spec.name}.${k}: cần chuỗi base64 / expected base64 text`);
      return Buffer.from(v, 'base64');
    }
    return v;
  };
  const values = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, decode(k, v)])));
  await trx.insertInto(spec.name).values(values).execute();
}

/**
 * Replaces every table with the dump's rows, in one transaction: a bad or truncated file changes
 * nothing. Refuses to overwrite a database that has users unless `replace` is set.
 */
export async function restoreDatabase(db: Db, file: string, options: { replace: boolean }): Promise<Record<string, number>> {
  await migrateToLatest(db);
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  // the file is untrusted: its header is only a Header once its format is ours
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(first.value ?? ''));
  } catch {
    throw new DumpFormatError(`${file}: dòng 1 không phải tiêu đề bản sao lưu Tre / line 1 is not a Tre dump header`);
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (format !== DUMP_FORMAT) {
    throw new DumpFormatError(`${file}: định dạng "${String(format)}" không được hỗ trợ / unsupported format`);
  }
  const header = parsed as Header;
  const unknown = header.migrations.filter((m) => !migrationNames.includes(m));
  if (unknown.length > 0) {
    throw new DumpFormatError(
      `Bản sao lưu từ phiên bản Tre mới hơn (${unknown.join(', ')}); hãy cập nhật Tre trước.\n` +
        `The dump comes from a newer Tre (${unknown.join(', ')}); upgrade first.`,
    );
  }
  const users = await db.kysely.selectFrom('app_user').select('id').limit(1).execute();
  if (users.length > 0 && !options.replace) {
    throw new DumpFormatError(
      'Cơ sở dữ liệu đích đã có dữ liệu; thêm --replace để thay thế toàn bộ.\nThe target database has data; pass --replace to overwrite it all.',
    );
  }
  const specs = new Map(DUMPED_TABLES.map((t) => [t.name as string, t]));
  const counts: Record<string, number> = {};
  await db.kysely.transaction().execute(async (trx) => {
    await sql`SELECT set_config('tre.restoring', 'on', true)`.execute(trx);
    await sql`TRUNCATE ${sql.join([...DUMPED_TABLES.map((t) => sql.table(t.name)), sql.table('session')])} RESTART IDENTITY CASCADE`.execute(
      trx,
    );
    let line = 1;
    let current: TableSpec | undefined;
    let batch: Record<string, unknown>[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      line++;
      if (next.value.trim() === '') continue;
      // untrusted too: a line is a table's row only once checked
      let entry: { t?: unknown; r?: unknown } | null;
      try {
        entry = JSON.parse(next.value) as { t?: unknown; r?: unknown } | null;
      } catch {
        throw new DumpFormatError(`${file}: dòng ${line} không phải JSON hợp lệ / line ${line} is not valid JSON`);
      }
      const spec = typeof entry?.t === 'string' ? specs.get(entry.t) : undefined;
      if (!spec || typeof entry?.r !== 'object' || entry.r === null) {
        throw new DumpFormatError(`${file}: dòng ${line}: bảng "${String(entry?.t)}" không có / unknown table`);
      }
      if (spec !== current || batch.length >= (spec.batch ?? 500)) {
        if (current) await insertBatch(trx, current, batch);
        current = spec;
        batch = [];
      }
      batch.push(entry.r as Record<string, unknown>);
      counts[spec.name] = (counts[spec.name] ?? 0) + 1;
    }
    if (current) await insertBatch(trx, current, batch);
    for (const t of DUMPED_TABLES) {
      if (!t.serial) continue;
      await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${t.serial}), coalesce((SELECT max(${sql.ref(t.serial)}) FROM ${sql.table(t.name)}), 1), (SELECT count(*) > 0 FROM ${sql.table(t.name)}))`.execute(
        trx,
      );
    }
  });
  return counts;
}
