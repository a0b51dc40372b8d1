import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNE_A, PASSWORD, makePlan, makeUser } from '../packages/server/src/test/factories.ts';
import { closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * A reporting round in Chromium (issue 14), two people at two browsers: the provincial officer
 * opens the round of the plan's first half of 2025 (deadline from its regime, 15 June); the officer
 * of Phường Thành Vinh enters one figure, explains every other one at once, writes the results and
 * submits; the officer returns it with a comment on that figure; the commune sees the comment beside
 * the figure, corrects it and submits again; the officer sees what changed, accepts, and the board
 * counts it; the consolidated report's paragraph is edited, saved, built, and the .docx downloaded
 * holds the edited text.
 */
const LIVE_BIRTHS = 'LIVE_BIRTHS';
const RESULTS = 'Phường đã tổ chức Tháng hành động vì trẻ em cho 1.200 trẻ em.';
const COMMENT = 'Số trẻ đẻ sống chưa khớp sổ hộ tịch, đề nghị kiểm tra lại.';
const EDITED = 'Đoạn văn do Sở Y tế biên tập lại cho báo cáo tổng hợp.';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let officerContext: BrowserContext;
let communeContext: BrowserContext;
let officer: Page;
let commune: Page;
let boardUrl = '';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).getAttribute('data-value');
const state = (page: Page) => page.getByTestId('submission-state').getAttribute('data-state');

beforeAll(async () => {
  server = await startTestServer();
  await makeUser(server.db, { role: 'provincial_officer', username: 'canbo-tinh' });
  await makeUser(server.db, { role: 'commune_officer', communeCode: COMMUNE_A, username: 'canbo-thanhvinh' });
  await makePlan(server.db);
  browser = await launchBrowser();
  const options = { locale: 'vi-VN', viewport: { width: 1440, height: 1000 }, acceptDownloads: true };
  officerContext = await browser.newContext(options);
  communeContext = await browser.newContext(options);
  officer = await newPage(officerContext);
  commune = await newPage(communeContext);
});
// closing the browser closes both contexts
afterAll(() => closeBrowserAndServer(browser, server));

describe('a reporting round from opening to the consolidated report', () => {
  it('the officer opens the round; the deadline comes from the plan and says where from', async () => {
    await signIn(officer, 'canbo-tinh');
    await officer.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await officer.getByTestId('open-round').click();
    const form = officer.getByTestId('open-round-form');
    await form.getByTestId('open-round-plan').click();
    await officer.getByRole('option', { name: /Chương trình hành động vì trẻ em tỉnh Nghệ An/ }).click();
    await form.getByRole('combobox', { name: 'Năm' }).click();
    await officer.getByRole('option', { name: '2025', exact: true }).click();
    await form.getByText('6 tháng đầu năm', { exact: true }).click();
    await expect.poll(() => form.getByTestId('open-round-deadline').inputValue()).toBe('2025-06-15');
    expect(await form.getByTestId('open-round-deadline-source').textContent()).toContain('Báo cáo 6 tháng trước ngày 15/6');
    await form.getByTestId('open-round-submit').click();
    await officer.waitForURL((url) => /^\/reporting\/rounds\/[0-9a-f-]{36}$/.test(url.pathname));
    boardUrl = officer.url();
    await officer.getByTestId('board-table').waitFor();
    expect(await count(officer, 'submitted')).toMatch(/^0\/\d+$/);
  });

  it('the commune enters one figure, explains the rest at once, writes the results and submits', async () => {
    await signIn(commune, 'canbo-thanhvinh');
    const due = commune.getByTestId('reports-due-card');
    await due.getByRole('link', { name: /Báo cáo 6 tháng đầu năm 2025/ }).click();
    await commune.getByTestId('submission-unit').waitFor();
    expect(await state(commune)).toBe('missing');

    await commune.getByTestId('tab-figures').click();
    await commune.getByTestId(`entry-value-${LIVE_BIRTHS}`).fill('120');
    await commune.getByTestId('explain-all-text').fill('Chưa có số liệu thống kê của kỳ này');
    await commune.getByTestId('explain-all-apply').click();
    expect(await commune.getByTestId('missing-count').textContent()).toContain('Mọi số liệu đều đã nhập hoặc đã giải trình');
    // the figure entered needs no explanation
    expect(await commune.getByTestId(`explain-${LIVE_BIRTHS}`).count()).toBe(0);

    await commune.getByTestId('tab-narrative').click();
    await commune.getByTestId('narrative-results').fill(RESULTS);
    await commune.getByTestId('action-submit').click();
    await expect.poll(() => state(commune)).toBe('submitted');
    expect(await commune.getByTestId('action-done').textContent()).toContain('Đã gửi báo cáo');
    // a sent report waits for the reviewer: the body can no longer edit it
    expect(await commune.getByTestId('action-submit').count()).toBe(0);
  });

  it('the officer sees it on the board and returns it with a comment on that figure', async () => {
    await officer.goto(boardUrl);
    await expect.poll(() => count(officer, 'submitted')).toMatch(/^1\/\d+$/);
    await officer.getByTestId('board-search').fill('thanh vinh');
    const row = officer.locator(`[data-testid="board-row"][data-unit="${COMMUNE_A}"]`);
    expect(await row.locator('[data-state]').getAttribute('data-state')).toBe('submitted');
    await row.getByRole('link', { name: /Xem/ }).click();
    await officer.getByTestId('submission-unit').waitFor();

    await officer.getByTestId('tab-figures').click();
    await officer.getByTestId(`comment-figure:${LIVE_BIRTHS}`).click();
    const dialog = officer.getByRole('dialog', { name: 'Trả lại báo cáo để bổ sung' });
    await dialog.getByTestId(`return-comment-figure:${LIVE_BIRTHS}`).fill(COMMENT);
    await dialog.getByTestId('return-send').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => state(officer)).toBe('returned');
  });

  it('the commune sees the comment beside the figure, corrects it and submits again', async () => {
    await commune.reload();
    await commune.getByTestId('submission-unit').waitFor();
    expect(await state(commune)).toBe('returned');
    expect(await commune.getByTestId('tab-figures').textContent()).toContain('1 góp ý');
    await commune.getByTestId('tab-figures').click();
    const block = commune.locator(`[data-testid="figure-block"][data-figure="${LIVE_BIRTHS}"]`);
    expect(await block.getByTestId(`comments-figure:${LIVE_BIRTHS}`).textContent()).toContain(COMMENT);
    await block.getByTestId(`entry-value-${LIVE_BIRTHS}`).fill('125');
    await commune.getByTestId('action-submit').click();
    await expect.poll(() => state(commune)).toBe('resubmitted');
  });

  it('the officer sees what changed, accepts, and the board counts it', async () => {
    await officer.reload();
    await officer.getByTestId('submission-unit').waitFor();
    const change = officer.locator(`[data-testid="change"][data-target="figure:${LIVE_BIRTHS}"]`);
    await change.waitFor();
    expect(await change.textContent()).toMatch(/Số trẻ đẻ sống.*120.*125/);
    await officer.getByTestId('action-accept').click();
    await officer.getByRole('dialog', { name: 'Chấp nhận báo cáo?' }).getByTestId('confirm-action').click();
    await expect.poll(() => state(officer)).toBe('accepted');
    await officer.getByTestId('submission-locked').waitFor();

    await officer.goto(boardUrl);
    await expect.poll(() => count(officer, 'accepted')).toBe('1');
    expect(await count(officer, 'submitted')).toMatch(/^1\/\d+$/);
    // the deadline was 15 June 2025: sent later, so late, not on time
    expect(await count(officer, 'late')).toBe('1');
    expect(await count(officer, 'on-time')).toBe('0');
  });

  it('edits a paragraph of the consolidated report, saves, builds, and the .docx holds the edit', async () => {
    await officer.getByTestId('report-link').click();
    const paragraph = officer.getByTestId('paragraph-results-0');
    await paragraph.waitFor();
    expect(await paragraph.inputValue()).toBe(RESULTS);
    // built from an accepted report: not a draft
    expect(await officer.getByTestId('report-draft-warning').count()).toBe(0);
    await paragraph.fill(EDITED);
    await officer.getByTestId('report-save').click();
    await expect.poll(async () => (await officer.getByTestId('report-done').textContent()) ?? '').toContain('Đã lưu');

    await officer.getByTestId('report-build').click();
    const build = officer.getByTestId('build-row').first();
    await build.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([officer.waitForEvent('download'), build.getByTestId('download-docx').click()]);
    const file = await download.path();
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
    const xml = strFromU8(
      unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain(EDITED);
    expect(xml).not.toContain(RESULTS);
  });
});
