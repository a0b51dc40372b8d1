import type { ConsolidatedReport, ReportIndicatorRow, ReportStatusRow, ReportTaskRow } from '@tre/core';

/**
 * A consolidated report as Nghệ An's officer would build it for the first half of 2025: the tests
 * open the documents made from it, scripts/render-report.ts renders it for a person to look at, and
 * makeReport() scales it for the benchmark (155 bodies).
 */

/** The province's departments (after the 2025 merger: child affairs are with Sở Y tế) and a few communes. */
const AGENCIES = [
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Công an tỉnh',
  'Sở Tư pháp',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Nông nghiệp và Môi trường',
  'Tỉnh đoàn Nghệ An',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Báo và Phát thanh, Truyền hình Nghệ An',
  'Bảo hiểm xã hội tỉnh',
];
const COMMUNES = [
  'UBND phường Trường Vinh',
  'UBND phường Thành Vinh',
  'UBND phường Vinh Hưng',
  'UBND xã Diễn Châu',
  'UBND xã Quỳnh Lưu',
  'UBND xã Nghĩa Đàn',
  'UBND xã Con Cuông',
  'UBND xã Kỳ Sơn',
];

const bodyName = (i: number): string => AGENCIES[i] ?? COMMUNES[i - AGENCIES.length] ?? `UBND xã số ${String(i + 1)}`;
const bodyKind = (i: number): string => (i < AGENCIES.length ? 'Sở, ngành' : 'Xã, phường');

/** The plan's tasks (Kế hoạch số 35/KH-UBND, mục III), with the body that leads each. */
const TASKS: { path: string; task: string }[] = [
  { path: 'III.1', task: 'Tuyên truyền, phổ biến pháp luật về quyền trẻ em, phòng, chống xâm hại trẻ em' },
  { path: 'III.2', task: 'Kiện toàn đội ngũ làm công tác trẻ em và cộng tác viên thôn, bản, khối, xóm' },
  { path: 'III.3.a', task: 'Tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi; chăm sóc dinh dưỡng, phòng chống suy dinh dưỡng' },
  { path: 'III.3.b', task: 'Khám sức khỏe định kỳ cho trẻ em tại các cơ sở giáo dục mầm non và phổ thông' },
  { path: 'III.4', task: 'Phòng, chống tai nạn thương tích và đuối nước trẻ em; dạy bơi an toàn mùa hè' },
  { path: 'III.5', task: 'Hỗ trợ, can thiệp trẻ em có hoàn cảnh đặc biệt và trẻ em bị xâm hại' },
  { path: 'III.6', task: 'Tổ chức Tháng hành động vì trẻ em năm 2025 và Diễn đàn trẻ em cấp tỉnh' },
  { path: 'III.7', task: 'Xây dựng xã, phường phù hợp với trẻ em; điểm vui chơi, văn hóa cho trẻ em' },
  { path: 'III.8', task: 'Đăng ký khai sinh đúng hạn, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi' },
  { path: 'III.9', task: 'Kiểm tra, giám sát việc thực hiện chính sách, pháp luật về trẻ em' },
];

const PROGRESS = ['Hoàn thành', 'Đang thực hiện', 'Đang thực hiện', 'Chưa báo cáo', 'Hoàn thành', 'Chậm tiến độ'];

const INDICATORS: ReportIndicatorRow[] = [
  row(
    3,
    'I03_U1_MORTALITY',
    'Tỷ suất tử vong trẻ em dưới 1 tuổi trên 1.000 trẻ đẻ sống',
    'per1000',
    257,
    19_985,
    '≤ 13 ‰',
    'Đạt',
  ),
  row(
    3,
    'I03_U5_MORTALITY',
    'Tỷ suất tử vong trẻ em dưới 5 tuổi trên 1.000 trẻ đẻ sống',
    'per1000',
    null,
    null,
    '≤ 19 ‰',
    'Chưa có số liệu',
  ),
  row(
    4,
    'I04_UNDERWEIGHT',
    'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể cân nặng theo tuổi',
    '%',
    15_012,
    153_184,
    '< 10 %',
    'Đạt',
  ),
  row(
    4,
    'I04_STUNTING',
    'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể chiều cao theo tuổi',
    '%',
    27_881,
    153_184,
    '< 17 %',
    'Chưa đạt',
  ),
  row(
    5,
    'I05_FULL_IMMUNISATION_U1',
    'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin',
    '%',
    19_086,
    19_985,
    '≥ 95 %',
    'Đạt',
  ),
  row(6, 'I06_HIV_MOTHER_TO_CHILD', 'Tỷ lệ lây truyền HIV từ mẹ sang con', '%', null, null, '< 2 %', 'Chưa có số liệu'),
  row(9, 'I09_CHILDREN_ABUSED', 'Tỷ lệ trẻ em bị xâm hại trên tổng số trẻ em', '%', null, 859_200, 'Giảm', 'Chưa có số liệu'),
  row(
    11,
    'I11_INJURY_RATE',
    'Tỷ suất trẻ em bị tai nạn thương tích trên 100.000 trẻ em',
    'per100000',
    4_711,
    859_200,
    'Giảm',
    'Đạt',
  ),
  row(14, 'I14_BIRTH_REGISTRATION_U5', 'Tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh', '%', 151_223, 153_184, '≥ 98 %', 'Đạt'),
  row(16, 'I16_KINDERGARTEN_AGE5', 'Tỷ lệ huy động trẻ em 5 tuổi đi học mẫu giáo', '%', 39_872, 40_031, '≥ 99,5 %', 'Đạt'),
  row(
    21,
    'I21_COMMUNES_PLAY_SPACE',
    'Tỷ lệ xã, phường có điểm văn hóa, vui chơi dành cho trẻ em',
    '%',
    89,
    130,
    null,
    'Chưa có mục tiêu',
  ),
];

function row(
  indicatorNo: number,
  measureCode: string,
  measureName: string,
  unit: string,
  numerator: number | null,
  denominator: number | null,
  target: string | null,
  status: string,
): ReportIndicatorRow {
  const factor = unit === '%' ? 100 : unit === 'per1000' ? 1000 : 100_000;
  const value = numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * factor;
  const expected = unit === 'per1000' ? 12 : 20;
  return {
    indicatorNo,
    measureCode,
    measureName,
    unit,
    numerator,
    denominator,
    value,
    target,
    status,
    reported: value === null ? 0 : expected - (indicatorNo % 3),
    expected,
  };
}

/** One row per task and body: each task led by one body, with `perBody` tasks for every body. */
function taskRows(bodies: number, perBody: number): ReportTaskRow[] {
  const rows: ReportTaskRow[] = [];
  for (let b = 0; b < bodies; b++) {
    for (let t = 0; t < perBody; t++) {
      const k = (b * perBody + t) % TASKS.length;
      const task = TASKS[k] ?? { path: null, task: '' };
      const status = PROGRESS[(b + t) % PROGRESS.length] ?? 'Đang thực hiện';
      rows.push({
        path: task.path,
        task: task.task,
        body: bodyName(b),
        role: t === 0 && b < TASKS.length ? 'Chủ trì' : 'Phối hợp',
        status,
        note:
          status === 'Chậm tiến độ'
            ? 'Chưa bố trí được kinh phí'
            : status === 'Chưa báo cáo'
              ? null
              : `Đạt ${String(60 + ((b * 7 + t * 11) % 41))}% kế hoạch`,
      });
    }
  }
  // in the appendix's order: by task, the leading body first
  const order = (r: ReportTaskRow): number => TASKS.findIndex((t) => t.path === r.path) * 2 + (r.role === 'Chủ trì' ? 0 : 1);
  return rows.sort((a, b) => order(a) - order(b));
}

/** One row per body owing a report: most on time, a few late, a few not sent. */
function statusRows(bodies: number): ReportStatusRow[] {
  return Array.from({ length: bodies }, (_, i): ReportStatusRow => {
    const kind = bodyKind(i);
    if (i % 9 === 5) return { body: bodyName(i), kind, state: 'Chưa gửi', submittedOn: null, onTime: null, daysLate: null };
    const late = i % 4 === 3 ? 1 + (i % 6) : 0;
    const day = 10 + late;
    return {
      body: bodyName(i),
      kind,
      state: i % 5 === 2 ? 'Đã gửi, chờ duyệt' : 'Đã tiếp nhận',
      submittedOn: `2025-06-${String(day).padStart(2, '0')}`,
      onTime: late === 0,
      daysLate: late === 0 ? null : late,
    };
  });
}

/** What the departments wrote under "Kết quả thực hiện", one quoted paragraph each. */
const RESULTS_BY_BODY: Record<string, string> = {
  'Sở Y tế':
    'Chủ trì tham mưu UBND tỉnh ban hành Kế hoạch thực hiện Chương trình hành động vì trẻ em năm 2025; phối hợp tổ chức Tháng hành động vì trẻ em với chủ đề "Chung tay tạo dựng môi trường an toàn, lành mạnh cho trẻ em"; duy trì hoạt động của Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tại tỉnh, tiếp nhận và xử lý 46 cuộc gọi.',
  'Sở Giáo dục và Đào tạo':
    'Tổ chức khám sức khỏe đầu năm học cho 98,2% học sinh; triển khai công tác tư vấn tâm lý học đường tại 1.026 trường học; phối hợp với Tỉnh đoàn tổ chức 312 lớp dạy bơi an toàn cho 9.480 học sinh trong dịp hè.',
  'Công an tỉnh':
    'Tiếp nhận, xử lý 27 vụ xâm hại trẻ em, đã khởi tố 21 vụ; tuyên truyền phòng, chống xâm hại trẻ em trên không gian mạng tại 145 trường học với trên 38.000 lượt học sinh tham gia.',
  'Sở Tư pháp':
    'Đăng ký khai sinh đúng hạn cho 19.412 trẻ em; tổ chức 38 hội nghị phổ biến Luật Trẻ em và các văn bản hướng dẫn cho cán bộ cấp xã.',
  'Sở Văn hóa, Thể thao và Du lịch':
    'Tổ chức Ngày hội gia đình, Ngày hội đọc sách cho trẻ em tại 21 điểm; duy trì 186 câu lạc bộ thể thao và lớp năng khiếu dành cho thiếu nhi trong dịp hè.',
  'Sở Nội vụ':
    'Hướng dẫn bố trí công chức văn hóa - xã hội phụ trách công tác trẻ em tại các xã, phường sau sắp xếp đơn vị hành chính; 100% xã, phường đã phân công người phụ trách.',
  'Sở Tài chính':
    'Tham mưu bố trí 4.850 triệu đồng kinh phí sự nghiệp thực hiện Chương trình hành động vì trẻ em; hướng dẫn các đơn vị thanh, quyết toán theo quy định.',
  'Sở Nông nghiệp và Môi trường':
    'Triển khai cấp nước sạch và công trình vệ sinh cho 42 trường học, trạm y tế vùng nông thôn; phối hợp tuyên truyền phòng, chống đuối nước tại các vùng ven sông, hồ đập.',
  'Tỉnh đoàn Nghệ An':
    'Tổ chức Diễn đàn trẻ em cấp tỉnh với 150 đại biểu tham gia, tiếp nhận 37 ý kiến, kiến nghị của trẻ em gửi các cấp chính quyền; phát động 1.240 công trình, phần việc thanh niên vì trẻ em.',
  'Hội Liên hiệp Phụ nữ tỉnh':
    'Duy trì 512 câu lạc bộ "Ông bà, cha mẹ và con cái" và "Làm cha mẹ"; vận động trao 325 suất học bổng, 18 "Mái ấm tình thương" cho trẻ em có hoàn cảnh khó khăn.',
  'Báo và Phát thanh, Truyền hình Nghệ An':
    'Đăng tải 246 tin, bài, phóng sự về công tác bảo vệ, chăm sóc trẻ em; duy trì chuyên mục "Vì trẻ em" phát sóng hằng tuần.',
  'Bảo hiểm xã hội tỉnh':
    'Cấp 412.560 thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi, đạt 100% số trẻ em thuộc diện; phối hợp ngành y tế giải quyết chế độ khám, chữa bệnh cho trẻ em kịp thời.',
  'UBND phường Trường Vinh':
    'Rà soát, lập hồ sơ quản lý 94 trẻ em có hoàn cảnh đặc biệt; tổ chức 6 lớp dạy bơi cho 240 trẻ em; xây dựng 2 sân chơi cộng đồng tại các khối phố.',
  'UBND xã Kỳ Sơn':
    'Vận động 99% trẻ em 5 tuổi ra lớp mẫu giáo; phối hợp trạm y tế tiêm chủng bù cho 87 trẻ em; tổ chức tuyên truyền phòng, chống tảo hôn tại 12 bản.',
};

function sections(bodies: number): ConsolidatedReport['sections'] {
  const results = Array.from({ length: bodies }, (_, i) => {
    const body = bodyName(i);
    return {
      source: body,
      text:
        RESULTS_BY_BODY[body] ??
        'Triển khai đầy đủ các nhiệm vụ được giao tại Kế hoạch của UBND tỉnh; rà soát, cập nhật số liệu trẻ em có hoàn cảnh đặc biệt và kịp thời hỗ trợ, can thiệp theo quy định.',
    };
  });
  return [
    {
      heading: 'I. KẾT QUẢ THỰC HIỆN CÔNG TÁC TRẺ EM 6 THÁNG ĐẦU NĂM 2025',
      key: 'results',
      paragraphs: [
        {
          text: 'Thực hiện Kế hoạch số 35/KH-UBND ngày 20/01/2025 của UBND tỉnh về thực hiện Chương trình hành động vì trẻ em năm 2025, các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các xã, phường đã chủ động triển khai các nhiệm vụ được giao; công tác bảo vệ, chăm sóc và giáo dục trẻ em tiếp tục được quan tâm, đạt nhiều kết quả tích cực.',
        },
        ...results,
      ],
    },
    {
      heading: '1. Kết quả thực hiện các chỉ tiêu',
      key: 'figures',
      paragraphs: [
        {
          text: 'Tỷ suất tử vong trẻ em dưới 1 tuổi 12,86‰, đạt mục tiêu kế hoạch (≤ 13‰); tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ 8 loại vắc xin đạt 95,5%; tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể cân nặng theo tuổi 9,8%, thể chiều cao theo tuổi 18,2%; tỷ suất trẻ em bị tai nạn thương tích 548,3/100.000 trẻ em; tỷ lệ trẻ em dưới 5 tuổi được đăng ký khai sinh 98,72%.',
        },
        {
          text: 'Một số chỉ tiêu chưa có số liệu 6 tháng (tỷ suất tử vong trẻ em dưới 5 tuổi, tỷ lệ lây truyền HIV từ mẹ sang con, tỷ lệ trẻ em bị xâm hại) sẽ được tổng hợp trong báo cáo năm. Chi tiết tại Phụ lục 1 kèm theo.',
        },
      ],
    },
    {
      heading: 'II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN',
      key: 'limitations',
      paragraphs: [
        {
          text: 'Tình trạng xâm hại trẻ em, tai nạn thương tích, đặc biệt là đuối nước trẻ em vẫn còn xảy ra; tỷ lệ suy dinh dưỡng thể thấp còi ở các xã miền núi còn cao. Đội ngũ làm công tác trẻ em cấp xã kiêm nhiệm nhiều việc, thường xuyên thay đổi sau sắp xếp đơn vị hành chính.',
        },
        {
          source: 'Sở Y tế',
          text: 'Kinh phí bố trí cho công tác trẻ em ở cấp xã còn hạn chế; việc thu thập số liệu một số chỉ tiêu còn chậm, chưa đồng bộ giữa các ngành.',
        },
        {
          source: 'UBND xã Kỳ Sơn',
          text: 'Địa bàn rộng, giao thông đi lại khó khăn, trình độ dân trí không đồng đều nên công tác tuyên truyền còn gặp nhiều trở ngại.',
        },
      ],
    },
    {
      heading: 'III. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM 2025',
      key: 'nextSteps',
      paragraphs: [
        {
          text: 'Tiếp tục tuyên truyền, phổ biến pháp luật về trẻ em; tăng cường phòng, chống xâm hại, bạo lực, tai nạn thương tích trẻ em; triển khai Tháng hành động vì trẻ em và Tết Trung thu cho trẻ em; kiện toàn đội ngũ làm công tác trẻ em sau sắp xếp tổ chức bộ máy.',
        },
        {
          source: 'Sở Giáo dục và Đào tạo',
          text: 'Chuẩn bị các điều kiện cho năm học 2025-2026; đẩy mạnh giáo dục kỹ năng sống, phòng chống đuối nước và tư vấn tâm lý cho học sinh.',
        },
      ],
    },
    {
      heading: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      key: 'proposals',
      paragraphs: [
        {
          text: 'Đề nghị Bộ Y tế tiếp tục hướng dẫn, tập huấn nghiệp vụ cho đội ngũ làm công tác trẻ em sau sắp xếp; hỗ trợ kinh phí xây dựng mô hình phòng, chống đuối nước trẻ em tại các xã miền núi.',
        },
      ],
    },
  ];
}

/**
 * The report with `bodies` bodies owing it and `tasksPerBody` task rows for each: the figures stay,
 * the per-body parts (quoted results, task and status appendices) grow.
 */
export function makeReport(bodies: number, tasksPerBody: number): ConsolidatedReport {
  return {
    draft: false,
    header: {
      parentBody: '',
      issuingBody: 'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN',
      number: '…/BC-UBND',
      place: 'Nghệ An',
      date: '2025-07-05',
      subject: 'Kết quả thực hiện công tác trẻ em 6 tháng đầu năm 2025',
    },
    periodLabel: '6 tháng đầu năm 2025',
    sections: sections(bodies),
    indicators: INDICATORS,
    tasks: taskRows(bodies, tasksPerBody),
    reporting: statusRows(bodies),
    signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', deputy: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Minh' },
    recipients: ['Bộ Y tế', 'TT Tỉnh ủy', 'TT HĐND tỉnh', 'Chủ tịch, các PCT UBND tỉnh', 'Sở Y tế', 'Lưu: VT, KGVX'],
  };
}

/** The report of the tests and the rendered layout: 20 bodies (12 departments, 8 communes), 30 task rows. */
export const reportFixture: ConsolidatedReport = { ...makeReport(20, 1), tasks: taskRows(10, 3) };
