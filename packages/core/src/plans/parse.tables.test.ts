import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractPlanText, parsePlanFile, parsePlanText } from './parse.ts';
import { PlanDocumentSchema, type PlanParseResult } from './plan-format.ts';
import { assignmentTableLines, expandTabTables } from './parser/tables.ts';
import { makeDocx, type DocxCell } from './parser/docx.fixture.ts';

const enc = new TextEncoder();

const checked = (r: PlanParseResult) => {
  expect(PlanDocumentSchema.safeParse(r.plan).success).toBe(true);
  return r;
};

const HEAD = ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH ĐỊNH', 'Số: 12/KH-UBND', 'KẾ HOẠCH', 'Thực hiện công tác trẻ em năm 2025'];
const BODY = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Bảo đảm thực hiện đầy đủ quyền trẻ em.',
  'II. NHIỆM VỤ',
  '1. Tổ chức Tết Trung thu cho trẻ em',
  'Đơn vị chủ trì: Tỉnh Đoàn',
  'Thời gian thực hiện: tháng 9/2025',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các sở, ngành thực hiện nhiệm vụ được phân công tại Phụ lục kèm theo.',
];
const SIGNATURE = ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn A'];
const APPENDIX = [
  'PHỤ LỤC',
  'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM 2025',
  '(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh Bình Định)',
];

const LĐTBXH = 'Sở Lao động - Thương binh và Xã hội';
/** 2 section rows, 6 task rows, a merged lead (w:vMerge), spans, a cell of two paragraphs. */
const TABLE: DocxCell[][] = [
  ['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Ghi chú'],
  [{ text: 'I. CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC', span: 6 }],
  [
    '1',
    'Tổ chức Tháng hành động vì trẻ em năm 2025',
    { text: LĐTBXH, merge: 'restart' },
    'Sở Thông tin và Truyền thông; Tỉnh Đoàn',
    'Tháng 6/2025',
    '',
  ],
  [
    '2',
    'Truyền thông về phòng, chống xâm hại trẻ em trên môi trường mạng',
    { merge: 'continue' },
    'Công an tỉnh',
    'Thường xuyên',
    'Lồng ghép với Ngày Quốc tế Thiếu nhi',
  ],
  ['II', { text: 'CHĂM SÓC SỨC KHỎE TRẺ EM', span: 5 }],
  ['1', 'Chăm sóc sức khỏe ban đầu', '', '', '', ''],
  [
    '1.1',
    'Khám sức khỏe định kỳ cho trẻ em mầm non',
    'Sở Y tế',
    { paras: ['Sở Giáo dục và Đào tạo', 'UBND các huyện, thị xã, thành phố'] },
    'Quý II/2025',
    '',
  ],
  [
    '1.2',
    'Tiêm chủng mở rộng cho trẻ em dưới 1 tuổi',
    'Sở Y tế',
    'UBND các huyện, thị xã, thành phố',
    { text: 'Thường xuyên', span: 2 },
  ],
  ['2', 'Kiểm tra an toàn thực phẩm tại bếp ăn bán trú', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Quý III/2025', ''],
];

/** The same table as Word copies it to plain text: cells between tabs, merged cells empty. */
const TAB_TABLE = [
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tGhi chú',
  'I. CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC',
  `1\tTổ chức Tháng hành động vì trẻ em năm 2025\t${LĐTBXH}\tSở Thông tin và Truyền thông; Tỉnh Đoàn\tTháng 6/2025\t`,
  '2\tTruyền thông về phòng, chống xâm hại trẻ em trên môi trường mạng\t\tCông an tỉnh\tThường xuyên\tLồng ghép với Ngày Quốc tế Thiếu nhi',
  'II\tCHĂM SÓC SỨC KHỎE TRẺ EM',
  '1\tChăm sóc sức khỏe ban đầu\t\t\t\t',
  '1.1\tKhám sức khỏe định kỳ cho trẻ em mầm non\tSở Y tế\tSở Giáo dục và Đào tạo; UBND các huyện, thị xã, thành phố\tQuý II/2025\t',
  '1.2\tTiêm chủng mở rộng cho trẻ em dưới 1 tuổi\tSở Y tế\tUBND các huyện, thị xã, thành phố\tThường xuyên',
  '2\tKiểm tra an toàn thực phẩm tại bếp ăn bán trú\tSở Y tế\tSở Giáo dục và Đào tạo\tQuý III/2025\t',
];

const once = (text: string, start: string, end: string) => ({ kind: 'once', text, start, end });
const recurring = { kind: 'recurring', text: 'Thường xuyên', start: null, end: null };

const EXPECTED_APPENDIX_TASKS = [
  {
    ref: '1',
    text: 'Tổ chức Tháng hành động vì trẻ em năm 2025',
    lead: [LĐTBXH],
    support: ['Sở Thông tin và Truyền thông', 'Tỉnh Đoàn'],
    timeline: once('Tháng 6/2025', '2025-06-01', '2025-06-30'),
    path: 'PL.I.1',
    section: 'PL.I',
  },
  {
    ref: '2',
    text: 'Truyền thông về phòng, chống xâm hại trẻ em trên môi trường mạng (Ghi chú: Lồng ghép với Ngày Quốc tế Thiếu nhi)',
    lead: [LĐTBXH],
    support: ['Công an tỉnh'],
    timeline: recurring,
    path: 'PL.I.2',
    section: 'PL.I',
  },
  {
    ref: '1.1',
    text: 'Khám sức khỏe định kỳ cho trẻ em mầm non',
    lead: ['Sở Y tế'],
    support: ['Sở Giáo dục và Đào tạo', 'UBND các huyện, thị xã, thành phố'],
    timeline: once('Quý II/2025', '2025-04-01', '2025-06-30'),
    path: 'PL.II.1.1',
    section: 'PL.II.1',
  },
  {
    ref: '1.2',
    text: 'Tiêm chủng mở rộng cho trẻ em dưới 1 tuổi',
    lead: ['Sở Y tế'],
    support: ['UBND các huyện, thị xã, thành phố'],
    timeline: recurring,
    path: 'PL.II.1.2',
    section: 'PL.II.1',
  },
  {
    ref: '2',
    text: 'Kiểm tra an toàn thực phẩm tại bếp ăn bán trú',
    lead: ['Sở Y tế'],
    support: ['Sở Giáo dục và Đào tạo'],
    timeline: once('Quý III/2025', '2025-07-01', '2025-09-30'),
    path: 'PL.II.2',
    section: 'PL.II',
  },
];

const BODY_TASK = {
  ref: '1',
  text: 'Tổ chức Tết Trung thu cho trẻ em',
  lead: ['Tỉnh Đoàn'],
  support: [],
  timeline: once('tháng 9/2025', '2025-09-01', '2025-09-30'),
  path: 'II.1',
  section: 'II',
};

const withoutLines = (r: PlanParseResult) => r.plan.tasks.map(({ line: _line, ...t }) => t);

describe('assignment table in a .docx appendix', () => {
  const bytes = makeDocx([...HEAD, ...BODY, ...SIGNATURE, ...APPENDIX, { table: TABLE }]);
  const r = checked(parsePlanFile('ke-hoach.docx', bytes));

  it('makes a task of every row, with ref, text, lead, support, timeline and section', () => {
    expect(withoutLines(r)).toEqual([BODY_TASK, ...EXPECTED_APPENDIX_TASKS]);
    expect(r.plan.issuer).toBe('UBND tỉnh Bình Định');
    expect(r.notes).toEqual([]);
  });

  it('lists the appendix and its section rows as sections after the body', () => {
    expect(r.plan.sections?.map(({ line: _l, ...s }) => s)).toEqual([
      { ref: 'I', title: 'MỤC ĐÍCH, YÊU CẦU', level: 1 },
      { ref: 'II', title: 'NHIỆM VỤ', level: 1 },
      { ref: 'III', title: 'TỔ CHỨC THỰC HIỆN', level: 1 },
      { ref: 'PL', title: 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN CÔNG TÁC TRẺ EM NĂM 2025', level: 1 },
      { ref: 'PL.I', title: 'CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC', level: 2 },
      { ref: 'PL.II', title: 'CHĂM SÓC SỨC KHỎE TRẺ EM', level: 2 },
      { ref: 'PL.II.1', title: 'Chăm sóc sức khỏe ban đầu', level: 3 },
    ]);
  });

  it('shows the rows as task blocks in the source text, and points each task at its row', () => {
    const text = extractPlanText('ke-hoach.docx', bytes);
    expect(text).toContain(
      [
        'I. CÔNG TÁC TRUYỀN THÔNG, GIÁO DỤC',
        '1. Tổ chức Tháng hành động vì trẻ em năm 2025',
        `- Đơn vị chủ trì: ${LĐTBXH}`,
        '- Đơn vị phối hợp: Sở Thông tin và Truyền thông; Tỉnh Đoàn',
        '- Thời gian thực hiện: Tháng 6/2025',
      ].join('\n'),
    );
    for (const t of r.plan.tasks) expect(r.lines[(t.line ?? 0) - 1]).toContain(t.text.slice(0, 30));
  });

  it('reads the table the same way in the body, under NHIỆM VỤ, with automatic numbering', () => {
    const doc = makeDocx([
      ...HEAD,
      'I. NHIỆM VỤ',
      {
        table: [
          ['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Tiến độ', 'Sản phẩm'],
          [
            { text: '', paras: [''] },
            'Rà soát trẻ em có hoàn cảnh đặc biệt',
            'Phòng Lao động - TB&XH',
            'UBND các xã',
            '',
            'Báo cáo',
          ],
        ],
      },
      ...SIGNATURE,
    ]);
    expect(withoutLines(checked(parsePlanFile('a.docx', doc)))).toEqual([
      {
        ref: null,
        text: 'Rà soát trẻ em có hoàn cảnh đặc biệt (Sản phẩm: Báo cáo)',
        lead: ['Phòng Lao động - TB&XH'],
        support: ['UBND các xã'],
        timeline: { kind: 'unspecified', text: null, start: null, end: null },
        path: 'I.-1',
        section: 'I',
      },
    ]);
  });
});

describe('numbered appendices', () => {
  it('gives each its own section ref, the table under a title row', () => {
    const table = (task: string): DocxCell[][] => [
      [{ text: 'BẢNG PHÂN CÔNG', span: 3 }],
      ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì'],
      ['1', task, 'Sở Y tế'],
    ];
    const doc = makeDocx([
      ...HEAD,
      ...BODY,
      ...SIGNATURE,
      'PHỤ LỤC I',
      'NHIỆM VỤ NĂM 2025',
      { table: table('Việc một') },
      'PHỤ LỤC SỐ 02',
      'NHIỆM VỤ NĂM 2026',
      { table: table('Việc hai') },
    ]);
    const r = checked(parsePlanFile('a.docx', doc));
    expect(r.plan.tasks.slice(1).map((t) => [t.ref, t.text, t.lead, t.section])).toEqual([
      ['1', 'Việc một', ['Sở Y tế'], 'PL1'],
      ['1', 'Việc hai', ['Sở Y tế'], 'PL2'],
    ]);
    expect(r.plan.sections?.slice(3).map((s) => [s.ref, s.title])).toEqual([
      ['PL1', 'NHIỆM VỤ NĂM 2025'],
      ['PL2', 'NHIỆM VỤ NĂM 2026'],
    ]);
  });
});

describe('assignment table as tab-separated text', () => {
  const text = [...HEAD, ...BODY, ...SIGNATURE, ...APPENDIX, ...TAB_TABLE].join('\r\n');

  it('reads the same tasks as the .docx, the merged lead filled down', () => {
    expect(withoutLines(checked(parsePlanText(text)))).toEqual([BODY_TASK, ...EXPECTED_APPENDIX_TASKS]);
    expect(withoutLines(checked(parsePlanFile('ke-hoach.txt', enc.encode(text))))).toEqual([
      BODY_TASK,
      ...EXPECTED_APPENDIX_TASKS,
    ]);
  });

  it('leaves tab-separated lines that are not an assignment table alone', () => {
    const plain = 'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nChỉ tiêu\tNăm 2025\tNăm 2030\nx\ty';
    expect(expandTabTables(plain)).toBe(plain);
    expect(expandTabTables('no tabs\r\nhere')).toBe('no tabs\r\nhere');
  });
});

describe('tables that are not assignment tables', () => {
  it('keeps a signature table and a header table as text, making no tasks of them', () => {
    const doc = makeDocx([
      {
        table: [
          [{ paras: ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH ĐỊNH', 'Số: 12/KH-UBND'] }, { paras: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'] }],
        ],
      },
      'KẾ HOẠCH',
      'Thực hiện công tác trẻ em năm 2025',
      'I. NHIỆM VỤ',
      '1. Tổ chức Tết Trung thu cho trẻ em',
      {
        table: [
          [
            { paras: ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'] },
            { paras: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', '1. Phó Chủ tịch'] },
          ],
        ],
      },
    ]);
    const r = checked(parsePlanFile('a.docx', doc));
    expect(r.plan).toMatchObject({ issuer: 'UBND tỉnh Bình Định', documentNumber: '12/KH-UBND' });
    expect(r.plan.tasks.map((t) => t.text)).toEqual(['Tổ chức Tết Trung thu cho trẻ em']);
    expect(r.lines).toContain('Nơi nhận:');
    expect(r.lines).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('still reads indicators from a table of "Chỉ tiêu N" rows', () => {
    const doc = makeDocx([
      ...HEAD,
      'I. MỤC TIÊU',
      {
        table: [
          ['Chỉ tiêu 1: Giảm tỷ suất tử vong trẻ em dưới 1 tuổi xuống dưới 10‰ vào năm 2025.', ''],
          ['Chỉ tiêu 2: 95% trẻ em được tiêm chủng đầy đủ vào năm 2025.', ''],
        ],
      },
    ]);
    expect(checked(parsePlanFile('a.docx', doc)).plan.indicators.map((i) => i.no)).toEqual([1, 2]);
  });

  it('does not crash on malformed tables: uneven rows, an empty header, a nested table, a cut-off file', () => {
    const doc = makeDocx([
      ...HEAD,
      'I. NHIỆM VỤ',
      { table: [[''], ['', '', ''], ['1', 'x']] },
      {
        table: [
          ['STT', 'Nội dung', 'Chủ trì'],
          ['1'],
          [],
          ['2', 'Việc hai', 'Sở Y tế', 'thừa', 'thừa nữa'],
          [{ merge: 'continue', span: 99 }],
        ],
      },
      {
        table: [
          ['STT', 'Nhiệm vụ', 'Thời gian'],
          ['3', { text: 'Việc ba', table: [['trong', 'bảng con']] }, 'Năm 2025'],
        ],
      },
    ]);
    const r = checked(parsePlanFile('a.docx', doc));
    expect(r.plan.tasks.map((t) => [t.ref, t.text, t.lead])).toEqual([
      ['2', 'Việc hai (thừa; thừa nữa)', ['Sở Y tế']],
      ['3', 'trong bảng con Việc ba', []],
    ]);
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const cut = zipSync({
      'word/document.xml': strToU8(
        `<w:document ${ns}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1. Việc</w:t></w:r></w:p>`,
      ),
    });
    expect(extractPlanText('cut.docx', cut)).toBe('KẾ HOẠCH\n1. Việc');
  });
});

describe('assignmentTableLines', () => {
  it('recognises header variants without diacritics and skips sub-headers and column numbers', () => {
    expect(
      assignmentTableLines([
        ['TT', 'Hoạt động', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành', 'Kết quả/sản phẩm'],
        ['', '', '', '', 'Bắt đầu', 'Kết thúc'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['a', 'Tập huấn cán bộ', 'Sở Tư pháp', '', '2025', 'Lớp tập huấn'],
        ['STT', 'Hoạt động', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành', 'Kết quả/sản phẩm'],
        ['-', 'Phát tờ rơi', 'Hội Phụ nữ', 'Đoàn Thanh niên', '', ''],
        ['', 'NHIỆM VỤ KHÁC', '', '', '', ''],
        ['', '3. Việc gõ số trong ô', 'Sở Y tế', '', '', ''],
      ]),
    ).toEqual([
      'a) Tập huấn cán bộ (Kết quả/sản phẩm: Lớp tập huấn)',
      '- Đơn vị chủ trì: Sở Tư pháp',
      '- Thời gian thực hiện: 2025',
      '- Phát tờ rơi',
      '- Đơn vị chủ trì: Hội Phụ nữ',
      '- Đơn vị phối hợp: Đoàn Thanh niên',
      'I. NHIỆM VỤ KHÁC',
      '3. Việc gõ số trong ô',
      '- Đơn vị chủ trì: Sở Y tế',
    ]);
    expect(assignmentTableLines([['Chỉ tiêu', 'Năm 2025', 'Năm 2030']])).toBeNull();
    expect(assignmentTableLines([])).toBeNull();
    expect(assignmentTableLines([['Nội dung', 'Ghi chú']])).toBeNull();
  });
});
