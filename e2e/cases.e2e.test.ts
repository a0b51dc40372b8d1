import type { EntryFormDto } from '@tre/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeChild } from '../packages/server/src/test/children.ts';
import { COMMUNE_A, PASSWORD, firstAgencyId, makeUser } from '../packages/server/src/test/factories.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A child-protection case in Chromium (issue 16), four people at four browsers: a case worker of
 * Phường Thành Vinh takes a hotline-111 report during the call (the child found in the register by
 * part of her name typed without diacritics, the supervisor picked) and the 12-hour emergency clock
 * runs; the worker verifies the report, takes the emergency measures (Mẫu 07) in time — the clock
 * is met — assesses, drafts the plan and submits it; the commune officer who supervises approves
 * it; the worker starts it and refers a psychological service to Sở Y tế, whose user accepts it in
 * the referral inbox and reports it done; the worker reviews and asks to close, the supervisor
 * approves the closure. The administrator then publishes the cases' figures of the year: the
 * commune's CHILDREN_ABUSED (indicator 9's numerator) goes from nothing to one child.
 */
const SUPERVISOR_NAME = 'Nguyễn Thị Hoa';
const OTHER_OFFICER_NAME = 'Trần Văn Bình';
const CHILD = 'Lò Thị Xoan';
const FACTS = 'Trẻ bị đánh nhiều lần, có vết bầm ở tay.';
const OUTCOME = 'Đã tham vấn tâm lý 6 buổi, trẻ ổn định.';
const ABUSED = 'CHILDREN_ABUSED';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: Record<'worker' | 'supervisor' | 'health' | 'admin', BrowserContext | undefined> = {
  worker: undefined,
  supervisor: undefined,
  health: undefined,
  admin: undefined,
};
let worker: Page;
let supervisor: Page;
let health: Page;
let admin: Page;
let caseUrl = '';
let caseNumber = '';

/** Today and the year in Vietnam time: the report is received now, so its period is this year. */
const vietnamNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString();
const today = () => vietnamNow().slice(0, 10);
const period = () => vietnamNow().slice(0, 4);
const daysFromToday = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** "dd/mm/yyyy hh:mm" (Vietnam time) twelve hours after a time written the same way. */
function twelveHoursAfter(dayTime: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(dayTime.trim());
  if (!m) throw new Error(`not a day and time: ${dayTime}`);
  const [, d, mo, y, h, mi] = m;
  const due = new Date(Date.parse(`${y}-${mo}-${d}T${h}:${mi}:00+07:00`) + 12 * 3_600_000 + 7 * 3_600_000).toISOString();
  return `${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)} ${due.slice(11, 16)}`;
}

async function open(name: keyof typeof contexts): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 } });
  contexts[name] = context;
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
}

const status = (page: Page) => page.getByTestId('case-record').locator('[data-status]').first().getAttribute('data-status');
const clockState = (page: Page, kind: string) =>
  page.getByTestId('case-clocks').locator(`[data-clock="${kind}"]`).getAttribute('data-clock-state');

/**
 * Takes one of the case's open actions: opens its legal form, fills it, sends it, and waits for
 * the dialog to close and the case to reach the step's status.
 */
async function step(page: Page, action: string, to: string, fill: (form: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  const form = page.getByTestId(`step-form-${action}`);
  await form.waitFor();
  await fill(form);
  await form.getByTestId('step-submit').click();
  await form.waitFor({ state: 'detached' });
  await expect.poll(() => status(page)).toBe(to);
}

/** The commune's CHILDREN_ABUSED in the period, as the indicators' entry form reads it (its parts summed when no total is stored). */
async function abusedChildren(page: Page): Promise<number> {
  const res = await page.request.get(
    `${server.url}/api/data-values?${new URLSearchParams({ unit: COMMUNE_A, period: period() })}`,
  );
  expect(res.status()).toBe(200);
  const form = (await res.json()) as EntryFormDto;
  const element = form.elements.find((e) => e.code === ABUSED);
  if (!element) throw new Error(`${ABUSED} is not in the commune's data set`);
  return element.value ?? element.parts.reduce((sum, p) => sum + p.value, 0);
}

/** POST /api/cases/statistics/publish with the session's cookie and its CSRF token, as the web client sends a change. */
async function publish(page: Page): Promise<{ communes: number; cellsWritten: number }> {
  const session = await page.request.get(`${server.url}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.post(`${server.url}/api/cases/statistics/publish`, {
    data: { period: period() },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { communes: number; cellsWritten: number };
}

beforeAll(async () => {
  server = await startTestServer();
  const db = server.db;
  const named = async (opts: Parameters<typeof makeUser>[1], displayName: string) => {
    const user = await makeUser(db, opts);
    await db.kysely.updateTable('app_user').set({ display_name: displayName }).where('id', '=', user.id).execute();
  };
  await named({ role: 'case_worker', communeCode: COMMUNE_A, username: 'nhanvien-thanhvinh' }, 'Lê Thị Mai');
  // two officers of the commune: the worker has to pick the supervisor, none is taken by default
  await named({ role: 'commune_officer', communeCode: COMMUNE_A, username: 'canbo-thanhvinh' }, SUPERVISOR_NAME);
  await named({ role: 'commune_officer', communeCode: COMMUNE_A, username: 'phochutich-thanhvinh' }, OTHER_OFFICER_NAME);
  await named(
    { role: 'agency_reporter', agencyId: await firstAgencyId(db, 'Sở Y tế'), username: 'syte-tiepnhan' },
    'Phạm Văn Đức',
  );
  await makeChild(db, { full_name: CHILD, commune_code: COMMUNE_A, sex: 'female', birth_date: '2015-06-01' });
  await makeChild(db, { full_name: 'Lò Văn Xuân', commune_code: COMMUNE_A, sex: 'male', birth_date: '2012-03-09' });
  browser = await launchBrowser();
  worker = await open('worker');
  supervisor = await open('supervisor');
  health = await open('health');
  admin = await open('admin');
});
// closing the browser closes every context
afterAll(() => closeBrowserAndServer(browser, server));

describe('a child-protection case from the hotline report to the indicators', () => {
  it('the commune has no abused child in the indicators of the year before the report', async () => {
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    const before = await publish(admin);
    expect(before.communes).toBe(0);
    expect(await abusedChildren(admin)).toBe(0);
  });

  it('the case worker takes a hotline-111 report; the 12-hour emergency clock runs', async () => {
    await signIn(worker, 'nhanvien-thanhvinh');
    await worker.getByRole('link', { name: 'Vụ việc', exact: true }).click();
    await worker.getByTestId('cases-new').click();
    await worker.getByTestId('intake-form').waitFor();
    // the time is already now, the channel already the hotline 111
    const received = await worker.getByTestId('intake-received-at').inputValue();
    expect(received).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await worker.getByTestId('intake-channel-hotline_111').isChecked()).toBe(true);
    await worker.getByTestId('intake-reporter-name').fill('Bà Lường Thị Ánh');
    await worker.getByTestId('intake-reporter-phone').fill('0912345678');
    await worker.getByTestId('intake-reporter-relation').fill('hàng xóm');

    // part of the name, without diacritics: both children named Lò are told apart by their facts
    await worker.getByTestId('intake-child-search').fill('lo thi xo');
    const option = worker.getByTestId('intake-child-option').filter({ hasText: CHILD });
    await option.waitFor();
    expect(await worker.getByTestId('intake-child-option').count()).toBe(1);
    await option.click();
    expect(await worker.getByTestId('intake-child-picked').textContent()).toContain(CHILD);

    await worker.getByTestId('intake-abuse-violence').check();
    await worker.getByTestId('intake-urgency-immediate').check();
    const due = twelveHoursAfter(received);
    expect(await worker.getByTestId('intake-emergency-clock').textContent()).toContain(due);
    await worker.getByTestId('intake-facts').fill(FACTS);
    await worker.getByTestId('intake-location').fill('Khối 3, phường Thành Vinh');
    await worker.getByTestId('intake-supervisor').click();
    await worker.getByRole('option', { name: SUPERVISOR_NAME }).click();
    expect(await worker.getByTestId('intake-supervisor').inputValue()).toBe(SUPERVISOR_NAME);
    await worker.getByTestId('intake-submit').click();

    await worker.waitForURL((url) => /^\/cases\/\d+$/.test(url.pathname));
    caseUrl = worker.url();
    await worker.getByTestId('case-record').waitFor();
    caseNumber = ((await worker.getByTestId('case-number').textContent()) ?? '').replace('Vụ việc ', '').trim();
    expect(caseNumber).toMatch(new RegExp(`^BV-${period()}-\\d{5}$`));
    expect(await status(worker)).toBe('received');
    expect(await clockState(worker, 'emergency')).toBe('ok');
    const clock = (await worker.getByTestId('case-clocks').locator('[data-clock="emergency"]').textContent()) ?? '';
    expect(clock).toContain('Còn hạn');
    expect(clock).toContain(`Biện pháp khẩn cấp (12 giờ): hạn ${due}`);
    expect(await worker.getByTestId('case-emergency-required').isVisible()).toBe(true);
    expect(await worker.getByTestId('case-record').textContent()).toContain(`Người giám sát: ${SUPERVISOR_NAME}`);
  });

  it('the worker verifies the report, takes the emergency measures in time, assesses, drafts the plan and submits it', async () => {
    // verified first: core's state machine allows verify only from "received", and a case whose
    // emergency measures come first is never verified, so never counted in indicator 9
    await step(worker, 'verify', 'verified', async (form) => {
      await form.getByTestId('step-field-findings').fill('Đã gặp trẻ và gia đình; có vết bầm ở tay, lời kể thống nhất.');
      await form.getByTestId('step-field-substantiated').getByLabel('Có', { exact: true }).check();
    });

    await step(worker, 'emergency', 'emergency', async (form) => {
      // the moment is already now, before the 12 hours are up
      expect(await form.getByTestId('step-field-takenAt').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await form.getByLabel('Đưa đi cấp cứu, chăm sóc y tế').check();
      await form.getByLabel('Bố trí nơi tạm trú an toàn').check();
      await form.getByTestId('step-field-placement').fill('Nhà tạm lánh của Hội LHPN phường');
    });
    expect(await clockState(worker, 'emergency')).toBe('met');
    expect(await worker.getByTestId('case-clocks').locator('[data-clock="emergency"]').textContent()).toContain('Đã thực hiện');
    expect(await worker.getByTestId('case-emergency-required').count()).toBe(0);

    await step(worker, 'full_assess', 'full_assessed', async (form) => {
      await form.getByTestId('step-field-meetingOn').fill(today());
      await form.getByTestId('step-field-participants').fill('Tổ bảo vệ trẻ em phường');
      await form.getByTestId('step-field-needs').fill('Y tế, tâm lý, an toàn tại nhà');
    });
    await step(worker, 'draft_plan', 'plan_drafted', async (form) => {
      await form.getByTestId('step-field-objectives').fill('Trẻ an toàn, được tham vấn tâm lý, đi học lại.');
      await form.getByTestId('step-field-reviewOn').fill(daysFromToday(30));
    });
    await step(worker, 'submit_plan', 'plan_pending', async (form) => {
      await form.getByTestId('step-comment').fill('Kính trình phê duyệt.');
    });
    // the worker cannot approve their own plan: the action is not offered
    expect(await worker.getByTestId('case-action-approve_plan').count()).toBe(0);
    expect(await clockState(worker, 'plan')).toBe('met');
  });

  it('the supervisor approves the plan', async () => {
    await signIn(supervisor, 'canbo-thanhvinh');
    await supervisor.goto(`${server.url}/cases`);
    await supervisor.getByTestId('cases-row').filter({ hasText: caseNumber }).getByRole('link', { name: caseNumber }).click();
    await supervisor.getByTestId('case-record').waitFor();
    expect(await status(supervisor)).toBe('plan_pending');
    await step(supervisor, 'approve_plan', 'plan_approved', async (form) => {
      await form.getByTestId('step-field-comments').fill('Đồng ý kế hoạch.');
    });
  });

  it('the worker starts the plan and refers a psychological service to Sở Y tế', async () => {
    await worker.reload();
    await worker.getByTestId('case-record').waitFor();
    expect(await status(worker)).toBe('plan_approved');
    await step(worker, 'start', 'in_progress', async () => undefined);

    await worker.getByTestId('service-add').click();
    const modal = worker.getByTestId('service-modal');
    await modal.getByTestId('service-kind').click();
    await worker.getByRole('option', { name: 'Hỗ trợ tâm lý' }).click();
    await modal.getByLabel('Mô tả').fill('Tham vấn tâm lý 6 buổi');
    await modal.getByTestId('service-body-agency').check();
    await modal.getByTestId('service-agency').fill('y te');
    await worker.getByRole('option', { name: 'Sở Y tế', exact: true }).click();
    await modal.getByTestId('service-due').fill(daysFromToday(21));
    await modal.getByTestId('service-save').click();
    await modal.waitFor({ state: 'detached' });
    const row = worker.getByTestId('case-service-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Sở Y tế');
    expect(await row.locator('[data-service-status]').getAttribute('data-service-status')).toBe('referred');
  });

  it('Sở Y tế accepts the referral in its inbox and reports it done with its outcome', async () => {
    await signIn(health, 'syte-tiepnhan');
    await health.getByRole('link', { name: 'Vụ việc', exact: true }).click();
    await health.getByTestId('cases-referrals-link').click();
    const row = health.getByTestId('referral-row').filter({ hasText: caseNumber });
    await row.waitFor();
    // the referred part only: the service, the commune, the child's sex and age, never her name
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Hỗ trợ tâm lý');
    expect(text).toContain('Nữ');
    expect(text).not.toContain(CHILD);
    await row.getByTestId('referral-accept').click();
    await expect.poll(() => row.locator('[data-service-status]').getAttribute('data-service-status')).toBe('accepted');
    await row.getByTestId('referral-done').click();
    await health.getByTestId('text-modal-input').fill(OUTCOME);
    await health.getByTestId('text-modal-submit').click();
    await health.getByTestId('text-modal').waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[data-service-status]').getAttribute('data-service-status')).toBe('done');
    expect(await row.textContent()).toContain(OUTCOME);
  });

  it('the worker reviews and asks to close; the supervisor approves the closure', async () => {
    await worker.reload();
    await worker.getByTestId('case-record').waitFor();
    const service = worker.getByTestId('case-service-row');
    expect(await service.locator('[data-service-status]').getAttribute('data-service-status')).toBe('done');
    expect(await service.textContent()).toContain(OUTCOME);

    await step(worker, 'review', 'review', async (form) => {
      await form.getByTestId('step-field-progress').fill('Trẻ ổn định, đã đi học lại.');
      await form.getByTestId('step-field-riskRemaining').getByLabel('Không', { exact: true }).check();
      await form.getByTestId('step-field-recommendation').getByLabel('Đề nghị đóng hồ sơ').check();
    });
    await step(worker, 'request_closure', 'closure_pending', async (form) => {
      await form.getByTestId('step-field-reason').fill('Hết nguy cơ, trẻ ổn định.');
    });

    await supervisor.goto(caseUrl);
    await supervisor.getByTestId('case-record').waitFor();
    expect(await status(supervisor)).toBe('closure_pending');
    await step(supervisor, 'approve_closure', 'closed', async (form) => {
      await form.getByTestId('step-field-comments').fill('Đồng ý đóng hồ sơ.');
    });
    // closed: what is left to the supervisor is to reopen it
    expect(await supervisor.getByTestId('case-action-reopen').isVisible()).toBe(true);
    expect(await supervisor.getByTestId('case-action-approve_closure').count()).toBe(0);
    // the report's step reads in words, not the codes it is stored as
    const intake = (await supervisor.locator('[data-testid="case-step"][data-action="intake"]').textContent()) ?? '';
    expect(intake).toContain('Tổng đài 111');
    expect(intake).toContain('Bạo lực');
    expect(intake).not.toContain('hotline_111');
    const steps = await supervisor
      .getByTestId('case-step')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-action')));
    expect(steps).toEqual([
      'intake',
      'verify',
      'emergency',
      'full_assess',
      'draft_plan',
      'submit_plan',
      'approve_plan',
      'start',
      'review',
      'request_closure',
      'approve_closure',
    ]);
  });

  it('the administrator publishes the year’s figures: the commune’s abused children rise by one', async () => {
    const after = await publish(admin);
    expect(after.communes).toBe(1);
    expect(after.cellsWritten).toBeGreaterThan(0);
    expect(await abusedChildren(admin)).toBe(1);
  });
});
