import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCsv, type LayoutRow } from '../packages/server/src/test/children.ts';
import { ADMIN_PASSWORD, closeBrowserAndServer, launchBrowser, startTestServer } from './browser.ts';

/**
 * The children register in Chromium: a spreadsheet with errors imported through the wizard (the
 * progress bar, the report, the refused rows downloaded as Excel), then a proposed duplicate merged
 * side by side and the merge undone.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-e2e-children-'));

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await closeBrowserAndServer(browser, server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const year = Number(new Date().toISOString().slice(0, 4)) - 9;
const given = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Khánh',
  'Lan',
  'Minh',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Uyên',
];
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];

/** 3,000 different children (enough for the bar to be seen), one of them again without diacritics and with day and month swapped, and three mistakes. */
function register(): string {
  const rows: LayoutRow[] = [];
  for (let i = 0; i < 3000; i++) {
    const boy = i % 2 === 0;
    rows.push({
      name: `${families[i % families.length] ?? ''} ${boy ? 'Văn' : 'Thị'} ${given[Math.floor(i / 12) % given.length] ?? ''} ${given[Math.floor(i / 192) % given.length] ?? ''}`,
      birth: `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}/${year - (i % 6)}`,
      sex: boy ? 'Nam' : 'Nữ',
      mother: `Mẹ ${String(i)}`.replace(/\d/g, (d) => given[Number(d)] ?? ''),
    });
  }
  rows.push({ name: 'Lò Thị Xoan', birth: `07/03/${year}`, sex: 'Nữ', mother: 'Lường Thị Ánh', groups: 'a' });
  rows.push({ name: 'Phạm Văn Lỗi', birth: `31/02/${year}` }); // row 3003
  rows.push({ name: 'Lo Thi Xoan', birth: `03/07/${year}`, sex: 'nu', mother: 'Luong Thi Anh' });
  rows.push({ name: 'Đinh Văn Tú', birth: `02/02/${year}`, sex: 'X' }); // row 3005
  rows.push({ name: 'Vi Văn Sơn', birth: `02/02/${year}`, groups: 'a;f' }); // row 3006
  const file = path.join(dir, 'danh-sach-tre-em.csv');
  fs.writeFileSync(file, registerCsv(rows));
  return file;
}

describe('the children register in the browser', () => {
  it('imports a spreadsheet with errors, shows the progress and the refused rows, and gives them as Excel', async () => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('current-user').waitFor();

    await page.goto(`${server.url}/children/import`);
    await page.getByTestId('children-import-file').setInputFiles(register());
    await page.getByTestId('children-import-start').click();
    await page.getByTestId('import-progress').waitFor();
    const report = page.getByTestId('children-import-report');
    await report.waitFor({ timeout: 120_000 });
    const count = async (id: string) => (await page.getByTestId(`children-count-${id}`).textContent()) ?? '';
    expect(await count('rows')).toBe('3.005');
    expect(await count('imported')).toBe('3.002');
    expect(await count('rejected')).toBe('3');
    const refused = await page.getByTestId('children-rejections-row').allTextContents();
    expect(refused).toHaveLength(3);
    expect(refused[0]).toContain('3003');
    expect(refused[0]).toContain('Ngày sinh');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('children-rejections-xlsx').click()]);
    const xlsx = path.join(dir, 'loi.xlsx');
    await download.saveAs(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const rows: number[] = [];
    wb.worksheets[0]?.eachRow((r) => {
      const v = r.getCell(1).value;
      if (typeof v === 'number') rows.push(v);
    });
    expect(rows).toEqual([3003, 3005, 3006]);
  }, 240_000);

  it('merges a proposed duplicate side by side and undoes the merge', async () => {
    await page.goto(`${server.url}/children/duplicates`);
    // the import's scan runs after the job: the pair appears once it has run
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('dup-tab-pending').waitFor();
          return page.getByTestId('dup-row').filter({ hasText: 'Xoan' }).count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);
    await page.getByTestId('dup-row').filter({ hasText: 'Xoan' }).getByRole('button').click();
    const compare = page.getByTestId('pair-compare');
    await compare.waitFor();
    expect(await compare.textContent()).toContain('Lo Thi Xoan');
    await page.getByTestId('pair-keep-a').click();
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await expect.poll(async () => (await page.getByTestId('dup-notice').textContent()) ?? '').toContain('Đã gộp');
    expect(await page.getByTestId('dup-row').filter({ hasText: 'Xoan' }).count()).toBe(0);

    await page.getByTestId('dup-tab-merged').click();
    await page.getByTestId('dup-row').filter({ hasText: 'Xoan' }).getByRole('button').click();
    await page.getByTestId('pair-undo').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(async () => (await page.getByTestId('dup-notice').textContent()) ?? '').toContain('Đã hoàn tác');
    await page.getByTestId('dup-tab-pending').click();
    await expect.poll(() => page.getByTestId('dup-row').filter({ hasText: 'Xoan' }).count()).toBe(1);
  }, 180_000);

  it('adds a child on the screen, records the support of a group, and shows the administrator who looked', async () => {
    await page.goto(`${server.url}/children`);
    await page.getByTestId('children-new').click();
    await page.getByTestId('child-form-fullName').fill('Hà Thị Mai');
    await page.getByTestId('child-form-birthDate').fill(`${year}-05-04`);
    await page.getByTestId('child-form-sex').click();
    await page.getByRole('option', { name: 'Nữ' }).click();
    await page.getByTestId('child-form-communeCode').fill('1668'); // one digit short
    await page.getByTestId('child-form-group-a').check();
    await page.getByTestId('child-form-submit').click();
    // the refusal is said at its field, and nothing was made
    await expect.poll(async () => (await page.getByTestId('child-form').textContent()) ?? '').toContain('Mã xã');
    expect(page.url()).toContain('/children/new');
    await page.getByTestId('child-form-communeCode').fill('16681');
    await page.getByTestId('child-form-submit').click();

    // an administrator reads every commune: the record opens with a reason
    await page.getByTestId('reason-modal').getByRole('textbox').fill('Kiểm tra hồ sơ vừa thêm');
    await page.getByTestId('reason-modal').getByRole('button', { name: 'Mở hồ sơ' }).click();
    await page.getByTestId('child-record').waitFor();
    expect(await page.getByTestId('child-name').textContent()).toBe('Hà Thị Mai');
    expect(await page.getByTestId('child-source').textContent()).toContain('màn hình');

    await page.getByTestId('membership-edit-a').click();
    await page.getByTestId('membership-support').fill('Trợ cấp xã hội hằng tháng từ 05/2026');
    await page.getByTestId('membership-save').click();
    await expect.poll(async () => (await page.getByTestId('child-groups').textContent()) ?? '').toContain('Trợ cấp xã hội');
    expect(await page.getByTestId('child-history').textContent()).toContain('Trợ cấp xã hội');

    // the record changed on the screen: the new address is kept, with its history
    await page.getByTestId('child-edit-button').click();
    await page.getByTestId('child-form-address').fill('Khối 3');
    await page.getByTestId('child-form-submit').click();
    await page.getByTestId('child-record').waitFor();
    expect(await page.getByTestId('child-record').textContent()).toContain('Khối 3');

    const readers = page.getByTestId('child-readers');
    await readers.waitFor();
    expect(await readers.textContent()).toContain('Kiểm tra hồ sơ vừa thêm');
  }, 120_000);
});
