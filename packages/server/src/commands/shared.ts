import { bootstrap } from '../bootstrap.ts';
import type { Config } from '../config.ts';
import { openDb, type Db } from '../db/pool.ts';
import type { JobProgress } from '../imports/runner.ts';

/** What every `tre` verb shares: its output, its messages in both languages, its database. */

export type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

export const both = (e: { vi: string; en: string }) => `${e.vi}\n${e.en}\n`;

/** Opens the configured database (the embedded one when no DATABASE_URL), set up, for one verb. */
export async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await bootstrap(db, config);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * "12.345/200.000 dòng (6%)" on one terminal line, rewritten in place; nothing when stderr is not a
 * terminal (`tty`: stderr's isTTY, typed boolean but undefined when stderr is a file or a pipe).
 */
export function progressLine(out: Out, tty: boolean | undefined) {
  let last = '';
  return (p: JobProgress) => {
    if (!tty || p.status !== 'running') return;
    const pct = p.rowsTotal ? ` (${Math.floor((100 * p.rowsDone) / Math.max(1, p.rowsTotal))}%)` : '';
    const line = `\r${p.rowsDone.toLocaleString('vi-VN')}/${p.rowsTotal?.toLocaleString('vi-VN') ?? '?'} dòng / rows${pct}`;
    if (line !== last) out.stderr(line);
    last = line;
  };
}
