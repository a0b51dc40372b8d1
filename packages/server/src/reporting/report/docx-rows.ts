import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * The appendices' body rows, written as XML text after the document is packed. The `docx` library
 * builds an object per table cell, paragraph and run and serialises them one by one: 1,800 task rows
 * (25 agencies and 130 communes) cost it a second of CPU. Instead each table is built with its header
 * and one row of markers, styled by the library like any other; the packed document.xml then has that
 * row copied once per body row with the markers replaced by the cells' escaped text — the same XML
 * the library writes, in a few milliseconds.
 */
export class RowBuffer {
  private readonly tables: string[][][] = [];

  /** The cells of a template row for these rows: marker text the expansion replaces. */
  template(rows: string[][], columns: number): string[] {
    const id = this.tables.push(rows) - 1;
    return Array.from({ length: columns }, (_, c) => marker(id, c));
  }

  /** Replaces each table's template row in the packed .docx by its rows. */
  expand(docx: Buffer): Buffer {
    if (this.tables.length === 0) return docx;
    const files = unzipSync(new Uint8Array(docx));
    let xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    this.tables.forEach((rows, id) => {
      const at = xml.indexOf(marker(id, 0));
      const start = xml.lastIndexOf('<w:tr>', at);
      const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
      if (at < 0 || start < 0 || end < start) throw new Error(`appendix table ${String(id)}: template row not found`);
      const row = xml.slice(start, end);
      const filled = rows.map((cells) => cells.reduce((r, text, c) => r.replace(marker(id, c), escapeXml(text)), row)).join('');
      xml = xml.slice(0, start) + filled + xml.slice(end);
    });
    files['word/document.xml'] = strToU8(xml);
    return Buffer.from(zipSync(files, { level: 6 }));
  }
}

// private-use characters: never in a plan's or a body's text, and kept as they are by the library
const marker = (table: number, column: number) => `\uE000${String(table)}:${String(column)}\uE001`;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
