import fs from 'node:fs';
import { sql } from 'kysely';
import { DUMPED_TABLES, dumpDatabase, restoreDatabase } from './dump.ts';
import { migrateToLatest } from './migrate.ts';
import { PGLITE_POSTGRES_MAJOR, PGLITE_PREVIOUS_MAJOR, openPgliteFolder, type Db } from './pool.ts';

export interface PgdataUpgrade {
  /** The untouched folder of the earlier Tre, kept as the user's backup. */
  backup: string;
  /** The logical dump the new folder was restored from, beside the backup. */
  dumpFile: string;
  /** Rows per table, as dumped and as counted again in the new folder. */
  counts: Record<string, number>;
}

/**
 * Carries a data folder written by the previous PGlite (PostgreSQL 18) across to this one, so that
 * an upgrade of Tre never stops at "find the old version and dump with it".
 *
 * The original folder is never written to. A copy of it is opened with the previous PGlite and
 * brought up to this Tre's migrations (the dump reads the current schema; migrations are plain SQL
 * and run on either engine), then dumped. A new folder is built beside the original with this
 * PGlite, migrated, restored from the dump in one transaction, and its rows counted against the
 * dump. Only then do the two folders swap names: the original becomes `pgdata.pg18-<time>`, a
 * folder the earlier Tre can still open, with the dump beside it as `pgdata.pg18-<time>.jsonl`.
 * If anything fails, what was made is removed and the original stays where it was.
 *
 * Runs under openDb's folder lock.
 */
export async function upgradePgdata(pgdata: string): Promise<PgdataUpgrade> {
  // no ':' in the name: the folder must be valid on Windows too
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const backup = `${pgdata}.pg${PGLITE_PREVIOUS_MAJOR}-${stamp}`;
  const dumpFile = `${backup}.jsonl`;
  // fixed names: a start cut off half-way (power cut) leaves them behind, and the next start clears them
  const copy = `${pgdata}.upgrade-copy`;
  const fresh = `${pgdata}.upgrade-new`;
  console.warn(
    `Đang nâng cấp dữ liệu sang PostgreSQL ${PGLITE_POSTGRES_MAJOR}… (${pgdata})\n` +
      `Upgrading the data folder to PostgreSQL ${PGLITE_POSTGRES_MAJOR}… (${pgdata})`,
  );
  let db: Db | undefined;
  try {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(fresh, { recursive: true, force: true });

    fs.cpSync(pgdata, copy, { recursive: true });
    db = await openPgliteFolder(copy, 'pg18');
    await migrateToLatest(db);
    const counts = await dumpDatabase(db, dumpFile);
    await db.close();
    db = undefined;
    fs.rmSync(copy, { recursive: true, force: true });

    fs.mkdirSync(fresh);
    db = await openPgliteFolder(fresh, 'current');
    await restoreDatabase(db, dumpFile, { replace: false }); // migrates the new folder first
    await checkCounts(db, counts);
    await db.close();
    db = undefined;

    fs.renameSync(pgdata, backup);
    try {
      fs.renameSync(fresh, pgdata);
    } catch (e) {
      fs.renameSync(backup, pgdata);
      throw e;
    }
    console.warn(
      `Đã nâng cấp xong. Thư mục cũ được giữ làm bản sao lưu: ${backup} (bản sao logic: ${dumpFile}); ` +
        'khi đã kiểm tra dữ liệu, có thể xóa cả hai.\n' +
        `Upgrade done. The old folder is kept as a backup: ${backup} (logical dump: ${dumpFile}); ` +
        'once the data has been checked, both can be deleted.',
    );
    return { backup, dumpFile, counts };
  } catch (e) {
    if (db) await db.close().catch(() => undefined);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(fresh, { recursive: true, force: true });
    // the first line only (a worker's error carries its stack); the whole error stays as the cause
    const cause = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const dumped = fs.existsSync(dumpFile);
    throw new Error(
      `Không nâng cấp được dữ liệu sang PostgreSQL ${PGLITE_POSTGRES_MAJOR}: ${cause}\n` +
        `Thư mục dữ liệu cũ vẫn nguyên ở ${pgdata}` +
        (dumped ? `; bản sao logic đã tạo: ${dumpFile}` : '') +
        '. Tre không khởi động; hãy gửi thông báo này cho bộ phận hỗ trợ.\n' +
        `Could not upgrade the data folder to PostgreSQL ${PGLITE_POSTGRES_MAJOR}: ${cause}\n` +
        `The old data folder is untouched at ${pgdata}` +
        (dumped ? `; the logical dump made: ${dumpFile}` : '') +
        '. Tre has not started; send this message to whoever supports it.',
      { cause: e },
    );
  }
}

/** Every dumped table holds exactly the rows the dump wrote; anything else fails the upgrade. */
async function checkCounts(db: Db, dumped: Record<string, number>): Promise<void> {
  const wrong: string[] = [];
  for (const t of DUMPED_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t.name)}`.execute(db.kysely);
    const found = rows[0]?.n ?? 0;
    const expected = dumped[t.name] ?? 0;
    if (found !== expected) wrong.push(`${t.name}: ${found} ≠ ${expected}`);
  }
  if (wrong.length > 0) {
    throw new Error(`số dòng khác bản sao / row counts differ from the dump (${wrong.join(', ')})`);
  }
}
