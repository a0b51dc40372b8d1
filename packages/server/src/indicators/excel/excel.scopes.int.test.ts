import { TEMPLATE_COLUMNS } from '@tre/core';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { followImport } from '../../test/imports.ts';
import { ADMIN_PASSWORD } from '../../test/db.ts';
import { COMMUNE_A, COMMUNE_B, auditCount, firstAgencyId, signIn, signInNewUser, type Session } from '../../test/factories.ts';
import { expectRefused, storedFigures } from '../../test/state.ts';

/**
 * Who may download a template, import a file and download a chart's data: an outsider or a wrong
 * role gets 401/403/404 and nothing changes; a commune officer's rows for another commune are
 * rejected one by one and that commune's figures stay as they were.
 */
let t: TestApp;
let admin: Session;
let viewer: Session;
let caseWorker: Session;
let officerA: Session;
let gdReporter: Session;
let gd: string;
let tuphap: string;
let file: Buffer;

async function jobAudits(): Promise<number> {
  const rows = await t.db.kysely
    .selectFrom('audit_event')
    .select('id')
    .where('entity', '=', 'import_job')
    .where('action', 'in', ['create', 'import', 'import_failed'])
    .execute();
  return rows.length;
}

async function state() {
  return {
    ...(await storedFigures(t.db)),
    // audit rows of data written: an import job's own rows (queued, done) are not data
    audit: (await auditCount(t.db)) - (await jobAudits()),
  };
}

/** A template-shaped workbook: births of 2025 for commune A (70) and commune B (999). */
async function twoCommunes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow([...TEMPLATE_COLUMNS]);
  ws.addRow([COMMUNE_A, 'Phường Thành Vinh', '2025', 'LIVE_BIRTHS', 'Số trẻ đẻ sống', null, 70]); // row 2
  ws.addRow([COMMUNE_B, 'Xã Nghi Lộc', '2025', 'LIVE_BIRTHS', 'Số trẻ đẻ sống', null, 999]); // row 3
  ws.addRow([COMMUNE_B, 'Xã Nghi Lộc', '2025', 'NEONATAL_DEATHS', 'Số trẻ sơ sinh tử vong', null, 9]); // row 4
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await startTestApp();
  gd = await firstAgencyId(t.db, 'Sở GD&ĐT');
  tuphap = await firstAgencyId(t.db, 'Sở Tư pháp');
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
  caseWorker = await signInNewUser(t, { role: 'case_worker', communeCode: COMMUNE_A });
  officerA = await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A });
  gdReporter = await signInNewUser(t, { role: 'agency_reporter', agencyId: gd });
  const seed = await t.app.inject({
    method: 'PUT',
    url: '/api/data-values',
    headers: admin.headers,
    payload: { unit: COMMUNE_B, period: '2025', values: [{ element: 'LIVE_BIRTHS', value: 100 }] },
  });
  expect(seed.statusCode).toBe(200);
  file = await twoCommunes();
});
afterAll(async () => t.close());

const call = (s: Session | null, opts: InjectOptions) =>
  t.app.inject({ ...opts, headers: { ...(s ? s.headers : {}), ...opts.headers } });
const importFile = (name = 'so-lieu.xlsx'): InjectOptions => ({
  method: 'POST',
  url: `/api/data-values/import-file?fileName=${name}`,
  headers: { 'content-type': 'application/octet-stream' },
  payload: file,
});
const template = (query: string): InjectOptions => ({ method: 'GET', url: `/api/data-values/template.xlsx?${query}` });
const chart = (query: string): InjectOptions => ({ method: 'GET', url: `/api/indicators/chart.xlsx?${query}` });

describe('Excel routes refuse outsiders and wrong roles, changing nothing', () => {
  it.each<[string, () => Session | null, () => InjectOptions, number]>([
    ['anonymous import', () => null, () => importFile(), 401],
    ['viewer imports', () => viewer, () => importFile(), 403],
    ['case worker imports', () => caseWorker, () => importFile(), 403],
    [
      'import without the CSRF token',
      () => null,
      () => ({ ...importFile(), headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' } }),
      403,
    ],
    ['anonymous template', () => null, () => template(`period=2025&dataSet=commune&unit=${COMMUNE_A}`), 401],
    [
      'commune officer: template of another commune',
      () => officerA,
      () => template(`period=2025&dataSet=commune&unit=${COMMUNE_B}`),
      403,
    ],
    ['commune officer: template of every commune', () => officerA, () => template('period=2025&dataSet=commune'), 403],
    ['commune officer: template of the province', () => officerA, () => template('period=2025&dataSet=province&unit=40'), 403],
    [
      'agency reporter: template of a commune',
      () => gdReporter,
      () => template(`period=2025&dataSet=commune&unit=${COMMUNE_A}`),
      403,
    ],
    [
      'agency reporter: template of another agency',
      () => gdReporter,
      () => template(`period=2025&dataSet=agency&unit=${tuphap}`),
      403,
    ],
    ['agency reporter: template of every agency', () => gdReporter, () => template('period=2025&dataSet=agency'), 403],
    ['viewer: template', () => viewer, () => template(`period=2025&dataSet=commune&unit=${COMMUNE_A}`), 403],
    ['viewer: template of every commune', () => viewer, () => template('period=2025&dataSet=commune'), 403],
    [
      'case worker: template of their commune',
      () => caseWorker,
      () => template(`period=2025&dataSet=commune&unit=${COMMUNE_A}`),
      403,
    ],
    ['template of a commune of another province', () => admin, () => template('period=2025&dataSet=commune&unit=00004'), 404],
    ['anonymous chart', () => null, () => chart('view=overview&period=2025&unit=40'), 401],
    [
      'commune officer: trend of another commune',
      () => officerA,
      () => chart(`view=trend&measure=I03_NEONATAL_MORTALITY&unit=${COMMUNE_B}`),
      403,
    ],
    [
      'commune officer: overview of another commune',
      () => officerA,
      () => chart(`view=overview&period=2025&unit=${COMMUNE_B}`),
      403,
    ],
    [
      'agency reporter: trend of a commune',
      () => gdReporter,
      () => chart(`view=trend&measure=I03_NEONATAL_MORTALITY&unit=${COMMUNE_A}`),
      403,
    ],
    ['case worker: overview of a commune', () => caseWorker, () => chart(`view=overview&period=2025&unit=${COMMUNE_A}`), 403],
    ['overview of another province', () => admin, () => chart('view=overview&period=2025&unit=01'), 404],
  ])('%s', async (_name, who, opts, status) => {
    await expectRefused(state, () => call(who(), opts()), status);
  });
});

describe('what each role may do', () => {
  it("stores a commune officer's own rows and rejects another commune's, which stays unchanged", async () => {
    const res = await followImport(t.app, officerA.headers, await call(officerA, importFile('xa-a.xlsx')));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.report;
    if (!report) throw new Error(res.body);
    expect(report).toMatchObject({ imported: 1, rejected: 2 });
    expect(report.rejectedRows.map((r) => r.row)).toEqual([3, 4]);
    expect(report.rejectedRows[0]?.reason).toEqual({
      vi: `đơn vị ${COMMUNE_B} ngoài phạm vi của bạn`,
      en: `unit ${COMMUNE_B} is outside your scope`,
    });
    const b = await t.db.kysely
      .selectFrom('data_value')
      .select(['element_code', 'value'])
      .where('unit_code', '=', COMMUNE_B)
      .execute();
    expect(b).toEqual([{ element_code: 'LIVE_BIRTHS', value: 100 }]);
    const a = await t.db.kysely
      .selectFrom('data_value')
      .select(['element_code', 'value'])
      .where('unit_code', '=', COMMUNE_A)
      .execute();
    expect(a).toEqual([{ element_code: 'LIVE_BIRTHS', value: 70 }]);
  });

  it("rejects every commune row of an agency reporter's file", async () => {
    const before = await state();
    const res = await followImport(t.app, gdReporter.headers, await call(gdReporter, importFile()));
    expect(res.report).toMatchObject({ imported: 0, unchanged: 0, rejected: 3 });
    expect(await state()).toEqual(before);
  });

  it('lets a provincial user import any commune, and each role download what it may', async () => {
    const res = await followImport(t.app, admin.headers, await call(admin, importFile()));
    expect(res.report).toMatchObject({ imported: 1, updated: 1, unchanged: 1, rejected: 0 });
    const ok = [
      [officerA, template(`period=2025&dataSet=commune&unit=${COMMUNE_A}`)],
      [gdReporter, template(`period=2025&dataSet=agency&unit=${gd}`)],
      [admin, template('period=2025&dataSet=province')],
      [officerA, chart(`view=trend&measure=I03_NEONATAL_MORTALITY&unit=${COMMUNE_A}`)],
      // the province's values are statistics for everyone signed in; the ranking for the province's readers
      [viewer, chart('view=ranking&measure=I03_NEONATAL_MORTALITY&period=2025')],
      [caseWorker, chart('view=overview&period=2025&unit=40')],
      [viewer, chart(`view=overview&period=2025&unit=${COMMUNE_B}`)],
    ] as const;
    for (const [who, opts] of ok) expect((await call(who, opts)).statusCode, String(opts.url)).toBe(200);
    for (const who of [officerA, caseWorker]) {
      expect((await call(who, chart('view=ranking&measure=I03_NEONATAL_MORTALITY&period=2025'))).statusCode).toBe(403);
    }
  });
});
