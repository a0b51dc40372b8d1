import { Role } from '@tre/core';
import { inflateBudget } from '@tre/core/files/zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from '../../imports/readers/xlsx.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { localIndicatorRequest, signInNewUser, type Session } from '../../test/factories.ts';

/**
 * Spreadsheets out: a text that Excel would run as a formula when typed (= + - @) reaches a
 * downloaded workbook as a text cell, never a formula. exceljs writes strings as shared strings
 * (t="s"), which Excel shows as they are; this holds it to that.
 */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signInNewUser(t, { role: Role.Admin });
});
afterAll(async () => t.close());

describe('a workbook downloaded from Tre', () => {
  it('keeps names that look like formulas as text cells', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    for (const [i, name] of names.entries()) {
      const request = localIndicatorRequest(`L0${i + 1}`);
      const measure = request.indicator.measures[0];
      if (!measure) throw new Error('no measure');
      measure.name = { vi: name, en: name };
      const res = await t.app.inject({ method: 'POST', url: '/api/indicators/local', headers: admin.headers, payload: request });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/indicators/chart.xlsx?view=overview&period=2025&unit=40',
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cells = [...sheetRows(res.rawPayload, { budget: inflateBudget(200e6), maxSharedStrings: 1e6 })]
      .flat()
      .flatMap((r) => [...r.cells.values()]);
    for (const name of names) {
      const found = cells.filter((c) => c.value === name);
      expect(found.length, name).toBeGreaterThan(0);
      expect(found.every((c) => !c.formula)).toBe(true);
    }
    expect(cells.some((c) => c.formula)).toBe(false);
  });
});
