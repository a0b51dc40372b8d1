/**
 * Indicators benchmark on PGlite: generated figures for every commune of the country (3,321 in 34
 * provinces, each row under its own province_code as a sharded national database would hold them)
 * × every data element × 10 yearly periods (2016–2025), totals only, generated inside the database
 * with one INSERT … SELECT (no rows cross the wire). Then:
 *   - all units, one period: every measure for every commune and for each of the 34 provinces
 *     (the province rule of indicators/values-service.ts), median of N rounds;
 *   - every API call the dashboard makes (through Fastify's inject, so without the network): p50 and
 *     p95 over sequential requests — the overview (values of the province, of one commune, the
 *     catalogue), the indicator page (trend of the province over 10 years, commune ranking) and the
 *     overview's Excel file.
 * Run alone with `npx tsx bench/indicators.ts`; `npm run bench` runs it when BENCH_INDICATORS=1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { bootstrap } from '../packages/server/src/bootstrap.ts';
import { openDb } from '../packages/server/src/db/pool.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { catalogueIndex } from '../packages/server/src/indicators/catalogue/store.ts';
import { unitSums } from '../packages/server/src/indicators/values/service.ts';
import { communeFiguresByMeasure } from '../packages/server/src/indicators/values/repository.ts';

export const COMPUTE_TARGET_MS = 1000;
export const API_P95_TARGET_MS = 100;
const PERIODS = Array.from({ length: 10 }, (_, i) => String(2016 + i));
const PASSWORD = 'bench-password-1';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export interface IndicatorsBenchResult {
  communes: number;
  elements: number;
  periods: number;
  rows: number;
  loadSeconds: number;
  computeMedianMs: number;
  computeRounds: number[];
  /** the province's values (the overview's main call) */
  apiP50: number;
  apiP95: number;
  endpoints: { name: string; p50: number; p95: number }[];
}

/** What the dashboard's screens call, province 40 (Nghệ An, 130 communes) and one of its communes. */
const DASHBOARD_CALLS: [string, string][] = [
  ['values, province', '/api/indicators/values?period=2025&unit=40'],
  ['values, one commune', '/api/indicators/values?period=2025&unit=16681'],
  ['catalogue', '/api/indicators/catalogue'],
  ['trend, province, 10 years', '/api/indicators/I03_NEONATAL_MORTALITY/trend?unit=40&type=year'],
  ['commune ranking', '/api/indicators/I03_NEONATAL_MORTALITY/units?period=2025'],
  ['overview as Excel', '/api/indicators/chart.xlsx?view=overview&period=2025&unit=40'],
];

export async function benchIndicators(rounds = 5, requests = 200): Promise<IndicatorsBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-bench-indicators-'));
  const db = await openDb({ dataDir: dir });
  try {
    await bootstrap(db, { provinceCode: '40', adminPassword: PASSWORD });
    const started = performance.now();
    // One INSERT … SELECT for all periods (no rows cross the wire); the secondary index is built after
    // the load. The triggers of migration 0004 fill measure_unit_value in the same statement.
    // numerators 0–99, denominators 1,000–1,999: every share stays ≤ 100 %
    await sql`DROP INDEX data_value_element`.execute(db.kysely);
    await sql`
      INSERT INTO data_value (province_code, element_code, unit_kind, unit_code, period, disaggregation, value, entered_by_name)
      SELECT c.province_code, e.code, 'commune', c.code, p.period, '',
             CASE WHEN e.den THEN 1000 ELSE 0 END + abs(hashtext(c.code || e.code || p.period)) % (CASE WHEN e.den THEN 1000 ELSE 100 END),
             'bench'
      FROM unnest(${PERIODS}::text[]) AS p(period)
      CROSS JOIN commune c
      CROSS JOIN (SELECT code, code IN (SELECT denominator FROM measure) AS den FROM data_element) e
    `.execute(db.kysely);
    await sql`CREATE INDEX data_value_element ON data_value (province_code, element_code, period, unit_code)`.execute(db.kysely);
    await sql`ANALYZE`.execute(db.kysely);
    const loadSeconds = (performance.now() - started) / 1000;
    const count = async (table: 'data_value' | 'commune' | 'data_element') =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db.kysely)).rows[0]?.n ?? 0;

    const index = await catalogueIndex(db.kysely);
    const provinces = (await db.kysely.selectFrom('province').select(['code', 'name']).execute()).map((p) => p);
    const computeRounds: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (const p of provinces) {
        // every commune × every measure, and the province by its rule
        await communeFiguresByMeasure(db.kysely, p.code, '2025');
        await unitSums(db.kysely, p.code, { kind: 'province', code: p.code, name: p.name }, index.measures, ['2025']);
      }
      computeRounds.push(performance.now() - t0);
    }

    const app = await buildApp({
      db,
      config: {
        dataDir: dir,
        port: 0,
        host: '127.0.0.1',
        provinceCode: '40',
        adminPassword: PASSWORD,
        logLevel: 'silent',
        secureCookies: false,
        trustProxy: false,
      },
    });
    const signin = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    const cookie = `tre_session=${signin.cookies.find((c) => c.name === 'tre_session')?.value ?? ''}`;
    const time = async (url: string) => {
      const ms: number[] = [];
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        ms.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return ms.slice(5); // the first requests warm the caches
    };
    const endpoints: IndicatorsBenchResult['endpoints'] = [];
    for (const [name, url] of DASHBOARD_CALLS) {
      const ms = await time(url);
      endpoints.push({ name: `${name.padEnd(27)} ${url.padEnd(62)}`, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) });
    }
    await app.close();
    return {
      communes: await count('commune'),
      elements: await count('data_element'),
      periods: PERIODS.length,
      rows: await count('data_value'),
      loadSeconds,
      computeMedianMs: quantile(computeRounds, 0.5),
      computeRounds,
      apiP50: endpoints[0]?.p50 ?? 0,
      apiP95: endpoints[0]?.p95 ?? 0,
      endpoints,
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportIndicators(r: IndicatorsBenchResult): void {
  const ok = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(
    `indicators (PGlite) ${r.communes} communes × ${r.elements} elements × ${r.periods} periods = ${r.rows.toLocaleString('en')} values, loaded in ${r.loadSeconds.toFixed(1)} s\n` +
      `         every measure for every commune and province, one period: median ${r.computeMedianMs.toFixed(0)} ms ` +
      `(rounds: ${r.computeRounds.map((x) => x.toFixed(0)).join(', ')}), target < ${COMPUTE_TARGET_MS} ms: ${ok(r.computeMedianMs < COMPUTE_TARGET_MS)}\n` +
      `         dashboard API, sequential requests, target p95 < ${API_P95_TARGET_MS} ms:\n` +
      r.endpoints
        .map(
          (e) =>
            `           ${e.name}  p50 ${e.p50.toFixed(1).padStart(6)} ms  p95 ${e.p95.toFixed(1).padStart(6)} ms  ${ok(e.p95 < API_P95_TARGET_MS)}`,
        )
        .join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) reportIndicators(await benchIndicators());
