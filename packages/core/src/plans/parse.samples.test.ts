import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, parsePlanText } from './parse.ts';
import { PlanDocumentSchema, type IndicatorTarget, type PlanParseResult } from './plan-format.ts';
import { docxOfText } from './parser/docx.fixture.ts';

const dir = path.join(import.meta.dirname, 'samples');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const LONG_AN = read('long-an-2021-2030-action-programme.txt');
const KON_RAY = read('kon-ray-2024-directive-28.txt');
const BINH_DINH = read('binh-dinh-2024-letter.txt');

const unit = { '%': '%', per1000: '‰', per100000: '/100k', count: '' } as const;
const fmt = (t: IndicatorTarget) => `${t.year}:${t.op ?? '?'}${t.value}${t.unit ? unit[t.unit] : ''}`;

/** Every target of the Long An plan, typed by hand from its text (section I.2). */
const LONG_AN_TARGETS: Record<number, string[]> = {
  1: ['2025:>=80%', '2030:>=85%'],
  2: ['2025:>=90%', '2030:>=95%'],
  3: ['2025:<9.5‰', '2030:<9‰', '2025:<=12.5‰', '2030:<=10‰', '2025:<18.5‰', '2030:<15‰'],
  4: ['2025:<9%', '2030:<6%', '2025:<18%', '2030:<15%', '2025:<5%', '2030:<5%', '2025:<10%', '2030:<10%'],
  5: ['2025:>=97%', '2030:>=98%', '2030:?98%'],
  6: ['2030:?2%'],
  7: ['2025:>=100%', '2030:>=100%'],
  8: ['2025:<6.5%', '2030:<6%', '2025:?100%', '2030:>=100%'],
  9: ['2025:<0.05%', '2030:<0.03%'],
  10: ['2025:<=2%', '2030:<=1.8%'],
  11: ['2025:<=250/100k', '2030:<=200/100k', '2025:<=6/100k', '2030:<=5/100k'],
  12: ['2030:>=100%'],
  13: ['2030:>=100%'],
  14: ['2025:>=98.5%', '2030:>=100%'],
  15: ['2025:>=97%', '2030:>=99%'],
  16: ['2025:>=99.9%', '2030:>=99.9%'],
  17: ['2025:>=97%', '2030:>=99%', '2025:<0.12%', '2030:<0.1%'],
  18: ['2025:>=87%', '2030:>=90%', '2025:<0.8%', '2030:<0.65%'],
  19: ['2025:>=95%'],
  20: ['2025:>=55%', '2030:>=60%', '2025:>=80%', '2030:>=90%'],
  21: ['2025:>=100%', '2030:>=100%'],
  22: ['2025:>=30%', '2030:>=35%'],
  23: ['2025:>=85%', '2030:>=90%'],
  24: ['2025:>=30%', '2030:>=35%'],
};

const taskStarting = (r: PlanParseResult, start: string) => {
  const t = r.plan.tasks.find((x) => x.text.startsWith(start));
  if (!t) throw new Error(`no task starting "${start}"`);
  return t;
};

describe.each([
  ['text', (s: string) => parsePlanText(s)],
  ['docx', (s: string) => parsePlanFile('plan.docx', docxOfText(s))],
])('samples read as %s', (_kind, parse) => {
  describe('Long An 2021-2030 action programme', () => {
    const r = parse(LONG_AN);
    const p = r.plan;

    it('is a valid tre.plan/v1 with its header', () => {
      expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
      expect(p.documentType).toBe('plan');
      expect(p.title).toBe('Thực hiện Chương trình hành động vì trẻ em giai đoạn 2021-2030 trên địa bàn tỉnh');
      expect(p.years).toEqual({ from: 2021, to: 2030 });
      expect(p.documentNumber).toBe('/KH-UBND');
      expect(p.issuer).toBe('UBND tỉnh Long An'); // derived from "UBND tỉnh ban hành" and "Long An, ngày …"
      expect(p.citations).toEqual(['23/QĐ-TTg']);
    });

    it('gives all 24 indicators with every 2025 and 2030 target', () => {
      expect(p.indicators.map((i) => i.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      for (const ind of p.indicators) expect([ind.no, ind.targets.map(fmt)]).toEqual([ind.no, LONG_AN_TARGETS[ind.no]]);
      expect(p.indicators.map((i) => i.goal)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4]);
      expect(r.notes.filter((n) => n.kind === 'unparsed-target')).toEqual([]);
    });

    it('names the measures of multi-part indicators', () => {
      const i3 = p.indicators[2]?.targets.map((t) => t.measure);
      expect(i3?.[0]).toBe('tỷ suất tử vong trẻ sơ sinh');
      expect(i3?.[2]).toBe('tỷ suất tử vong của trẻ em dưới 1 tuổi');
      expect(i3?.[4]).toBe('tỷ suất tử vong trẻ em dưới 5 tuổi');
      const i4 = p.indicators[3]?.targets.map((t) => t.measure);
      expect(i4?.[4]).toBe('tỷ lệ trẻ dưới 5 tuổi bị suy dinh dưỡng thể béo phì đối với nông thôn');
      expect(i4?.[6]).toBe('tỷ lệ trẻ dưới 5 tuổi bị suy dinh dưỡng thể béo phì đối với thành thị');
      expect(p.indicators[0]?.targets[0]?.measure).toBeNull();
    });

    it('assigns indicators to the departments', () => {
      expect(p.indicatorAssignments).toEqual([
        { agency: 'Sở Lao động - Thương binh và Xã hội', indicators: [1, 2, 8, 9, 10, 11, 12, 22, 23, 24] },
        { agency: 'Sở Tư pháp', indicators: [14] },
        { agency: 'Sở Giáo dục và Đào tạo', indicators: [7, 15, 16, 17, 18, 19, 20] },
        { agency: 'Sở Y tế', indicators: [3, 4, 5, 6] },
        { agency: 'Sở Văn hóa, Thể thao và Du lịch', indicators: [13, 21] },
      ]);
    });

    it('reads the yearly report due 15/12 and the reviews', () => {
      expect(p.reporting).toContainEqual(
        expect.objectContaining({ kind: 'annual', due: '12-15', recipient: 'Sở Lao động - Thương binh và Xã hội' }),
      );
      expect(p.reporting).toContainEqual(expect.objectContaining({ kind: 'final', due: '2030-12-31' }));
    });

    it('makes tasks of section II (no lead) and of section IV (lead from the agency heading)', () => {
      const ii = p.tasks.filter((t) => /^II(?:\.|$)/.test(t.section ?? ''));
      expect(ii).toHaveLength(15);
      expect(ii.every((t) => t.lead.length === 0)).toBe(true);
      expect(taskStarting(r, 'Hội nhập và hợp tác quốc tế')).toMatchObject({ ref: '6', section: 'II' });
      expect(taskStarting(r, 'Hội nhập và hợp tác quốc tế').text).toContain('\nTích cực trao đổi');
      const ldtbxh = p.tasks.filter((t) => t.section === 'IV.1');
      expect(ldtbxh).toHaveLength(5);
      expect(ldtbxh[0]).toMatchObject({
        lead: ['Sở Lao động - Thương binh và Xã hội'],
        support: ['các sở, ngành, đơn vị liên quan', 'UBND các huyện, thị xã, thành phố'],
      });
      expect(taskStarting(r, 'Chủ trì, phối hợp với Sở Lao động')).toMatchObject({
        ref: '6',
        lead: ['Công an'],
        support: ['Sở Lao động - Thương binh và Xã hội', 'UBND các huyện, thị xã, thành phố', 'các sở, ngành liên quan'],
      });
      expect(taskStarting(r, 'Chủ trì, phối hợp với Sở Kế hoạch')).toMatchObject({
        lead: ['Sở Tài chính'],
        support: ['Sở Kế hoạch và Đầu tư', 'Sở Lao động - Thương binh và Xã hội', 'các đơn vị có liên quan'],
      });
      expect(p.tasks.filter((t) => t.section === 'IV.7').every((t) => t.lead[0] === 'Sở Thông tin và Truyền thông')).toBe(true);
      // The plain paragraph inside item 11 continues the bullet above it.
      expect(taskStarting(r, 'Triển khai thực hiện Kế hoạch này tại địa phương').text).toContain('Thực hiện kiểm tra, đánh giá');
      expect(p.tasks.some((t) => t.section?.startsWith('I.') || t.section === 'III')).toBe(false);
    });

    it('lists the outline sections', () => {
      expect(p.sections?.slice(0, 4)).toEqual([
        { ref: 'I', title: 'MỤC TIÊU', level: 1, line: expect.any(Number) },
        { ref: 'I.1', title: 'Mục tiêu chung', level: 2, line: expect.any(Number) },
        { ref: 'I.2', title: 'Mục tiêu cụ thể', level: 2, line: expect.any(Number) },
        { ref: 'I.2.1', title: 'Mục tiêu 1', level: 3, line: expect.any(Number) },
      ]);
      expect(p.sections?.map((s) => s.ref)).toContain('VI');
    });
  });

  describe('Kon Rẫy plan on Directive 28', () => {
    const r = parse(KON_RAY);
    const p = r.plan;

    it('is a valid plan without a header', () => {
      expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
      expect(p.documentType).toBe('plan');
      expect(p.title.startsWith('Triển khai thực hiện Kế hoạch số 178-KH/HU ngày 23/4/2024')).toBe(true);
      expect(p.issuer).toBeNull();
      expect(p.years).toEqual({ from: null, to: null });
      expect(p.indicators).toEqual([]);
    });

    it('cites each document once, "Chỉ thị số 28-CT/TW" included', () => {
      expect(p.citations).toEqual([
        '178-KH/HU',
        '135-KH/TU',
        '28-CT/TW',
        '1583/KH-UBND',
        '93/KH-UBND',
        '135/KH-UBND',
        '1315/UBND-KGVX',
        '830/QĐ-TTg',
      ]);
    });

    it('applies each "Thực hiện" line to the bullets above it', () => {
      const lead = (start: string) => taskStarting(r, start).lead;
      expect(lead('Tăng cường công tác bảo vệ trẻ em trước thông tin không có lợi')).toEqual(['Phòng Văn hóa - Thông tin']);
      expect(lead('Tổ chức nghiên cứu, quán triệt')).toEqual([
        'Các Phòng, ban, ngành thuộc huyện',
        'Ủy ban nhân dân các xã, thị trấn',
      ]);
      expect(taskStarting(r, 'Thường xuyên rà soát, kiến nghị')).toMatchObject({
        lead: ['Phòng Lao động - Thương binh và Xã hội'],
        support: ['Phòng Giáo dục và Đào tạo', 'Ủy ban nhân dân các xã, thị trấn'],
      });
      expect(lead('Ưu tiên đầu tư, hỗ trợ')).toEqual([
        'Phòng Văn hoá - Thông tin',
        'Trung tâm Văn hoá - Thể thao - Du lịch và truyền thông',
      ]);
      expect(lead('Tiếp tục đẩy mạnh phổ cập giáo dục mầm non')).toEqual(['Phòng Giáo dục và Đào tạo']);
      expect(lead('Rà soát, bổ sung, đưa các tiêu chí')).toEqual(['Phòng Tài chính - Kế hoạch']);
      expect(taskStarting(r, 'Phối hợp và đạo điều kiện')).toMatchObject({ ref: '4', section: 'II' });
      expect(lead('Theo chức năng, nhiệm vụ tăng cường')).toEqual([
        'Ủy ban Mặt trận Tổ quốc Việt Nam',
        'các tổ chức chính trị - xã hội huyện',
      ]);
      expect(lead('Căn cứ chức năng, nhiệm vụ được phân công')).toEqual(['Các Phòng, ban, ngành thuộc Ủy ban nhân dân huyện']);
      expect(p.tasks.filter((t) => /^II(?:\.|$)/.test(t.section ?? ''))).toHaveLength(16);
      expect(p.tasks.every((t) => t.lead.length > 0)).toBe(true);
    });

    it('joins sentences cut by a page break and takes out the footnotes', () => {
      const t = taskStarting(r, 'Tăng cường tuyên truyền, hướng dẫn kỹ năng phòng tránh');
      expect(t.text).toContain(
        'Chương trình phòng, chống tai nạn, thương tích trẻ em giai đoạn 2021 - 2030 trên địa bàn huyện Kon Rẫy.',
      );
      expect(taskStarting(r, 'Tổ chức nghiên cứu').text).toContain('Kế hoạch 178-KH/HU và Kế hoạch này');
      expect(p.footnotes?.map((f) => f.mark)).toEqual(['1', '2', '3', '4']);
      expect(p.footnotes?.[2]?.text.startsWith('Xã, thị trấn triển khai Chương trình')).toBe(true);
      expect(taskStarting(r, 'Chủ trì theo dõi, hướng dẫn').text).toContain(
        'tổng hợp báo cáo kết quả thực hiện Kế hoạch này gửi Sở Lao động',
      );
    });

    it('reports the yearly report without a date as not understood', () => {
      expect(p.reporting).toEqual([]);
      expect(
        r.notes.some((n) => n.kind === 'unparsed-deadline' && r.lines[n.line - 1]?.includes('hằng năm về Ủy ban nhân dân huyện')),
      ).toBe(true);
    });
  });

  describe('Bình Định 2024 letter', () => {
    const r = parse(BINH_DINH);
    const p = r.plan;

    it('is a letter of UBND tỉnh Bình Định for 2024', () => {
      expect(PlanDocumentSchema.safeParse(p).success).toBe(true);
      expect(p).toMatchObject({
        documentType: 'letter',
        issuer: 'UBND tỉnh Bình Định',
        documentNumber: '/UBND-VX',
        title: 'triển khai công tác trẻ em trên địa bàn tỉnh năm 2024',
        years: { from: 2024, to: 2024 },
      });
      expect(p.citations).toEqual([
        '793/LĐTBXH-TE',
        '34/TTr-SLĐTBXH',
        '28-CT/TW',
        '76/2023/TT-BTC',
        '13/2021/TT-BLĐTBXH',
        '06/QĐ-TTg',
      ]);
    });

    it('gives its 10 tasks and both report deadlines', () => {
      expect(p.tasks.map((t) => t.ref)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(p.tasks[8]?.text).toContain('tham gia lao động tại các cơ sở sản xuất kinh doanh');
      expect(p.tasks[9]?.text).not.toContain('chế độ thông tin, báo cáo');
      expect(p.reporting.map(({ kind, due, recipient }) => ({ kind, due, recipient }))).toEqual([
        { kind: 'semiannual', due: '2024-05-15', recipient: 'Sở Lao động - Thương binh và Xã hội' },
        { kind: 'annual', due: '2024-11-15', recipient: 'Sở Lao động - Thương binh và Xã hội' },
      ]);
    });

    it('reads lead and support named inline where the pattern is clear', () => {
      expect(p.tasks[3]).toMatchObject({
        lead: ['Sở Lao động - Thương binh và Xã hội'],
        support: ['Công an tỉnh', 'các cơ quan, đơn vị, tổ chức có liên quan'],
      });
      expect(p.tasks[6]).toMatchObject({
        lead: ['Sở Lao động - Thương binh và Xã hội'],
        support: ['Sở Tài chính', 'các cơ quan liên quan'],
      });
      expect(p.tasks[0]?.lead).toEqual([]);
    });
  });
});

it('points line numbers at the source lines', () => {
  const r = parsePlanText(LONG_AN);
  const ind = r.plan.indicators[0];
  expect(r.lines[(ind?.line ?? 0) - 1]).toMatch(/^- Chỉ tiêu 1:/);
  const t = r.plan.tasks.find((x) => x.section === 'IV.2');
  expect(r.lines[(t?.line ?? 0) - 1]).toMatch(/^- Chủ trì, phối hợp với các sở, ngành/);
});
