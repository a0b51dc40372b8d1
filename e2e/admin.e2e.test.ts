import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN' });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

async function signIn(username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('administrator in the browser', () => {
  it('is refused with a Vietnamese message on a wrong password', async () => {
    await page.goto(server.url);
    await signIn('admin', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('signs in, creates a user and sees it listed', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Xin chào, Quản trị hệ thống' }).waitFor();
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('mai.pham');
    await dialog.getByLabel('Họ và tên').fill('Phạm Thị Mai');
    await dialog.locator('input[name="password"]').fill('mat-khau-cua-mai');
    await dialog.getByLabel('Vai trò').click();
    await page.getByRole('option', { name: 'Cán bộ xã, phường' }).click();
    await dialog.getByLabel(/^Xã, phường/).fill('Nghi Lộc');
    await page.getByRole('option', { name: 'Xã Nghi Lộc (17827)' }).click();
    await dialog.getByRole('button', { name: 'Tạo' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('users-table').getByRole('row', { name: /mai\.pham/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Phạm Thị Mai');
    expect(await row.textContent()).toContain('Xã Nghi Lộc');

    const stored = await server.db.kysely
      .selectFrom('app_user')
      .select(['role', 'commune_code'])
      .where('username', '=', 'mai.pham')
      .executeTakeFirst();
    expect(stored).toEqual({ role: 'commune_officer', commune_code: '17827' });
  });

  it('shows the field error from the server when the password is too short', async () => {
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('ngan');
    await dialog.getByLabel('Họ và tên').fill('Ngắn');
    await dialog.locator('input[name="password"]').fill('123');
    await dialog.getByLabel('Vai trò').click();
    await page.getByRole('option', { name: 'Lãnh đạo, người xem' }).click();
    await dialog.getByRole('button', { name: 'Tạo' }).click();
    await dialog.getByText('Mật khẩu phải có ít nhất 10 ký tự').waitFor();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('edits the user: a new name and a commune case worker role', async () => {
    const row = page.getByTestId('users-table').getByRole('row', { name: /mai\.pham/ });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Họ và tên/).fill('Phạm Thị Mai Anh');
    await dialog.getByLabel('Vai trò').click();
    await page.getByRole('option', { name: 'Nhân viên công tác xã hội' }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('users-table').getByText('Phạm Thị Mai Anh').waitFor();
    const stored = await server.db.kysely
      .selectFrom('app_user')
      .select(['role', 'commune_code', 'display_name'])
      .where('username', '=', 'mai.pham')
      .executeTakeFirst();
    expect(stored).toEqual({ role: 'case_worker', commune_code: '17827', display_name: 'Phạm Thị Mai Anh' });
  });

  it('finds the creation in the audit log and switches to English', async () => {
    await page.getByRole('link', { name: 'Nhật ký hệ thống' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText('mai.pham').first().waitFor();
    // actions and objects by their names, not their codes, in either language
    await table.getByRole('cell', { name: 'Đăng nhập', exact: true }).first().waitFor();
    await page.getByText('English').click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Audit log');
    await table.getByRole('cell', { name: 'Signed in', exact: true }).first().waitFor();
    await page.getByText('Tiếng Việt').click();
  });

  it('lets the new case worker in, scoped to the commune, without the administration menu', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn('mai.pham', 'mat-khau-cua-mai');
    await page.getByRole('heading', { name: 'Xin chào, Phạm Thị Mai Anh' }).waitFor();
    await page.getByText('Xã Nghi Lộc (mã 17827)').waitFor();
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nhật ký hệ thống' }).count()).toBe(0);
  });

  it('lets the case worker replace the password the administrator chose, and sign in with the new one', async () => {
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog', { name: 'Đổi mật khẩu' });
    await dialog.getByLabel('Mật khẩu hiện tại').fill('mat-khau-cua-mai');
    await dialog.getByLabel(/^Mật khẩu mới/).fill('mat-khau-moi-cua-mai');
    await dialog.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-cua-mai-sai');
    await dialog.getByTestId('password-save').click();
    await dialog.getByText('Hai lần nhập mật khẩu mới không giống nhau').waitFor();
    await dialog.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-cua-mai');
    await dialog.getByTestId('password-save').click();
    await dialog.getByTestId('password-changed').waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn('mai.pham', 'mat-khau-moi-cua-mai');
    await page.getByRole('heading', { name: 'Xin chào, Phạm Thị Mai Anh' }).waitFor();
  });
});
