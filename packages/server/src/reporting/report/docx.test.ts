import { inflateBudget, readEntry, zipEntries } from '@tre/core/files/zip';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from './docx.ts';
import { reportFixture } from './report.fixture.ts';

/** The .docx opened as Word would: its XML parts by name. */
function openDocx(bytes: Buffer): Map<string, string> {
  const budget = inflateBudget(50 * 1024 * 1024);
  const parts = new Map<string, string>();
  for (const entry of zipEntries(bytes)) {
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) {
      parts.set(entry.name, new TextDecoder().decode(readEntry(bytes, entry, budget)));
    }
  }
  return parts;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each paragraph's XML and its text (the <w:t> runs joined). */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>|<w:p [^>]*>/g)].map((m) => {
    const start = m.index;
    const end = xml.indexOf('</w:p>', start);
    const p = xml.slice(start, end === -1 ? undefined : end);
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join('');
    return { xml: p, text };
  });
}

function paragraph(xml: string, text: string) {
  const found = paragraphs(xml).find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph reads "${text}"`);
  return found;
}

/** The tables of the document, each as its rows' texts (one string per cell). */
function tables(xml: string): { rows: string[][]; xml: string }[] {
  return xml
    .split('<w:tbl>')
    .slice(1)
    .map((t) => t.slice(0, t.indexOf('</w:tbl>')))
    .map((t) => ({
      xml: t,
      rows: t
        .split(/<w:tr>|<w:tr [^>]*>/)
        .slice(1)
        .map((row) =>
          row
            .split('<w:tc>')
            .slice(1)
            .map((cell) =>
              paragraphs(cell)
                .map((p) => p.text)
                .join('\n'),
            ),
        ),
    }));
}

const built = await buildReportDocx(reportFixture);
const parts = openDocx(built);
const doc = parts.get('word/document.xml') ?? '';
const styles = parts.get('word/styles.xml') ?? '';
const texts = paragraphs(doc).map((p) => p.text);

describe('the consolidated report as .docx (Nghị định 30/2020, Phụ lục I)', () => {
  it('is A4 portrait with margins 20 / 20 / 30 / 15 mm', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('is in Times New Roman, black, 14 pt (28 half-points), and names no other font', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
    );
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:color w:val="000000"/>');
    const fonts = [...(styles + doc).matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    expect(doc).not.toMatch(/<w:color w:val="(?!000000)/);
  });

  it('has the two-column header: issuing body, number, motto with its rule, dated place line in italics', () => {
    const header = tables(doc)[0];
    expect(header?.xml).toContain('<w:top w:val="none"');
    const [names, dates] = header?.rows ?? [];
    expect(names?.[0]).toBe('ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n');
    expect(names?.[1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
    expect(dates).toEqual(['Số: …/BC-UBND', 'Nghệ An, ngày 05 tháng 7 năm 2025']);
    expect(paragraph(doc, 'ỦY BAN NHÂN DÂN').xml).toContain('<w:b/>');
    expect(paragraph(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').xml).toMatch(/<w:b\/>.*<w:sz w:val="24"\/>/s);
    expect(paragraph(doc, 'Độc lập - Tự do - Hạnh phúc').xml).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>/s);
    expect(paragraph(doc, 'Nghệ An, ngày 05 tháng 7 năm 2025').xml).toContain('<w:i/>');
    // the rules under the issuing body and the motto: empty paragraphs with a top border
    expect(header?.xml.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(2);
  });

  it('has BÁO CÁO and the subject centred in bold, and no DỰ THẢO when final', () => {
    for (const t of ['BÁO CÁO', 'Kết quả thực hiện công tác trẻ em 6 tháng đầu năm 2025']) {
      expect(paragraph(doc, t).xml).toContain('<w:jc w:val="center"/>');
      expect(paragraph(doc, t).xml).toContain('<w:b/>');
    }
    expect(texts.indexOf('BÁO CÁO')).toBe(texts.indexOf('Kết quả thực hiện công tác trẻ em 6 tháng đầu năm 2025') - 1);
    expect(doc).not.toContain('DỰ THẢO');
  });

  it('says DỰ THẢO above the title when the report is a draft', async () => {
    const draft = paragraphs(openDocx(await buildReportDocx({ ...reportFixture, draft: true })).get('word/document.xml') ?? '');
    const at = draft.findIndex((p) => p.text === 'DỰ THẢO');
    expect(at).toBeGreaterThan(-1);
    expect(draft[at + 1]?.text).toBe('BÁO CÁO');
    expect(draft[at]?.xml).toContain('<w:b/>');
    expect(draft[at]?.xml).toContain('<w:jc w:val="center"/>');
  });

  it('writes every section heading in bold, then its paragraphs justified with a 1.27 cm first line, 6 pt after', () => {
    for (const section of reportFixture.sections) {
      const heading = paragraph(doc, section.heading);
      expect(heading.xml).toContain('<w:b/>');
      const at = texts.indexOf(section.heading);
      section.paragraphs.forEach((p, i) => {
        const body = paragraphs(doc)[at + 1 + i];
        expect(body?.text).toBe(p.source ? `${p.source}: ${p.text}` : p.text);
        expect(body?.xml).toContain('<w:jc w:val="both"/>');
        expect(body?.xml).toContain('<w:ind w:firstLine="720"/>');
        expect(body?.xml).toMatch(/<w:spacing w:after="120" w:line="276" w:lineRule="auto"\/>/);
      });
    }
  });

  it('puts a quoted paragraph’s source first, in italics, then ": "', () => {
    const p = paragraphs(doc).find((q) => q.text.startsWith('Sở Giáo dục và Đào tạo: Tổ chức khám'));
    expect(p?.xml).toMatch(
      /<w:r><w:rPr><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">Sở Giáo dục và Đào tạo:<\/w:t><\/w:r>/,
    );
  });

  it('quotes the figures in Vietnamese format', () => {
    expect(texts.some((t) => t.includes('Tỷ suất tử vong trẻ em dưới 1 tuổi 12,86‰'))).toBe(true);
  });

  it('has Phụ lục 1 with the indicators, missing values written "Chưa có số liệu", never 0', () => {
    const pl1 = tables(doc).find((t) => t.rows[0]?.[1] === 'Chỉ tiêu');
    expect(pl1?.rows[0]).toEqual(['TT', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Giá trị', 'Mục tiêu', 'Đánh giá', 'Báo cáo']);
    expect(pl1?.rows).toHaveLength(reportFixture.indicators.length + 1);
    expect(pl1?.rows[1]).toEqual([
      '1',
      'Chỉ tiêu 3: Tỷ suất tử vong trẻ em dưới 1 tuổi trên 1.000 trẻ đẻ sống',
      '257',
      '19.985',
      '12,86‰',
      '≤ 13 ‰',
      'Đạt',
      '12/12',
    ]);
    const missing = pl1?.rows[2] ?? [];
    expect(missing.slice(2, 5)).toEqual(['Chưa có số liệu', 'Chưa có số liệu', 'Chưa có số liệu']);
    expect(pl1?.rows.find((r) => r[1]?.includes('100.000 trẻ em'))?.[4]).toBe('548,3/100.000');
    expect(texts).toContain('Phụ lục 1. Kết quả thực hiện các chỉ tiêu');
  });

  it('has Phụ lục 2 with one row per task and body, its header repeated on each page', () => {
    const pl2 = tables(doc).find((t) => t.rows[0]?.[1] === 'Nhiệm vụ');
    expect(pl2?.rows[0]).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan', 'Vai trò', 'Tiến độ', 'Ghi chú']);
    expect(reportFixture.tasks).toHaveLength(30);
    expect(pl2?.rows).toHaveLength(reportFixture.tasks.length + 1);
    const first = reportFixture.tasks[0];
    expect(pl2?.rows[1]).toEqual([
      '1',
      `${first?.path ?? ''}. ${first?.task ?? ''}`,
      first?.body,
      first?.role,
      first?.status,
      first?.note ?? '',
    ]);
    expect(pl2?.xml).toMatch(/^<w:tblPr>.*?<\/w:tblPr><w:tblGrid>.*?<\/w:tblGrid><w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/s);
    // 11 pt in tables
    expect(pl2?.xml).toContain('<w:sz w:val="22"/>');
  });

  it('has Phụ lục 3 with the reporting status: dates dd/mm/yyyy, on time or days late', () => {
    const pl3 = tables(doc).find((t) => t.rows[0]?.[1] === 'Cơ quan, đơn vị');
    expect(pl3?.rows[0]).toEqual(['TT', 'Cơ quan, đơn vị', 'Loại', 'Trạng thái', 'Ngày gửi', 'Đúng hạn']);
    expect(pl3?.rows).toHaveLength(reportFixture.reporting.length + 1);
    expect(pl3?.rows[1]).toEqual(['1', 'Sở Y tế', 'Sở, ngành', 'Đã tiếp nhận', '10/06/2025', 'Đúng hạn']);
    expect(pl3?.rows[4]?.slice(4)).toEqual(['14/06/2025', 'Trễ 4 ngày']);
    expect(pl3?.rows[6]?.slice(3)).toEqual(['Chưa gửi', '', '']);
  });

  it('ends the text with "Nơi nhận:" and its list on the left, the signature on the right', () => {
    const foot = tables(doc).find((t) => t.rows[0]?.[0]?.startsWith('Nơi nhận:'));
    expect(foot?.rows[0]?.[0]?.split('\n')).toEqual([
      'Nơi nhận:',
      '- Bộ Y tế;',
      '- TT Tỉnh ủy;',
      '- TT HĐND tỉnh;',
      '- Chủ tịch, các PCT UBND tỉnh;',
      '- Sở Y tế;',
      '- Lưu: VT, KGVX.',
    ]);
    expect(paragraph(doc, 'Nơi nhận:').xml).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/s);
    expect(paragraph(doc, '- Bộ Y tế;').xml).toContain('<w:sz w:val="22"/>');
    const signature = foot?.rows[0]?.[1]?.split('\n').filter((l) => l !== '');
    expect(signature).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Minh']);
    expect(paragraph(doc, 'Trần Văn Minh').xml).toContain('<w:b/>');
    // the signature comes before the appendices
    expect(texts.indexOf('Trần Văn Minh')).toBeLessThan(texts.indexOf('Phụ lục 1. Kết quả thực hiện các chỉ tiêu'));
  });

  it('numbers the pages from page 2: a different first page whose header is empty', () => {
    expect(doc).toContain('<w:titlePg/>');
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(doc)?.[1];
      const file = new RegExp(`Id="${id ?? '-'}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return parts.get(`word/${file ?? '-'}`) ?? '';
    };
    const other = target('default');
    const first = target('first');
    expect(other).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(other).toContain('<w:jc w:val="center"/>');
    expect(first).toContain('<w:hdr');
    expect(first).not.toContain('PAGE');
  });
});
