import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * Figures entered for communes reach the province's value and its chart: indicator 14, birth
 * registration of children under 5 = Σ registered / Σ children under 5 over the communes that reported.
 *   commune B alone: 180 / 200 = 90 %
 *   A and B:        (95 + 180) / (100 + 200) = 275 / 300 = 91.67 %
 */
const MEASURE = 'I14_BIRTH_REGISTRATION_U5';
const PROVINCE = '40';
const COMMUNE_A = '16681';
const COMMUNE_B = '17827';
const PERIOD = '2025';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

async function enterFigures(commune: string, registered: number, children: number): Promise<void> {
  await page.goto(`${server.url}/indicators/entry?unit=${commune}&period=${PERIOD}&dataSet=commune`);
  const total = page.getByTestId('entry-value-CHILDREN_U5');
  await total.waitFor();
  await total.fill(String(children));
  await page.getByTestId('entry-value-CHILDREN_U5_BIRTH_REGISTERED').fill(String(registered));
  await page.getByTestId('entry-save').click();
  await expect.poll(async () => (await page.getByTestId('entry-result').textContent()) ?? '').toContain('2 số liệu mới');
}

async function provinceValue(): Promise<string> {
  await page.goto(`${server.url}/indicators?unit=${PROVINCE}&period=${PERIOD}`);
  const value = page.getByTestId(`measure-value-${MEASURE}`);
  await value.waitFor();
  return (await value.textContent()) ?? '';
}

/** The trend chart of the province: its accessible summary and its drawn SVG. */
async function provinceChart(): Promise<{ label: string; svg: string; table: string }> {
  await page.goto(`${server.url}/indicators/measures/${MEASURE}?unit=${PROVINCE}&period=${PERIOD}`);
  const chart = page.getByTestId('trend-chart');
  await chart.locator('svg').first().waitFor();
  const table = page.getByTestId('trend-table');
  await table.waitFor();
  return {
    label: (await chart.getAttribute('aria-label')) ?? '',
    svg: await chart.locator('svg').first().innerHTML(),
    table: (await table.textContent()) ?? '',
  };
}

describe('indicators in the browser', () => {
  it('signs in and shows no province figure before anything is entered', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
    // the home page's indicators line: no plan yet, so no measure has a target to be judged against
    const card = page.getByTestId('indicators-card');
    await card.locator('[data-status="no_target"]').waitFor();
    expect(await card.locator('[data-status="met"]').count()).toBe(0);
    expect(await provinceValue()).toContain('Chưa có số liệu');
  });

  let before: Awaited<ReturnType<typeof provinceChart>>;

  it('enters a commune’s figures and sees the province value and chart', async () => {
    await enterFigures(COMMUNE_B, 180, 200);
    expect(await provinceValue()).toMatch(/^90(,0+)?\s?%/);
    before = await provinceChart();
    expect(before.label).toMatch(/90(,0+)?/);
    expect(before.table).toMatch(/90(,0+)?\s?%/);
  });

  it('enters a second commune and the province value and chart change to the sum of counts', async () => {
    await enterFigures(COMMUNE_A, 95, 100);
    // 275 / 300, never the average of 95 % and 90 % (92.5 %)
    expect(await provinceValue()).toMatch(/^91,67?\s?%/);
    const after = await provinceChart();
    expect(after.label).toMatch(/91,67?/);
    expect(after.svg).not.toBe(before.svg);
    expect(after.table).toMatch(/2\/\d+/); // two communes reported
  });

  it('ranks the communes and drills down from the province to one commune', async () => {
    const ranking = page.getByTestId('ranking-table');
    await ranking.waitFor();
    const first = ranking.getByTestId(`ranking-row-${COMMUNE_A}`);
    expect(await first.textContent()).toMatch(/95(,0+)?\s?%/);

    // the chart's data as Excel, downloaded by the browser: the province's 2025 value is 275 / 300
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trend-excel').click()]);
    const file = path.join(os.tmpdir(), `tre-e2e-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    fs.rmSync(file);
    const numbers: number[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers.some((n) => Math.abs(n - (275 / 300) * 100) < 1e-6)).toBe(true);
    expect(numbers).toContain(275);
    expect(numbers).toContain(300);

    await first.click();
    await expect.poll(() => page.url()).toContain(`unit=${COMMUNE_A}`);
    const table = page.getByTestId('trend-table');
    await expect.poll(async () => (await table.textContent()) ?? '').toMatch(/95(,0+)?\s?%/);
  });
});
