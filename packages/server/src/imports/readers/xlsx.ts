import {
  decodeUtf8,
  inflateBudget,
  inflateEntry,
  readEntry,
  zipEntries,
  type InflateBudget,
  type ZipEntry,
} from '@tre/core/files/zip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * A worksheet of an .xlsx read as a stream: the sheet's XML is inflated chunk by chunk (every byte
 * counted against the file's budget, core/files/zip.ts) and parsed with a SAX parser, so memory
 * holds the shared strings and one batch of rows, never the workbook. exceljs, used before, built
 * the whole workbook as objects: 43 MB of .xlsx took the server past its heap.
 *
 * A cell keeps whether it holds a formula: an import must not trust a cached formula result.
 */

export interface SheetCell {
  /** what the cell shows: text, a number, TRUE/FALSE, or an error such as #REF! */
  value: string | number | boolean;
  formula: boolean;
}

export interface SheetRow {
  /** the spreadsheet's row number (from 1) */
  row: number;
  /** cells by column number (from 1); empty cells are absent */
  cells: Map<number, SheetCell>;
}

export class SheetError extends Error {
  constructor(
    readonly problem: 'no-sheet' | 'too-many-strings' | 'text-too-long',
    message: string,
  ) {
    super(message);
    this.name = 'SheetError';
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * The longest stretch of XML between two '<' a workbook may hold. Excel keeps at most 32,767
 * characters in a cell (≤ ~200 KB once escaped), so 1 MB is far beyond any real sheet; a longer
 * stretch is padding meant to make the parser hold it (a whitespace bomb) and is refused as it
 * streams, before the parser has buffered it.
 */
const MAX_TEXT_RUN = 1024 * 1024;

function* boundedRuns(chunks: Iterable<string>): Generator<string> {
  let run = 0;
  for (const chunk of chunks) {
    let from = 0;
    for (let lt = chunk.indexOf('<'); lt !== -1; lt = chunk.indexOf('<', from)) {
      if (run + (lt - from) > MAX_TEXT_RUN) break;
      run = 0;
      from = lt + 1;
    }
    run += chunk.length - from;
    if (run > MAX_TEXT_RUN) throw new SheetError('text-too-long', `more than ${MAX_TEXT_RUN} characters between two tags`);
    yield chunk;
  }
}

function parseWhole(xml: string, onOpen: (tag: SaxesTagPlain) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => onOpen(tag));
  parser.write(xml).close();
}

/** "AB12" → 28; a reference without letters (or none) → undefined. */
export function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let col = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col > 0 ? col : undefined;
}

interface Workbook {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  budget: InflateBudget;
}

/** The workbook's small parts (workbook.xml, its relationships) are read whole: at most this much each. */
const MAX_PART = 8 * 1024 * 1024;

function text(book: Workbook, name: string): string | undefined {
  const entry = book.entries.get(name);
  if (!entry) return undefined;
  const part = inflateBudget(Math.min(MAX_PART, book.budget.remaining));
  const bytes = readEntry(book.bytes, entry, part);
  book.budget.remaining -= bytes.length;
  return new TextDecoder().decode(bytes);
}

/** The sheets in workbook order, each with the zip path of its XML. */
function sheetsOf(book: Workbook): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  const rels = text(book, 'xl/_rels/workbook.xml.rels');
  if (rels) {
    parseWhole(rels, (tag) => {
      if (localName(tag.name) !== 'Relationship') return;
      const target = tag.attributes.Target ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      targets.set(tag.attributes.Id ?? '', path.replace(/\/\.\//g, '/'));
    });
  }
  const sheets: { name: string; path: string }[] = [];
  const workbook = text(book, 'xl/workbook.xml');
  if (workbook) {
    parseWhole(workbook, (tag) => {
      if (localName(tag.name) !== 'sheet') return;
      const rid = Object.entries(tag.attributes).find(([k]) => localName(k) === 'id')?.[1];
      const path = rid ? targets.get(rid) : undefined;
      if (path) sheets.push({ name: tag.attributes.name ?? '', path });
    });
  }
  return sheets;
}

/** The shared string table, bounded in count (its bytes are bounded by the inflate budget). */
function sharedStrings(book: Workbook, maxStrings: number): string[] {
  const entry = book.entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  const parser = new SaxesParser();
  let inItem = false;
  let inText = false;
  let inPhonetic = false;
  let current = '';
  parser.on('opentag', (tag) => {
    const n = localName(tag.name);
    if (n === 'si') {
      inItem = true;
      current = '';
    } else if (n === 'rPh') inPhonetic = true;
    else if (n === 't' && inItem && !inPhonetic) inText = true;
  });
  const add = (t: string) => {
    if (!inText) return;
    current += t;
    if (current.length > MAX_TEXT_RUN) throw new SheetError('text-too-long', 'a shared string over 1 MB');
  };
  parser.on('text', add);
  parser.on('cdata', add);
  parser.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (n === 't') inText = false;
    else if (n === 'rPh') inPhonetic = false;
    else if (n === 'si') {
      inItem = false;
      if (strings.length >= maxStrings) throw new SheetError('too-many-strings', `more than ${maxStrings} shared strings`);
      strings.push(current);
    }
  });
  for (const chunk of boundedRuns(decodeUtf8(inflateEntry(book.bytes, entry, book.budget)))) parser.write(chunk);
  parser.close();
  return strings;
}

export interface SheetOptions {
  /** the sheet to read, compared with `sameName`; the first sheet when none matches */
  sheetName?: string | undefined;
  sameName?: (a: string, b: string) => boolean;
  budget: InflateBudget;
  maxSharedStrings: number;
}

/**
 * The rows of one sheet, in order, handed out in groups as the XML streams in (one group per
 * inflated chunk, often a few hundred rows). Throws ZipError (not a zip, damaged, over budget) or
 * SheetError.
 */
export function* sheetRows(bytes: Uint8Array, options: SheetOptions): Generator<SheetRow[]> {
  const book: Workbook = {
    bytes,
    entries: new Map(zipEntries(bytes).map((e) => [e.name, e])),
    budget: options.budget,
  };
  const sheets = sheetsOf(book);
  const same = options.sameName ?? ((a, b) => a === b);
  const wanted = options.sheetName;
  const sheet = (wanted !== undefined ? sheets.find((s) => same(s.name, wanted)) : undefined) ?? sheets[0];
  const entry = sheet ? book.entries.get(sheet.path) : undefined;
  if (!entry) throw new SheetError('no-sheet', 'the archive holds no worksheet');
  const strings = sharedStrings(book, options.maxSharedStrings);

  let out: SheetRow[] = [];
  let row: SheetRow | undefined;
  let nextRow = 1;
  let cell: { col: number; type: string; formula: boolean; v: string; inline: string; inV: boolean; inT: boolean } | undefined;
  let nextCol = 1;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    switch (localName(tag.name)) {
      case 'row': {
        const r = Number(tag.attributes.r);
        row = { row: Number.isInteger(r) && r > 0 ? r : nextRow, cells: new Map() };
        nextRow = row.row + 1;
        nextCol = 1;
        break;
      }
      case 'c':
        cell = {
          col: columnOf(tag.attributes.r) ?? nextCol,
          type: tag.attributes.t ?? 'n',
          formula: false,
          v: '',
          inline: '',
          inV: false,
          inT: false,
        };
        nextCol = cell.col + 1;
        break;
      case 'f':
        if (cell) cell.formula = true;
        break;
      case 'v':
        if (cell) cell.inV = true;
        break;
      case 't':
        if (cell) cell.inT = true;
        break;
    }
  });
  const onText = (t: string) => {
    if (!cell) return;
    if (cell.inV) cell.v += t;
    else if (cell.inT) cell.inline += t;
    if (cell.v.length + cell.inline.length > MAX_TEXT_RUN) throw new SheetError('text-too-long', 'a cell over 1 MB');
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v':
        if (cell) cell.inV = false;
        break;
      case 't':
        if (cell) cell.inT = false;
        break;
      case 'c': {
        if (cell && row) {
          const value = cellValue(cell.type, cell.v, cell.inline, strings);
          if (value !== undefined) row.cells.set(cell.col, { value, formula: cell.formula });
          else if (cell.formula) row.cells.set(cell.col, { value: '', formula: true });
        }
        cell = undefined;
        break;
      }
      case 'row':
        if (row && row.cells.size > 0) out.push(row);
        row = undefined;
        break;
    }
  });
  for (const chunk of boundedRuns(decodeUtf8(inflateEntry(bytes, entry, options.budget)))) {
    parser.write(chunk);
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  parser.close();
  if (out.length > 0) yield out;
}

function cellValue(type: string, v: string, inline: string, strings: string[]): string | number | boolean | undefined {
  switch (type) {
    case 's': {
      const s = strings[Number(v)];
      return s === undefined || s === '' ? undefined : s;
    }
    case 'inlineStr':
      return inline === '' ? undefined : inline;
    case 'str':
      return v === '' ? undefined : v;
    case 'b':
      return v === '1';
    case 'e':
      return v || '#ERROR';
    default: {
      if (v === '') return undefined;
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}
