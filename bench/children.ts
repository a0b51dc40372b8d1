/**
 * The children register's benchmarks (issue 15), on a generated register (bench/children/generate.ts:
 * Vietnamese names by frequency, known duplicates and invalid rows): import throughput and peak
 * memory on PGlite and, when a server is named, PostgreSQL; the duplicate scan over the whole
 * register with its precision and recall against the injected pairs; name search p95.
 *
 *   npx tsx bench/children.ts                      # 1,000,000 rows (BENCH_CHILDREN_ROWS), seed 7
 *   BENCH_CHILDREN_ROWS=100000 npx tsx bench/children.ts
 *
 * The PostgreSQL leg runs when TRE_BENCH_DATABASE_URL (or TRE_TEST_DATABASE_URL) names a server
 * where the role may create databases (`source scripts/ci-postgres.sh`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDb, type Db } from '../packages/server/src/db/pool.ts';
import { auditActorOf, commandLineActor } from '../packages/server/src/audit/session-actor.ts';
import { importSettings } from '../packages/server/src/imports/limits.ts';
import { jobRow } from '../packages/server/src/imports/repository.ts';
import { ImportRunner } from '../packages/server/src/imports/runner.ts';
import { UploadSpool } from '../packages/server/src/imports/spool.ts';
import { childrenImport } from '../packages/server/src/children/import/kind.ts';
import { enqueueChildrenImport, importReport } from '../packages/server/src/children/import/service.ts';
import { scanDuplicates } from '../packages/server/src/children/duplicates/service.ts';
import { listChildren } from '../packages/server/src/children/service.ts';
import { writeRegister, type Truth } from './children/generate.ts';
import { evaluatePairs, evaluateRejections, laterDuplicateRows, truthPairs, type RowPair } from './children/evaluate.ts';

const ROWS = Number(process.env.BENCH_CHILDREN_ROWS ?? 1_000_000);
const SEED = Number(process.env.BENCH_CHILDREN_SEED ?? 7);
const PROVINCE = '40';
const IMPORT_DATE = new Date().toISOString().slice(0, 10);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** Peak resident memory of this process (the import's worker and PGlite's thread included), sampled. */
function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function importFile(db: Db, dir: string, file: string) {
  const spool = new UploadSpool(path.join(dir, 'spool'));
  const settings = { ...importSettings(), maxFileBytes: 1024 * 1024 * 1024, maxJobSeconds: 3600 };
  const runner = new ImportRunner(db.kysely, settings, { singleProcess: db.engine === 'pglite', spool });
  runner.register(childrenImport);
  const config = { provinceCode: PROVINCE };
  const started = performance.now();
  const memory = peakRss();
  const queued = await enqueueChildrenImport(
    db.kysely,
    runner,
    { actor: null, provinceCode: config.provinceCode, name: 'bench' },
    path.basename(file),
    spool.copyIn(file),
    {},
  );
  await runner.runJob(queued.id);
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const job = await jobRow(db.kysely, PROVINCE, queued.id);
  return { seconds, peakMb: peak / 1024 / 1024, report: await importReport(db.kysely, job, 0) };
}

async function sourceRows(db: Db): Promise<Map<number, number>> {
  const rows = await sql<{
    id: number;
    source_row: number;
  }>`SELECT id, source_row FROM child WHERE source_row IS NOT NULL`.execute(db.kysely);
  return new Map(rows.rows.map((r) => [r.id, r.source_row]));
}

async function pendingRowPairs(db: Db): Promise<RowPair[]> {
  const rowOf = await sourceRows(db);
  const pairs = await sql<{
    a: number;
    b: number;
  }>`SELECT child_a AS a, child_b AS b FROM child_duplicate WHERE status = 'pending'`.execute(db.kysely);
  return pairs.rows.map((p) => [rowOf.get(p.a) ?? 0, rowOf.get(p.b) ?? 0] as const);
}

/** Searches a user would type, drawn from the register: names without diacritics, partial words, given names. */
async function searchQueries(db: Db, n: number): Promise<string[]> {
  const names = await sql<{ name_key: string }>`SELECT name_key FROM child ORDER BY id LIMIT ${n} OFFSET 1000`.execute(db.kysely);
  return names.rows.map((r, i) => {
    const words = r.name_key.split(' ');
    const family = words[0] ?? '';
    const given = words[words.length - 1] ?? '';
    switch (i % 4) {
      case 0:
        return r.name_key; // the whole name, no diacritics
      case 1:
        return `${family} ${given}`; // family and given name
      case 2:
        return `${family.slice(0, 3)} ${given.slice(0, Math.max(2, given.length - 1))}`; // partial words
      default:
        return words.slice(1).join(' '); // middle and given name
    }
  });
}

async function benchSearch(db: Db): Promise<{ p50: number; p95: number; queries: number }> {
  const actor = commandLineActor(PROVINCE);
  const queries = await searchQueries(db, 400);
  for (const q of queries.slice(0, 20)) await listChildren(db.kysely, actor, { q, limit: 50, offset: 0 }); // warm-up
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await listChildren(db.kysely, actor, { q, limit: 50, offset: 0 });
    times.push(performance.now() - t0);
  }
  return { p50: median(times), p95: pct(times, 95), queries: queries.length };
}

async function leg(engine: 'pglite' | 'postgres', file: string, truth: Truth, dir: string, serverUrl?: string) {
  let db: Db;
  let dropDb = async (): Promise<void> => undefined;
  if (engine === 'postgres' && serverUrl) {
    const name = `tre_bench_children_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    db = await openDb({ databaseUrl: url.toString(), dataDir: 'unused' });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    db = await openDb({ dataDir: path.join(dir, `pglite-${Date.now()}`) });
  }
  try {
    await bootstrap(db, { ...loadConfig(), provinceCode: PROVINCE });
    const imp = await importFile(db, dir, file);
    const r = imp.report;
    const rejections = evaluateRejections(
      truth.invalid,
      r.rejections.map((x) => ({ row: x.row, field: x.fieldKey })),
      { duplicateRows: laterDuplicateRows(truth) },
    );
    console.log(
      `${engine.padEnd(8)} import ${ROWS.toLocaleString('en-US')} rows: ${imp.seconds.toFixed(1)} s = ${Math.round(ROWS / imp.seconds).toLocaleString('en-US')} rows/s ` +
        `(validation included), peak RSS ${Math.round(imp.peakMb)} MB; imported ${r.imported}, rejected ${r.rejected}\n` +
        `         invalid rows caught ${rejections.caughtRightField}/${truth.invalid.length} with the right field, ` +
        `valid rows wrongly rejected ${rejections.wronglyRejected}, duplicates' later rows rejected ${rejections.duplicatesRejected}`,
    );
    const t0 = performance.now();
    await scanDuplicates(db.kysely, auditActorOf(commandLineActor(PROVINCE)), {});
    const scanSeconds = (performance.now() - t0) / 1000;
    const scores = evaluatePairs(truthPairs(truth), await pendingRowPairs(db), { hardNegatives: truth.twins });
    console.log(
      `         duplicate scan of the whole register: ${scanSeconds.toFixed(1)} s; ${scores.foundPairs} pairs proposed, ` +
        `precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)} (${scores.truthPairs} injected pairs; twins proposed: ${scores.hardNegativesFound})`,
    );
    const search = await benchSearch(db);
    console.log(
      `         name search (${search.queries} queries, 50 results): p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms`,
    );
  } finally {
    await db.close();
    await dropDb();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-bench-children-'));
try {
  console.log(
    `children register — ${os.cpus().length} CPU, Node ${process.version}, load average ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
  );
  const file = path.join(dir, 'register.csv');
  const g0 = performance.now();
  const truth = await writeRegister({ rows: ROWS, province: PROVINCE, seed: SEED, importDate: IMPORT_DATE, out: file });
  console.log(
    `         generated ${ROWS.toLocaleString('en-US')} rows in ${((performance.now() - g0) / 1000).toFixed(1)} s ` +
      `(${truth.counts.duplicatePairs} duplicate pairs, ${truth.counts.invalid} invalid rows, ${truth.counts.twins} twin pairs)`,
  );
  await leg('pglite', file, truth, dir);
  const server = process.env.TRE_BENCH_DATABASE_URL ?? process.env.TRE_TEST_DATABASE_URL;
  if (server) await leg('postgres', file, truth, dir, server);
  else console.log('postgres not run: set TRE_BENCH_DATABASE_URL (source scripts/ci-postgres.sh)');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
