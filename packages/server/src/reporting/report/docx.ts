import type { ConsolidatedReport } from '@tre/core';
import { AlignmentType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import { appendices } from './docx-appendix.ts';
import { sectionParagraphs } from './docx-body.ts';
import { headerTable, titleBlock } from './docx-header.ts';
import { FONT, PAGE, SIZE } from './docx-layout.ts';
import { signatureTable } from './docx-signature.ts';

/**
 * The consolidated report as a Word document in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I
 * (DESIGN §8): A4 portrait, Times New Roman in black, the two-column header, the text, the signature
 * and recipients, then the three appendices. The parts are in docx-header, docx-body,
 * docx-signature and docx-appendix; this file sets the page and puts them together.
 */
export async function buildReportDocx(report: ConsolidatedReport): Promise<Buffer> {
  const doc = new Document({
    creator: report.header.issuingBody,
    title: `Báo cáo ${report.header.subject}`,
    styles: {
      default: {
        // everything inherits the font, colour and body size; parts only say what differs
        document: {
          run: { font: FONT, size: SIZE.body, color: '000000', language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: PAGE.margin,
          },
          // the first page has its own, empty header: numbers start on page 2
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
            ],
          }),
        },
        children: [
          headerTable(report.header),
          ...titleBlock(report),
          ...sectionParagraphs(report.sections),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
          signatureTable(report),
          ...appendices(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
