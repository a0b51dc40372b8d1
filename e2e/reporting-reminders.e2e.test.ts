import type { Browser, Page } from 'playwright-core';
import { addDays, vietnamDate } from '@tre/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_A, PASSWORD, makePlan, makeUser } from '../packages/server/src/test/factories.ts';
import { startSmtpSink, type SmtpSink } from '../packages/server/src/test/smtp-sink.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * Reminders end to end (issue 14): a real Tre server whose TRE_SMTP_URL is a real SMTP server on
 * loopback; a round due in two days with reminders three days ahead; the scheduler's run sends the
 * commune its e-mail (received and parsed by the sink) and its officer an in-app notification; the
 * officer, in Chromium, follows the e-mail's link to their own report. A second run sends nothing.
 */
let sink: SmtpSink;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
let roundId = '';
const MAILBOX = 'vanthu.thanhvinh@nghean.gov.vn';

async function api(method: string, url: string, body?: unknown, session?: { cookie: string; csrf: string }) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, cookie: res.headers.get('set-cookie') ?? '' };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ smtpUrl: sink.url, mailFrom: 'Tre <tre@nghean.gov.vn>' });
  await makeUser(server.db, { role: 'commune_officer', communeCode: COMMUNE_A, username: 'canbo-thanhvinh' });
  const planId = await makePlan(server.db);
  const signin = await api('POST', '/api/session', { username: 'admin', password: ADMIN_PASSWORD });
  const admin = { cookie: signin.cookie.split(';')[0] ?? '', csrf: String(signin.json.csrfToken) };
  const deadline = addDays(vietnamDate(new Date()), 2);
  const round = await api(
    'POST',
    '/api/rounds',
    { planId, period: '2026S2', deadline, remindBeforeDays: 3, remindEveryDays: 7 },
    admin,
  );
  expect(round.status).toBe(201);
  roundId = String(round.json.id);
  const contact = await api(
    'PUT',
    `/api/reporting/contacts/commune/${COMMUNE_A}`,
    { email: MAILBOX, headName: null, headEmail: null, escalateAfterDays: null },
    admin,
  );
  expect(contact.status).toBe(200);
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
  await sink.close();
});

describe('a reminder before the deadline', () => {
  it('reaches the commune’s mailbox through the SMTP server, once', async () => {
    await server.app.reminders?.runNow();
    await sink.waitFor(1);
    const mail = sink.messages.find((m) => m.to.includes(MAILBOX));
    expect(mail?.subject).toMatch(/^Nhắc báo cáo/);
    expect(mail?.text).toContain('còn 2 ngày');
    expect(mail?.text).toContain(`/reporting/rounds/${roundId}/submissions/${COMMUNE_A}`);
    const before = sink.messages.length;
    await server.app.reminders?.runNow();
    expect(sink.messages.length).toBe(before);
  });

  it('takes the commune officer from the e-mail’s link to their own report in the browser', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('canbo-thanhvinh');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();
    // the same reminder in the app: the bell counts it, unread
    await page.getByRole('button', { name: 'Thông báo (1 chưa đọc)' }).waitFor();
    const link = /\/reporting\/rounds\/[0-9a-f-]+\/submissions\/\d+/.exec(sink.messages[0]?.text ?? '')?.[0] ?? '';
    await page.goto(`${server.url}${link}`);
    expect(await page.getByTestId('submission-state').getAttribute('data-state')).toBe('missing');
  });

  it('is in the round’s reminder log on the board, delivered', async () => {
    const admin = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })).newPage();
    admin.setDefaultTimeout(20_000);
    await admin.goto(server.url);
    await admin.getByLabel('Tên đăng nhập').fill('admin');
    await admin.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'Đăng nhập' }).click();
    await admin.getByTestId('current-user').waitFor();
    await admin.goto(`${server.url}/reporting/rounds/${roundId}`);
    await admin.getByTestId('reminder-log-toggle').click();
    const row = admin
      .getByTestId('reminder-log')
      .locator('tr', { hasText: 'Thư điện tử' })
      .filter({ hasText: 'Phường Thành Vinh' });
    await row.waitFor();
    expect(await row.innerText()).toContain('✓ Đã gửi');
  });
});
