import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * Bodies with few questions (issue 13, part 3): a plan naming vague phrases, groups and one
 * district office written three ways leaves one question; deciding it resolves the three; the
 * decision is remembered for the next plan; a lead left unresolved is listed on the home page
 * until it is decided.
 */
const FIRST = `UBND TỈNH NGHỆ AN
KẾ HOẠCH
Thực hiện công tác trẻ em năm 2026
I. NHIỆM VỤ
1. Tổ chức Tháng hành động vì trẻ em.
- Đơn vị chủ trì: Phòng Văn hoá - Thông tin
- Đơn vị phối hợp: các địa phương; các tổ chức, đơn vị, cá nhân liên quan
2. Tuyên truyền phòng, chống đuối nước cho trẻ em.
- Đơn vị chủ trì: Phòng Văn hóa - Thông tin
- Đơn vị phối hợp: Ủy ban MTTQ Việt Nam tỉnh; gia đình và trẻ em
3. Hỗ trợ trẻ em có hoàn cảnh đặc biệt.
- Đơn vị chủ trì: Sở Lao động - Thương binh và Xã hội
- Đơn vị phối hợp: UBND các cấp; các cơ quan liên quan
4. Tổ chức Tết Trung thu cho trẻ em.
- Đơn vị chủ trì: phòng văn hóa - thông tin
- Đơn vị phối hợp: UBND các huyện, thị xã, thành phố; các địa phương
`;

const SECOND = `UBND TỈNH NGHỆ AN
KẾ HOẠCH
Thực hiện công tác trẻ em năm 2027
I. NHIỆM VỤ
1. Tổ chức Tháng hành động vì trẻ em năm 2027.
- Đơn vị chủ trì: Phòng Văn hóa - Thông tin
- Đơn vị phối hợp: các địa phương
2. Khám sàng lọc cho trẻ em.
- Đơn vị chủ trì: Trung tâm Y tế huyện Nghi Lộc
- Đơn vị phối hợp: các cơ quan liên quan
`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(15_000);
});
afterAll(() => closeBrowserAndServer(browser, server));

async function upload(name: string, text: string) {
  await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByTestId('plan-review').waitFor();
}

const question = (name: string) => page.locator(`[data-testid="body-question"][data-body="${name}"]`);

describe('bodies with few questions', () => {
  it('signs in as the standing body’s administrator', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('undecided-leads-card').getByText('Mọi nhiệm vụ đều đã có cơ quan chủ trì.').waitFor();
  });

  it('asks only the one question left: the office written three ways', async () => {
    await upload('ke-hoach-2026.txt', FIRST);
    expect(await page.getByTestId('unresolved-count').textContent()).toContain('Chưa xác định: 1');
    const open = page.getByTestId('bodies-table').getByTestId('body-question');
    expect(await open.count()).toBe(1);
    const office = question('Phòng Văn hoá - Thông tin');
    expect(await office.getByTestId('body-similar').textContent()).toBe('Áp dụng cho 3 tên tương tự');

    // the rest is resolved, with the rule shown, behind one click
    await page.getByTestId('bodies-toggle-decided').click();
    const decided = page.getByTestId('bodies-decided');
    expect(await question('các tổ chức, đơn vị, cá nhân liên quan').getByRole('combobox').inputValue()).toBe(
      'Không theo dõi (giữ nguyên tên)',
    );
    expect(await question('các địa phương').getByTestId('body-rule').textContent()).toContain(
      '“các địa phương” là các xã, phường',
    );
    expect(await question('Sở Lao động - Thương binh và Xã hội').getByRole('combobox').inputValue()).toBe('Sở Y tế');
    expect(await question('Sở Lao động - Thương binh và Xã hội').getByTestId('body-rule').textContent()).toContain(
      'chuyển sang Sở Y tế',
    );
    expect(await decided.getByTestId('body-question').count()).toBeGreaterThanOrEqual(8);
  });

  it('resolves the three spellings with one decision, and saves without a warning', async () => {
    const select = page.getByRole('combobox', { name: 'Cơ quan ứng với "Phòng Văn hoá - Thông tin"', exact: true });
    await select.click();
    await select.fill('Sở VH');
    await page.getByRole('option', { name: 'Sở VHTTDL', exact: true }).click();
    const applied = page.getByTestId('body-applied');
    await applied.getByText('cho 3 tên', { exact: false }).waitFor();
    expect(await applied.textContent()).toContain('phòng văn hóa - thông tin');
    await page.getByText('Mọi cơ quan đều đã xác định.').waitFor();
    expect(await question('Phòng Văn hoá - Thông tin').getByRole('combobox').inputValue()).toBe('Sở VHTTDL');

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByTestId('plan-title').waitFor();
  });

  it('applies the remembered decision to the next plan, saying so, and asks only about the new name', async () => {
    await upload('ke-hoach-2027.txt', SECOND);
    expect(await page.getByTestId('unresolved-count').textContent()).toContain('Chưa xác định: 1');
    await question('Trung tâm Y tế huyện Nghi Lộc').waitFor();
    await page.getByTestId('bodies-toggle-decided').click();
    const office = question('Phòng Văn hóa - Thông tin');
    expect(await office.getByRole('combobox').inputValue()).toBe('Sở VHTTDL');
    const badge = office.getByTestId('body-remembered');
    expect(await badge.textContent()).toBe('Đã ghi nhớ');
    expect(await badge.getAttribute('title')).toContain('Quản trị hệ thống');
  });

  it('saves with a warning about the undecided lead, which the home page lists until it is decided', async () => {
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lưu kế hoạch dù có cảnh báo?' });
    await dialog.getByText('Trung tâm Y tế huyện Nghi Lộc', { exact: false }).waitFor();
    expect(await dialog.textContent()).toContain('1 nhiệm vụ chưa xác định cơ quan chủ trì');
    await dialog.getByTestId('plan-save-anyway').click();
    await page.getByTestId('plan-title').waitFor();

    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    const row = page.getByTestId('plans-table').getByRole('row').filter({ hasText: '2027' });
    expect(await row.getByTestId('plan-undecided-lead-count').textContent()).toBe('1 nhiệm vụ');

    await page.getByRole('link', { name: 'Trang chủ' }).click();
    const card = page.getByTestId('undecided-leads-card');
    await card.getByText('Trung tâm Y tế huyện Nghi Lộc').waitFor();
    expect(await card.getByTestId('undecided-leads-plan').count()).toBe(1);

    // from the card to the plan's bodies, where it is decided
    await card.getByRole('link').first().click();
    await page.getByTestId('plan-undecided-leads').waitFor();
    const select = page.getByRole('combobox', { name: 'Cơ quan ứng với "Trung tâm Y tế huyện Nghi Lộc"', exact: true });
    await select.click();
    await select.fill('Sở Y');
    await page.getByRole('option', { name: 'Sở Y tế', exact: true }).click();
    await page.getByTestId('plan-undecided-leads').waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByTestId('undecided-leads-card').getByText('Mọi nhiệm vụ đều đã có cơ quan chủ trì.').waitFor();
  });
});
