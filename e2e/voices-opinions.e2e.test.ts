import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../packages/server/src/access/password.ts';
import { insertUser } from '../packages/server/src/access/repository.ts';
import { closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * Children's opinions in Chromium: a commune officer records a consultation with its counts, raises
 * an opinion to Sở GD&ĐT and sends it; Sở GD&ĐT's reporter answers it from the inbox; the officer
 * records that the answer was given back to the children.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const PASSWORD = 'mat-khau-thu-10';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
}

beforeAll(async () => {
  server = await startTestServer();
  const gd = await server.db.kysely
    .selectFrom('agency')
    .select('id')
    .where('short_name', '=', 'Sở GD&ĐT')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(PASSWORD);
  await insertUser(server.db.kysely, {
    province_code: '40',
    username: 'canbo.thanhvinh',
    display_name: 'Cán bộ Thành Vinh',
    password_hash: hash,
    role: 'commune_officer',
    agency_id: null,
    commune_code: '16681',
  });
  await insertUser(server.db.kysely, {
    province_code: '40',
    username: 'so.gddt',
    display_name: 'Sở GD&ĐT',
    password_hash: hash,
    role: 'agency_reporter',
    agency_id: gd.id,
    commune_code: null,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

describe('children’s opinions in the browser', () => {
  it('goes from a consultation to the answer given back to the children', async () => {
    const officer = await browser.newPage({ locale: 'vi-VN' });
    officer.setDefaultTimeout(15_000);
    await signIn(officer, 'canbo.thanhvinh');
    await officer.getByRole('link', { name: 'Ý kiến, diễn đàn' }).click();
    await officer.getByTestId('voices-new').click();
    // the empty form names its fields in Vietnamese (not the API's "topic"), and Enter submits it
    await officer.getByLabel('Địa điểm').press('Enter');
    await expect
      .poll(() => officer.getByRole('alert').first().textContent())
      .toBe('Cần nhập: Chủ đề, Đơn vị tổ chức (sở, ngành hoặc UBND xã, phường), Ngày tổ chức, Địa điểm');
    // a counts cell is named by its age group and sex, and so is its error
    await officer.getByLabel('Từ 7 đến 10 tuổi, Nam').fill('bốn');
    await officer.getByLabel('Chủ đề').fill('Lấy ý kiến trẻ em về sân chơi');
    await officer.getByLabel('Đơn vị tổ chức (sở, ngành hoặc UBND xã, phường)').fill('UBND phường Thành Vinh');
    await officer.getByLabel('Ngày tổ chức').fill('2025-05-10');
    await officer.getByLabel('Địa điểm').fill('Nhà văn hóa khối 3');
    await officer.getByTestId('voices-save').click();
    await expect
      .poll(() => officer.getByRole('alert').first().textContent())
      .toBe('Ô "Từ 7 đến 10 tuổi, Nam" phải là số nguyên từ 0 trở lên');
    await officer.getByTestId('count-7_10.male').fill('4');
    await officer.getByTestId('count-11_15.female').fill('6');
    await officer.getByTestId('voices-save').click();
    await officer.getByText('Tổng: 10 lượt trẻ em').waitFor();
    expect(await officer.getByText('Phường Thành Vinh').first().isVisible()).toBe(true);

    await officer.getByLabel('Nội dung ý kiến').fill('Đề nghị làm sân chơi an toàn gần trường');
    await officer.getByRole('combobox', { name: 'Cơ quan nhận' }).fill('Sở Giáo dục và Đào tạo');
    // the agencies are offered as the officer types; Escape closes the list over the button
    await officer.getByRole('combobox', { name: 'Cơ quan nhận' }).press('Escape');
    await officer.getByTestId('opinion-add').click();
    await officer.getByTestId('opinion-send').click();
    await officer.getByTestId('opinion-submit').click();
    await officer.getByText('Đã gửi, chờ trả lời').waitFor();

    const reporter = await browser.newPage({ locale: 'vi-VN' });
    reporter.setDefaultTimeout(15_000);
    await signIn(reporter, 'so.gddt');
    await reporter.getByRole('link', { name: 'Ý kiến trẻ em gửi đến đơn vị tôi' }).first().click();
    const inbox = reporter.getByTestId('voices-inbox');
    await inbox.getByText('Đề nghị làm sân chơi an toàn gần trường').waitFor();
    await inbox.getByTestId('opinion-answer').click();
    await inbox.getByTestId('opinion-submit').click();
    await expect.poll(() => inbox.getByRole('alert').textContent()).toBe('Cần nhập: Nội dung trả lời, Người trả lời');
    await inbox.getByLabel('Nội dung trả lời').fill('Sở sẽ bố trí sân chơi trong năm học tới');
    await inbox.getByLabel('Người trả lời').fill('Phó Giám đốc Sở');
    await inbox.getByTestId('opinion-submit').click();
    await reporter.getByText('Không có ý kiến nào chờ trả lời.').waitFor();

    await officer.reload();
    await officer.getByText('Đã trả lời, chưa phản hồi cho trẻ em').waitFor();
    await officer.getByTestId('opinion-feedBack').click();
    await officer.getByTestId('opinion-submit').click();
    await officer.getByText('Đã phản hồi cho trẻ em', { exact: true }).waitFor();
    const stored = await server.db.kysely.selectFrom('voice_opinion').select(['state', 'answered_by']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'fed_back', answered_by: 'Phó Giám đốc Sở' });
  });
});
