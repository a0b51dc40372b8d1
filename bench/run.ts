/**
 * `npm run bench`: Tre's benchmarks. Later modules add theirs here. Figures are medians over
 * rounds; the machine's other load shows up as spread between rounds, printed beside the median.
 *
 * The PostgreSQL leg runs when TRE_BENCH_DATABASE_URL (or TRE_TEST_DATABASE_URL) names a server
 * where the role may create databases, e.g. after `source scripts/ci-postgres.sh`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchListEndpoint, type ListBenchResult } from './http-list.ts';
import { benchPlansParse, reportPlansParse } from './plans-parse.ts';
import { reportPlansScore } from './plans-score.ts';
import { reportBodiesLeft } from './plans-bodies.ts';
import { benchIndicators, reportIndicators } from './indicators.ts';
import { benchImportUnderLoad } from './import-under-load.ts';
import { benchReporting, reportReporting } from './reporting.ts';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function report(r: ListBenchResult, target: { reqPerSec: number; p99?: number }) {
  const rps = median(r.rounds.map((x) => x.reqPerSec));
  const p99 = median(r.rounds.map((x) => x.p99));
  const p50 = median(r.rounds.map((x) => x.p50));
  const failures = r.rounds.reduce((n, x) => n + x.errors + x.non2xx, 0);
  const spread = r.rounds.map((x) => Math.round(x.reqPerSec)).join(', ');
  const ok = rps >= target.reqPerSec && (target.p99 === undefined || p99 <= target.p99);
  console.log(
    `${r.engine.padEnd(8)} GET ${r.endpoint}  ${r.connections} connections, ${r.rounds.length}×${r.seconds}s\n` +
      `         median ${Math.round(rps)} req/s (rounds: ${spread}), latency p50 ${p50} ms, p99 ${p99} ms, failed requests ${failures}\n` +
      `         target ≥ ${target.reqPerSec} req/s${target.p99 ? `, p99 ≤ ${target.p99} ms` : ''}: ${ok ? 'met' : 'NOT met'}`,
  );
}

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
console.log(`Tre benchmarks — ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}\n`);

reportPlansParse(benchPlansParse());
reportPlansScore();
reportBodiesLeft();

// loading ~2 million generated values takes minutes on PGlite, so this leg is asked for explicitly
if (process.env.BENCH_INDICATORS === '1') reportIndicators(await benchIndicators());
else console.log('indicators not run: set BENCH_INDICATORS=1 (loads ~2 million values on PGlite, a few minutes)');

// a round of 155 bodies filled through the services (~45 s), then 5 builds and 200 board requests
reportReporting(await benchReporting());

// a generated register of 1,000,000 children imported, scanned for duplicates and searched, on each
// engine: about ten minutes, so asked for explicitly (BENCH_CHILDREN_ROWS for a smaller register)
if (process.env.BENCH_CHILDREN === '1') await import('./children.ts');
else console.log('children not run: set BENCH_CHILDREN=1 (or run bench/children.ts; 1,000,000 children, ~10 minutes)');

// 50,000 cases written set-wise (~20 s an engine), then the lists, overviews and read log timed
await import('./cases.ts');

// 390 child-friendly self-assessments written set-wise, then the province's status and one assessment timed
await import('./communes.ts');

// 20,000 events, 100,000 opinions and 50,000 complaints written set-wise, then the overdue lists, inbox and statistics timed
await import('./voices.ts');

// a 500k-value and a 200k-row import under 20 readers: about two minutes, so asked for explicitly
if (process.env.BENCH_IMPORT === '1') await benchImportUnderLoad();
else console.log('import   not run: set BENCH_IMPORT=1 (or run bench/import-under-load.ts; two imports under load, ~2 minutes)');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-bench-'));
try {
  report(await benchListEndpoint({ engine: 'pglite', env: { TRE_DATA_DIR: dir }, connections: 50, seconds, rounds }), {
    reqPerSec: 1500,
    p99: 60,
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const serverUrl = process.env.TRE_BENCH_DATABASE_URL ?? process.env.TRE_TEST_DATABASE_URL;
if (serverUrl) {
  const name = `tre_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    report(
      await benchListEndpoint({ engine: 'postgres', env: { DATABASE_URL: url.toString() }, connections: 50, seconds, rounds }),
      { reqPerSec: 4000 },
    );
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('postgres  not run: set TRE_BENCH_DATABASE_URL (or `source scripts/ci-postgres.sh`) to measure the server engine');
}
