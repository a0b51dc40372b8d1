/**
 * What the module benchmarks share (cases, communes, voices): timing a call, printing its p50 and
 * p95 against a target, and running one leg on PGlite then, when a server is named, on PostgreSQL
 * in a database of its own that is dropped after.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../packages/server/src/db/pool.ts';

export interface Timing {
  p50: number;
  p95: number;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** `calls` timed calls after `warmUp` untimed ones. */
export async function timed(calls: number, fn: (i: number) => Promise<unknown>, warmUp = 5): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** One line per timed call, the target's miss said in words. */
export function printTimings(rows: readonly (readonly [string, Timing])[], targetP95: number | null): void {
  for (const [what, r] of rows) {
    const missed = targetP95 !== null && r.p95 >= targetP95 ? `  (target p95 < ${String(targetP95)} ms: NOT met)` : '';
    console.log(
      `         ${what.padEnd(42)} p50 ${r.p50.toFixed(1).padStart(6)} ms, p95 ${r.p95.toFixed(1).padStart(6)} ms${missed}`,
    );
  }
}

/** The leg on a fresh PGlite folder, then on a fresh PostgreSQL database when TRE_BENCH_DATABASE_URL (or the tests') is set. */
export async function onEachEngine(name: string, leg: (engine: string, db: Db) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tre-bench-${name}-`));
  try {
    console.log(`${name} — ${os.cpus().length} CPU, Node ${process.version}, load average ${(os.loadavg()[0] ?? 0).toFixed(1)}`);
    const lite = await openDb({ dataDir: path.join(dir, 'pglite') });
    try {
      await leg('pglite', lite);
    } finally {
      await lite.close();
    }
    const server = process.env.TRE_BENCH_DATABASE_URL ?? process.env.TRE_TEST_DATABASE_URL;
    if (!server) {
      console.log('postgres not run: set TRE_BENCH_DATABASE_URL (source scripts/ci-postgres.sh)');
      return;
    }
    const database = `tre_bench_${name}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${database}`;
    const db = await openDb({ databaseUrl: url.toString(), dataDir: 'unused' });
    try {
      await leg('postgres', db);
    } finally {
      await db.close();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
