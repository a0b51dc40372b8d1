import { NATIONAL_CATALOGUE, Role, dataSetElements, indexCatalogue } from '@tre/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { followImport } from '../test/imports.ts';
import { COMMUNE_A, makeUser, signIn, type Session } from '../test/factories.ts';
import { streamedXlsx, type TestCell } from '../test/xlsx.ts';
import { nextBatchSize } from './runner.ts';

/**
 * How the runner stores a job: each cell compared with what is stored (created / updated /
 * unchanged, one history row per real change), batch sizes that settle instead of swinging, and
 * fresh planner statistics once a job has filled its tables (PGlite has no autovacuum).
 */

const HEADER: TestCell[] = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Mã chỉ số', 'Tên chỉ số', 'Phân tổ', 'Giá trị'];
const ELEMENTS = dataSetElements(indexCatalogue(NATIONAL_CATALOGUE), 'commune');
const YEARS = Array.from({ length: Math.ceil(1200 / ELEMENTS.length) }, (_, i) => String(2040 + i));
const ROWS = YEARS.length * ELEMENTS.length;

const file = (valueOf: (year: string, element: string) => number) =>
  streamedXlsx([HEADER, ...YEARS.flatMap((y) => ELEMENTS.map((e): TestCell[] => [COMMUNE_A, '', y, e, '', '', valueOf(y, e)]))]);

describe('an import job of a commune officer', () => {
  let t: TestApp;
  let officer: Session;
  const upload = async (body: Buffer) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/data-values/import-file?fileName=so-lieu.xlsx',
      headers: { ...officer.headers, 'content-type': 'application/octet-stream' },
      payload: body,
    });
    const outcome = await followImport(t.app, officer.headers, res);
    expect(outcome.statusCode, outcome.body).toBe(200);
    return outcome.report;
  };
  const historyRows = async () =>
    (
      await t.db.kysely
        .selectFrom('data_value_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_code', '=', COMMUNE_A)
        .where('period', 'in', YEARS)
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await startTestApp();
    const user = await makeUser(t.db, { role: Role.CommuneOfficer, communeCode: COMMUNE_A });
    officer = await signIn(t.app, user.username);
  });
  afterAll(async () => t.close());

  it('creates every cell once with its history, then finds them unchanged, then records only the changed one', async () => {
    expect(await upload(file(() => 3))).toMatchObject({ rows: ROWS, imported: ROWS, updated: 0, unchanged: 0, rejected: 0 });
    expect(await historyRows()).toBe(ROWS);

    expect(await upload(file(() => 3))).toMatchObject({ imported: 0, updated: 0, unchanged: ROWS });
    expect(await historyRows()).toBe(ROWS);

    const [year, element] = [YEARS[1] ?? '', ELEMENTS[2] ?? ''];
    const changed = (y: string, e: string) => (y === year && e === element ? 8 : 3);
    expect(await upload(file(changed))).toMatchObject({ imported: 0, updated: 1, unchanged: ROWS - 1 });
    const last = await t.db.kysely
      .selectFrom('data_value_history')
      .select(['old_value', 'new_value', 'source'])
      .where('unit_code', '=', COMMUNE_A)
      .where('period', '=', year)
      .where('element_code', '=', element)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect({ old: Number(last.old_value), new: Number(last.new_value), source: last.source }).toEqual({
      old: 3,
      new: 8,
      source: 'import',
    });
    const stored = await t.db.kysely
      .selectFrom('data_value')
      .select('value')
      .where('unit_code', '=', COMMUNE_A)
      .where('period', '=', year)
      .where('element_code', '=', element)
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe(8);
  });

  it('leaves its tables with fresh planner statistics', async () => {
    const before = new Date();
    await upload(file((y) => Number(y)));
    const analyzed = await sql<{ relname: string; last_analyze: Date | null }>`
      SELECT relname, last_analyze FROM pg_stat_user_tables
      WHERE relname IN ('data_value', 'data_value_history', 'measure_unit_value') ORDER BY relname
    `.execute(t.db.kysely);
    expect(analyzed.rows.map((r) => r.relname)).toEqual(['data_value', 'data_value_history', 'measure_unit_value']);
    for (const r of analyzed.rows)
      expect(r.last_analyze?.getTime() ?? 0, r.relname).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });
});

describe('the size of the next batch', () => {
  it('aims at the target time from the rows the batch really held', () => {
    expect(nextBatchSize(1000, 80)).toBe(1000);
    expect(nextBatchSize(1000, 100)).toBe(800);
  });

  it('moves at most by half or double a step, within its bounds', () => {
    expect(nextBatchSize(1000, 1)).toBe(2000);
    expect(nextBatchSize(1000, 10_000)).toBe(500);
    expect(nextBatchSize(4000, 1)).toBe(5000);
    expect(nextBatchSize(200, 10_000)).toBe(200);
  });
});
