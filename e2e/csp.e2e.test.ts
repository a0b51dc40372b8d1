import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * The built web app under the Content-Security-Policy the server really sends (http/security-headers.ts):
 * every page visited here must draw without the browser refusing a script, a style, an image or a
 * request. A directive tightened beyond what Mantine, ECharts or Vite's build need fails here.
 */
const MEASURE = 'I14_BIRTH_REGISTRATION_U5';
const COMMUNE = '16681';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const violations: string[] = [];
const refusals: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(15_000);
  // every violation the document reports, from the first script on, before the app's own code runs
  await page.exposeFunction('__treCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __treCspViolation: (v: string) => void }).__treCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // and the console's "Refused to …" lines, which also cover what is refused before a listener exists
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

describe('the web app under its Content-Security-Policy', () => {
  it('is served with the policy', async () => {
    const res = await page.goto(server.url);
    const csp = (await res?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('signs in, enters figures and draws the dashboard, a chart with its tooltip, plans and users with no violation', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();

    // the entry form: a save that the page must lay out well enough to click
    await page.goto(`${server.url}/indicators/entry?unit=${COMMUNE}&period=2025&dataSet=commune`);
    await page.getByTestId('entry-value-CHILDREN_U5').fill('100');
    await page.getByTestId('entry-value-CHILDREN_U5_BIRTH_REGISTERED').fill('95');
    await page.getByTestId('entry-save').click();
    await expect.poll(async () => (await page.getByTestId('entry-result').textContent()) ?? '').toContain('2 số liệu mới');

    // the indicators dashboard with the province's value
    await page.goto(`${server.url}/indicators?unit=40&period=2025`);
    expect(await page.getByTestId(`measure-value-${MEASURE}`).textContent()).toContain('95');

    // ECharts: the lazily loaded chunk, its SVG, and the tooltip it writes as HTML on hover
    await page.goto(`${server.url}/indicators/measures/${MEASURE}?unit=40&period=2025`);
    const chart = page.getByTestId('trend-chart');
    await chart.locator('svg').first().waitFor();
    const box = await chart.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      for (let x = 0.1; x < 1; x += 0.1) await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.6);
    }
    // ECharts' tooltip element (its z-index is ECharts' own), drawn with the series under the pointer
    const tooltip = chart.locator('div[style*="9999999"]');
    await tooltip.first().waitFor();
    expect(await tooltip.first().textContent()).toContain('Kết quả');

    await page.goto(`${server.url}/plans`);
    await page.getByRole('heading').first().waitFor();
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('admin', { exact: true }).first().waitFor();

    // Mantine's theme applied (its <style> elements were let in): the page's content starts right of
    // the navigation instead of under it, as it does when those styles are refused
    const nav = await page.locator('nav').first().boundingBox();
    const content = await page.locator('main').getByRole('heading').first().boundingBox();
    expect(nav && content && content.x >= nav.x + nav.width).toBe(true);

    expect(violations).toEqual([]);
    expect(refusals).toEqual([]);
  });
});
