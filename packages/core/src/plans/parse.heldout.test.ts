/**
 * Hand-written plans in the style of provinces and communes the samples do not cover (see heldout/README.md).
 * Every expectation was typed from reading the text, not from the parser's output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import { PlanDocumentSchema, type IndicatorTarget, type PlanParseResult, type PlanTask } from './plan-format.ts';

const read = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'heldout', name), 'utf8');
const unit = { '%': '%', per1000: '‰', per100000: '/100k', count: '' } as const;
const fmt = (t: IndicatorTarget) => `${t.year}:${t.op ?? '?'}${t.value}${t.unit ? unit[t.unit] : ''}`;
const tl = (t: PlanTask | undefined) => t && [t.timeline.kind, t.timeline.start, t.timeline.end];
const inSection = (r: PlanParseResult, s: string) =>
  r.plan.tasks.filter((t) => t.section === s || t.section?.startsWith(`${s}.`));
const byRef = (r: PlanParseResult, s: string, ref: string) => {
  const t = inSection(r, s).find((x) => x.ref === ref);
  if (!t) throw new Error(`no task ${ref} in section ${s}`);
  return t;
};
const reports = (r: PlanParseResult) => r.plan.reporting.map(({ kind, due, recipient }) => ({ kind, due, recipient }));

describe('Nghệ An annual plan 2025', () => {
  const r = parsePlanText(read('nghe-an-2025-annual-plan.txt'));
  const p = r.plan;

  it('reads the header', () => {
    expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      documentType: 'plan',
      issuer: 'UBND tỉnh Nghệ An',
      documentNumber: '123/KH-UBND',
      title: 'Thực hiện công tác trẻ em năm 2025',
      years: { from: 2025, to: 2025 },
    });
    expect(p.citations).toEqual(['56/2017/NĐ-CP', '28-CT/TW', '23/QĐ-TTg', '13/2021/TT-BLĐTBXH']);
  });

  it('reads the five indicators for the plan year', () => {
    expect(p.indicators.map((i) => [i.no, i.targets.map(fmt)])).toEqual([
      [1, ['2025:>=85%']],
      [2, ['2025:<=18‰']],
      [3, ['2025:>=100%']],
      [4, ['2025:<550/100k']],
      [5, ['2025:>=90%']],
    ]);
  });

  it('makes tasks of section III with lead, support and timeline in every written form', () => {
    expect(inSection(r, 'III').map((t) => t.ref)).toEqual(['1', '2.1', '2.2', '3', '4', '5', '6']);
    const t1 = byRef(r, 'III', '1');
    expect(t1).toMatchObject({ lead: ['Sở Y tế'], support: ['Sở Tài chính', 'Sở Nội vụ', 'UBND các xã, phường'] });
    expect(t1.text).not.toContain('chủ trì');
    expect(t1.timeline).toMatchObject({ kind: 'recurring', text: 'Thường xuyên' });
    expect(byRef(r, 'III', '2.1')).toMatchObject({
      lead: ['Sở Văn hóa, Thể thao và Du lịch'],
      support: ['Sở Y tế', 'Báo và Phát thanh, Truyền hình Nghệ An', 'UBND các xã, phường'],
    });
    expect(tl(byRef(r, 'III', '2.1'))).toEqual(['once', '2025-04-01', '2025-06-30']);
    expect(byRef(r, 'III', '2.2')).toMatchObject({
      lead: ['Sở Y tế'],
      support: ['Sở Giáo dục và Đào tạo', 'Tỉnh Đoàn', 'Hội Liên hiệp Phụ nữ tỉnh'],
    });
    expect(tl(byRef(r, 'III', '2.2'))).toEqual(['once', '2025-06-01', '2025-06-30']);
    expect(byRef(r, 'III', '3')).toMatchObject({
      lead: ['Công an tỉnh'],
      support: ['Sở Y tế', 'Tòa án nhân dân tỉnh', 'Viện kiểm sát nhân dân tỉnh'],
      timeline: { kind: 'event-driven' },
    });
    expect(byRef(r, 'III', '4')).toMatchObject({ lead: ['Sở Y tế'], support: ['các sở, ngành liên quan'] });
    expect(tl(byRef(r, 'III', '4'))).toEqual(['once', null, '2025-06-30']);
    const t5 = byRef(r, 'III', '5');
    expect(tl(t5)).toEqual(['range', '2025-10-03', '2025-10-06']);
    expect(t5.timeline.lunar).toContain('12/8');
    expect(tl(byRef(r, 'III', '6'))).toEqual(['range', '2025-05-01', '2025-08-31']);
    expect(byRef(r, 'III', '6').lead).toEqual(['Sở Giáo dục và Đào tạo']);
  });

  it('makes tasks of section IV led by the agency headings', () => {
    const iv = inSection(r, 'IV');
    expect(iv.map((t) => t.lead)).toEqual([
      ['Sở Y tế'],
      ['Sở Y tế'],
      ['Sở Giáo dục và Đào tạo'],
      ['Công an tỉnh'],
      ['Ủy ban MTTQ Việt Nam tỉnh', 'Tỉnh Đoàn', 'Hội Liên hiệp Phụ nữ tỉnh'],
      ['Ủy ban MTTQ Việt Nam tỉnh', 'Tỉnh Đoàn', 'Hội Liên hiệp Phụ nữ tỉnh'],
      ['UBND các xã, phường'],
      ['UBND các xã, phường'],
    ]);
    expect(iv[0]?.support).toEqual(['các sở, ngành, địa phương']);
    expect(p.tasks.some((t) => t.section === 'I' || t.section?.startsWith('I.'))).toBe(false);
  });

  it('reads the six-month and yearly report dates', () => {
    expect(reports(r)).toEqual([
      { kind: 'semiannual', due: '06-10', recipient: 'Sở Y tế' },
      { kind: 'annual', due: '10-30', recipient: 'Sở Y tế' },
    ]);
    expect(p.indicatorAssignments).toEqual([]);
  });
});

describe('commune plan for the Action Month and Mid-Autumn 2025', () => {
  const r = parsePlanText(read('commune-2025-action-month.txt'));
  const p = r.plan;
  const CVH = 'Công chức Văn hóa - Xã hội';

  it('reads the header of a commune', () => {
    expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      documentType: 'plan',
      issuer: 'UBND xã Tân Kỳ',
      documentNumber: '45/KH-UBND',
      title: 'Tổ chức Tháng hành động vì trẻ em và Tết Trung thu năm 2025',
      years: { from: 2025, to: 2025 },
    });
    expect(p.citations).toEqual(['123/KH-UBND', '850/SYT-BTXH']);
    expect(p.indicators).toEqual([]);
  });

  it('reads "X chủ trì" and "Y phối hợp" lines', () => {
    expect(byRef(r, 'II', '1.1')).toMatchObject({ lead: [CVH], support: ['Đoàn Thanh niên xã'] });
    expect(tl(byRef(r, 'II', '1.1'))).toEqual(['once', '2025-05-22', '2025-05-28']);
    const t12 = byRef(r, 'II', '1.2');
    expect(t12.lead).toEqual([CVH]);
    expect(t12.support.slice(0, 2)).toEqual(['Hội Liên hiệp Phụ nữ xã', 'Đoàn Thanh niên xã']);
    expect(t12.support.join('|')).toMatch(/Trường Tiểu học.*Trường THCS xã/);
    expect(tl(t12)).toEqual(['once', '2025-06-01', '2025-06-01']);
    expect(byRef(r, 'II', '1.3')).toMatchObject({
      lead: [CVH],
      support: ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'các thôn, bản'],
    });
    expect(tl(byRef(r, 'II', '1.3'))).toEqual(['range', '2025-06-01', '2025-06-30']);
    expect(byRef(r, 'II', '1.4')).toMatchObject({ lead: ['Trạm Y tế xã'], support: ['Đoàn Thanh niên xã', 'các thôn, bản'] });
    expect(tl(byRef(r, 'II', '1.4'))).toEqual(['once', '2025-07-01', '2025-07-31']);
  });

  it('converts lunar-only dates with the plan year', () => {
    const t21 = byRef(r, 'II', '2.1');
    expect(t21).toMatchObject({ lead: ['Đoàn Thanh niên xã'], support: [CVH, 'Hội Liên hiệp Phụ nữ xã'] });
    expect(tl(t21)).toEqual(['once', '2025-10-06', '2025-10-06']);
    expect(t21.timeline.lunar).toContain('15/8');
    const t22 = byRef(r, 'II', '2.2');
    expect(t22.lead).toEqual(['Trưởng các thôn, bản']);
    expect(tl(t22)).toEqual(['range', '2025-10-01', '2025-10-06']);
  });

  it('reads a table pasted one cell per line', () => {
    const iii = inSection(r, 'III');
    expect(iii.map((t) => [t.ref, t.text, t.lead, t.support, ...(tl(t) ?? [])])).toEqual([
      [
        '1',
        'Xây dựng kế hoạch, hướng dẫn các thôn, bản tổ chức các hoạt động',
        [CVH],
        ['Văn phòng HĐND và UBND xã'],
        'once',
        '2025-05-01',
        '2025-05-31',
      ],
      ['2', 'Tổng hợp, báo cáo kết quả Tháng hành động vì trẻ em', [CVH], ['Các thôn, bản'], 'once', null, '2025-07-05'],
    ]);
  });

  it('makes tasks of section V only, led by the headings', () => {
    expect(inSection(r, 'IV')).toEqual([]);
    expect(inSection(r, 'V').map((t) => t.lead)).toEqual([
      [CVH],
      [CVH],
      ['Trạm Y tế xã'],
      ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'Đoàn Thanh niên xã', 'Hội Liên hiệp Phụ nữ xã'],
      ['Các thôn, bản'],
    ]);
  });

  it('reads both report dates', () => {
    const dues = p.reporting.map((x) => x.due);
    expect(dues).toEqual(expect.arrayContaining(['2025-07-05', '2025-10-15']));
    expect(p.reporting.every((x) => x.kind === 'other' || x.kind === 'final')).toBe(true);
  });
});

describe('Sở Y tế letter asking for reports', () => {
  const r = parsePlanText(read('so-y-te-2025-report-letter.txt'));
  const p = r.plan;

  it('reads the header of a letter of a department', () => {
    expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      documentType: 'letter',
      issuer: 'Sở Y tế',
      documentNumber: '1520/SYT-BTXH',
      title: 'báo cáo kết quả thực hiện công tác trẻ em 6 tháng đầu năm 2025',
      years: { from: 2025, to: 2025 },
    });
    // Its own number, repeated in the appendix, is not a citation.
    expect(p.citations).toEqual([
      '2345/BYT-BMTE',
      '123/KH-UBND',
      '28-CT/TW',
      '23/QĐ-TTg',
      '13/2021/TT-BLĐTBXH',
      '01/2025/TT-BYT',
    ]);
    expect(p.indicators).toEqual([]);
  });

  it('reads the three deadlines and not the 24-hour urgent report', () => {
    const rep = reports(r);
    expect(rep.map((x) => [x.kind, x.due])).toEqual([
      ['semiannual', '2025-06-15'],
      ['annual', '2025-11-15'],
      ['annual', '12-15'],
    ]);
    expect(rep.map((x) => x.recipient)).toEqual(['Sở Y tế', 'Sở Y tế', 'Sở Y tế']);
  });

  it('makes tasks of the numbered requests, not of the recipients or the appendix', () => {
    // A numbered request is the task, or its bullets are (an item with sub-items is a heading).
    const at = (t: PlanTask) => (t.ref && !t.section ? t.ref : t.section);
    // "4. Báo cáo đột xuất" may read as a reporting heading that bears no tasks.
    expect([...new Set(p.tasks.map(at))].filter((x) => x !== '4').slice(0, 4)).toEqual(['1', '2', '3', '5']);
    expect(p.tasks.some((t) => t.text.includes('(theo Phụ lục đính kèm)'))).toBe(true);
    expect(p.tasks.some((t) => /Tổng số trẻ em trên địa bàn|Sở Văn hóa, Thể thao và Du lịch;|Người lập biểu/.test(t.text))).toBe(
      false,
    );
  });
});

describe('2021-2030 programme with a tab-separated task table', () => {
  const r = parsePlanText(read('province-2021-2030-programme.txt'));
  const p = r.plan;
  const LĐ = 'Sở Lao động - Thương binh và Xã hội';
  const ALL = ['Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố'];

  it('reads the header', () => {
    expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({
      documentType: 'plan',
      issuer: 'UBND tỉnh Hà Tĩnh',
      documentNumber: '2468/KH-UBND',
      title: 'Thực hiện Chương trình hành động vì trẻ em tỉnh Hà Tĩnh giai đoạn 2021 - 2030',
      years: { from: 2021, to: 2030 },
    });
    expect(p.citations).toEqual(['23/QĐ-TTg', '1605/LĐTBXH-TE']);
  });

  it('reads indicators written as "1. Chỉ tiêu 1:", "Chỉ tiêu số 3:" and "- Chỉ tiêu 5."', () => {
    expect(p.indicators.map((i) => [i.no, i.goal, i.targets.map(fmt)])).toEqual([
      [1, 1, ['2025:>=95%', '2030:>=98%']],
      [2, 1, ['2030:<1%']],
      [3, 2, ['2025:<=12‰', '2030:<=10‰']],
      [4, 2, ['2025:<=18.5%', '2030:<15%']],
      [5, 2, ['2025:>=100%', '2030:>=100%']],
      [6, 2, ['2030:<=0.05%']],
      [15, 3, ['2025:>=98.5%', '2030:>=100%']],
      [16, 3, ['2025:>=99.9%', '2030:>=99.9%']],
      [17, 3, ['2025:<0.12%', '2030:<0.1%']],
      [18, 3, ['2025:>=60%', '2030:>=80%']],
    ]);
    expect(r.notes.filter((n) => n.kind === 'unparsed-target')).toEqual([]);
  });

  it('assigns indicators from lists and ranges', () => {
    expect(p.indicatorAssignments).toEqual([
      { agency: LĐ, indicators: [1, 2] },
      { agency: 'Sở Y tế', indicators: [3, 4, 5, 6] },
      { agency: 'Sở Giáo dục và Đào tạo', indicators: [15, 16, 17, 18] },
    ]);
  });

  it('makes a task of every table row, numbered under the item the table sits in', () => {
    const rows = p.tasks.filter((t) => t.lead.length > 0 && t.section?.startsWith('II'));
    expect(rows.map((t) => t.path)).toEqual(['II.5.1', 'II.5.2', 'II.5.3', 'II.5.4', 'II.5.5', 'II.5.6']);
    expect(rows.map((t) => [t.ref, t.lead, ...(tl(t) ?? [])])).toEqual([
      ['5.1', [LĐ], 'range', '2021-01-01', '2022-12-31'],
      ['5.2', [LĐ], 'recurring', null, null],
      ['5.3', ['Sở Y tế'], 'range', '2021-01-01', '2030-12-31'],
      ['5.4', ['Sở Giáo dục và Đào tạo'], 'range', '2021-01-01', '2025-12-31'],
      ['5.5', [LĐ], 'once', '2025-10-01', '2025-12-31'],
      ['5.6', [LĐ], 'once', '2030-01-01', '2030-12-31'],
    ]);
    expect(rows[0]?.support).toEqual([
      'Sở Thông tin và Truyền thông',
      'Đài Phát thanh và Truyền hình tỉnh',
      'UBND các huyện, thị xã, thành phố',
    ]);
    expect(rows[4]?.support).toEqual(ALL);
    expect(rows[3]?.support).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Tỉnh Đoàn']);
  });

  it('makes tasks of section IV led by the agency headings', () => {
    const leads = inSection(r, 'IV').map((t) => t.lead[0]);
    expect(leads).toEqual(expect.arrayContaining([LĐ, 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Tài chính', ALL[1]]));
    expect(inSection(r, 'IV').some((t) => t.text.startsWith('Chế độ báo cáo'))).toBe(false); // a heading, not a task
  });

  it('reads the yearly report and the two reviews', () => {
    expect(reports(r)).toEqual([
      { kind: 'annual', due: '11-15', recipient: LĐ },
      { kind: 'other', due: '2025-09-30', recipient: LĐ },
      { kind: 'final', due: '2030-09-30', recipient: LĐ },
    ]);
  });
});
