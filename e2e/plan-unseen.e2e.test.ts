import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../packages/server/src/test/factories.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * Issue 13 end to end, as a provincial officer meets a plan Tre has never seen: task blocks
 * written as bullets ("- a) Đơn vị chủ trì: …") read as three tasks with their whole path, not as
 * fragments; of the many bodies named only the district office (written two ways) is asked about;
 * one decision resolves both spellings; leaving by the menu or by Back asks first; after saving, a
 * target is corrected and the indicator dashboard follows.
 *
 * Figures of commune A, 2026: HIV from mother to child 1 / 100 = 1 %, which meets "≤ 2 %" and not
 * "< 0,5 %".
 */
const PLAN = `ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 41/KH-UBND
Nghệ An, ngày 12 tháng 01 năm 2026
KẾ HOẠCH
Chăm sóc trẻ em có hoàn cảnh đặc biệt năm 2026
I. MỤC TIÊU
- Chỉ tiêu 6: Tỷ lệ lây truyền HIV từ mẹ sang con là 2% vào năm 2026.
II. NHIỆM VỤ
1. Rà soát trẻ em có hoàn cảnh đặc biệt theo 14 nhóm.
- a) Đơn vị chủ trì: Phòng Văn hoá - Thông tin.
- b) Đơn vị phối hợp: các địa phương; các tổ chức, cá nhân liên quan.
- c) Thời gian thực hiện: Quý I/2026.
2. Tổ chức Tháng hành động vì trẻ em.
- a) Đơn vị chủ trì: Phòng Văn hóa - Thông tin.
- b) Đơn vị phối hợp: Ủy ban MTTQ Việt Nam tỉnh; gia đình và trẻ em.
- c) Thời gian thực hiện: Tháng 6/2026.
3. Hỗ trợ trẻ em khuyết tật tiếp cận dịch vụ phục hồi chức năng.
- a) Đơn vị chủ trì: Sở Y tế.
- b) Đơn vị phối hợp: UBND các cấp; Tỉnh Đoàn.
- c) Thời gian thực hiện: Thường xuyên.
III. TỔ CHỨC THỰC HIỆN
1. Kinh phí thực hiện: ngân sách nhà nước theo phân cấp hiện hành.
2. Chế độ báo cáo: các sở, ngành, UBND các xã, phường báo cáo kết quả năm trước ngày 15/11/2026 về Sở Y tế.
`;
const HIV = 'I06_HIV_MOTHER_TO_CHILD';
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
  const value = (dataElement: string, n: number) => ({ dataElement, orgUnit: COMMUNE_A, period: '2026', value: String(n) });
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/data-values/import',
    headers: admin.headers,
    payload: { dataValues: [value('HIV_EXPOSED_INFANTS', 100), value('HIV_EXPOSED_INFANTS_INFECTED', 1)] },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => closeBrowserAndServer(browser, server));

const question = (name: string) => page.locator(`[data-testid="body-question"][data-body="${name}"]`);
const leaveDialog = () => page.getByRole('dialog', { name: 'Kế hoạch chưa được lưu' });

async function hivOnDashboard(): Promise<{ status: string | null; row: string }> {
  await page.goto(`${server.url}/indicators?unit=40&period=2026`);
  const status = page.getByTestId(`status-${HIV}`);
  await status.waitFor();
  const row = page.getByRole('row').filter({ has: status });
  return { status: await status.getAttribute('data-status'), row: (await row.textContent()) ?? '' };
}

describe('a plan Tre has never seen, from upload to the dashboard', () => {
  it('reads the bulleted blocks as three tasks with their paths, and the funding and reporting paragraphs as notes', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'ke-hoach-41.txt', mimeType: 'text/plain', buffer: Buffer.from(PLAN) });
    await page.getByTestId('plan-review').waitFor();

    await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
    const tasks = page.getByTestId('task-editor');
    await expect.poll(() => tasks.count()).toBe(3);
    const paths = await Promise.all([0, 1, 2].map(async (i) => (await tasks.nth(i).textContent()) ?? ''));
    expect(paths.map((t) => /II\.\d/.exec(t)?.[0])).toEqual(['II.1', 'II.2', 'II.3']);
    // the lines a task was not made of say why
    const source = page.getByTestId('source-pane');
    await source.getByText('Đoạn về kinh phí', { exact: false }).first().waitFor();
  });

  it('asks about the district office only, and one decision resolves both spellings', async () => {
    await page.getByRole('tab', { name: /^Cơ quan được nêu/ }).click();
    expect(await page.getByTestId('unresolved-count').textContent()).toContain('Chưa xác định: 1');
    expect(await page.getByTestId('bodies-table').getByTestId('body-question').count()).toBe(1);
    const select = page.getByRole('combobox', { name: 'Cơ quan ứng với "Phòng Văn hoá - Thông tin"', exact: true });
    await select.click();
    await select.fill('Sở VH');
    await page.getByRole('option', { name: 'Sở VHTTDL', exact: true }).click();
    await page.getByTestId('body-applied').getByText('cho 2 tên', { exact: false }).waitFor();
    await page.getByText('Mọi cơ quan đều đã xác định.').waitFor();
    await page.getByTestId('bodies-toggle-decided').click();
    // both spellings are one question, decided once
    expect(await question('Phòng Văn hoá - Thông tin').getByRole('combobox').inputValue()).toBe('Sở VHTTDL');
    expect(await question('Phòng Văn hóa - Thông tin').count()).toBe(0);
    expect(await question('các tổ chức, cá nhân liên quan').getByRole('combobox').inputValue()).toBe(
      'Không theo dõi (giữ nguyên tên)',
    );
  });

  it('asks before the menu or the Back button leaves the review, and staying keeps the decision', async () => {
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await leaveDialog().waitFor();
    await leaveDialog().getByTestId('plan-leave-stay').click();
    await leaveDialog().waitFor({ state: 'hidden' });
    await page.goBack();
    await leaveDialog().waitFor();
    await leaveDialog().getByTestId('plan-leave-stay').click();
    await leaveDialog().waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/plans\/import$/);
    expect(await question('Phòng Văn hoá - Thông tin').getByRole('combobox').inputValue()).toBe('Sở VHTTDL');
  });

  it('saves, and the tasks of the agency decided show the role and the path', async () => {
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.waitForURL((url) => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname));
    planUrl = page.url();
    const agency = page.getByRole('combobox', { name: 'Cơ quan', exact: true });
    await agency.click();
    await agency.fill('Sở VH');
    await page.getByRole('option', { name: 'Sở VHTTDL', exact: true }).click();
    const cards = page.getByTestId('plan-task');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.first().getByTestId('body-role').textContent()).toBe('Chủ trì');
    expect(await cards.first().textContent()).toContain('II.1');
  });

  it('corrects the target after saving, and the dashboard’s progress changes', async () => {
    expect((await hivOnDashboard()).status).toBe('met');
    await page.goto(planUrl);
    await page.getByRole('tab', { name: /^Chỉ tiêu/ }).click();
    await page.getByTestId('measure-targets-table').waitFor();
    await page.getByTestId('target-edit-0.0').click();
    const form = page.getByTestId('target-form');
    await form.waitFor();
    await form.getByTestId('target-op').click();
    await page.getByRole('option', { name: '<', exact: true }).click();
    await form.getByTestId('target-value').fill('0,5');
    await form.getByTestId('target-save').click();
    await form.waitFor({ state: 'hidden' });
    const hiv = await hivOnDashboard();
    expect(hiv.status).toBe('at_risk');
    expect(hiv.row).toMatch(/<\s0,5\s?%/);
  });
});
