import { inflateBudget, readEntry, zipEntries } from '@tre/core/files/zip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportFixture } from './report.fixture.ts';
import { buildReportXlsx } from './xlsx.ts';

async function open(report = reportFixture): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its Buffer apart from Node's
  await wb.xlsx.load((await buildReportXlsx(report)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

const wb = await open();
const pl1 = sheet(wb, 'PL1 Chỉ tiêu');
const pl2 = sheet(wb, 'PL2 Nhiệm vụ');
const pl3 = sheet(wb, 'PL3 Tình hình báo cáo');

describe('the consolidated report’s appendices as .xlsx', () => {
  it('has one sheet per appendix, in order', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['PL1 Chỉ tiêu', 'PL2 Nhiệm vụ', 'PL3 Tình hình báo cáo']);
  });

  it('has a bold header row, frozen, and a width on every column', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = ws.getRow(1);
      expect(header.getCell(1).value).toBe('TT');
      expect(header.getCell(1).font.bold).toBe(true);
      expect(ws.columnCount).toBeGreaterThan(5);
      for (let c = 1; c <= ws.columnCount; c++) {
        expect(ws.getColumn(c).width, `${ws.name} column ${String(c)}`).toBeGreaterThan(0);
      }
    }
    expect(pl1.rowCount).toBe(reportFixture.indicators.length + 1);
    expect(pl2.rowCount).toBe(reportFixture.tasks.length + 1);
    expect(pl3.rowCount).toBe(reportFixture.reporting.length + 1);
  });

  it('stores numbers as numbers, with formats', () => {
    const headers = (pl1.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'TT',
      'Chỉ tiêu số',
      'Chỉ tiêu',
      'Tử số',
      'Mẫu số',
      'Giá trị',
      'Mục tiêu',
      'Đánh giá',
      'Đã báo cáo',
      'Phải báo cáo',
    ]);
    const row = pl1.getRow(2);
    for (const c of [1, 2, 4, 5, 6, 9, 10]) expect(typeof row.getCell(c).value, `column ${String(c)}`).toBe('number');
    expect(row.getCell(4).value).toBe(257);
    expect(row.getCell(5).value).toBe(19_985);
    expect(row.getCell(6).value as number).toBeCloseTo(12.86, 2);
    expect(row.getCell(6).numFmt).toBe('#,##0.0#"‰"');
    expect(row.getCell(4).numFmt).toBe('#,##0');
    expect(row.getCell(3).value).toBe('Tỷ suất tử vong trẻ em dưới 1 tuổi trên 1.000 trẻ đẻ sống');
    expect(pl1.getRow(6).getCell(6).numFmt).toBe('#,##0.0#"%"');

    expect(typeof pl2.getRow(2).getCell(1).value).toBe('number');
    const late = pl3.getRow(5);
    expect(late.getCell(6).value).toBe('Trễ hạn');
    expect(late.getCell(7).value).toBe(4);
    expect(late.getCell(5).value).toEqual(new Date('2025-06-14T00:00:00Z'));
    expect(late.getCell(5).numFmt).toBe('dd/mm/yyyy');
  });

  it('leaves a missing value empty, never 0', () => {
    const missing = pl1.getRow(3); // under-5 mortality: no numerator, denominator or value
    expect(missing.getCell(3).value).toBe('Tỷ suất tử vong trẻ em dưới 5 tuổi trên 1.000 trẻ đẻ sống');
    for (const c of [4, 5, 6]) expect(missing.getCell(c).value, `column ${String(c)}`).toBeNull();
    expect(pl1.getRow(12).getCell(7).value).toBeNull(); // no target
    const unsent = pl3.getRow(7);
    expect(unsent.getCell(4).value).toBe('Chưa gửi');
    for (const c of [5, 6, 7]) expect(unsent.getCell(c).value).toBeNull();
    expect(pl3.getRow(2).getCell(7).value).toBeNull(); // on time: no days late
  });

  it('keeps texts that look like formulas as plain strings', async () => {
    const report = {
      ...reportFixture,
      tasks: [
        { path: null, task: '=1+1', body: '+Sở Y tế', role: '-Chủ trì', status: '@now', note: '=HYPERLINK("http://x","y")' },
      ],
    };
    // in the file itself: no formula element anywhere, the texts are strings
    const bytes = await buildReportXlsx(report);
    const entry = zipEntries(bytes).find((e) => e.name === 'xl/worksheets/sheet2.xml');
    const xml = entry ? new TextDecoder().decode(readEntry(bytes, entry, inflateBudget(1e8))) : '';
    expect(xml).toContain('<sheetData>');
    expect(xml).not.toMatch(/<f[ >]/);
    const tricky = await open(report);
    const row = sheet(tricky, 'PL2 Nhiệm vụ').getRow(2);
    expect(row.getCell(3).value).toBe('=1+1');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(4).value).toBe('+Sở Y tế');
    expect(row.getCell(5).value).toBe('-Chủ trì');
    expect(row.getCell(6).value).toBe('@now');
    expect(row.getCell(7).value).toBe('=HYPERLINK("http://x","y")');
    expect(row.getCell(7).formula).toBeUndefined();
    expect(row.getCell(2).value).toBeNull();
  });
});
