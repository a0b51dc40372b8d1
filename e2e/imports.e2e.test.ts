import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamedXlsx, type TestCell } from '../packages/server/src/test/xlsx.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A figures file imported from the web as a job: the progress bar while it runs, the result with
 * its rejected rows (a formula, a negative count), the full list as a CSV download, and the same
 * result again after leaving the page and coming back.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-e2e-import-'));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER: TestCell[] = ['Mã đơn vị', 'Tên đơn vị', 'Kỳ', 'Mã chỉ số', 'Tên chỉ số', 'Phân tổ', 'Giá trị'];

/** Every period code from 1990 on: years, half-years, quarters and months. */
function periods(): string[] {
  const out: string[] = [];
  for (let y = 1990; y <= 2100; y++) {
    out.push(String(y), `${y}S1`, `${y}S2`, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`);
    for (let m = 1; m <= 12; m++) out.push(`${y}${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** 20,000 good rows (enough for the bar to be seen moving), then a formula and a negative count. */
function figuresFile(): string {
  const rows: TestCell[][] = [HEADER];
  for (const period of periods().slice(0, 2000)) {
    for (const commune of ['16681', '17827']) {
      for (const element of ['LIVE_BIRTHS', 'NEONATAL_DEATHS', 'INFANT_DEATHS', 'CHILDREN_U5', 'CHILDREN_U5_BIRTH_REGISTERED']) {
        rows.push([commune, '', period, element, '', '', (rows.length % 50) + 1]);
      }
    }
  }
  rows.push(['16681', '', '2025', 'LIVE_BIRTHS', '', '', { f: 'SUM(100,20)', v: 120 }]);
  rows.push(['16681', '', '2025', 'NEONATAL_DEATHS', '', '', -2]);
  const file = path.join(dir, 'so-lieu-tinh.xlsx');
  fs.writeFileSync(file, streamedXlsx(rows));
  return file;
}

describe('importing a figures file in the browser', () => {
  it('shows the job progressing, then its result and rejected rows, and keeps it after leaving', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.goto(`${server.url}/indicators/import`);
    await page.getByTestId('import-file').setInputFiles(figuresFile());
    // the job runs: its progress bar is shown with what it has done, and the address names the job
    await page.getByTestId('import-progress').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);
    const jobUrl = page.url();

    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    const count = async (label: string) => (await page.getByTestId(`import-count-${label}`).textContent()) ?? '';
    expect(await count('importRows')).toBe('20.002');
    expect(await count('importImported')).toBe('20.000');
    expect(await count('importRejected')).toBe('2');
    const rejected = await page.getByTestId('import-rejected-row').allTextContents();
    expect(rejected[0]).toContain('chứa công thức — hãy dán giá trị');
    expect(rejected[1]).toContain('số âm (-2) không hợp lệ');

    // every rejected row as a CSV file, downloaded by the browser
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejections-csv').click()]);
    const csv = path.join(dir, 'rejected.csv');
    await download.saveAs(csv);
    const lines = fs
      .readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^20002,LIVE_BIRTHS,16681,2025,/);

    // leave and come back: the job's result is still there, and it is listed among recent imports
    await page.goto(`${server.url}/`);
    await page.goto(jobUrl);
    await report.waitFor();
    expect(await count('importImported')).toBe('20.000');
    expect(await page.getByTestId('import-recent').textContent()).toContain('so-lieu-tinh.xlsx');
  }, 240_000);
});
