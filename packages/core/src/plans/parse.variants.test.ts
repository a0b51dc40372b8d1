import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import { PlanDocumentSchema } from './plan-format.ts';
import { splitBodies } from './parser/bodies.ts';
import { findCitations } from './parser/citations.ts';
import { readTargets } from './parser/indicators.ts';
import { lunarToSolar } from './parser/lunar.ts';
import { parseVnNumber } from './parser/numbers.ts';
import { parseTimeline } from './parser/timeline.ts';

const parse = (text: string) => {
  const r = parsePlanText(text);
  expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
  return r;
};
const PLAN = (body: string) =>
  `ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 05 tháng 01 năm 2025\nKẾ HOẠCH\nCông tác trẻ em năm 2025\n${body}`;

describe('header', () => {
  it('reads issuer, number, type, title and years of a plan', () => {
    const p = parse(PLAN('I. NHIỆM VỤ\n1. Tổ chức Tháng hành động')).plan;
    expect(p).toMatchObject({
      issuer: 'UBND tỉnh Nghệ An',
      documentNumber: '12/KH-UBND',
      documentType: 'plan',
      title: 'Công tác trẻ em năm 2025',
      years: { from: 2025, to: 2025 },
    });
    expect(p.citations).toEqual([]); // its own number is not a citation
  });
  it('reads a district header, a department header, and a kind other than plan or letter', () => {
    expect(parse('ỦY BAN NHÂN DÂN\nHUYỆN KON RẪY\nKẾ HOẠCH\nX').plan.issuer).toBe('UBND huyện Kon Rẫy');
    expect(parse('UBND TỈNH QUẢNG NGÃI\nSỞ Y TẾ\nKẾ HOẠCH\nX').plan.issuer).toBe('Sở Y tế');
    expect(parse('UBND TỈNH ĐẮK LẮK\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nBÁO CÁO\nKết quả công tác trẻ em').plan).toMatchObject({
      issuer: 'Sở Lao động - Thương binh và Xã hội',
      documentType: 'other',
    });
  });
  it('takes the years from the title before the date line', () => {
    expect(parse('Hà Nội, ngày 1 tháng 2 năm 2021\nKẾ HOẠCH\nThực hiện Chương trình giai đoạn 2021 - 2025').plan.years).toEqual({
      from: 2021,
      to: 2025,
    });
    expect(parse('Huế, ngày 1 tháng 2 năm 2023\nKẾ HOẠCH\nPhòng, chống đuối nước trẻ em').plan.years).toEqual({
      from: 2023,
      to: 2023,
    });
  });
  it('joins a subject line written on two lines', () => {
    expect(parse('KẾ HOẠCH\nTổ chức Tết Trung thu\ncho trẻ em năm 2025\nI. NHIỆM VỤ').plan.title).toBe(
      'Tổ chức Tết Trung thu cho trẻ em năm 2025',
    );
  });
});

describe('task blocks with attribute lines', () => {
  it('reads a) Đơn vị chủ trì, b) Đơn vị phối hợp, c) Thời gian thực hiện', () => {
    const p = parse(
      PLAN(
        'II. NHIỆM VỤ, GIẢI PHÁP\n1.1. Tổ chức Tháng hành động vì trẻ em\na) Đơn vị chủ trì: Sở Y tế\nb) Đơn vị phối hợp: Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường\nc) Thời gian thực hiện: tháng 6/2025\n1.2. Tập huấn kỹ năng\nĐơn vị chủ trì: Công an tỉnh\nThời gian hoàn thành: Quý III/2025',
      ),
    ).plan;
    expect(p.tasks).toHaveLength(2);
    expect(p.tasks[0]).toMatchObject({
      ref: '1.1',
      text: 'Tổ chức Tháng hành động vì trẻ em',
      lead: ['Sở Y tế'],
      support: ['Sở Giáo dục và Đào tạo', 'Sở Văn hóa, Thể thao và Du lịch', 'UBND các xã, phường'],
      timeline: { kind: 'once', text: 'tháng 6/2025', start: '2025-06-01', end: '2025-06-30' },
      section: 'II',
    });
    expect(p.tasks[1]).toMatchObject({
      ref: '1.2',
      lead: ['Công an tỉnh'],
      timeline: { kind: 'once', start: '2025-07-01', end: '2025-09-30' },
    });
  });
  it('reads bulleted attributes, "Chủ trì:"/"Phối hợp:" and "Tiến độ"', () => {
    const p = parse(
      PLAN(
        'II. CÁC HOẠT ĐỘNG\n1. Rà soát trẻ em có hoàn cảnh đặc biệt\n- Cơ quan chủ trì: Sở Y tế\n- Phối hợp: Công an tỉnh và Tỉnh Đoàn\n+ Tiến độ: Thường xuyên trong năm\n2. Truyền thông\n* Chủ trì: Báo Nghệ An; phối hợp: Đài Phát thanh và Truyền hình tỉnh\n- Thời gian: khi có yêu cầu',
      ),
    ).plan;
    expect(p.tasks.map((t) => [t.lead, t.support, t.timeline.kind])).toEqual([
      [['Sở Y tế'], ['Công an tỉnh', 'Tỉnh Đoàn'], 'recurring'],
      [['Báo Nghệ An'], ['Đài Phát thanh và Truyền hình tỉnh'], 'event-driven'],
    ]);
  });
  it('makes an item with attribute lines a task even under a heading that bears none', () => {
    const p = parse(PLAN('I. MỤC TIÊU\n1. Nâng cao nhận thức\n- Đơn vị thực hiện: Sở Tư pháp')).plan;
    expect(p.tasks.map((t) => t.lead)).toEqual([['Sở Tư pháp']]);
  });
  it('reports a timeline it cannot read and a "Thực hiện" line without a body', () => {
    const r = parse(
      PLAN(
        'II. NHIỆM VỤ\n1. Tổ chức hội thi\nThời gian thực hiện: sau Tết khoảng vài tuần\n2. Khác\n* Thực hiện: theo chức năng, nhiệm vụ.*',
      ),
    );
    expect(r.plan.tasks[0]?.timeline).toMatchObject({ kind: 'unspecified', text: 'sau Tết khoảng vài tuần' });
    expect(r.notes.map((n) => n.kind)).toEqual(['unparsed-timeline', 'missing-lead']);
    expect(r.notes[0]?.line).toBe(9);
    expect(r.notes[0]?.message.vi).toContain('Không đọc được thời gian');
  });
  it('leaves the timeline unspecified with no text when none is given', () => {
    expect(parse(PLAN('II. NHIỆM VỤ\n1. Tổ chức hội thi')).plan.tasks[0]?.timeline).toEqual({
      kind: 'unspecified',
      text: null,
      start: null,
      end: null,
    });
  });
});

describe('body lists', () => {
  it('keeps official names whole and splits at the real separators', () => {
    expect(
      splitBodies('Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội và Sở Khoa học và Công nghệ'),
    ).toEqual(['Sở Văn hóa, Thể thao và Du lịch', 'Sở Lao động - Thương binh và Xã hội', 'Sở Khoa học và Công nghệ']);
    expect(
      splitBodies(
        'Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và Môi trường, Sở Kế hoạch và Đầu tư, Sở Dân tộc và Tôn giáo',
      ),
    ).toHaveLength(4);
    expect(
      splitBodies('các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'),
    ).toEqual(['các sở, ban, ngành', 'Ủy ban nhân dân các huyện, thị xã, thành phố', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh']);
    expect(splitBodies('Phòng Văn hoá- Thông tin, Trung tâm Văn hoá - Thể thao - Du lịch và truyền thông')).toEqual([
      'Phòng Văn hoá - Thông tin',
      'Trung tâm Văn hoá - Thể thao - Du lịch và truyền thông',
    ]);
    expect(
      splitBodies(
        'Sở Nông nghiệp và Môi trường; các tổ chức chính trị - xã hội; UBND các xã, phường, thị trấn triển khai thực hiện',
      ),
    ).toEqual(['Sở Nông nghiệp và Môi trường', 'các tổ chức chính trị - xã hội', 'UBND các xã, phường, thị trấn']);
    expect(
      splitBodies('SỞ THÔNG TIN VÀ TRUYỀN THÔNG, Ban Dân tộc và các cơ quan, đơn vị liên quan theo chức năng, nhiệm vụ'),
    ).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Ban Dân tộc', 'các cơ quan, đơn vị liên quan']);
  });
  it('reads "X chủ trì, phối hợp với Y" and a bare list in a Thực hiện line', () => {
    const p = parse(
      PLAN(
        'II. NHIỆM VỤ\n1. Nhóm nhiệm vụ\n- Việc một\n- Việc hai\n** Thực hiện: Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo; Ủy ban nhân dân các xã, phường triển khai thực hiện.*\n- Việc ba\n** Thực hiện: Các sở, ban, ngành; UBND các xã, phường theo chức năng, nhiệm vụ triển khai thực hiện.*',
      ),
    ).plan;
    expect(p.tasks.map((t) => [t.text, t.lead, t.support])).toEqual([
      ['Việc một', ['Sở Y tế'], ['Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân các xã, phường']],
      ['Việc hai', ['Sở Y tế'], ['Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân các xã, phường']],
      ['Việc ba', ['Các sở, ban, ngành', 'UBND các xã, phường'], []],
    ]);
    expect(p.sections?.map((s) => s.ref)).toEqual(['II', 'II.1']);
  });
  it('takes the lead of bullets from an agency heading, and support from "Chủ trì, phối hợp với"', () => {
    const p = parse(
      PLAN(
        'III. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo\n- Chủ trì, phối hợp với Sở Y tế, Tỉnh Đoàn thực hiện các chỉ tiêu từ 15 đến 20.\n- Tổ chức bơi an toàn.\n2. Đề nghị Hội Liên hiệp Phụ nữ tỉnh\nVận động hội viên tham gia.',
      ),
    ).plan;
    expect(p.tasks.map((t) => [t.lead, t.support])).toEqual([
      [['Sở Giáo dục và Đào tạo'], ['Sở Y tế', 'Tỉnh Đoàn']],
      [['Sở Giáo dục và Đào tạo'], []],
      [['Hội Liên hiệp Phụ nữ tỉnh'], []],
    ]);
    expect(p.indicatorAssignments).toEqual([{ agency: 'Sở Giáo dục và Đào tạo', indicators: [15, 16, 17, 18, 19, 20] }]);
  });
});

describe('indicator assignments', () => {
  it('reads lists, "và", ranges written "15-20" and single numbers', () => {
    const p = parse(
      PLAN(
        'IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Thực hiện chỉ tiêu 3, 4 và 5; chỉ tiêu 15-17.\n2. Sở Tư pháp\n- Triển khai chỉ tiêu 14.\n3. Công an tỉnh: chủ trì chỉ tiêu số 9.',
      ),
    ).plan;
    expect(p.indicatorAssignments).toEqual([
      { agency: 'Sở Y tế', indicators: [3, 4, 5, 15, 16, 17] },
      { agency: 'Sở Tư pháp', indicators: [14] },
      { agency: 'Công an tỉnh', indicators: [9] },
    ]);
  });
  it('reports an assignment it cannot give to a body', () => {
    const r = parse(PLAN('II. NHIỆM VỤ\n1. Triển khai thực hiện các chỉ tiêu 1, 2 của Kế hoạch'));
    expect(r.plan.indicatorAssignments).toEqual([]);
    expect(r.notes.map((n) => n.kind)).toContain('unparsed-assignment');
  });
});

describe('indicators', () => {
  const t = (s: string, y: number | null = null) => readTargets(s, y).targets.map((x) => [x.year, x.op, x.value, x.unit]);
  it('reads operators, units, decimal commas and thousands dots', () => {
    expect(t('giảm xuống dưới 9% vào năm 2025')).toEqual([[2025, '<', 9, '%']]);
    expect(t('xuống còn 12,5‰ vào năm 2025')).toEqual([[2025, '<=', 12.5, 'per1000']]);
    expect(t('đạt trên 95% vào năm 2030')).toEqual([[2030, '>', 95, '%']]);
    expect(t('tỷ suất dưới 300/100.000 trẻ em vào năm 2025')).toEqual([[2025, '<', 300, 'per100000']]);
    expect(t('phấn đấu 1.000 trẻ em được hỗ trợ vào năm 2025')).toEqual([[2025, '>=', 1000, 'count']]);
    expect(t('tỷ lệ là 2% vào năm 2030')).toEqual([[2030, null, 2, '%']]);
  });
  it('gives a horizon year to values without one, and reports them when there is none', () => {
    expect(t('Phấn đấu 100% trẻ em được cứu trợ', 2030)).toEqual([[2030, '>=', 100, '%']]);
    const r = parse(
      PLAN(
        'I. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2028\n- Chỉ tiêu số 5. Phấn đấu 90% trẻ em được tiêm chủng.\nChỉ tiêu 6: Tăng cường truyền thông.',
      ),
    );
    expect(r.plan.indicators.map((i) => [i.no, i.targets.map((x) => x.year)])).toEqual([
      [5, [2028]],
      [6, []],
    ]);
    expect(r.notes.map((n) => n.kind)).toContain('unparsed-target');
  });
  it('reads targets written under the indicator as sub-items', () => {
    const r = parse(
      PLAN(
        'I. MỤC TIÊU\n1. Mục tiêu 2: Bảo vệ trẻ em\n- Chỉ tiêu 11: Giảm tỷ suất tai nạn:\n+ dưới 250/100.000 trẻ em vào năm 2025;\n+ dưới 200/100.000 trẻ em vào năm 2030.',
      ),
    );
    expect(r.plan.indicators[0]).toMatchObject({ no: 11, goal: 2 });
    expect(r.plan.indicators[0]?.targets.map((x) => [x.year, x.value])).toEqual([
      [2025, 250],
      [2030, 200],
    ]);
  });
  it('parses Vietnamese numbers', () => {
    expect([
      parseVnNumber('9,5'),
      parseVnNumber('1.000'),
      parseVnNumber('99,9'),
      parseVnNumber('1.234,5'),
      parseVnNumber('12.5'),
    ]).toEqual([9.5, 1000, 99.9, 1234.5, 12.5]);
  });
});

describe('reporting', () => {
  const rep = (s: string) =>
    parse(PLAN(`V. CHẾ ĐỘ BÁO CÁO\n${s}`)).plan.reporting.map(({ kind, due, recipient }) => ({ kind, due, recipient }));
  it('reads semiannual and annual dates written in words', () => {
    expect(
      rep('Các đơn vị báo cáo định kỳ 6 tháng (ngày 10 tháng 6), báo cáo năm (ngày 30 tháng 10) gửi về Sở Y tế để tổng hợp.'),
    ).toEqual([
      { kind: 'semiannual', due: '06-10', recipient: 'Sở Y tế' },
      { kind: 'annual', due: '10-30', recipient: 'Sở Y tế' },
    ]);
  });
  it('reads quarterly, monthly and final reports', () => {
    expect(
      rep(
        'Báo cáo quý gửi trước ngày 20/3/2025. Báo cáo hằng tháng trước ngày 25. Tổng kết trước ngày 15/12/2030 gửi về UBND tỉnh.',
      ).map((r) => [r.kind, r.due]),
    ).toEqual([
      ['quarterly', '2025-03-20'],
      ['final', '2030-12-15'],
    ]);
  });
  it('notes a report sentence without a date, and ignores dates of cited documents', () => {
    const r = parse(
      PLAN(
        'V. CHẾ ĐỘ BÁO CÁO\nĐịnh kỳ hằng năm các đơn vị báo cáo kết quả về Sở Y tế theo Công văn số 12/SYT-NV ngày 02/01/2025.',
      ),
    );
    expect(r.plan.reporting).toEqual([]);
    expect(r.notes.map((n) => n.kind)).toEqual(['other', 'unparsed-deadline']); // 'other': no tasks at all
  });
});

describe('timelines', () => {
  const tl = (s: string, y: number | null = null) => parseTimeline(s, y).timeline;
  it('reads recurring, event-driven and once', () => {
    expect(tl('Thường xuyên').kind).toBe('recurring');
    expect(tl('Hằng năm').kind).toBe('recurring');
    expect(tl('Theo chỉ đạo của UBND tỉnh').kind).toBe('event-driven');
    expect(tl('Theo thời điểm xảy ra').kind).toBe('event-driven');
    expect(tl('Quý II/2025')).toMatchObject({ kind: 'once', start: '2025-04-01', end: '2025-06-30' });
    expect(tl('tuần 4 tháng 5 năm 2025')).toMatchObject({ kind: 'once', start: '2025-05-22', end: '2025-05-28' });
    expect(tl('trước ngày 30/6/2025')).toMatchObject({ kind: 'once', start: null, end: '2025-06-30' });
    expect(tl('Năm 2025')).toMatchObject({ kind: 'once', start: '2025-01-01', end: '2025-12-31' });
    expect(tl('tháng 6', 2025)).toMatchObject({ kind: 'once', start: '2025-06-01', end: '2025-06-30' });
    expect(tl('6 tháng đầu năm 2025')).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
  });
  it('reads ranges, keeping the lunar words beside the solar dates', () => {
    expect(tl('Từ ngày 03/10/2025 đến ngày 06/10/2025 (tức là từ ngày 12/8 đến ngày 15/8 năm Ất Tỵ âm lịch)')).toEqual({
      kind: 'range',
      text: 'Từ ngày 03/10/2025 đến ngày 06/10/2025 (tức là từ ngày 12/8 đến ngày 15/8 năm Ất Tỵ âm lịch)',
      start: '2025-10-03',
      end: '2025-10-06',
      lunar: 'tức là từ ngày 12/8 đến ngày 15/8 năm Ất Tỵ âm lịch',
    });
    expect(tl('từ tháng 6 đến tháng 9/2025')).toMatchObject({ kind: 'range', start: '2025-06-01', end: '2025-09-30' });
  });
  it('converts a date given only in the lunar calendar', () => {
    expect(tl('ngày 15/8 âm lịch năm 2025')).toMatchObject({
      kind: 'once',
      start: '2025-10-06',
      end: '2025-10-06',
      lunar: 'ngày 15/8 âm lịch năm 2025',
    });
    expect(tl('Tết Trung thu (15/8 âm lịch)', 2024)).toMatchObject({ start: '2024-09-17', lunar: '15/8 âm lịch' });
    expect(tl('từ ngày 12/8 đến ngày 15/8 năm Ất Tỵ âm lịch', 2025)).toMatchObject({
      kind: 'range',
      start: '2025-10-03',
      end: '2025-10-06',
    });
  });
  it('converts with the Vietnamese calendar (UTC+7)', () => {
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(15, 8, 2025)).toBe('2025-10-06');
    expect(lunarToSolar(15, 8, 2024)).toBe('2024-09-17');
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21'); // Chinese calendar: 1985-02-20
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17'); // Chinese calendar: 2007-02-18
    expect(lunarToSolar(30, 2, 2025)).toBeNull(); // the 2nd month of Ất Tỵ has 29 days
  });
});

describe('citations', () => {
  it('normalises document numbers and lists each once', () => {
    expect(
      findCitations(
        'Chỉ thị số 28 CT/TW, Chỉ thị 28-CT/TW, Thông tư 13/2021/TT-BLĐTBXH, Công văn 1481/BYT- BMTE ngày 2/3/2025, Kế hoạch 1583/KH-UBND, Quý II/2025',
        '1583/KH-UBND',
      ),
    ).toEqual(['28-CT/TW', '13/2021/TT-BLĐTBXH', '1481/BYT-BMTE']);
  });
});

describe('footnotes and page breaks', () => {
  it('takes footnote lines out and joins a sentence that goes on after them', () => {
    const r = parse(
      PLAN(
        'II. NHIỆM VỤ\n1. Triển khai các chương trình² về trẻ em và\n\n⁽²⁾ Chương trình phòng, chống đuối nước.\n(³) Ghi chú khác.\n\nphòng, chống tai nạn thương tích.',
      ),
    );
    expect(r.plan.tasks.map((t) => t.text)).toEqual([
      'Triển khai các chương trình về trẻ em và phòng, chống tai nạn thương tích.',
    ]);
    expect(r.plan.footnotes).toEqual([
      { mark: '2', text: 'Chương trình phòng, chống đuối nước.' },
      { mark: '3', text: 'Ghi chú khác.' },
    ]);
  });
});

describe('letters and non-plans', () => {
  it('makes the numbered items of a letter its tasks and stops at the closing text', () => {
    const p = parse(
      'V/v công tác trẻ em năm 2025\nKính gửi:\n- Các sở, ngành;\n- UBND các xã.\n1. Việc một.\n2. Việc hai.\nĐề nghị các đơn vị thực hiện./.\nNơi nhận:\n- Như trên;',
    ).plan;
    expect(p.documentType).toBe('letter');
    expect(p.tasks.map((t) => t.text)).toEqual(['Việc một.', 'Việc hai.']);
  });
  it('gives an honest empty result for unrelated text', () => {
    const r = parse('Biên bản họp chi bộ\nHôm nay các đồng chí đã họp và thống nhất nội dung.\nCuộc họp kết thúc lúc 11 giờ.');
    expect(r.plan).toMatchObject({ documentType: 'other', tasks: [], indicators: [], reporting: [], indicatorAssignments: [] });
    expect(r.notes.map((n) => n.kind)).toEqual(['other']);
  });
  it('never throws on odd strings', () => {
    for (const s of [
      '',
      '\u0000\u0001',
      'I.',
      '1.\n2.\n-',
      'Chỉ tiêu 999999: 5%',
      '* Thực hiện:',
      '(¹)',
      'V/v',
      'KẾ HOẠCH',
      '\uD800',
      'a) b) c)',
    ]) {
      const r = parse(s);
      expect(Array.isArray(r.lines)).toBe(true);
    }
  });
});

describe('rules found on the held-out texts', () => {
  it('reads "X chủ trì." and "Y phối hợp." bullets as attributes, but not a sentence', () => {
    const p = parse(
      PLAN(
        'II. NHIỆM VỤ\n1. Tổ chức hội thi\n- Trạm Y tế xã chủ trì.\n- Đoàn Thanh niên xã, các thôn, bản phối hợp.\n2. Tuyên truyền\n- Sở Y tế chủ trì tổ chức tuyên truyền trên báo.',
      ),
    ).plan;
    expect(p.tasks.map((t) => [t.ref, t.lead, t.support])).toEqual([
      ['1', ['Trạm Y tế xã'], ['Đoàn Thanh niên xã', 'các thôn, bản']],
      [null, ['Sở Y tế'], []],
    ]);
  });

  it('keeps "Thương binh và Xã hội, Hội …" apart and "Văn phòng HĐND và UBND xã" whole', () => {
    expect(splitBodies('Sở Lao động - Thương binh và Xã hội, Hội Liên hiệp Phụ nữ tỉnh')).toEqual([
      'Sở Lao động - Thương binh và Xã hội',
      'Hội Liên hiệp Phụ nữ tỉnh',
    ]);
    expect(splitBodies('Văn phòng HĐND và UBND xã, Công an xã')).toEqual(['Văn phòng HĐND và UBND xã', 'Công an xã']);
  });

  it('reads a year before its value and "trở xuống"', () => {
    const t = (s: string) => readTargets(s, 2030).targets.map((x) => `${x.year}:${x.op}${x.value}`);
    expect(t('Tỷ lệ xã đạt chuẩn đến năm 2025 đạt 95%, đến năm 2030 đạt 98%')).toEqual(['2025:>=95', '2030:>=98']);
    expect(t('Tỷ lệ lây truyền HIV từ mẹ sang con từ 0,05% trở xuống vào năm 2030')).toEqual(['2030:<=0.05']);
    expect(t('dưới 9,5‰ vào năm 2025 và 9‰ vào năm 2030')).toEqual(['2025:<9.5', '2030:<9']);
  });

  it('reads a table pasted one cell per line, and leaves a broken one as text', () => {
    const head = 'II. NHIỆM VỤ\nSTT\nNội dung\nĐơn vị chủ trì\nThời gian\n';
    const p = parse(PLAN(`${head}1\nTập huấn\nSở Y tế\nQuý II/2025\n2\nKiểm tra\nCông an tỉnh\nThường xuyên`)).plan;
    expect(p.tasks.map((t) => [t.ref, t.text, t.lead, t.timeline.kind])).toEqual([
      ['1', 'Tập huấn', ['Sở Y tế'], 'once'],
      ['2', 'Kiểm tra', ['Công an tỉnh'], 'recurring'],
    ]);
    expect(parse(PLAN(`${head}Tập huấn\nSở Y tế`)).lines).toContain('STT');
  });

  it('does not take the period a report covers for its due date', () => {
    const r = parse(
      PLAN('V. CHẾ ĐỘ BÁO CÁO\nSố liệu báo cáo tính từ ngày 15/12/2024 đến ngày 14/6/2025, gửi về Sở Y tế trước ngày 20/6/2025.'),
    );
    expect(r.plan.reporting.map((x) => [x.due, x.recipient])).toEqual([['2025-06-20', 'Sở Y tế']]);
  });
});
