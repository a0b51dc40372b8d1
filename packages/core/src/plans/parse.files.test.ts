import { strToU8, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanFileError, extractPlanText, parsePlanFile, parsePlanText } from './parse.ts';
import { PlanDocumentSchema } from './plan-format.ts';
import { makeDocx } from './parser/docx.fixture.ts';

const LONG_AN = fs.readFileSync(path.join(import.meta.dirname, 'samples', 'long-an-2021-2030-action-programme.txt'), 'utf8');
const enc = new TextEncoder();
const TEXT = 'KẾ HOẠCH\r\nCông tác trẻ em năm 2025\rII. NHIỆM VỤ\n1. Tổ chức Tết Trung thu';

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

const fileError = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanFileError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('text files', () => {
  const expected = 'KẾ HOẠCH\nCông tác trẻ em năm 2025\nII. NHIỆM VỤ\n1. Tổ chức Tết Trung thu';
  it.each([
    ['UTF-8', enc.encode(TEXT)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(TEXT)])],
    ['UTF-16 LE', utf16(TEXT, true)],
    ['UTF-16 BE', utf16(TEXT, false)],
    ['decomposed (NFD) Vietnamese', enc.encode(TEXT.normalize('NFD'))],
  ])('reads %s with CRLF/CR line ends into NFC', (_name, bytes) => {
    expect(extractPlanText('plan.txt', bytes)).toBe(expected);
    expect(parsePlanFile('PLAN.TXT', bytes).plan.tasks.map((t) => t.text)).toEqual(['Tổ chức Tết Trung thu']);
  });

  it('refuses empty, binary and unknown files with a message in both languages', () => {
    expect(fileError(() => extractPlanText('a.txt', new Uint8Array()))).toMatchObject({
      reason: 'empty',
      detail: { vi: 'Tệp rỗng.' },
    });
    expect(fileError(() => extractPlanText('a.txt', enc.encode('  \n \n'))).reason).toBe('empty');
    expect(fileError(() => extractPlanText('a.txt', new Uint8Array([0x4b, 0x00, 0x48, 0x01])))).toMatchObject({
      reason: 'binary',
    });
    expect(fileError(() => extractPlanText('a.txt', new Uint8Array([0x4b, 0xc3, 0x28, 0x41])))).toMatchObject({
      reason: 'binary',
    });
    const pdf = fileError(() => extractPlanText('plan.pdf', enc.encode('%PDF-1.7')));
    expect(pdf.reason).toBe('unsupported-type');
    expect(pdf.detail.vi).toContain('.docx');
    expect(fileError(() => extractPlanText('plan.doc', enc.encode('x'))).reason).toBe('unsupported-type');
    expect(fileError(() => extractPlanText('plan', enc.encode('x'))).reason).toBe('unsupported-type');
  });

  it('refuses a file over the limit', () => {
    expect(fileError(() => extractPlanText('big.docx', new Uint8Array(10 * 1024 * 1024 + 1))).reason).toBe('too-large');
    expect(fileError(() => extractPlanText('big.txt', new Uint8Array(8 * 1024 * 1024 + 1))).reason).toBe('too-large');
  });
});

describe('docx files', () => {
  it('reads paragraphs, tabs, breaks, automatic numbering and footnotes', () => {
    const bytes = makeDocx(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH BÌNH ĐỊNH',
        'KẾ HOẠCH',
        'Tổ chức Tháng hành động\nvì trẻ em năm 2025',
        { text: 'NHIỆM VỤ', num: { id: 1 } },
        { text: 'Truyền thông về\tquyền trẻ em[fn:2] & bảo vệ <trẻ em>', num: { id: 1, level: 1 } },
        { text: 'Đơn vị chủ trì: Sở Y tế', num: { id: 3 } },
        { text: 'Thời gian thực hiện: tháng 6/2025', num: { id: 3 } },
        { text: 'Tập huấn cán bộ', num: { id: 1, level: 1 } },
        { text: 'Bảo đảm an toàn', num: { id: 2 } },
      ],
      { 2: 'Chương trình truyền thông giai đoạn 2021-2025.' },
    );
    const text = extractPlanText('plan.docx', bytes);
    expect(text.split('\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH ĐỊNH',
      'KẾ HOẠCH',
      'Tổ chức Tháng hành động',
      'vì trẻ em năm 2025',
      '1. NHIỆM VỤ',
      '1.1. Truyền thông về quyền trẻ em¹ & bảo vệ <trẻ em>',
      'a) Đơn vị chủ trì: Sở Y tế',
      'b) Thời gian thực hiện: tháng 6/2025',
      '1.2. Tập huấn cán bộ',
      '- Bảo đảm an toàn',
      '',
      '(¹) Chương trình truyền thông giai đoạn 2021-2025.',
    ]);
    const p = parsePlanFile('plan.docx', bytes).plan;
    expect(p).toMatchObject({
      issuer: 'UBND tỉnh Bình Định',
      title: 'Tổ chức Tháng hành động vì trẻ em năm 2025',
      footnotes: [{ mark: '1', text: 'Chương trình truyền thông giai đoạn 2021-2025.' }],
    });
    expect(p.tasks.map((t) => [t.ref, t.text, t.lead, t.timeline.start, t.section])).toEqual([
      ['1.1', 'Truyền thông về quyền trẻ em & bảo vệ <trẻ em>', ['Sở Y tế'], '2025-06-01', '1'],
      [null, 'Bảo đảm an toàn', [], null, '1.2'], // the bullet makes "1.2. Tập huấn cán bộ" its heading
    ]);
  });

  it('gives an honest empty result for a .docx that is not a plan', () => {
    const r = parsePlanFile('menu.docx', makeDocx(['Thực đơn tuần 3', 'Thứ hai: cơm, canh chua', 'Thứ ba: phở']));
    expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
    expect(r.plan).toMatchObject({ documentType: 'other', tasks: [], indicators: [], reporting: [], citations: [] });
    expect(r.lines).toEqual(['Thực đơn tuần 3', 'Thứ hai: cơm, canh chua', 'Thứ ba: phở']);
  });

  it('refuses a file that is not a zip, and a zip without word/document.xml', () => {
    expect(fileError(() => extractPlanText('a.docx', enc.encode('not a zip at all')))).toMatchObject({ reason: 'not-docx' });
    const zip = zipSync({ 'content.xml': strToU8('<office:document/>') });
    const e = fileError(() => extractPlanText('a.docx', zip));
    expect(e.reason).toBe('not-docx');
    expect(e.detail.vi).toContain('word/document.xml');
  });
});

describe('large and pathological input', () => {
  // its speed is measured in bench/plans-parse.ts, not asserted here
  it('parses 5 MB of plan text within the bounds of tre.plan/v1', () => {
    const body = LONG_AN.slice(0, LONG_AN.indexOf('Nơi nhận')); // the body ends at the recipients list
    const copies: string[] = [];
    while (copies.join('\n').length < 5 * 1024 * 1024) copies.push(body);
    const r = parsePlanText(copies.join('\n'));
    expect(r.lines.length).toBeGreaterThan(40_000);
    // the same 24 indicators again and again are one entry each, their targets capped
    expect(r.plan.indicators).toHaveLength(24);
    expect(Math.max(...r.plan.indicators.map((i) => i.targets.length))).toBeLessThanOrEqual(50);
    expect(r.plan.tasks).toHaveLength(5000);
    expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
  });

  it.each([
    ['1 MB of commas', ','.repeat(1024 * 1024)],
    ['1 MB of "Chỉ tiêu 1: " and numbers', `- Chỉ tiêu 1: ${'đạt 5% vào năm 2025 và '.repeat(40_000)}`],
    ['a bullet of 1 MB of agency names', `II. NHIỆM VỤ\n- Việc\n* Thực hiện: ${'Sở Y tế, '.repeat(110_000)}chủ trì`],
    ['1 MB of dates and slashes', `V. CHẾ ĐỘ BÁO CÁO\nBáo cáo định kỳ ${'1/1/1/'.repeat(170_000)}`],
    ['deep nesting', Array.from({ length: 20_000 }, (_, i) => `${'-+*•'[i % 4]} mục ${i}`).join('\n')],
  ])('does not hang on %s', (_name, text) => {
    const t0 = performance.now();
    const r = parsePlanText(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
  });
});
