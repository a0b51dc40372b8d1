import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * A minimal .xlsx written as a stream, for tests that need what exceljs cannot make quickly or at
 * all: a million rows, formula cells, a sheet XML that inflates far beyond its zip (a zip bomb).
 * Text cells are inline strings; a cell `{ f, v }` is a formula with its cached result.
 */
export type TestCell = string | number | { f: string; v?: number | string } | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(i: number): string {
  let s = '';
  for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellXml(c: TestCell, ref: string): string {
  if (c === null) return '';
  if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
  const cached = c.v === undefined ? '' : `<v>${esc(String(c.v))}</v>`;
  return `<c r="${ref}"${typeof c.v === 'string' ? ' t="str"' : ''}><f>${esc(c.f)}</f>${cached}</c>`;
}

const FILES: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** The workbook of one sheet with these rows (row 1 first), zipped as it is written. */
export function streamedXlsx(
  rows: Iterable<TestCell[]>,
  options: { sheetName?: string; padding?: number; spaces?: number } = {},
): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  for (const [name, text] of Object.entries(FILES)) add(name, text);
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(options.sheetName ?? 'Số liệu')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  let r = 0;
  let part: string[] = [];
  const flush = () => {
    sheet.push(strToU8(part.join('')));
    part = [];
  };
  for (const row of rows) {
    r++;
    part.push(`<row r="${r}">${row.map((c, i) => cellXml(c, `${colName(i)}${r}`)).join('')}</row>`);
    if (part.length >= 5000) flush();
  }
  flush();
  // padding: MBs of empty elements, or of one whitespace run, that compress ~1000:1, so the sheet
  // inflates far beyond the file (a zip bomb)
  const tags = strToU8('<x/>'.repeat(256 * 1024));
  for (let i = 0; i < (options.padding ?? 0); i++) sheet.push(tags);
  const spaces = strToU8(' '.repeat(1024 * 1024));
  for (let i = 0; i < (options.spaces ?? 0); i++) sheet.push(spaces);
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  return Buffer.concat(out);
}
