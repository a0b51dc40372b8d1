import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse.ts';
import { PlanDocumentSchema, type PlanTask } from './plan-format.ts';

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
