import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NATIONAL_CATALOGUE, aggregateMeasure, indexCatalogue, resolveTotals, type DataValue, type TrendReply } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { runTre } from '../test/cli.ts';
import { ADMIN_PASSWORD, createServerTestDatabase, testEngine } from '../test/db.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, makePlan, signIn, type Session } from '../test/factories.ts';
import { measureSums } from './values/repository.ts';

/**
 * Import a dataValueSets file for three communes of Nghệ An (40) and the province itself, read the
 * province values through the API and the CLI, and compare with numbers computed by hand.
 */
const COMMUNE_C = '16690'; // Phường Trường Vinh
const COMMUNES_OF_40 = 130;

const row = (dataElement: string, orgUnit: string, period: string, value: string, categoryOptionCombo?: string) => ({
  dataElement,
  orgUnit,
  period,
  value,
  ...(categoryOptionCombo ? { categoryOptionCombo } : {}),
});

/**
 * 2025: births A 1000, B 500, C 250 (C as parts: 130 boys + 120 girls);
 *       neonatal deaths A 8, B 6, C 1; infant deaths A 10, B 5 (C none).
 * 2024: A only, 1000 births, 12 neonatal deaths.
 * Province unit, 2025: 130 communes, 91 recognised child-friendly.
 */
const GOOD_FILE = {
  dataValues: [
    row('LIVE_BIRTHS', COMMUNE_A, '2025', '1000'),
    row('LIVE_BIRTHS', COMMUNE_B, '2025', '500'),
    row('LIVE_BIRTHS', COMMUNE_C, '2025', '130', 'sex=male'),
    row('LIVE_BIRTHS', COMMUNE_C, '2025', '120', 'sex=female'),
    row('NEONATAL_DEATHS', COMMUNE_A, '2025', '8'),
    row('NEONATAL_DEATHS', COMMUNE_B, '2025', '6'),
    row('NEONATAL_DEATHS', COMMUNE_C, '2025', '1'),
    row('INFANT_DEATHS', COMMUNE_A, '2025', '10'),
    row('INFANT_DEATHS', COMMUNE_B, '2025', '5'),
    row('LIVE_BIRTHS', COMMUNE_A, '2024', '1000'),
    row('NEONATAL_DEATHS', COMMUNE_A, '2024', '12'),
    row('COMMUNES_TOTAL', '40', '2025', '130'),
    row('COMMUNES_CHILD_FRIENDLY', '40', '2025', '91'),
  ],
};

/** Neonatal 2025: (8 + 6 + 1) / (1000 + 500 + 250) × 1000 = 15 / 1750 × 1000 = 8.5714… ‰ (3 of 130 communes). */
const NEONATAL = { numerator: 15, denominator: 1750, value: 15000 / 1750 };
/** Infant 2025: (10 + 5) / (1000 + 500) × 1000 = 10 ‰; C has births but no infant deaths, so it is missing (2 of 130). */
const INFANT = { numerator: 15, denominator: 1500, value: 10 };
/** Child-friendly communes 2025, from the province's own figure: 91 / 130 × 100 = 70 %. */
const FRIENDLY = { numerator: 91, denominator: 130, value: 70 };

let t: TestApp;
let admin: Session;

type Values = {
  values: { measure: string; numerator: number | null; denominator: number | null; value: number | null; [k: string]: unknown }[];
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  await makePlan(t.db); // indicator 1: ≥ 80 % in 2025; indicator 3 "trẻ sơ sinh": < 9.5 ‰ in 2025
});
afterAll(async () => t.close());

const importFile = (file: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/data-values/import', headers: admin.headers, payload: file as object });

describe('dataValueSets import and province values', () => {
  it('imports every row of a good file, then a re-import changes nothing', async () => {
    const first = await importFile(GOOD_FILE);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 13, imported: 13, updated: 0, unchanged: 0, rejected: 0 });

    const history = await t.db.kysely.selectFrom('data_value_history').select('id').execute();
    const audits = await auditCount(t.db);
    const again = await importFile(GOOD_FILE);
    expect(again.json()).toMatchObject({ rows: 13, imported: 0, updated: 0, unchanged: 13, rejected: 0 });
    expect(await t.db.kysely.selectFrom('data_value_history').select('id').execute()).toHaveLength(history.length);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it('reads the province values through the API, summing numerators and denominators', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/values?period=2025&unit=40', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Values;
    const by = (code: string) => body.values.find((v) => v.measure === code);
    expect(by('I03_NEONATAL_MORTALITY')).toMatchObject({
      numerator: NEONATAL.numerator,
      denominator: NEONATAL.denominator,
      unitsReported: 3,
      unitsExpected: COMMUNES_OF_40,
      source: 'communes',
      target: { year: 2025, op: '<', value: 9.5 },
      status: 'met',
      previousValue: 12, // 2024: 12 / 1000 × 1000
      trend: 'improving',
    });
    expect(by('I03_NEONATAL_MORTALITY')?.value).toBeCloseTo(NEONATAL.value, 10);
    // not the average of the communes' rates (8, 12, 4 → 8)
    expect(by('I03_NEONATAL_MORTALITY')?.value).not.toBeCloseTo(8, 3);
    expect(by('I03_INFANT_MORTALITY')).toMatchObject({ ...INFANT, unitsReported: 2, status: 'no_target' });
    // 70 % against ≥ 80 % in the target year, no baseline: at risk
    expect(by('I01_CHILD_FRIENDLY_COMMUNES')).toMatchObject({
      ...FRIENDLY,
      source: 'province',
      unitsExpected: 1,
      status: 'at_risk',
    });
    // nothing reported: no figure at all, never 0 / 0
    expect(by('I05_FULL_IMMUNISATION_U1')).toMatchObject({
      numerator: null,
      denominator: null,
      value: null,
      unitsReported: 0,
      status: 'no_target',
      nationalStatus: 'no_data',
    });
  });

  it('agrees with core aggregate.ts on the same rows', async () => {
    const index = indexCatalogue(NATIONAL_CATALOGUE);
    const values: DataValue[] = GOOD_FILE.dataValues.map((r) => ({
      element: r.dataElement,
      unit: r.orgUnit,
      period: r.period,
      value: Number(r.value),
      ...(r.categoryOptionCombo
        ? { disaggregation: Object.fromEntries([r.categoryOptionCombo.split('=') as [string, string]]) }
        : {}),
    }));
    const totals = resolveTotals(values);
    const communes = (await t.db.kysely.selectFrom('commune').select('code').where('province_code', '=', '40').execute()).map(
      (c) => c.code,
    );
    const sql = await measureSums(t.db.kysely, { provinceCode: '40', periods: ['2025'], scope: { kind: 'communes' } });
    for (const m of index.measures) {
      const core = aggregateMeasure(m, totals, { period: '2025', units: communes });
      const row = sql.find((r) => r.measure === m.code);
      expect({ m: m.code, n: row?.numerator ?? 0, d: row?.denominator ?? 0, r: row?.reported ?? 0 }).toEqual({
        m: m.code,
        n: core.numerator,
        d: core.denominator,
        r: core.unitsReported,
      });
    }
  });

  it('ranks the communes and gives the trend', async () => {
    const rank = await t.app.inject({
      method: 'GET',
      url: '/api/indicators/I03_NEONATAL_MORTALITY/units?period=2025',
      headers: admin.headers,
    });
    expect(rank.statusCode).toBe(200);
    const units = (rank.json() as { units: { code: string; value: number | null }[] }).units;
    expect(units).toHaveLength(COMMUNES_OF_40);
    // lower is better: C 4 ‰, A 8 ‰, B 12 ‰, then the missing communes
    expect(units.slice(0, 3).map((u) => [u.code, u.value])).toEqual([
      [COMMUNE_C, 4],
      [COMMUNE_A, 8],
      [COMMUNE_B, 12],
    ]);
    expect(units[3]?.value).toBeNull();
    const trend = await t.app.inject({
      method: 'GET',
      url: '/api/indicators/I03_NEONATAL_MORTALITY/trend?unit=40',
      headers: admin.headers,
    });
    expect(trend.statusCode).toBe(200);
    const points = (trend.json() as TrendReply).points;
    expect(points.map((p) => p.period)).toEqual(['2024', '2025']);
    expect(points[0]?.value).toBe(12);
    expect(points[1]?.value).toBeCloseTo(NEONATAL.value, 10);
    // each point with the plan's target for its year: 2024 is judged against 2025's
    expect(points.map((p) => p.target && [p.target.year, p.target.op, p.target.value])).toEqual([
      [2025, '<', 9.5],
      [2025, '<', 9.5],
    ]);
    // commune C reported births but no infant deaths, and nothing in 2024: no figures, not zeros
    const infantC = await t.app.inject({
      method: 'GET',
      url: `/api/indicators/I03_INFANT_MORTALITY/trend?unit=${COMMUNE_C}`,
      headers: admin.headers,
    });
    expect((infantC.json() as TrendReply).points).toEqual([
      { period: '2024', numerator: null, denominator: null, value: null, unitsReported: 0, unitsExpected: 1, target: null },
      { period: '2025', numerator: null, denominator: null, value: null, unitsReported: 0, unitsExpected: 1, target: null },
    ]);
  });

  it('rejects a malformed file row by row, in both languages, and keeps the good rows', async () => {
    const history = (await t.db.kysely.selectFrom('data_value_history').select('id').execute()).length;
    const res = await importFile({
      dataValues: [
        row('NO_SUCH_ELEMENT', COMMUNE_A, '2025', '1'),
        row('LIVE_BIRTHS', '99999', '2025', '1'),
        row('LIVE_BIRTHS', '00004', '2025', '1'), // Phường Ba Đình, Hà Nội: not of this province
        row('LIVE_BIRTHS', COMMUNE_A, '2025S3', '1'),
        row('LIVE_BIRTHS', COMMUNE_A, '2026', 'abc'),
        row('LIVE_BIRTHS', COMMUNE_A, '2026', '-3'),
        row('LIVE_BIRTHS', COMMUNE_A, '2026', '2.5'),
        row('LIVE_BIRTHS', COMMUNE_A, '2026', '7', 'ethnicity=kinh'),
        row('LIVE_BIRTHS', COMMUNE_A, '2026', '900'),
        row('NEONATAL_DEATHS', COMMUNE_A, '2025', '9'), // a correction: 8 → 9
      ],
    });
    expect(res.statusCode).toBe(200);
    const report = res.json() as {
      imported: number;
      updated: number;
      rejected: number;
      rejectedRows: { row: number; reason: { vi: string; en: string } }[];
    };
    expect(report).toMatchObject({ imported: 1, updated: 1, rejected: 8 });
    expect(report.rejectedRows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const en = report.rejectedRows.map((r) => r.reason.en);
    expect(en[0]).toContain('unknown data element');
    expect(en[1]).toContain('unknown unit');
    expect(en[2]).toContain('not of this province');
    expect(en[3]).toContain('invalid period');
    expect(en[4]).toContain('not a number');
    expect(en[5]).toContain('negative');
    expect(en[6]).toBe('value "2.5": a decimal (2.5) is not valid: a count is a whole number');
    expect(en[7]).toContain('disaggregation');
    expect(report.rejectedRows[0]?.reason.vi).toContain('không tồn tại');
    const hist = await t.db.kysely.selectFrom('data_value_history').selectAll().orderBy('id', 'desc').limit(2).execute();
    expect(hist.length).toBe(2);
    expect((await t.db.kysely.selectFrom('data_value_history').select('id').execute()).length).toBe(history + 2);
    const correction = hist.find((h) => h.element_code === 'NEONATAL_DEATHS');
    expect(correction).toMatchObject({ old_value: 8, new_value: 9, source: 'import' });
    // put the figure back for the CLI comparison below
    await importFile({ dataValues: [row('NEONATAL_DEATHS', COMMUNE_A, '2025', '8')] });
  });

  it('exports the same format, which re-imports unchanged', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/data-values/export?period=2025', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const file = res.json() as { dataValues: unknown[] };
    expect(file.dataValues).toHaveLength(11);
    expect((await importFile(file)).json()).toMatchObject({ imported: 0, updated: 0, unchanged: 11, rejected: 0 });
  });

  it('gives the same province values through the CLI', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-indicators-cli-'));
    const server = testEngine() === 'postgres' ? await createServerTestDatabase() : null;
    const env: Record<string, string> = server
      ? { DATABASE_URL: server.url, TRE_ADMIN_PASSWORD: ADMIN_PASSWORD }
      : { TRE_DATA_DIR: path.join(dir, 'data'), TRE_ADMIN_PASSWORD: ADMIN_PASSWORD };
    try {
      const file = path.join(dir, 'values.json');
      fs.writeFileSync(file, JSON.stringify(GOOD_FILE));
      const imported = await runTre(['data', 'import', file], env);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('13 mới / imported');
      const again = await runTre(['data', 'import', file], env);
      expect(again.stdout).toContain('13 không đổi / unchanged');

      const json = await runTre(['indicators', 'values', '--period', '2025', '--unit', '40', '--json'], env);
      expect(json.code).toBe(0);
      const body = JSON.parse(json.stdout) as Values;
      expect(body.values.find((v) => v.measure === 'I03_NEONATAL_MORTALITY')).toMatchObject({ numerator: 15, denominator: 1750 });
      expect(body.values.find((v) => v.measure === 'I03_INFANT_MORTALITY')).toMatchObject(INFANT);
      expect(body.values.find((v) => v.measure === 'I01_CHILD_FRIENDLY_COMMUNES')).toMatchObject(FRIENDLY);

      const table = await runTre(['indicators', 'values', '--period', '2025', '--unit', '40'], env);
      expect(table.code).toBe(0);
      // no plan in this database: no target
      expect(table.stdout).toContain('I03_NEONATAL_MORTALITY\t15\t1750\t8.57 ‰\t—\tno_target\t3/130');
      expect(table.stdout).toContain('I03_INFANT_MORTALITY\t15\t1500\t10 ‰');

      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(
        bad,
        JSON.stringify({ dataValues: [row('NO_SUCH', COMMUNE_A, '2025', '1'), row('LIVE_BIRTHS', COMMUNE_B, '2026', '5')] }),
      );
      const rejected = await runTre(['data', 'import', bad], env);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain('dòng / row 1: chỉ số dữ liệu không tồn tại');
      expect(rejected.stdout).toContain('1 mới / imported');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await server?.drop();
    }
  }, 300_000); // five runs of the real command, each opening the embedded database
});
