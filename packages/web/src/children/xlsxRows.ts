import {
  decodeUtf8,
  inflateBudget,
  inflateEntry,
  readEntry,
  zipEntries,
  type InflateBudget,
  type ZipEntry,
} from '@tre/core/files/zip';

/**
 * The first rows of the first sheet of an .xlsx, read in the browser for the column-mapping step:
 * only as much of the sheet and of its shared strings as those rows need, within an inflate budget
 * (a workbook is a zip written by whoever made it). Cells come out as text; the server reads the
 * whole file again, with every rule.
 */

const BUDGET = 64 * 1024 * 1024;

export class XlsxReadError extends Error {}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references replaced. */
export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of the `<t>` elements of a string item (a plain string or rich-text runs), phonetic runs left out. */
function itemText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += xmlText(m[1] ?? '');
  return out;
}

const attribute = (attrs: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1] ??
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*'([^']*)'`).exec(attrs)?.[1];

/** 0-based column of a cell reference (`C7` → 2). */
export function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Za-z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

interface RawCell {
  col: number;
  type: string;
  value: string;
}

/** The cells of the first `maxRows` rows of a sheet's XML (which may be cut short after them). */
export function sheetCells(xml: string, maxRows: number): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    if (rows.length >= maxRows) break;
    const cells: RawCell[] = [];
    let next = 0;
    for (const c of (m[1] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const col = columnIndex(attribute(attrs, 'r') ?? '') ?? next;
      next = col + 1;
      const type = attribute(attrs, 't') ?? 'n';
      const value =
        type === 'inlineStr' ? itemText(body) : xmlText(/<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1] ?? '');
      cells.push({ col, type, value });
    }
    rows.push(cells);
  }
  return rows;
}

/** Text of an entry, decoded as it inflates, until `enough` says the text so far suffices. */
function readUntil(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, enough: (text: string) => boolean): string {
  let text = '';
  for (const part of decodeUtf8(inflateEntry(bytes, entry, budget))) {
    text += part;
    if (enough(text)) break;
  }
  return text;
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** The path of the workbook's first sheet (in the workbook's order), through its relationship. */
function firstSheetPath(bytes: Uint8Array, byName: Map<string, ZipEntry>, budget: InflateBudget): string | undefined {
  const decode = (e: ZipEntry) => new TextDecoder().decode(readEntry(bytes, e, budget));
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const sheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(decode(workbook))?.[1] ?? '';
    const id = /\br:id\s*=\s*"([^"]*)"/.exec(sheet)?.[1] ?? /\b\w+:id\s*=\s*"([^"]*)"/.exec(sheet)?.[1];
    for (const m of decode(rels).matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
      const attrs = m[1] ?? '';
      if (id && attribute(attrs, 'Id') === id) {
        const target = attribute(attrs, 'Target') ?? '';
        return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
      }
    }
  }
  return [...byName.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
}

/**
 * The first rows of the first sheet, as text (blank cells as ''), from the whole file's bytes.
 * Throws XlsxReadError when the file is no workbook this can read.
 */
export function xlsxRows(bytes: Uint8Array, maxRows: number): string[][] {
  const budget = inflateBudget(BUDGET);
  try {
    const byName = new Map(zipEntries(bytes).map((e) => [e.name.replace(/\\/g, '/'), e]));
    const path = firstSheetPath(bytes, byName, budget);
    const sheet = path ? byName.get(path) : undefined;
    if (!sheet) throw new XlsxReadError('no sheet');
    const sheetXml = readUntil(
      bytes,
      sheet,
      budget,
      (t) => count(t, /<\/(?:\w+:)?row>/g) >= maxRows || /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/.test(t),
    );
    const rows = sheetCells(sheetXml, maxRows);
    const wanted = rows.flat().filter((c) => c.type === 's');
    let shared: string[] = [];
    if (wanted.length > 0) {
      const max = Math.max(...wanted.map((c) => Number(c.value) || 0));
      const entry = byName.get('xl/sharedStrings.xml');
      if (entry) {
        const xml = readUntil(bytes, entry, budget, (t) => count(t, /<\/(?:\w+:)?si>/g) > max);
        shared = [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(m[1] ?? ''));
      }
    }
    return rows.map((cells) => {
      const out: string[] = [];
      for (const c of cells) {
        if (c.col > 500) continue;
        while (out.length < c.col) out.push('');
        out[c.col] = c.type === 's' ? (shared[Number(c.value)] ?? '') : c.value;
      }
      return out;
    });
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError(e instanceof Error ? e.message : String(e));
  }
}
