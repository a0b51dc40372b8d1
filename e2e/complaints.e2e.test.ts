import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_A, PASSWORD, makeUser } from '../packages/server/src/test/factories.ts';
import { closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A complaint about a child's right to school in Chromium (issue 17 §3): a commune officer of
 * Phường Thành Vinh finds "Khiếu nại, tố cáo" under "Tiếng nói trẻ em", records a letter of
 * complaint (the anonymous switch shows for a denunciation only), names a colleague as supervisor,
 * accepts it with its decision number — the acceptance clock is met, the resolution clock runs — and
 * reads who complained in the protected panel; the supervisor extends the time once, and a second
 * extension is refused with the law's limit in words.
 */
const HANDLER = 'Hà Thị Lan';
const SUPERVISOR = 'Nguyễn Văn Tùng';
const COMPLAINANT = 'Ông Hà Văn Bình';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let handler: Page;
let supervisor: Page;
let complaintUrl = '';

async function open(): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
}

const status = (page: Page) => page.getByTestId('complaint-status').getAttribute('data-status');
const clockState = (page: Page, kind: string) =>
  page.getByTestId('complaint-clocks').locator(`[data-clock="${kind}"]`).getAttribute('data-clock-state');

beforeAll(async () => {
  server = await startTestServer();
  const named = async (username: string, displayName: string) => {
    const user = await makeUser(server.db, { role: 'commune_officer', communeCode: COMMUNE_A, username });
    await server.db.kysely.updateTable('app_user').set({ display_name: displayName }).where('id', '=', user.id).execute();
  };
  await named('canbo-lan', HANDLER);
  await named('canbo-tung', SUPERVISOR);
  browser = await launchBrowser();
  handler = await open();
  supervisor = await open();
});
afterAll(() => closeBrowserAndServer(browser, server));

describe('a complaint in the browser', () => {
  it('is recorded by the commune officer from the children’s voices menu', async () => {
    await signIn(handler, 'canbo-lan');
    await expect.poll(() => handler.getByTestId('nav-group-voices').textContent()).toBe('Tiếng nói trẻ em');
    await handler.getByRole('link', { name: 'Khiếu nại, tố cáo' }).click();
    await handler.getByTestId('complaints-new').click();
    // a complaint names its complainant: no anonymous switch until the kind is a denunciation
    expect(await handler.getByTestId('complaint-anonymous').count()).toBe(0);
    await handler.getByTestId('complaint-kind-denunciation').check();
    await handler.getByTestId('complaint-anonymous').waitFor({ state: 'attached' });
    await handler.getByTestId('complaint-kind-complaint').check();
    // a field left empty is named in words, under the field, before the server is asked
    await handler.getByTestId('complaint-save').click();
    await expect.poll(() => handler.getByRole('alert').first().textContent()).toBe('Chưa nhập nội dung đơn');
    expect(await handler.getByTestId('complaint-content').getAttribute('aria-invalid')).toBe('true');
    await handler.getByTestId('complaint-content').fill('Nhà trường không nhận cháu vào lớp 1 vì chưa có hộ khẩu.');
    await handler.getByTestId('complaint-name').fill(COMPLAINANT);
    await handler.getByTestId('complaint-address').fill('Khối 5, phường Thành Vinh');
    await handler.getByTestId('complaint-save').click();
    // not the server's 'Trường "supervisorId": … UUID'
    await expect.poll(() => handler.getByRole('alert').first().textContent()).toBe('Chưa chọn người giám sát');
    await handler.getByTestId('complaint-supervisor').click();
    await handler.getByRole('option', { name: SUPERVISOR }).click();
    await handler.getByTestId('complaint-save').click();
    await handler.getByTestId('complaint-number').waitFor();
    complaintUrl = handler.url();
    expect(await handler.getByTestId('complaint-number').textContent()).toMatch(/^KN-\d{4}-\d{5}$/);
    expect(await status(handler)).toBe('received');
    expect(await clockState(handler, 'acceptance')).toBe('ok');
  });

  it('is accepted with its decision number: the acceptance clock met, the resolution clock running', async () => {
    await handler.getByTestId('complaint-action-accept').click();
    const form = handler.getByTestId('complaint-step-accept');
    await form.getByTestId('step-submit').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Chưa nhập Số quyết định, thông báo');
    expect(await status(handler)).toBe('received');
    await form.getByTestId('step-decision-number').fill('12/TB-UBND');
    await form.getByTestId('step-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => status(handler)).toBe('accepted');
    expect(await clockState(handler, 'acceptance')).toBe('met');
    expect(await clockState(handler, 'resolution')).toBe('ok');
    await handler.getByTestId('complainant-show').click();
    await expect.poll(() => handler.getByTestId('complainant-panel').textContent()).toContain(COMPLAINANT);
  });

  it('is extended once by the supervisor; a second extension is refused with the law’s limit', async () => {
    await signIn(supervisor, 'canbo-tung');
    await supervisor.goto(complaintUrl);
    await supervisor.getByTestId('complaint-action-extend').click();
    let form = supervisor.getByTestId('complaint-step-extend');
    expect(await form.getByTestId('complaint-extend-hint').textContent()).toContain('0/1');
    await form.getByLabel('Lý do').fill('Cần xác minh thêm tại hai trường');
    await form.getByTestId('step-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => supervisor.getByTestId('complaint-timeline').textContent()).toContain('Gia hạn giải quyết');
    // the step's complexity in words and its days as dd/mm/yyyy, not the stored "complex" and ISO dates
    const timeline = (await supervisor.getByTestId('complaint-timeline').textContent()) ?? '';
    expect(timeline).toContain('Mức độ: Phức tạp');
    expect(timeline).not.toMatch(/complex|\d{4}-\d{2}-\d{2}/);
    await supervisor.getByTestId('complaint-action-extend').click();
    form = supervisor.getByTestId('complaint-step-extend');
    await form.getByLabel('Lý do').fill('Thêm thời gian');
    await form.getByTestId('step-submit').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('tối đa 1 lần');
  });
});
