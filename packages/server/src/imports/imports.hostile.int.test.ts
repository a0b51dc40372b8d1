import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Role, type ImportJobDto } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { followImport } from '../test/imports.ts';
import { COMMUNE_A, COMMUNE_B, makeUser, signIn, signInNewUser, type Session } from '../test/factories.ts';
import { streamedXlsx, type TestCell } from '../test/xlsx.ts';
import { importSettings } from './limits.ts';
import * as repo from './repository.ts';
import { ImportRunner, importKind } from './runner.ts';
import { dataValuesImport } from '../indicators/import/service.ts';

/**
 * Hostile uploads, sent as the least-privileged role that may import (a commune officer): each is
 * refused or bounded, the server keeps answering, nothing is half-written, the good rows of a
 * mixed file are kept.
 */

const HEADER: TestCell[] = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Mã chỉ số', 'Tên chỉ số', 'Phân tổ', 'Giá trị'];
const row = (unit: string, period: string, element: string, value: TestCell, disaggregation = ''): TestCell[] => [
  unit,
  '',
  period,
  element,
  '',
  disaggregation,
  value,
];

async function dataRows(t: TestApp): Promise<number> {
  const r = await t.db.kysely
    .selectFrom('data_value')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

const uploadAs = (t: TestApp, s: Session, fileName: string, payload: Buffer, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/data-values/import-file?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...s.headers, 'content-type': 'application/octet-stream', ...headers },
    payload,
  });

describe('a million-row spreadsheet from a commune officer, with the default bounds', () => {
  let t: TestApp;
  let officer: Session;
  beforeAll(async () => {
    t = await startTestApp();
    const user = await makeUser(t.db, { role: Role.CommuneOfficer, communeCode: COMMUNE_A });
    officer = await signIn(t.app, user.username);
  });
  afterAll(async () => t.close());

  it('is refused for its row count before anything is stored, within the memory bound, while /api/health keeps answering', async () => {
    const limit = importSettings().maxRows;
    function* rows(): Generator<TestCell[]> {
      yield HEADER;
      for (let i = 0; i < 1_000_000; i++) yield row(COMMUNE_A, String(1000 + (i % 1000)), 'LIVE_BIRTHS', i % 97);
    }
    const file = streamedXlsx(rows());
    const before = await dataRows(t);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const res = await uploadAs(t, officer, 'mot-trieu-dong.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json() as ImportJobDto;

    // the health route is asked again and again while the job runs: every answer must be a 200
    const health: number[] = [];
    const jobs = { running: true };
    const idle = t.app.imports.idle().finally(() => {
      jobs.running = false;
    });
    while (jobs.running) {
      const h = await t.app.inject({ method: 'GET', url: '/api/health' });
      health.push(h.statusCode);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
    }
    await idle;

    const done = await followImport(t.app, officer.headers, res);
    expect(done.job?.id).toBe(job.id);
    expect(done.statusCode).toBe(422);
    expect(done.error?.message).toContain(`quá ${limit.toLocaleString('vi-VN')} dòng`);
    expect(await dataRows(t)).toBe(before);
    expect(health.length).toBeGreaterThan(3);
    expect(health.every((s) => s === 200)).toBe(true);
    // the file is read in a worker whose heap is bounded (TRE_IMPORT_WORKER_MB): the process grows by
    // that and the upload, never by the workbook's objects (exceljs took 4.3 GB for a 34 MB file)
    expect(peakRss - rssBefore).toBeLessThan(900 * 1024 * 1024);
  }, 300_000);
});

describe('hostile files with tight bounds', () => {
  let t: TestApp;
  let officer: Session;
  let other: Session;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp({ imports: { maxInflatedBytes: 8 * 1024 * 1024, maxRows: 1000 } });
    officer = await signInNewUser(t, { role: Role.CommuneOfficer, communeCode: COMMUNE_A });
    other = await signInNewUser(t, { role: Role.CommuneOfficer, communeCode: COMMUNE_B });
    admin = await signInNewUser(t, { role: Role.Admin });
  });
  afterAll(async () => t.close());

  it('stops a zip bomb while inflating it, at the bound, and stores nothing', async () => {
    // 60 MB of sheet in a file of well under 1 MB; its zip directory tells the truth, so nothing but counting catches it
    const bomb = streamedXlsx([HEADER, row(COMMUNE_A, '2025', 'LIVE_BIRTHS', 5)], { padding: 60 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await dataRows(t);
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'bom.xlsx', bomb));
    expect(res.statusCode).toBe(422);
    expect(res.error?.message).toBe(
      'Không đọc được tệp số liệu "bom.xlsx": tệp giải nén ra quá lớn (trên 8 MB); hãy chia nhỏ tệp',
    );
    expect(res.job?.retryable).toBe(false);
    expect(await dataRows(t)).toBe(before);
  });

  it('refuses a stretch of text that the parser would have to hold (a whitespace bomb) as it streams', async () => {
    const bomb = streamedXlsx([HEADER, row(COMMUNE_A, '2025', 'LIVE_BIRTHS', 5)], { spaces: 6 });
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'khoang-trang.xlsx', bomb));
    expect(res.statusCode).toBe(422);
    expect(res.error?.message).toContain('đoạn chữ dài quá 1 MB giữa hai thẻ XML');
  });

  it('refuses JSON nested deeper than a dataValueSets file is, before the parser slows down on it', async () => {
    const deep = `{"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)},"dataValues":[]}`;
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'sau.json', Buffer.from(deep)));
    expect(res.statusCode).toBe(422);
    expect(res.error?.message).toContain('JSON lồng nhau quá 16 tầng');
  });

  it('refuses a file over the row bound whole: not even its first rows are stored', async () => {
    const rows: TestCell[][] = [HEADER];
    for (let i = 0; i < 1001; i++) rows.push(row(COMMUNE_A, String(1000 + i), 'LIVE_BIRTHS', 1));
    const before = await dataRows(t);
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'qua-nhieu.xlsx', streamedXlsx(rows)));
    expect(res.statusCode).toBe(422);
    expect(res.error?.message).toContain('quá 1.000 dòng');
    expect(await dataRows(t)).toBe(before);
  });

  it('refuses formula cells with their cell named, never trusting the cached result, and keeps the good rows', async () => {
    const file = streamedXlsx([
      HEADER,
      row(COMMUNE_A, '2031', 'LIVE_BIRTHS', 120),
      row(COMMUNE_A, '2031', 'NEONATAL_DEATHS', { f: 'SUM(1,2)', v: 3 }),
      [{ f: 'CONCAT("166","81")', v: COMMUNE_A }, '', '2031', 'INFANT_DEATHS', '', '', 4],
      // XML cannot hold C0 controls; a text-direction override (a spoofing trick) it can
      row(COMMUNE_A, '2031', 'STILL_BIRTHS\u202e', 1),
    ]);
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'cong-thuc.xlsx', file));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.report).toMatchObject({ rows: 4, imported: 1, rejected: 3 });
    const reasons = res.report?.rejectedRows.map((r) => [r.row, r.reason.vi]);
    expect(reasons).toEqual([
      [3, 'ô G3 (cột "Giá trị") chứa công thức — hãy dán giá trị (Dán đặc biệt › Giá trị)'],
      [4, 'ô A4 (cột "Mã đơn vị") chứa công thức — hãy dán giá trị (Dán đặc biệt › Giá trị)'],
      [5, 'cột "Mã chỉ số": ký tự đảo chiều văn bản U+202E không được phép'],
    ]);
    // the refused character is not echoed back as it is: it could reverse the text around it on screen
    expect(res.report?.rejectedRows[2]?.dataElement).toBe('STILL_BIRTHS[U+202E]');
    const stored = await t.db.kysely
      .selectFrom('data_value')
      .select(['element_code', 'value'])
      .where('unit_code', '=', COMMUNE_A)
      .where('period', '=', '2031')
      .execute();
    expect(stored).toEqual([{ element_code: 'LIVE_BIRTHS', value: 120 }]);
  });

  it('lists the first 200 rejected rows in the reply and every one in the CSV, formulas in it neutralised', async () => {
    const rows: TestCell[][] = [HEADER];
    for (let i = 0; i < 450; i++) rows.push(row(COMMUNE_A, '2032', `=HYPERLINK("x",${i})`, 1));
    rows.push(row(COMMUNE_A, '2032', 'LIVE_BIRTHS', 7));
    const res = await followImport(t.app, officer.headers, await uploadAs(t, officer, 'sai.xlsx', streamedXlsx(rows)));
    expect(res.report).toMatchObject({ rows: 451, imported: 1, rejected: 450 });
    expect(res.job?.rejectedRows).toHaveLength(200);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/import-jobs/${res.job?.id}/rejections.csv`,
      headers: officer.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(451);
    expect(lines[0]).toBe(
      'Dòng / Row,Mã chỉ số / Data element,Mã đơn vị / Unit,Kỳ / Period,Phân tổ / Disaggregation,Lý do,Reason',
    );
    // Excel would run =HYPERLINK(…) typed in a CSV: the cell starts with ' instead
    expect(lines[1]).toMatch(/^2,"'=HYPERLINK\(""x"",0\)",16681,2032,,/);
  });

  it('reads the caller before the body: an unknown or unauthorised uploader is refused, not read', async () => {
    const big = Buffer.alloc(40 * 1024 * 1024, 0x41);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/data-values/import-file?fileName=x.xlsx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: big,
    });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await signInNewUser(t, { role: Role.Viewer });
    expect((await uploadAs(t, viewer, 'x.xlsx', big)).statusCode).toBe(403);
    // past the bound, for someone who may import: 413, naming the limit
    const tooBig = await uploadAs(t, officer, 'x.xlsx', Buffer.alloc(51 * 1024 * 1024, 0x41));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toEqual({ error: { code: 'FILE_TOO_LARGE', message: 'Tệp quá lớn (tối đa 50 MB)', field: 'file' } });
    // the same without a declared length (a stream): refused once past the bound, nothing left in the spool
    const chunks = Array.from({ length: 51 }, () => Buffer.alloc(1024 * 1024, 0x41));
    const streamed = await t.app.inject({
      method: 'POST',
      url: '/api/data-values/import-file?fileName=x.xlsx',
      headers: { ...officer.headers, 'content-type': 'application/octet-stream' },
      payload: Readable.from(chunks),
    });
    expect(streamed.statusCode).toBe(413);
    expect(fs.readdirSync(t.app.imports.spool.dir)).toEqual([]);
  });

  it("keeps a job to its uploader and the province's overseers", async () => {
    const res = await uploadAs(t, officer, 'rieng.xlsx', streamedXlsx([HEADER, row(COMMUNE_A, '2033', 'LIVE_BIRTHS', 1)]));
    const job = res.json() as ImportJobDto;
    await t.app.imports.idle();
    for (const path of [`/api/import-jobs/${job.id}`, `/api/import-jobs/${job.id}/rejections.csv`]) {
      expect((await t.app.inject({ method: 'GET', url: path, headers: other.headers })).statusCode).toBe(404);
    }
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/import-jobs/${job.id}/retry`, headers: other.headers })).statusCode,
    ).toBe(404);
    const mine = await t.app.inject({ method: 'GET', url: '/api/import-jobs', headers: other.headers });
    expect((mine.json() as { items: ImportJobDto[] }).items.map((j) => j.id)).not.toContain(job.id);
    const seen = await t.app.inject({ method: 'GET', url: `/api/import-jobs/${job.id}`, headers: admin.headers });
    expect(seen.json()).toMatchObject({ id: job.id, status: 'done', imported: 1 });
  });
});

describe('a job survives its runner stopping, and never runs twice', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInNewUser(t, { role: Role.Admin });
  });
  afterAll(async () => t.close());

  it('resumes after the last committed batch: every row stored exactly once', async () => {
    const rows: TestCell[][] = [HEADER];
    const communes = await t.db.kysely.selectFrom('commune').select('code').where('province_code', '=', '40').execute();
    for (const period of ['2034', '2035', '2036', '2037']) {
      for (const c of communes) rows.push(row(c.code, period, 'LIVE_BIRTHS', 10), row(c.code, period, 'NEONATAL_DEATHS', 1));
    }
    expect(rows.length).toBeGreaterThan(1000); // more than the first batch (500 rows)
    const total = rows.length - 1;
    // the app's own runner is stopped; two runners of this test share the database
    await t.app.imports.stop();
    const settings = importSettings();
    const first = new ImportRunner(t.db.kysely, settings, { singleProcess: true, spool: t.app.imports.spool });
    first.register(dataValuesImport);
    const stopped = new Promise<void>((resolve) => {
      first.onProgress((p) => {
        if (p.status === 'running' && p.rowsDone > 0) void first.stop().then(resolve);
      });
    });
    const res = await uploadAs(t, admin, 'tiep-tuc.xlsx', streamedXlsx(rows));
    const job = res.json() as ImportJobDto;
    await first.runJob(job.id);
    await stopped;
    const half = await repo.findJob(t.db.kysely, '40', job.id);
    expect(half?.status).toBe('queued');
    expect(half?.rows_done).toBeGreaterThan(0);
    expect(half?.rows_done).toBeLessThan(total);

    // a second runner may not take the job while another holds it …
    await t.db.kysely
      .updateTable('import_job')
      .set({ status: 'running', runner: 'elsewhere' })
      .where('id', '=', job.id)
      .execute();
    expect(await repo.claimJob(t.db.kysely, 'second', job.id)).toBeUndefined();
    // … and resumes it once that one is known dead (here: a PGlite restart, where every running job is stale)
    const second = new ImportRunner(t.db.kysely, settings, { singleProcess: true, spool: t.app.imports.spool });
    second.register(dataValuesImport);
    await second.start();
    await second.idle();
    await second.stop();

    const end = await repo.findJob(t.db.kysely, '40', job.id);
    expect(end).toMatchObject({ status: 'done', rows_total: total, rows_done: total, imported: total, rejected: 0, attempts: 2 });
    const history = await t.db.kysely
      .selectFrom('data_value_history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('period', 'in', ['2034', '2035', '2036', '2037'])
      .executeTakeFirstOrThrow();
    expect(history.n).toBe(total);
    // the uploaded file is gone from the spool once the job is done
    expect(t.app.imports.spool.exists(job.id)).toBe(false);
  }, 180_000);

  it('refuses a fourth waiting file of one uploader before reading it', async () => {
    // the app's runner was stopped by the test above: uploads stay queued
    const officer = await signInNewUser(t, { role: Role.CommuneOfficer, communeCode: COMMUNE_A });
    const file = streamedXlsx([HEADER, row(COMMUNE_A, '2039', 'LIVE_BIRTHS', 1)]);
    for (let i = 0; i < 3; i++) expect((await uploadAs(t, officer, `f${i}.xlsx`, file)).statusCode).toBe(202);
    const fourth = await uploadAs(t, officer, 'f3.xlsx', Buffer.alloc(30 * 1024 * 1024, 0x41));
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({
      error: { code: 'TOO_MANY_IMPORTS', message: 'Bạn đã có 3 tệp đang chờ hoặc đang nhập; hãy đợi chúng xong rồi gửi tiếp' },
    });
    // each waiting file is on disk, none in the database
    const jobs = await t.db.kysely
      .selectFrom('import_job')
      .select(['id', 'file_kept'])
      .where(
        'created_by',
        '=',
        (await t.app.inject({ method: 'GET', url: '/api/session', headers: officer.headers })).json<{ user: { id: string } }>()
          .user.id,
      )
      .execute();
    expect(jobs).toHaveLength(3);
    for (const j of jobs) expect(t.app.imports.spool.exists(j.id)).toBe(true);
  });

  it('fails a job whose storing breaks, keeps its file for a retry, and goes on with the next job', async () => {
    const runner = new ImportRunner(t.db.kysely, importSettings(), { singleProcess: true, spool: t.app.imports.spool });
    runner.register(
      importKind({
        name: 'broken',
        fieldLabels: {},
        readerHref: dataValuesImport.readerHref,
        tables: [],
        prepare: () => Promise.resolve(null),
        storeBatch: () => Promise.reject(new Error('the disk is full')),
      }),
    );
    runner.register(dataValuesImport);
    const file = streamedXlsx([HEADER, row(COMMUNE_A, '2038', 'LIVE_BIRTHS', 3)]);
    const job = async (kind: string) => {
      const row = await repo.insertJob(t.db.kysely, {
        province_code: '40',
        kind,
        file_name: `${kind}.xlsx`,
        file_size: file.length,
        created_by: null,
        created_by_name: 'cli',
      });
      fs.writeFileSync(runner.spool.jobPath(row.id), file);
      return row;
    };
    const broken = await job('broken');
    const good = await job('data_values');
    await runner.start();
    await runner.idle();
    await runner.stop();
    const failed = await repo.findJob(t.db.kysely, '40', broken.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { en: 'The import stopped on a system error (the disk is full)', retryable: true },
    });
    expect(runner.spool.exists(broken.id)).toBe(true);
    expect(runner.spool.exists(good.id)).toBe(false);
    expect(await repo.findJob(t.db.kysely, '40', good.id)).toMatchObject({ status: 'done', imported: 1 });
  });
});
