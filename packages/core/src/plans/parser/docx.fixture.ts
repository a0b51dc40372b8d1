import { strToU8, zipSync } from 'fflate';

/**
 * Builds a real .docx in memory for tests and the benchmark: one `w:p` per paragraph, "\t" as
 * `w:tab`, "\n" as `w:br`, "[fn:N]" as a footnote reference, optional list numbering; tables with
 * grid spans, vertical merges and nested tables.
 */
export interface DocxParagraph {
  text: string;
  /** automatic list numbering: numId 1 is decimal "%1.", 2 is bullets, 3 is "%1)" lower letters */
  num?: { id: number; level?: number };
}

/** A table cell: text (one paragraph), or paragraphs, with grid span and vertical merge. */
export type DocxCell =
  string | { text?: string; paras?: string[]; span?: number; merge?: 'restart' | 'continue'; table?: DocxCell[][] };

export interface DocxTable {
  table: DocxCell[][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runs(text: string): string {
  return text
    .split(/(\[fn:\d+\]|\t|\n)/)
    .map((part) => {
      const fn = /^\[fn:(\d+)\]$/.exec(part);
      if (fn)
        return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${fn[1] ?? ''}"/></w:r>`;
      if (part === '\t') return '<w:r><w:tab/></w:r>';
      if (part === '\n') return '<w:r><w:br/></w:r>';
      return part ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(part)}</w:t></w:r>` : '';
    })
    .join('');
}

function paragraph(p: DocxParagraph): string {
  const num = p.num ? `<w:numPr><w:ilvl w:val="${p.num.level ?? 0}"/><w:numId w:val="${p.num.id}"/></w:numPr>` : '';
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>${num}</w:pPr>${runs(p.text)}</w:p>`;
}

function table(rows: DocxCell[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.reduce<number>((n, c) => n + (typeof c === 'string' ? 1 : (c.span ?? 1)), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(width)}</w:tblGrid>`;
  const cell = (c: DocxCell) => {
    const o = typeof c === 'string' ? { text: c } : c;
    const span = o.span && o.span > 1 ? `<w:gridSpan w:val="${o.span}"/>` : '';
    const merge = o.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : o.merge === 'continue' ? '<w:vMerge/>' : '';
    const paras = (o.paras ?? [o.text ?? '']).map((t) => paragraph({ text: t })).join('');
    return `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>${span}${merge}</w:tcPr>${o.table ? table(o.table) : ''}${paras}</w:tc>`;
  };
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${grid}${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export function makeDocx(paragraphs: (string | DocxParagraph | DocxTable)[], footnotes: Record<number, string> = {}): Uint8Array {
  const body = paragraphs
    .map((p) => (typeof p === 'string' ? paragraph({ text: p }) : 'table' in p ? table(p.table) : paragraph(p)))
    .join('');
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
    'word/numbering.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}>` +
        `<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num></w:numbering>`,
    ),
  };
  const ids = Object.keys(footnotes);
  if (ids.length) {
    const notes = ids
      .map(
        (id) =>
          `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${esc(footnotes[Number(id)] ?? '')}</w:t></w:r></w:p></w:footnote>`,
      )
      .join('');
    files['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${notes}</w:footnotes>`,
    );
  }
  return zipSync(files);
}

/** A .docx of a plain text, one paragraph per line (blank lines dropped, as Word has none). */
export function docxOfText(text: string): Uint8Array {
  return makeDocx(text.split('\n').filter((l) => l.trim()));
}
