import { viDate, type ConsolidatedReport } from '@tre/core';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { APPENDICES, countText, sentOnText, taskText, timelinessText, valueText } from './appendix-text.ts';
import { line, mm, run, SIZE } from './docx-layout.ts';

/**
 * The three appendices, each from a new page: a heading, the line tying it to the report, and a
 * table whose header row repeats on every page it runs over. Portrait, like the report, so widths
 * add up to the 165 mm between the margins.
 */

type Align = 'left' | 'center' | 'right';
interface Column {
  header: string;
  /** millimetres */
  width: number;
  align: Align;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, column: Column, header: boolean, span = 1): TableCell {
  return new TableCell({
    width: { size: mm(column.width), type: WidthType.DXA },
    columnSpan: span,
    verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : ALIGN[column.align],
        spacing: { before: 40, after: 40 },
        children: [run(text, { size: SIZE.table, bold: header })],
      }),
    ],
  });
}

function table(columns: Column[], rows: string[][]): Table {
  const first = columns[0] ?? { header: '', width: 0, align: 'left' as const };
  const body =
    rows.length === 0
      ? // an empty appendix still says why it is empty
        [new TableRow({ children: [cell('Chưa có số liệu', { ...first, align: 'center' }, false, columns.length)] })]
      : rows.map(
          (values) =>
            new TableRow({
              cantSplit: true,
              children: columns.map((c, i) => cell(values[i] ?? '', c, false)),
            }),
        );
  return new Table({
    width: { size: mm(columns.reduce((sum, c) => sum + c.width, 0)), type: WidthType.DXA },
    columnWidths: columns.map((c) => mm(c.width)),
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c, true)) }), ...body],
  });
}

function heading(no: number, title: string, report: ConsolidatedReport): Paragraph[] {
  return [
    line(`Phụ lục ${String(no)}. ${title}`, { size: SIZE.body, bold: true }, { pageBreakBefore: true, keepNext: true }),
    line(
      `(Kèm theo Báo cáo số ${report.header.number} ngày ${viDate(report.header.date)})`,
      { size: SIZE.agency, italics: true },
      { spacing: { before: 0, after: 200 }, keepNext: true },
    ),
  ];
}

// "Giá trị" takes "548,3/100.000" on one line at 11 pt
const INDICATOR_COLUMNS: Column[] = [
  { header: 'TT', width: 8, align: 'center' },
  { header: 'Chỉ tiêu', width: 40, align: 'left' },
  { header: 'Tử số', width: 17, align: 'right' },
  { header: 'Mẫu số', width: 17, align: 'right' },
  { header: 'Giá trị', width: 29, align: 'right' },
  { header: 'Mục tiêu', width: 17, align: 'center' },
  { header: 'Đánh giá', width: 19, align: 'center' },
  { header: 'Báo cáo', width: 18, align: 'center' },
];

const TASK_COLUMNS: Column[] = [
  { header: 'TT', width: 9, align: 'center' },
  { header: 'Nhiệm vụ', width: 62, align: 'left' },
  { header: 'Cơ quan', width: 32, align: 'left' },
  { header: 'Vai trò', width: 17, align: 'center' },
  { header: 'Tiến độ', width: 20, align: 'center' },
  { header: 'Ghi chú', width: 25, align: 'left' },
];

const STATUS_COLUMNS: Column[] = [
  { header: 'TT', width: 9, align: 'center' },
  { header: 'Cơ quan, đơn vị', width: 52, align: 'left' },
  { header: 'Loại', width: 22, align: 'center' },
  { header: 'Trạng thái', width: 30, align: 'center' },
  { header: 'Ngày gửi', width: 24, align: 'center' },
  { header: 'Đúng hạn', width: 28, align: 'center' },
];

export function appendices(report: ConsolidatedReport): (Paragraph | Table)[] {
  const tt = (i: number): string => String(i + 1);
  return [
    ...heading(1, APPENDICES.indicators.title, report),
    table(
      INDICATOR_COLUMNS,
      report.indicators.map((r, i) => [
        tt(i),
        `Chỉ tiêu ${String(r.indicatorNo)}: ${r.measureName}`,
        countText(r.numerator),
        countText(r.denominator),
        valueText(r.value, r.unit),
        r.target ?? '',
        r.status,
        `${String(r.reported)}/${String(r.expected)}`,
      ]),
    ),
    ...heading(2, APPENDICES.tasks.title, report),
    table(
      TASK_COLUMNS,
      report.tasks.map((r, i) => [tt(i), taskText(r), r.body, r.role, r.status, r.note ?? '']),
    ),
    ...heading(3, APPENDICES.reporting.title, report),
    table(
      STATUS_COLUMNS,
      report.reporting.map((r, i) => [tt(i), r.body, r.kind, r.state, sentOnText(r), timelinessText(r)]),
    ),
  ];
}
