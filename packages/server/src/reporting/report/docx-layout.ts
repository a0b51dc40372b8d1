import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';

/**
 * The measures of Nghị định 30/2020, Phụ lục I, in Word's units, and the few building blocks every
 * part of the report uses. Twips: 1/20 pt, 1 mm ≈ 56.7. Font sizes: half-points (14 pt = 28).
 */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
export const cm = (centimetres: number): number => mm(centimetres * 10);

export const FONT = 'Times New Roman';

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
};
/** The width between the margins: 165 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const SIZE = {
  body: 28,
  table: 22,
  /** the left header column (parent and issuing body, "Số:") */
  agency: 26,
  nation: 24,
  motto: 26,
  dated: 28,
  recipientsLabel: 24,
  recipients: 22,
};

/** Body text: justified, first line indented 1.27 cm, 6 pt after, lines at 1.15. */
export const BODY_PARAGRAPH = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: cm(1.27) },
  spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO },
} satisfies IParagraphOptions;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

export const run = (text: string, style: RunStyle = {}): TextRun => new TextRun({ text, ...style });

/** A centred one-run line with no space around it, as the header's lines are. */
export const line = (text: string, style: RunStyle, options: IParagraphOptions = {}): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, ...options, children: [run(text, style)] });

/**
 * A horizontal rule `length` twips long, centred in a box `within` twips wide: the top border of an
 * empty paragraph 1 pt high, narrowed by its indents. Nghị định 30 wants a solid line under the
 * issuing body (1/3 to 1/2 of its text) and under the motto (as long as the motto); a paragraph
 * border renders the same in Word and LibreOffice, where a drawn shape may float elsewhere.
 */
export function rule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    indent: { left: side, right: side },
    // the empty line is 1 pt high and its mark 1 pt in size, else LibreOffice raises the border into the text above
    spacing: { before: 60, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

/**
 * A table without borders whose columns have these widths: the header and the signature are laid out
 * in two columns this way, as official documents are. No cell margins, so the columns' centres are
 * where the widths say.
 */
export function layoutTable(widths: number[], cells: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: cells.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                children,
              }),
          ),
        }),
    ),
  });
}
