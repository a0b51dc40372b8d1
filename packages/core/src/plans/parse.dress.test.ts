import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import { PlanDocumentSchema, type PlanTask } from './plan-format.ts';
import { splitBodies } from './parser/bodies.ts';
import { issuerProvince } from './warnings.ts';

/**
 * Hand-written variants of each dress a task block comes in (issue 13): the parser must read the
 * family, not the samples. Each text is small and invented; the expectations were written by hand.
 */
const parse = (body: string) => {
  const r = parsePlanText(
    `ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 7/KH-UBND\nHà Tĩnh, ngày 10 tháng 01 năm 2026\nKẾ HOẠCH\nCông tác trẻ em năm 2026\n${body}`,
  );
  expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
  return r;
};
const brief = (t: PlanTask) => ({ path: t.path, lead: t.lead, support: t.support, timeline: t.timeline.text });

describe('lettered attribute lines in every dress', () => {
  const block = (a: string, b: string, c: string) =>
    `II. NHIỆM VỤ\n1. Rà soát trẻ em có hoàn cảnh đặc biệt.\n${a}Đơn vị chủ trì: Sở Y tế, UBND các địa phương.\n${b}Đơn vị phối hợp: Công an tỉnh.\n${c}Thời gian thực hiện: Quý I/2026.\n2. Tổ chức Tháng hành động.\n${a}Đơn vị chủ trì: Tỉnh Đoàn.`;
  const expected = [
    { path: 'II.1', lead: ['Sở Y tế', 'UBND các địa phương'], support: ['Công an tỉnh'], timeline: 'Quý I/2026' },
    { path: 'II.2', lead: ['Tỉnh Đoàn'], support: [], timeline: null },
  ];
  it.each([
    ['lettered', 'a) ', 'b) ', 'c) '],
    ['bulleted and lettered', '- a) ', '- b) ', '- c) '],
    ['bulleted', '- ', '- ', '- '],
    ['plus bullets', '+ ', '+ ', '+ '],
    ['lettered with a dot', 'a. ', 'b. ', 'c. '],
    ['bare', '', '', ''],
  ])('reads %s attribute lines as the item’s own, not as tasks', (_, a, b, c) => {
    const r = parse(block(a, b, c));
    expect(r.plan.tasks.map(brief)).toEqual(expected);
  });
  it('reads a block split by empty lines and by a page break with its page number', () => {
    const r = parse(
      'II. NHIỆM VỤ\n1. Rà soát trẻ em có hoàn cảnh đặc biệt\n\ntheo 14 nhóm.\n\n- a) Đơn vị chủ trì: Sở Y tế.\n\f\n12\n- b) Đơn vị phối hợp: Công an tỉnh.\n\n- c) Thời gian thực hiện: Quý I/2026.',
    );
    expect(r.plan.tasks.map(brief)).toEqual([
      { path: 'II.1', lead: ['Sở Y tế'], support: ['Công an tỉnh'], timeline: 'Quý I/2026' },
    ]);
    expect(r.plan.tasks[0]?.text).toBe('Rà soát trẻ em có hoàn cảnh đặc biệt theo 14 nhóm.');
  });
});

describe('paths', () => {
  it('gives lettered sub-items and bullets their whole path', () => {
    const r = parse(
      'II. NHIỆM VỤ, GIẢI PHÁP\n1. Truyền thông\na) Tổ chức truyền thông trên báo chí.\nb) Tập huấn cho cán bộ.\n2. Chăm sóc sức khỏe\n- Khám sức khỏe cho trẻ em.\n- Tiêm chủng mở rộng.\n2.1. Dinh dưỡng\n- Bổ sung vi chất.',
    );
    expect(r.plan.tasks.map((t) => [t.ref, t.path])).toEqual([
      ['a', 'II.1.a'],
      ['b', 'II.1.b'],
      [null, 'II.2.-1'],
      [null, 'II.2.-2'],
      [null, 'II.2.1.-1'],
    ]);
  });
  it('nests a table’s rows under the numbered item it sits in, and the numbering goes on after it', () => {
    const r = parse(
      'III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì theo dõi việc thực hiện Kế hoạch.\n2. Phân công nhiệm vụ cụ thể\nSTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n1.\tTập huấn sơ cứu\tSở Y tế\tSở Giáo dục và Đào tạo\tHằng năm\n2.\tDạy bơi an toàn\tSở Giáo dục và Đào tạo\tTỉnh Đoàn\t2026\n3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh tuyên truyền, vận động Nhân dân.',
    );
    expect(r.plan.tasks.map((t) => t.path)).toEqual(['III.1', 'III.2.1', 'III.2.2', 'III.3']);
    expect((r.plan.sections ?? []).map((s) => s.ref)).toEqual(['III', 'III.2']);
  });
  it('closes a list back to the item it continues, even with items of its style nested between', () => {
    const r = parse('II. NHIỆM VỤ\n1. Truyền thông:\n1. Trên báo chí.\n2. Trên mạng xã hội.\n2. Tập huấn cán bộ.');
    expect(r.plan.tasks.map((t) => t.path)).toEqual(['II.1.1', 'II.1.2', 'II.2']);
  });
  it('does not nest a "1." under an item that has text of its own (a new list after a heading)', () => {
    const r = parse('1. MỤC ĐÍCH\nBảo đảm quyền trẻ em.\n2. YÊU CẦU\nCụ thể, khả thi.\nNHIỆM VỤ\n1. Tổ chức Tháng hành động.');
    expect((r.plan.sections ?? []).map((s) => s.ref)).not.toContain('2.1');
  });
});

describe('one-line blocks and assignments around the task', () => {
  it('reads a block on its own line and at the end of the task’s line', () => {
    const r = parse(
      'III. NỘI DUNG HOẠT ĐỘNG\n1. Treo băng rôn hưởng ứng Tháng hành động.\nChủ trì: Sở Văn hóa, Thể thao và Du lịch; phối hợp: UBND các xã, phường; thời gian: tháng 6/2026.\n2. Xây dựng chuyên mục về quyền trẻ em. Chủ trì: Báo và Phát thanh, Truyền hình Hà Tĩnh; phối hợp: Sở Y tế; thời gian: tháng 6/2026.\n3. Tổ chức diễn đàn trẻ em (Chủ trì: Tỉnh Đoàn; phối hợp: Sở Y tế).',
    );
    expect(r.plan.tasks.map(brief)).toEqual([
      { path: 'III.1', lead: ['Sở Văn hóa, Thể thao và Du lịch'], support: ['UBND các xã, phường'], timeline: 'tháng 6/2026' },
      { path: 'III.2', lead: ['Báo và Phát thanh, Truyền hình Hà Tĩnh'], support: ['Sở Y tế'], timeline: 'tháng 6/2026' },
      { path: 'III.3', lead: ['Tỉnh Đoàn'], support: ['Sở Y tế'], timeline: null },
    ]);
    expect(r.plan.tasks.map((t) => t.text)).toEqual([
      'Treo băng rôn hưởng ứng Tháng hành động.',
      'Xây dựng chuyên mục về quyền trẻ em.',
      'Tổ chức diễn đàn trẻ em',
    ]);
  });
  it('reads an assignment in brackets at the end of a letter’s request', () => {
    const r = parsePlanText(
      'ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 9/UBND-VX\nV/v triển khai công tác trẻ em\nKính gửi: Các sở, ngành\n1. Kiện toàn đội ngũ làm công tác trẻ em cấp xã (Sở Nội vụ chủ trì, phối hợp với Sở Y tế, UBND các xã, phường thực hiện).\n2. Cập nhật cơ sở dữ liệu trẻ em (UBND các xã, phường thực hiện).',
    );
    expect(r.plan.tasks.map(brief)).toEqual([
      { path: '1', lead: ['Sở Nội vụ'], support: ['Sở Y tế', 'UBND các xã, phường'], timeline: null },
      { path: '2', lead: ['UBND các xã, phường'], support: [], timeline: null },
    ]);
  });
  it('takes the lead from "Đối với …:", "Đề nghị …" and the bodies an order opens with, not from a Nhiệm vụ sentence', () => {
    const r = parse(
      'II. NHIỆM VỤ\n1. Ngành y tế tăng cường khám sức khỏe cho trẻ em.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành theo dõi việc thực hiện Kế hoạch.\n2. Đối với UBND các xã, phường:\na) Rà soát trẻ em có hoàn cảnh đặc biệt.\n3. Sở Xây dựng chỉ đạo cải tạo các điểm đen giao thông gần trường học.\n4. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động Nhân dân.\n5. Công an tỉnh chỉ đạo Công an các xã phối hợp với chính quyền địa phương tuần tra.',
    );
    expect(r.plan.tasks.map((t) => [t.path, t.lead, t.support])).toEqual([
      ['II.1', [], []],
      ['III.1', ['Sở Y tế'], ['các sở, ngành']],
      ['III.2.a', ['UBND các xã, phường'], []],
      ['III.3', ['Sở Xây dựng'], []],
      ['III.4', ['Ủy ban MTTQ Việt Nam tỉnh', 'các tổ chức chính trị - xã hội tỉnh'], []],
      ['III.5', ['Công an tỉnh'], []],
    ]);
  });
});

describe('reporting regime', () => {
  it('reads a deadline whose sentence names no report, by the report its paragraph names', () => {
    const r = parse(
      'III. TỔ CHỨC THỰC HIỆN\n1. Báo cáo kết quả 6 tháng đầu năm 2026: đánh giá các chỉ tiêu; số liệu tính từ ngày 01/01/2026 đến ngày 31/5/2026; gửi về Sở Y tế trước ngày 12/6/2026.\n2. Các xã, phường gửi kết quả cập nhật dữ liệu trẻ em về Sở Y tế trước ngày 20/12 hằng năm.',
    );
    expect(r.plan.reporting.map((d) => [d.kind, d.due])).toEqual([
      ['semiannual', '2026-06-12'],
      ['annual', '12-20'],
    ]);
  });
  it('takes a yearly plan’s year-end report of results for its annual report, but not an event plan’s', () => {
    const body =
      'III. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị gửi báo cáo kết quả thực hiện Kế hoạch về Sở Y tế trước ngày 15/11/2026 để tổng hợp.';
    expect(parse(body).plan.reporting.map((d) => d.kind)).toEqual(['annual']);
    const event = parsePlanText(
      `UBND TỈNH HÀ TĨNH\nKẾ HOẠCH\nTổ chức Tết Trung thu cho trẻ em năm 2026\n${body}`,
    ).plan.reporting.map((d) => d.kind);
    expect(event).toEqual(['other']);
  });
});

describe('organisational paragraphs', () => {
  const r = parse(
    'IV. TỔ CHỨC THỰC HIỆN\n1. Kinh phí thực hiện: từ ngân sách nhà nước theo phân cấp hiện hành.\n2. Sở Y tế là cơ quan thường trực, chủ trì tham mưu UBND tỉnh triển khai Kế hoạch.\n3. Chế độ báo cáo: các sở, ngành, UBND các xã báo cáo kết quả 6 tháng trước ngày 10/6 và năm trước ngày 30/10 hằng năm về Sở Y tế.\n4. Đề nghị Tòa án nhân dân tỉnh phối hợp xét xử nghiêm các vụ án xâm hại trẻ em.\n5. Đề nghị Bộ Y tế quan tâm hỗ trợ kinh phí.',
  );
  it('makes tasks only of the paragraphs that assign work, the standing body’s lead its name', () => {
    expect(r.plan.tasks.map((t) => [t.path, t.lead])).toEqual([
      ['IV.2', ['Sở Y tế']],
      ['IV.4', ['Tòa án nhân dân tỉnh']],
    ]);
  });
  it('says why each other paragraph is not a task', () => {
    expect(r.notes.filter((n) => n.kind === 'skipped-line').map((n) => [n.line, n.message.en.split(':')[0]])).toEqual([
      [8, 'A paragraph on funding'],
      [10, 'A paragraph on the reporting regime'],
      [12, 'A request to a central body'],
    ]);
  });
  it('reads the reporting paragraph’s dates as deadlines, "năm trước ngày" as the annual report', () => {
    expect(r.plan.reporting.map((d) => [d.kind, d.due, d.recipient])).toEqual([
      ['semiannual', '06-10', 'Sở Y tế'],
      ['annual', '10-30', 'Sở Y tế'],
    ]);
  });
});

describe('dresses found on the second corpus', () => {
  it('reads a bracketed block on its own line and a timeline closing an inline assignment', () => {
    const r = parse(
      'III. NỘI DUNG\n1. Tổ chức đêm hội trăng rằm.\n(Chủ trì: Đoàn Thanh niên phường; phối hợp: Công an phường, Trạm Y tế phường; thời gian: ngày 24/9/2026)\n2. Treo băng rôn tại trụ sở. Đoàn Thanh niên xã chủ trì, phối hợp với các thôn, bản và gia đình có trẻ em thực hiện; thời gian: trước ngày 30/5/2026.',
    );
    expect(r.plan.tasks.map(brief)).toEqual([
      {
        path: 'III.1',
        lead: ['Đoàn Thanh niên phường'],
        support: ['Công an phường', 'Trạm Y tế phường'],
        timeline: 'ngày 24/9/2026',
      },
      { path: 'III.2', lead: ['Đoàn Thanh niên xã'], support: ['các thôn, bản'], timeline: 'trước ngày 30/5/2026' },
    ]);
  });
  it('joins a tab-separated row whose cells go on in the row below', () => {
    const r = parse(
      'III. NHIỆM VỤ\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n1\tTập huấn phát hiện trẻ em\tSở Y tế\tCông an tỉnh,\tQuý II/2026\n\tbị xâm hại trên mạng\t\tSở Khoa học và Công nghệ\t\n2\tXây dựng chuyên trang\tSở Khoa học và Công nghệ\tTỉnh Đoàn\t\n\t\t\t\tTháng 9/2026',
    );
    expect(r.plan.tasks.map((t) => [t.text, t.support, t.timeline.text])).toEqual([
      ['Tập huấn phát hiện trẻ em bị xâm hại trên mạng', ['Công an tỉnh', 'Sở Khoa học và Công nghệ'], 'Quý II/2026'],
      ['Xây dựng chuyên trang', ['Tỉnh Đoàn'], 'Tháng 9/2026'],
    ]);
  });
  it('makes no tasks of a report outline appendix, and says so', () => {
    const r = parse(
      'II. NHIỆM VỤ\n1. Báo cáo theo Đề cương tại Phụ lục I.\nNơi nhận:\n- Lưu: VT.\nPhụ lục I\nĐỀ CƯƠNG BÁO CÁO KẾT QUẢ\nI. ĐẶC ĐIỂM, TÌNH HÌNH\n1. Tình hình trẻ em trên địa bàn.\n2. Thuận lợi, khó khăn.',
    );
    expect(r.plan.tasks.map((t) => t.path)).toEqual(['II.1']);
    expect(r.notes.some((n) => n.kind === 'skipped-line' && n.message.en.includes('report outline'))).toBe(true);
  });
  it('takes the report named in brackets right after a date', () => {
    const r = parse(
      'III. TỔ CHỨC THỰC HIỆN\nPhòng Bảo trợ xã hội và Trẻ em tổng hợp, tham mưu Lãnh đạo Sở báo cáo UBND tỉnh trước ngày 25/6/2026 (báo cáo 6 tháng) và trước ngày 30/11/2026 (báo cáo năm).',
    );
    expect(r.plan.reporting.map((d) => [d.kind, d.due])).toEqual([
      ['semiannual', '2026-06-25'],
      ['annual', '2026-11-30'],
    ]);
  });
});

describe('dresses found on the third corpus', () => {
  it('reads "Bước N." steps, and "Trách nhiệm: X chủ trì; Y phối hợp" after bullets for every bullet', () => {
    const r = parse(
      'III. CÁC BƯỚC THỰC HIỆN\nBước 1. Rà soát danh sách trẻ em.\n- Thực hiện: UBND các xã, phường.\n- Hỗ trợ kỹ thuật: Trung tâm Công tác xã hội tỉnh.\nIV. NHIỆM VỤ\n1. Truyền thông\na) Trên báo chí\n+ Xây dựng chuyên mục.\n+ Đăng tải thông điệp.\nTrách nhiệm: Sở Văn hóa, Thể thao và Du lịch chủ trì; Báo và Phát thanh, Truyền hình Hưng Yên, Sở Y tế phối hợp.\nThời gian: Tháng 4 - tháng 8/2026.',
    );
    const vhttdl = ['Sở Văn hóa, Thể thao và Du lịch'];
    const support = ['Báo và Phát thanh, Truyền hình Hưng Yên', 'Sở Y tế'];
    expect(r.plan.tasks.map(brief)).toEqual([
      { path: 'III.1', lead: ['UBND các xã, phường'], support: ['Trung tâm Công tác xã hội tỉnh'], timeline: null },
      { path: 'IV.1.a.-1', lead: vhttdl, support, timeline: 'Tháng 4 - tháng 8/2026' },
      { path: 'IV.1.a.-2', lead: vhttdl, support, timeline: 'Tháng 4 - tháng 8/2026' },
    ]);
  });
  it('reads a letter whose subject runs over two lines, with findings before its orders', () => {
    const r = parsePlanText(
      'UBND TỈNH BẮC NINH\nVĂN PHÒNG\nSố: 12/VP-KGVX\nV/v truyền đạt ý kiến chỉ đạo của Chủ tịch\nUBND tỉnh về công tác bảo vệ trẻ em\nBắc Ninh, ngày 18 tháng 3 năm 2026\nKính gửi:\n- Sở Y tế;\n- UBND các xã, phường.\nChủ tịch UBND tỉnh chỉ rõ một số hạn chế:\n- Việc phát hiện, báo cáo vụ việc còn chậm;\n- Sự phối hợp chưa chặt chẽ.\nĐể khắc phục hạn chế, Chủ tịch UBND tỉnh kết luận, chỉ đạo như sau:\n1. Giao Sở Y tế (cơ quan thường trực về công tác trẻ em):\na) Chủ trì, phối hợp với Công an tỉnh hỗ trợ trẻ em là nạn nhân.\n2. Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế tổ chức giáo dục giới tính.',
    );
    expect(r.plan.title).toBe('truyền đạt ý kiến chỉ đạo của Chủ tịch UBND tỉnh về công tác bảo vệ trẻ em');
    // the office of a People's Committee, so a Nghệ An installation is warned it is another province's
    expect(r.plan.issuer).toBe('Văn phòng UBND tỉnh Bắc Ninh');
    expect(issuerProvince(r.plan.issuer ?? '')).toBe('bac ninh');
    expect(r.plan.tasks.map((t) => [t.path, t.lead, t.support])).toEqual([
      ['1.a', ['Sở Y tế'], ['Công an tỉnh']],
      ['2', ['Sở Giáo dục và Đào tạo'], ['Sở Y tế']],
    ]);
    expect(r.notes.filter((n) => n.message.en.startsWith('An item of a list of shortcomings'))).toHaveLength(2);
  });
  it('takes a table row’s "Trước ngày" for its deadline, not the end of the period it covers', () => {
    const r = parse(
      'IV. CHẾ ĐỘ BÁO CÁO\nSTT\tLoại báo cáo\tKỳ số liệu\tThời hạn gửi\n2\tBáo cáo công tác trẻ em 6 tháng đầu năm 2026\tTừ ngày 15/12/2025 đến ngày 14/6/2026\tTrước ngày 18/6/2026\n3\tBáo cáo kết quả Tháng hành động vì trẻ em năm 2026\tĐến ngày 30/6/2026\tTrước ngày 08/7/2026',
    );
    expect(r.plan.reporting.map((d) => [d.kind, d.due])).toEqual([
      ['semiannual', '2026-06-18'],
      ['other', '2026-07-08'],
    ]);
  });
});

describe('targets in the dresses of the corpora', () => {
  const targetsOf = (body: string) =>
    parse(`I. MỤC TIÊU\n${body}`).plan.indicators.map((i) => [
      i.no,
      i.targets.map((t) => [t.year, t.op, t.value, t.kind ?? 'level']),
    ]);
  it('reads a table of targets by year, with the unit of its row', () => {
    expect(
      targetsOf(
        'Chỉ tiêu 1: Đến năm 2030 đạt 75%.\nChỉ tiêu\tNội dung\tNăm 2026\tNăm 2028\tNăm 2030\nChỉ tiêu 1\tTỷ lệ xã, phường phù hợp với trẻ em (%)\t60\t68\t75\nChỉ tiêu 4\tTỷ lệ trẻ em suy dinh dưỡng thể thấp còi (%)\t24,5\t22\t19,5',
      ),
    ).toEqual([
      [
        1,
        [
          [2030, '>=', 75, 'level'],
          [2026, null, 60, 'level'],
          [2028, null, 68, 'level'],
        ],
      ],
      [
        4,
        [
          [2026, null, 24.5, 'level'],
          [2028, null, 22, 'level'],
          [2030, null, 19.5, 'level'],
        ],
      ],
    ]);
  });
  it('reads "Phấn đấu đến năm 2030: 100%" as at least, and yearly or referenced decreases as changes', () => {
    expect(
      targetsOf(
        'Chỉ tiêu 14: Phấn đấu đến năm 2030: 100% trẻ em dưới 5 tuổi được đăng ký khai sinh.\nChỉ tiêu 13: Số cuộc tảo hôn giảm bình quân 3-4%/năm.\nChỉ tiêu 9: Số vụ trẻ em bị xâm hại qua môi trường mạng giảm ít nhất 10% so với năm 2025.',
      ),
    ).toEqual([
      [14, [[2030, '>=', 100, 'level']]],
      [13, [[2026, '>=', 3, 'relative']]],
      [9, [[2026, '>=', 10, 'relative']]],
    ]);
  });
});

describe('where a list of bodies ends', () => {
  it.each([
    ['Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh giáo dục kỹ năng sống cho học sinh', ['Tỉnh Đoàn', 'Hội Liên hiệp Phụ nữ tỉnh']],
    ['Tỉnh Đoàn, các cơ sở giáo dục nghề nghiệp', ['Tỉnh Đoàn', 'các cơ sở giáo dục nghề nghiệp']],
    ['Công an tỉnh quản lý các điểm kinh doanh Internet', ['Công an tỉnh']],
    ['Ban Quản lý các khu công nghiệp, Cục Thống kê tỉnh', ['Ban Quản lý các khu công nghiệp', 'Cục Thống kê tỉnh']],
    [
      'Sở Xây dựng, Cơ quan Cảnh sát điều tra Công an tỉnh điều tra, truy tố',
      ['Sở Xây dựng', 'Cơ quan Cảnh sát điều tra Công an tỉnh'],
    ],
    ['các thôn, bản và gia đình có trẻ em', ['các thôn, bản']],
    ['Phòng Bảo trợ xã hội và Trẻ em', ['Phòng Bảo trợ xã hội và Trẻ em']],
  ])('%s', (text, bodies) => {
    expect(splitBodies(text)).toEqual(bodies);
  });
});

describe('a target that names no indicator', () => {
  it('is a note on its line, not dropped silently', () => {
    const r = parse(
      'I. MỤC TIÊU\n2. Chỉ tiêu năm 2026\n- Chỉ tiêu 11: Giảm tỷ suất tử vong do tai nạn xuống dưới 12/100.000 trẻ em.\n- 90% trẻ em từ 6 đến 16 tuổi được trang bị kỹ năng an toàn trong môi trường nước.',
    );
    expect(r.plan.indicators.map((i) => i.no)).toEqual([11]);
    expect(r.notes.filter((n) => n.kind === 'unparsed-target').map((n) => n.line)).toEqual([10]);
  });
});

describe('headings of bodies whose name goes on in lowercase', () => {
  it('leads the tasks under "Tổ dân phố" and "Trưởng thôn các thôn" headings', () => {
    const r = parse(
      'V. TỔ CHỨC THỰC HIỆN\n1. Tổ dân phố\n- Rà soát trẻ em trên địa bàn.\n2. Trưởng thôn các thôn\n- Báo cáo kịp thời trẻ em bị xâm hại.',
    );
    expect(r.plan.tasks.map((t) => [t.path, t.lead])).toEqual([
      ['V.1.-1', ['Tổ dân phố']],
      ['V.2.-1', ['Trưởng thôn các thôn']],
    ]);
  });
});
