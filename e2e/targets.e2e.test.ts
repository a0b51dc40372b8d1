import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../packages/server/src/test/factories.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A plan's targets kept and editable (issue 13, part 4), in Chromium: the review says what each
 * target will map to; on the saved plan a target is corrected and the indicator dashboard's
 * progress changes; an unmapped target is mapped with one click and the dashboard follows.
 *
 * Figures of commune A, 2025: HIV from mother to child 1 / 100 = 1 %; child marriages 2024
 * 50 / 1000 = 5 %, 2025 48 / 1000 = 4.8 %: a fall of (5 − 4.8) / 5 = 4 %.
 */
const PLAN = `UBND TỈNH NGHỆ AN
KẾ HOẠCH
Thực hiện Chương trình hành động vì trẻ em giai đoạn 2021 - 2030
I. MỤC TIÊU
- Chỉ tiêu 3: Giảm tỷ suất tử vong trẻ em dưới 9 vào năm 2030.
- Chỉ tiêu 6: Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2030.
- Chỉ tiêu 13: Duy trì mức giảm số cuộc tảo hôn từ 4-5% hằng năm.
`;
const HIV = 'I06_HIV_MOTHER_TO_CHILD';
const NEONATAL = 'I03_NEONATAL_MORTALITY';
const MARRIAGE = 'I13_CHILD_MARRIAGE';
const COMMUNE_A = '16681';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
let planUrl = '';

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(15_000);
  const admin = await signIn(server.app, 'admin', ADMIN_PASSWORD);
  const row = (dataElement: string, period: string, value: number) => ({
    dataElement,
    orgUnit: COMMUNE_A,
    period,
    value: String(value),
  });
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/data-values/import',
    headers: admin.headers,
    payload: {
      dataValues: [
        row('HIV_EXPOSED_INFANTS', '2025', 100),
        row('HIV_EXPOSED_INFANTS_INFECTED', '2025', 1),
        row('MARRIAGES_TOTAL', '2024', 1000),
        row('CHILD_MARRIAGES', '2024', 50),
        row('MARRIAGES_TOTAL', '2025', 1000),
        row('CHILD_MARRIAGES', '2025', 48),
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

/** The dashboard row of a measure, province 2025: its status and its target's text. */
async function dashboard(measure: string): Promise<{ status: string | null; target: string }> {
  await page.goto(`${server.url}/indicators?unit=40&period=2025`);
  const status = page.getByTestId(`status-${measure}`);
  await status.waitFor();
  const row = page.getByRole('row').filter({ has: status });
  return { status: await status.getAttribute('data-status'), target: (await row.textContent()) ?? '' };
}

async function openTargets(): Promise<void> {
  await page.goto(planUrl);
  await page.getByRole('tab', { name: /^Chỉ tiêu/ }).click();
  await page.getByTestId('measure-targets-table').waitFor();
}

describe('a plan’s targets in the browser', () => {
  it('reviews a plan: each target says what it will map to, or why not', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/plans/import`);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'ke-hoach.txt', mimeType: 'text/plain', buffer: Buffer.from(PLAN) });
    await page.getByTestId('plan-review').waitFor();
    await page.getByRole('tab', { name: /^Chỉ tiêu/ }).click();
    const editors = page.getByTestId('indicator-editor');
    // "là 2%": no comparison written, ≤ from the direction of the HIV transmission rate
    await expect
      .poll(async () => (await editors.nth(1).getByTestId('review-target-mapped').textContent()) ?? '')
      .toMatch(/≤\s2\s?%.*chiều của phép đo/);
    // indicator 3 has three measures and the wording names none
    expect(await editors.nth(0).getByTestId('review-target-unmapped').textContent()).toContain('nhiều phép đo');
    // the yearly reduction is a change, not a level "≤ 5 %"
    expect(await editors.nth(2).getByTestId('review-relative').textContent()).toContain('giảm ≥ 4–5 % mỗi năm');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.waitForURL((url) => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname));
    planUrl = page.url();
  });

  it('shows the derived comparison and judges the yearly reduction on the change achieved', async () => {
    await openTargets();
    expect(await page.getByTestId('target-how-1.0').textContent()).toContain('lấy theo chiều của phép đo (thấp hơn là tốt)');
    // the plan's own table writes the yearly reduction as a change too
    expect(await page.getByTestId('indicators-table').textContent()).toContain('giảm ≥ 4–5 % mỗi năm so với năm trước');
    const marriage = await dashboard(MARRIAGE);
    expect(marriage.status).toBe('met');
    expect(marriage.target).toContain('giảm ≥ 4–5 % mỗi năm');
    expect(marriage.target).toMatch(/Mức giảm đạt được: 4\s?%/);
  });

  it('corrects a target and the dashboard’s progress changes: 1 % met "≤ 2 %", at risk against "< 0,5 %"', async () => {
    expect((await dashboard(HIV)).status).toBe('met');
    await openTargets();
    await page.getByTestId('target-edit-1.0').click();
    const form = page.getByTestId('target-form');
    await form.waitFor();
    await form.getByTestId('target-op').click();
    await page.getByRole('option', { name: '<', exact: true }).click();
    await form.getByTestId('target-value').fill('0,5');
    await form.getByTestId('target-save').click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await page.getByTestId('target-text-1.0').textContent()) ?? '').toMatch(/2030: <\s0,5\s?%/);
    // the plan's table of indicators shows the corrected target without reloading the page
    await expect.poll(async () => (await page.getByTestId('indicators-table').textContent()) ?? '').toMatch(/< 0,5 %/);
    const hiv = await dashboard(HIV);
    expect(hiv.status).toBe('at_risk');
    expect(hiv.target).toMatch(/<\s0,5\s?%/);
  });

  it('maps an unmapped target with one click, and the dashboard follows', async () => {
    expect((await dashboard(NEONATAL)).target).toContain('Chưa có chỉ tiêu');
    await openTargets();
    const unmapped = page.getByTestId('unmapped-0.0');
    await unmapped.waitFor();
    await unmapped.getByTestId(`unmapped-choose-0.0-${NEONATAL}`).click();
    await page.getByTestId(`measure-target-${NEONATAL}`).waitFor();
    await unmapped.waitFor({ state: 'detached' });
    expect(await page.getByTestId('target-how-0.0').textContent()).toContain('phép đo do người dùng chọn');
    const neonatal = await dashboard(NEONATAL);
    expect(neonatal.target).toMatch(/<\s9\s?‰ \(2030\)/);
  });
});
