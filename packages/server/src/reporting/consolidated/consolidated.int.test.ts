import ExcelJS from 'exceljs';
import { formatViValue, type ReportBuildDto, type ReportDraftDto, type RoundDto, type SubmissionDto } from '@tre/core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { COMMUNE_A, COMMUNE_B, makePlan, signInNewUser, type Session } from '../../test/factories.ts';
import { indicatorValues } from '../../indicators/values/service.ts';

/**
 * The consolidated report built through the real routes and opened with libraries: the .docx's
 * layout words, the figure the indicators module computes, the accepted text attributed to its body,
 * one task row per task and body, one status row per body; the files stored and served again.
 */
let t: TestApp;
let po: Session;
let round: RoundDto;
const sessions = new Map<string, Session>();

const call = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const sub = (unit: string) => `/api/rounds/${round.id}/submissions/${unit}`;

async function send(unit: string, figures: Record<string, number>, results: string) {
  const s = sessions.get(unit);
  if (!s) throw new Error(unit);
  const values = Object.entries(figures).map(([element, value]) => ({ element, value }));
  expect((await call(s, 'PUT', '/api/data-values', { unit, period: '2025S1', values })).statusCode).toBe(200);
  const form = (await call(s, 'GET', sub(unit))).json<SubmissionDto>();
  const explanations = Object.fromEntries(form.missingFigures.map((c) => [c, 'Không phát sinh']));
  expect(
    (await call(s, 'PUT', sub(unit), { narrative: { results, limitations: `Hạn chế của ${unit}` }, explanations })).statusCode,
  ).toBe(200);
  expect((await call(s, 'POST', `${sub(unit)}/submit`)).statusCode).toBe(200);
}

const documentXml = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
/** The text of a document's XML without its tags (runs split words across elements). */
const plain = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');

beforeAll(async () => {
  t = await startTestApp();
  po = await signInNewUser(t, { role: 'provincial_officer' });
  sessions.set(COMMUNE_A, await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_A }));
  sessions.set(COMMUNE_B, await signInNewUser(t, { role: 'commune_officer', communeCode: COMMUNE_B }));
  const planId = await makePlan(t.db);
  round = (await call(po, 'POST', '/api/rounds', { planId, period: '2025S1' })).json<RoundDto>();
  await send(
    COMMUNE_A,
    { LIVE_BIRTHS: 700, INFANT_DEATHS: 9 },
    'Phường Thành Vinh tổ chức 12 buổi truyền thông về quyền trẻ em.',
  );
  await send(COMMUNE_B, { LIVE_BIRTHS: 750, INFANT_DEATHS: 10 }, 'Xã Nghi Lộc chưa tổ chức được diễn đàn trẻ em.');
});
afterAll(async () => t.close());

describe('the report’s text', () => {
  it('is a draft from what was sent while nothing is accepted, each paragraph attributed', async () => {
    const d = (await call(po, 'GET', `/api/rounds/${round.id}/report`)).json<ReportDraftDto>();
    expect(d.draft).toBe(true);
    expect(d.sections.find((s) => s.key === 'results')?.paragraphs).toEqual([
      { text: 'Phường Thành Vinh tổ chức 12 buổi truyền thông về quyền trẻ em.', source: 'Phường Thành Vinh' },
      { text: 'Xã Nghi Lộc chưa tổ chức được diễn đàn trẻ em.', source: 'Xã Nghi Lộc' },
    ]);
  });

  it('takes only the accepted submissions once one is accepted', async () => {
    expect((await call(po, 'POST', `${sub(COMMUNE_A)}/accept`)).statusCode).toBe(200);
    const d = (await call(po, 'GET', `/api/rounds/${round.id}/report`)).json<ReportDraftDto>();
    expect(d.draft).toBe(false);
    expect(d.sources).toEqual([{ unitName: 'Phường Thành Vinh', state: 'accepted', version: 1 }]);
    expect(d.sections.find((s) => s.key === 'results')?.paragraphs.map((p) => p.source)).toEqual(['Phường Thành Vinh']);
  });

  it('keeps the officer’s edits, audited, until assembled again', async () => {
    const d = (await call(po, 'GET', `/api/rounds/${round.id}/report`)).json<ReportDraftDto>();
    const sections = d.sections.map((s) =>
      s.key === 'results' ? { ...s, paragraphs: [{ text: 'Đoạn văn do cán bộ sửa lại.', source: 'Phường Thành Vinh' }] } : s,
    );
    const saved = await call(po, 'PUT', `/api/rounds/${round.id}/report`, {
      front: { ...d.front, number: '05/BC-UBND', date: '2026-01-05' },
      sections,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<ReportDraftDto>()).toMatchObject({ edited: true, front: { number: '05/BC-UBND' } });
    const audit = await t.db.kysely.selectFrom('audit_event').select('action').where('entity', '=', 'report_draft').execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('is refused to a commune officer and a viewer (403)', async () => {
    const viewer = await signInNewUser(t, { role: 'viewer' });
    expect((await call(sessions.get(COMMUNE_A) as Session, 'GET', `/api/rounds/${round.id}/report`)).statusCode).toBe(403);
    const d = (await call(po, 'GET', `/api/rounds/${round.id}/report`)).json<ReportDraftDto>();
    expect(
      (await call(viewer, 'PUT', `/api/rounds/${round.id}/report`, { front: d.front, sections: d.sections })).statusCode,
    ).toBe(403);
  });
});

describe('the documents built', () => {
  let build: ReportBuildDto;
  let docx: Buffer;

  beforeAll(async () => {
    const res = await call(po, 'POST', `/api/rounds/${round.id}/report/builds`);
    expect(res.statusCode, res.body).toBe(201);
    build = res.json<ReportBuildDto>();
    docx = (await call(po, 'GET', `/api/rounds/${round.id}/report/builds/${build.id}/docx`)).rawPayload;
  });

  it('has the layout of Nghị định 30: motto, number, dated place line, title, Times New Roman, headings, recipients', () => {
    const xml = documentXml(docx);
    const text = plain(xml);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 05/BC-UBND');
    expect(text).toContain('Nghệ An, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('BÁO CÁO');
    expect(text).toMatch(/ỦY BAN NHÂN DÂN\s+TỈNH NGHỆ AN/);
    for (const h of [
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ TRẺ EM',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN',
    ]) {
      expect(text).toContain(h);
    }
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Bộ Y tế;');
    expect(text).not.toContain('DỰ THẢO');
    const styles = strFromU8(unzipSync(new Uint8Array(docx))['word/styles.xml'] ?? new Uint8Array());
    expect(`${styles}${xml}`).toContain('Times New Roman');
  });

  it('quotes the province’s figure as the indicators module computes it, in Vietnamese format', async () => {
    const values = await indicatorValues(t.db.kysely, { provinceCode: '40', operator: true }, { period: '2025S1', unit: '40' });
    const infant = values.values.find((v) => v.measure === 'I03_INFANT_MORTALITY');
    expect(infant?.value).toBeCloseTo((19 / 1450) * 1000); // 13,10‰ from both communes, sent or accepted
    const text = plain(documentXml(docx));
    expect(text).toContain(`${infant?.name.vi ?? ''}: ${formatViValue(infant?.value ?? null, 'per1000')}`);
    expect(text).toContain('Đoạn văn do cán bộ sửa lại.');
    expect(text).toContain('Phường Thành Vinh');
  });

  it('has the appendices as a workbook: one task row per task and body, one status row per body', async () => {
    const xlsx = (await call(po, 'GET', `/api/rounds/${round.id}/report/builds/${build.id}/xlsx`)).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheets = wb.worksheets;
    expect(sheets).toHaveLength(3);
    const [indicators, tasks, status] = sheets;
    const communes = round.bodies.filter((b) => b.unitKind === 'commune').length;
    // task 3 ("UBND cấp xã") is every commune's; the other tasks are the departments' and mass organisations'
    const taskRows = (tasks?.rowCount ?? 0) - 1;
    expect(taskRows).toBeGreaterThan(communes);
    expect(status?.rowCount).toBe(round.bodies.length + 1);
    // the infant mortality row: name, numerator 19 and denominator 1 450 as numbers, as the indicators module sums them
    const infant = indicators
      ?.getSheetValues()
      .find((r) => Array.isArray(r) && r[3] === 'Tỷ suất tử vong trẻ em dưới 1 tuổi trên 1.000 trẻ đẻ sống');
    expect(Array.isArray(infant) ? [infant[4], infant[5]] : null).toEqual([19, 1450]);
  });

  it('is stored with the round and listed for leaders, with who built it and from which submissions', async () => {
    const viewer = await signInNewUser(t, { role: 'viewer' });
    const list = (await call(viewer, 'GET', `/api/rounds/${round.id}/report/builds`)).json<{ items: ReportBuildDto[] }>();
    expect(list.items.map((b) => b.id)).toEqual([build.id]);
    expect(list.items[0]?.sources).toEqual([{ unitName: 'Phường Thành Vinh', state: 'accepted', version: 1 }]);
    expect(list.items[0]?.formats).toEqual(expect.arrayContaining(['docx', 'xlsx']));
    const again = await call(viewer, 'GET', `/api/rounds/${round.id}/report/builds/${build.id}/docx`);
    expect(again.rawPayload.equals(docx)).toBe(true);
    expect(again.headers['content-disposition']).toContain('bao-cao-2025S1.docx');
    const commune = sessions.get(COMMUNE_A) as Session;
    expect((await call(commune, 'GET', `/api/rounds/${round.id}/report/builds/${build.id}/docx`)).statusCode).toBe(403);
  });
});
