import type { ValuesReply } from '@tre/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_A, COMMUNE_B, PASSWORD, makeUser } from '../packages/server/src/test/factories.ts';
import { TEST_PROVINCE as PROVINCE } from '../packages/server/src/test/db.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A child-friendly commune's recognition in Chromium (issue 17, Quyết định 06/2019/QĐ-TTg), two
 * people at two browsers: the officer of Phường Thành Vinh enters the commune's figures of the year
 * into the indicators, then opens the year's self-assessment, where birth registration (criterion
 * 2) is pulled from those figures and shown with its source; she enters the timely registrations
 * by hand with an evidence file, answers the rest and submits. The provincial officer accepts the
 * criteria, corrects satisfaction (criterion 13) with a comment, and records the decision with its
 * number and date: the province's indicator 1 goes from no recognised commune to one.
 */
const OFFICER = 'canbo-thanhvinh';
const PROVINCIAL = 'chuyenvien-syte';
const DECISION = '125/QĐ-UBND';
const CORRECTION = 'Phiếu khảo sát chỉ có 70/100 người hài lòng.';
const EVIDENCE = 'so-dang-ky-khai-sinh.pdf';
const I01 = 'I01_CHILD_FRIENDLY_COMMUNES';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const contexts: Record<'officer' | 'provincial' | 'admin', BrowserContext | undefined> = {
  officer: undefined,
  provincial: undefined,
  admin: undefined,
};
let officer: Page;
let provincial: Page;
let admin: Page;

const vietnamNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString();
const today = () => vietnamNow().slice(0, 10);
const year = () => vietnamNow().slice(0, 4);

async function open(name: keyof typeof contexts): Promise<Page> {
  // the size the screens are made for
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
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

async function csrf(page: Page): Promise<string> {
  const session = await page.request.get(`${server.url}/api/session`);
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** The commune's figures of the year, saved as the indicators' entry form saves them. */
async function enterFigures(page: Page, values: Record<string, number>): Promise<void> {
  const res = await page.request.put(`${server.url}/api/data-values`, {
    data: { unit: COMMUNE_A, period: year(), values: Object.entries(values).map(([element, value]) => ({ element, value })) },
    headers: { 'x-csrf-token': await csrf(page) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Indicator 1 of the province in the year: recognised communes (numerator) of all (denominator). */
async function indicatorOne(page: Page): Promise<{ numerator: number | null; denominator: number | null }> {
  const res = await page.request.get(
    `${server.url}/api/indicators/values?${new URLSearchParams({ unit: '40', period: year() })}`,
  );
  expect(res.status()).toBe(200);
  const values = (await res.json()) as ValuesReply;
  const one = values.values.find((v) => v.measure === I01);
  if (!one) throw new Error(`${I01} is not among the province's values`);
  return { numerator: one.numerator, denominator: one.denominator };
}

const indicator = (page: Page, code: string) => page.locator(`[data-testid="cfc-indicator"][data-indicator="${code}"]`);
const criterion = (page: Page, code: string) => page.locator(`[data-testid="cfc-criterion"][data-criterion="${code}"]`);

async function yes(page: Page, code: string): Promise<void> {
  await page.getByTestId(`cfc-input-${code}-yes`).getByLabel('Có', { exact: true }).check();
}
async function rate(page: Page, code: string, numerator: number, denominator: number): Promise<void> {
  await page.getByTestId(`cfc-input-${code}-numerator`).fill(String(numerator));
  await page.getByTestId(`cfc-input-${code}-denominator`).fill(String(denominator));
}
async function count(page: Page, code: string, n: number): Promise<void> {
  await page.getByTestId(`cfc-input-${code}-count`).fill(String(n));
}

beforeAll(async () => {
  server = await startTestServer();
  await makeUser(server.db, { role: 'commune_officer', communeCode: COMMUNE_A, username: OFFICER });
  await makeUser(server.db, { role: 'provincial_officer', username: PROVINCIAL });
  browser = await launchBrowser();
  officer = await open('officer');
  provincial = await open('provincial');
  admin = await open('admin');
});
// closing the browser closes every context
afterAll(() => closeBrowserAndServer(browser, server));

describe('a child-friendly commune from its self-assessment to indicator 1', () => {
  it('the province has no recognised commune in the year before', async () => {
    await signIn(provincial, PROVINCIAL);
    const before = await indicatorOne(provincial);
    expect(before.numerator ?? 0).toBe(0);
  });

  it('the commune’s figures of the year are in the indicators', async () => {
    await signIn(officer, OFFICER);
    await enterFigures(officer, {
      CHILDREN_U5_BIRTH_REGISTERED: 490,
      CHILDREN_U5: 500,
      CHILDREN_INJURED: 5,
      CHILDREN_TOTAL: 2000,
      CHILDREN_U1_FULLY_IMMUNISED: 99,
      CHILDREN_U1: 100,
      CHILDREN_U5_UNDERWEIGHT: 20,
      CHILDREN_U5_WEIGHED: 500,
      CHILDREN_U5_STUNTED: 50,
      CHILDREN_U5_HEIGHT_MEASURED: 500,
      CHILDREN_AGE5_IN_KINDERGARTEN: 100,
      CHILDREN_AGE5: 100,
    });
  });

  it('the officer opens the year’s self-assessment: birth registration comes from the indicators with its source', async () => {
    await officer.getByRole('link', { name: 'Xã, phường phù hợp với trẻ em' }).click();
    await officer.getByTestId('cfc-open-own').click();
    await officer.getByTestId('cfc-assessment').waitFor();
    expect(await officer.getByTestId('cfc-assessment').getAttribute('data-state')).toBe('draft');
    const registered = indicator(officer, '2.1');
    const source = (await registered.getByTestId('cfc-prefill').textContent()) ?? '';
    expect(source).toContain('Từ chỉ tiêu: CHILDREN_U5_BIRTH_REGISTERED / CHILDREN_U5');
    expect(source).toContain('490');
    expect(source).toContain('500');
    // 98 %: the second band, 20 of 30 points — and the page says so
    expect(await registered.getByTestId('cfc-indicator-points').textContent()).toContain('20/30');
    // nothing answered yet: criteria at 0 are named in words, not only in red
    expect(await criterion(officer, '1').getByTestId('cfc-zero-mark').textContent()).toContain('Tiêu chí 0 điểm');
    expect(await officer.getByTestId('cfc-shortfall').textContent()).toContain('tiêu chí 0 điểm');
  });

  it('the officer enters the other figures, one with its evidence file, saves and sees the score and what is missing', async () => {
    for (const code of ['1.1', '1.2', '1.3', '1.4', '11.1', '11.2', '12.1', '12.2']) await yes(officer, code);
    // timely birth registrations: entered by hand, with the register's extract as evidence
    await rate(officer, '2.2', 96, 100);
    await officer.getByTestId('cfc-evidence-2.2').setInputFiles({
      name: EVIDENCE,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% so dang ky khai sinh\n'),
    });
    await indicator(officer, '2.2').getByTestId('cfc-evidence-file').filter({ hasText: EVIDENCE }).waitFor();
    await rate(officer, '3.2', 0, 0);
    // drowned children: no element of the indicators holds it, so it is entered here
    await count(officer, '5.1', 0);
    await count(officer, '4.1', 0);
    await count(officer, '4.2', 0);
    // no child in special circumstances in the register yet: nothing to pre-fill, none to support
    await rate(officer, '6.1', 0, 0);
    await rate(officer, '6.2', 0, 0);
    await rate(officer, '9.1', 96, 100);
    await rate(officer, '10.2', 99, 100);
    await rate(officer, '13.1', 90, 100);
    await officer.getByTestId('cfc-save').click();
    await officer.getByTestId('cfc-message').filter({ hasText: 'Đã lưu' }).waitFor();

    // the server's score: no criterion at 0, only criterion 2 short of its maximum
    expect(await officer.getByTestId('cfc-zero-mark').count()).toBe(0);
    expect(await criterion(officer, '2').getByTestId('cfc-criterion-points').textContent()).toContain('40/50');
    expect(await officer.getByTestId('cfc-score').textContent()).toContain('Tổng điểm 990/1000 — ngưỡng 850');
    expect(await officer.getByTestId('cfc-meets').isVisible()).toBe(true);
    // the evidence is kept with the figure
    expect(await indicator(officer, '2.2').getByTestId('cfc-evidence-file').textContent()).toBe(EVIDENCE);
  });

  it('the officer submits; the assessment is read only', async () => {
    await officer.getByTestId('cfc-submit').click();
    await officer.locator('[data-testid="cfc-assessment"][data-state="submitted"]').waitFor();
    expect(await officer.getByTestId('cfc-save').count()).toBe(0);
  });

  it('the provincial officer sees it awaiting verification, corrects satisfaction with a comment and accepts the rest', async () => {
    await provincial.goto(`${server.url}/child-friendly`);
    await provincial.getByTestId('cfc-state-filter').selectOption('submitted');
    const row = provincial.locator(`[data-testid="cfc-status-row"][data-commune="${COMMUNE_A}"]`);
    // the list is drawn again once the filter is in the address: wait for it, not for the first draw
    await expect.poll(() => provincial.getByTestId('cfc-status-row').count()).toBe(1);
    await row.waitFor();
    expect(await row.getByTestId('cfc-row-total').textContent()).toBe('990');
    await row.getByRole('link').click();
    await provincial.getByTestId('cfc-assessment').waitFor();
    // the evidence reaches the province
    const evidence = indicator(provincial, '2.2').getByTestId('cfc-evidence-file');
    const file = await provincial.request.get(`${server.url}${(await evidence.getAttribute('href')) ?? ''}`);
    expect(file.status()).toBe(200);

    await provincial.getByTestId('cfc-correct-13').click();
    const modal = provincial.getByTestId('cfc-correct-modal');
    await modal.getByTestId('cfc-input-correct-13.1-numerator').fill('70');
    await modal.getByTestId('cfc-correct-comment').fill(CORRECTION);
    await modal.getByTestId('cfc-correct-save').click();
    await modal.waitFor({ state: 'detached' });
    const corrected = criterion(provincial, '13');
    await corrected.locator('[data-verification="corrected"]').waitFor();
    expect(await corrected.textContent()).toContain(CORRECTION);
    // (70 − 50) / (90 − 50) of 50 points
    expect(await corrected.getByTestId('cfc-criterion-points').textContent()).toContain('25/50');
    expect(await provincial.getByTestId('cfc-score').textContent()).toContain('Tổng điểm 965/1000');

    await provincial.getByTestId('cfc-accept-2').click();
    await criterion(provincial, '2').locator('[data-verification="accepted"]').waitFor();
    // the decision waits for the other eleven
    expect(await provincial.getByTestId('cfc-decision-pending').textContent()).toContain('Còn 11 tiêu chí chưa thẩm định');
    await provincial.getByTestId('cfc-accept-rest').click();
    // offered while some criterion waits: gone once the last is accepted
    await provincial.getByTestId('cfc-accept-rest').waitFor({ state: 'detached' });
    expect(await provincial.locator('[data-verification="accepted"]').count()).toBe(12);
    expect(await provincial.getByTestId('cfc-decision-pending').count()).toBe(0);
    expect(await criterion(provincial, '13').locator('[data-verification]').getAttribute('data-verification')).toBe('corrected');
  });

  it('the decision is recorded with its number and date: indicator 1 counts the commune', async () => {
    await provincial.getByTestId('cfc-decision-number').fill(DECISION);
    await provincial.getByTestId('cfc-decision-date').fill(today());
    // the scores meet the standard, so recognition is already ticked
    expect(await provincial.getByTestId('cfc-decision-recognised').isChecked()).toBe(true);
    await provincial.getByTestId('cfc-decision-save').click();
    await provincial.locator('[data-testid="cfc-assessment"][data-state="decided"]').waitFor();
    const decision = (await provincial.getByTestId('cfc-decision').textContent()) ?? '';
    expect(decision).toContain(DECISION);
    expect(decision).toContain(today().split('-').reverse().join('/'));
    expect(decision).toContain('Được công nhận');

    const after = await indicatorOne(provincial);
    expect(after.numerator).toBe(1);
    expect(after.denominator).toBeGreaterThan(1);

    await provincial.goto(`${server.url}/child-friendly`);
    const row = provincial.locator(`[data-testid="cfc-status-row"][data-commune="${COMMUNE_A}"]`);
    expect(await row.getByTestId('cfc-row-result').locator('[data-result]').getAttribute('data-result')).toBe('recognised');
    expect(await provincial.getByTestId('cfc-summary-recognised').textContent()).toContain(
      `Đã công nhận 1/${String(after.denominator)}`,
    );

    // the indicators' dashboard of the province and year counts it beside indicator 1
    await provincial.goto(`${server.url}/indicators?unit=${PROVINCE}&period=${year()}`);
    const tile = provincial.getByTestId('dash-cfc');
    await tile.waitFor();
    expect(await tile.textContent()).toContain(`1/${String(after.denominator)} xã, phường được công nhận`);
  });

  it('the commune reads the correction and the decision; its home page says it is recognised', async () => {
    await officer.reload();
    await officer.getByTestId('cfc-assessment').waitFor();
    expect(await officer.getByTestId('cfc-assessment').getAttribute('data-state')).toBe('decided');
    expect(await criterion(officer, '13').textContent()).toContain(CORRECTION);
    expect(await officer.getByTestId('cfc-decision').textContent()).toContain(DECISION);
    await officer.getByRole('link', { name: 'Trang chủ' }).click();
    const card = officer.getByTestId('home-communes');
    await card.waitFor();
    expect(await card.textContent()).toContain('Tổng điểm 965, ngưỡng 850');
  });

  it('the administrator reads the active rule set and marks another commune mountainous: its threshold becomes 800', async () => {
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${server.url}/child-friendly`);
    await admin.getByTestId('cfc-rule-sets-link').click();
    const active = admin.getByTestId('cfc-active-rule-set');
    await active.waitFor();
    expect(await active.textContent()).toContain('06-2019.1');
    expect(await active.locator('tbody tr').count()).toBe(13);
    expect(await admin.getByTestId('cfc-rule-set-versions').locator('tbody tr').count()).toBe(1);

    await admin.goto(`${server.url}/child-friendly/types`);
    const row = admin.locator(`[data-testid="cfc-type-row"][data-commune="${COMMUNE_B}"]`);
    await row.waitFor();
    expect(await row.locator('td').last().textContent()).toBe('850');
    await admin.getByTestId(`cfc-type-${COMMUNE_B}`).selectOption('mountain');
    await admin.getByRole('status').filter({ hasText: 'Đã lưu loại' }).waitFor();
    expect(await row.locator('td').last().textContent()).toBe('800');
    await admin.reload();
    await row.waitFor();
    expect(await admin.getByTestId(`cfc-type-${COMMUNE_B}`).inputValue()).toBe('mountain');
  });
});
