import fs from 'node:fs';
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

/** Whether a file given on the command line can be read and is within the bound; says why not. */
export function readableFile(file: string, maxBytes: number, out: Out): boolean {
  try {
    if (fs.statSync(file).size > maxBytes) {
      const mb = maxBytes / 1024 / 1024;
      out.stderr(both({ vi: `Tệp ${file} lớn hơn ${mb} MB`, en: `The file ${file} is larger than ${mb} MB` }));
      return false;
    }
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    out.stderr(both({ vi: `Không đọc được tệp ${file}: ${reason}`, en: `Cannot read the file ${file}: ${reason}` }));
    return false;
  }
}
