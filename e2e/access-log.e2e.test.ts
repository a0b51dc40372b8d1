import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushReadLog } from '../packages/server/src/audit/read-log.ts';
import { hashPassword } from '../packages/server/src/access/password.ts';
import { insertUser } from '../packages/server/src/access/repository.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * The access log in the browser: a commune officer reads their commune's figures and is refused
 * another's; the administrator finds both on Quản trị › Nhật ký truy cập, and the read on the
 * commune's own page ("who looked at this unit").
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const OFFICER = 'can.bo.thanh.vinh';
const OFFICER_PASSWORD = 'mat-khau-can-bo-1';

beforeAll(async () => {
  server = await startTestServer();
  await insertUser(server.db.kysely, {
    province_code: '40',
    username: OFFICER,
    display_name: 'Cán bộ Thành Vinh',
    password_hash: await hashPassword(OFFICER_PASSWORD),
    role: 'commune_officer',
    agency_id: null,
    commune_code: '16681',
  });
  // the officer's reads go through the real API, as the web would send them
  const signin = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OFFICER, password: OFFICER_PASSWORD }),
  });
  const cookie = signin.headers.get('set-cookie')?.split(';')[0] ?? '';
  const own = await fetch(`${server.url}/api/indicators/values?period=2025&unit=16681`, { headers: { cookie } });
  expect(own.status).toBe(200);
  const other = await fetch(`${server.url}/api/indicators/values?period=2025&unit=17827`, { headers: { cookie } });
  expect(other.status).toBe(403);
  await flushReadLog(server.db.kysely);

  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN' });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
});

describe('access log in the browser', () => {
  it('shows the administrator who read what, and filters the refusals', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Nhật ký truy cập' }).click();
    await page.getByRole('heading', { name: 'Nhật ký truy cập' }).waitFor();
    const table = page.getByTestId('access-log-table');
    const read = table.getByRole('row', { name: /16681/ });
    await read.waitFor();
    expect(await read.textContent()).toContain(OFFICER);
    expect(await read.textContent()).toContain('Số liệu của đơn vị');
    expect(await read.textContent()).toContain('Được xem 200');

    await page.getByRole('combobox', { name: 'Kết quả' }).click();
    await page.getByRole('option', { name: 'Bị từ chối' }).click();
    const refused = table.getByRole('row', { name: /17827/ });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Bị từ chối 403');
    await expect.poll(() => table.getByRole('row', { name: /16681/ }).count()).toBe(0);
  });

  it('shows on a commune’s page who looked at it', async () => {
    await page.getByRole('link', { name: 'Xã, phường', exact: true }).click();
    await page.getByPlaceholder('Tìm theo tên (có thể gõ không dấu)').fill('Thanh Vinh');
    await page.getByTestId('communes-table').getByRole('row', { name: /16681/ }).click();
    const panel = page.getByTestId('record-reads');
    await panel.getByText(OFFICER).first().waitFor();
    expect(await panel.textContent()).toContain('Ai đã xem đơn vị này');
  });
});
