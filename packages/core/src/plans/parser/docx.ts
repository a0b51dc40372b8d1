import { utf8Decoder } from '../../text/utf8.ts';
import { ZipError, inflateBudget, readEntry, zipEntries } from '../../files/zip.ts';
import { PlanFileError } from './errors.ts';
import { toSuperscript } from './footnotes.ts';
import { assignmentTableLines, itemAbove, type TableCell } from './tables.ts';

/**
 * Text of a .docx: one line per paragraph (`w:p`) of word/document.xml, `w:t` text, `w:tab` as a
 * space, `w:br`/`w:cr` as a line break. Automatic list numbering (`w:numPr`) is rendered from
 * word/numbering.xml so "1." or "a)" typed by Word's list feature reads like typed text; bullets
 * become "- ". Footnotes referenced in the text get a superscript mark there and are appended as
 * "(¹) text" lines, the form the plain-text samples use, so one footnote reader serves both.
 * Tables: an assignment table (tables.ts) becomes task lines; any other table gives one line per
 * cell paragraph, row by row.
 */

/** Most bytes the XML parts read may inflate to, counted while inflating; more is a zip bomb or not a plan. */
const MAX_XML_BYTES = 60 * 1024 * 1024;

const WANTED = new Set(['word/document.xml', 'word/footnotes.xml', 'word/numbering.xml']);

/** The parts of the document that are read, inflated within MAX_XML_BYTES together. */
function readDocxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const budget = inflateBudget(MAX_XML_BYTES);
  const files: Record<string, Uint8Array> = {};
  try {
    for (const entry of zipEntries(bytes)) {
      if (WANTED.has(entry.name)) files[entry.name] = readEntry(bytes, entry, budget);
    }
  } catch (e) {
    if (e instanceof ZipError && e.problem === 'too-large') {
      throw new PlanFileError('too-large', {
        vi: 'Nội dung văn bản trong tệp .docx quá lớn (trên 60 MB khi giải nén).',
        en: 'The text inside the .docx is too large (over 60 MB uncompressed).',
      });
    }
    throw notDocx(
      'The file is not a valid .docx (it is not a ZIP archive, or the archive is damaged).',
      'Tệp không phải .docx hợp lệ (không phải tệp nén ZIP hoặc tệp bị hỏng).',
    );
  }
  return files;
}

const notDocx = (en: string, vi: string) => new PlanFileError('not-docx', { vi, en });

export function extractDocxText(bytes: Uint8Array): string {
  const files = readDocxParts(bytes);
  const doc = files['word/document.xml'];
  if (!doc)
    throw notDocx(
      'The archive has no word/document.xml: it is not a Word document.',
      'Tệp nén không có word/document.xml: đây không phải văn bản Word.',
    );
  const decoder = utf8Decoder();
  const numbering = files['word/numbering.xml'] ? readNumbering(decoder.decode(files['word/numbering.xml'])) : null;
  const footnoteTexts = files['word/footnotes.xml']
    ? readFootnotes(decoder.decode(files['word/footnotes.xml']))
    : new Map<string, string>();
  const refs: string[] = [];
  const lines = readParagraphs(decoder.decode(doc), numbering, (id) => {
    let n = refs.indexOf(id);
    if (n < 0) n = refs.push(id) - 1;
    return toSuperscript(String(n + 1));
  });
  const notes = refs.flatMap((id, i) => {
    const t = footnoteTexts.get(id);
    return t ? [`(${toSuperscript(String(i + 1))}) ${t}`] : [];
  });
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

// Word escapes '>' inside attribute values, so `[^>]*` finds a tag's end without a quote-aware scan.
const TOKEN = /<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(attrs) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(attrs);
  return m ? (m[1] ?? null) : null;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g,
    (_m, dec?: string, hex?: string, name?: string) => {
      if (name) return NAMED_ENTITIES[name] ?? '';
      const cp = dec ? Number(dec) : parseInt(hex ?? '0', 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    },
  );
}

interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, string>;
  /** abstractNumId → levels */
  levels: Map<string, { start: number; fmt: string; text: string }[]>;
  counters: Map<string, number[]>;
}

function readNumbering(xml: string): Numbering {
  const nums = new Map<string, string>();
  const levels = new Map<string, { start: number; fmt: string; text: string }[]>();
  let abs: string | null = null;
  let lvl: { start: number; fmt: string; text: string } | null = null;
  let lvlIndex = 0;
  let num: string | null = null;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = ''] = m;
    if (!name) continue;
    if (name === 'w:abstractNum') abs = close ? null : attr(attrs, 'w:abstractNumId');
    else if (name === 'w:lvl' && abs !== null) {
      if (close) lvl = null;
      else {
        lvlIndex = Number(attr(attrs, 'w:ilvl') ?? 0);
        lvl = { start: 1, fmt: 'decimal', text: `%${lvlIndex + 1}.` };
        const list = levels.get(abs) ?? [];
        list[lvlIndex] = lvl;
        levels.set(abs, list);
      }
    } else if (lvl && name === 'w:start') lvl.start = Number(attr(attrs, 'w:val') ?? 1);
    else if (lvl && name === 'w:numFmt') lvl.fmt = attr(attrs, 'w:val') ?? 'decimal';
    else if (lvl && name === 'w:lvlText') lvl.text = decodeEntities(attr(attrs, 'w:val') ?? '');
    else if (name === 'w:num') num = close ? null : attr(attrs, 'w:numId');
    else if (name === 'w:abstractNumId' && num !== null) nums.set(num, attr(attrs, 'w:val') ?? '');
  }
  return { nums, levels, counters: new Map() };
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}

/** The list label Word would draw for a paragraph with `w:numPr`, or '' when unknown. */
function listLabel(numbering: Numbering | null, numId: string, ilvl: number): string {
  const abs = numbering?.nums.get(numId);
  const levels = abs !== undefined ? numbering?.levels.get(abs) : undefined;
  const level = levels?.[ilvl];
  if (!numbering || !levels || !level || abs === undefined) return '';
  if (level.fmt === 'bullet' || level.fmt === 'none') return level.fmt === 'bullet' ? '- ' : '';
  const counters = numbering.counters.get(numId) ?? [];
  counters[ilvl] = (counters[ilvl] ?? (level.start || 1) - 1) + 1;
  counters.length = ilvl + 1; // a new item at this level restarts the deeper ones
  numbering.counters.set(numId, counters);
  const label = level.text.replace(/%(\d)/g, (_m, d: string) => {
    const i = Number(d) - 1;
    return formatNumber(counters[i] ?? levels[i]?.start ?? 1, levels[i]?.fmt ?? 'decimal');
  });
  return label ? `${label} ` : '';
}

interface Cell {
  paras: string[];
  span: number;
  /** w:vMerge without w:val="restart": the cell above goes on here. */
  merged: boolean;
}

interface Table {
  rows: { before: number; cells: Cell[] }[];
}

/**
 * Paragraphs as lines; a table (`w:tbl`) that reads as an assignment table (tables.ts) becomes
 * task lines, any other table one line per cell paragraph as before. A table nested in a cell adds
 * its paragraphs to that cell.
 */
function readParagraphs(xml: string, numbering: Numbering | null, footnoteMark: (id: string) => string): string[] {
  const lines: string[] = [];
  const stack: { text: string; numId: string | null; ilvl: number }[] = [];
  const tables: Table[] = [];
  let inText = false;
  let inPPr = 0;
  let inTcPr = 0;
  let inFallback = 0;
  /** Where a finished paragraph goes: the innermost open cell, or the document. */
  const emit = (ls: string[]) => {
    const table = tables[tables.length - 1];
    const cell = table?.rows[table.rows.length - 1]?.cells.at(-1);
    if (table && cell) cell.paras.push(...ls);
    else if (table)
      return; // text between cells (malformed): dropped, as Word shows none
    else lines.push(...ls);
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = '', selfClose, cdata, text] = m;
    const cur = stack[stack.length - 1];
    if (text !== undefined || cdata !== undefined) {
      if (inText && cur && !inFallback) cur.text += decodeEntities(text ?? cdata ?? '');
      continue;
    }
    if (!name) continue;
    if (name === 'mc:Fallback') {
      if (!selfClose) inFallback += close ? -1 : 1;
      continue;
    }
    if (inFallback) continue;
    switch (name) {
      case 'w:p':
        if (selfClose) emit(['']);
        else if (!close) stack.push({ text: '', numId: null, ilvl: 0 });
        else {
          const p = stack.pop();
          if (p) {
            const label = p.numId && p.numId !== '0' ? listLabel(numbering, p.numId, p.ilvl) : '';
            emit((label + p.text).split('\n'));
          }
        }
        break;
      case 'w:tbl':
        if (selfClose) break;
        if (!close) tables.push({ rows: [] });
        else {
          const table = tables.pop();
          if (table) emit(tables.length ? table.rows.flatMap((r) => r.cells.flatMap((c) => c.paras)) : tableLines(table, lines));
        }
        break;
      case 'w:tr':
        if (!close && !selfClose) tables[tables.length - 1]?.rows.push({ before: 0, cells: [] });
        break;
      case 'w:tc':
        if (!close && !selfClose) tables[tables.length - 1]?.rows.at(-1)?.cells.push({ paras: [], span: 1, merged: false });
        break;
      case 'w:gridBefore': {
        const row = tables[tables.length - 1]?.rows.at(-1);
        if (row && !row.cells.length) row.before = Math.min(63, Number(attr(attrs, 'w:val') ?? 0) || 0);
        break;
      }
      case 'w:gridSpan': {
        const cell = tables[tables.length - 1]?.rows.at(-1)?.cells.at(-1);
        if (cell && inTcPr > 0) cell.span = Math.max(1, Math.min(63, Number(attr(attrs, 'w:val') ?? 1) || 1));
        break;
      }
      case 'w:vMerge': {
        const cell = tables[tables.length - 1]?.rows.at(-1)?.cells.at(-1);
        const val = attr(attrs, 'w:val');
        if (cell && inTcPr > 0) cell.merged = val === null || val === 'continue';
        break;
      }
      case 'w:pPr':
        if (!selfClose) inPPr += close ? -1 : 1;
        break;
      case 'w:tcPr':
        if (!selfClose) inTcPr += close ? -1 : 1;
        break;
      case 'w:t':
        inText = !close && !selfClose;
        break;
      case 'w:numId':
        if (inPPr && cur) cur.numId = attr(attrs, 'w:val');
        break;
      case 'w:ilvl':
        if (inPPr && cur) cur.ilvl = Math.min(8, Number(attr(attrs, 'w:val') ?? 0) || 0);
        break;
      case 'w:tab':
        if (!inPPr && cur && !close) cur.text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (cur && !close) cur.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (cur) cur.text += '-';
        break;
      case 'w:footnoteReference': {
        const id = attr(attrs, 'w:id');
        if (cur && id) cur.text += footnoteMark(id);
        break;
      }
    }
  }
  // An unclosed table (truncated XML) still gives its text.
  while (tables.length) {
    const table = tables.pop();
    if (table) emit(table.rows.flatMap((r) => r.cells.flatMap((c) => c.paras)));
  }
  return lines;
}

/**
 * The lines of a table: an assignment table's task lines, else one line per cell paragraph. Merged
 * cells (w:vMerge continuing) take the text of the cell above in their grid column.
 */
function tableLines(table: Table, before: string[]): string[] {
  const plain = () => table.rows.flatMap((r) => r.cells.flatMap((c) => c.paras));
  if (table.rows.length < 2) return plain();
  let above: string[] = [];
  const rows: TableCell[][] = table.rows.map((r) => {
    const row: TableCell[] = r.before ? [{ text: '', span: r.before }] : [];
    const texts: string[] = [];
    let col = r.before;
    for (const c of r.cells) {
      const own = c.paras
        .map((p) => p.trim())
        .filter(Boolean)
        .join('\n');
      const text = c.merged ? (above[col] ?? '') : own;
      row.push({ text, span: c.span });
      for (let i = 0; i < c.span; i++) texts[col + i] = i === 0 ? text : '';
      col += c.span;
    }
    above = texts;
    return row;
  });
  return assignmentTableLines(rows, { under: itemAbove(before.slice(-4)) }) ?? plain();
}

function readFootnotes(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | null = null;
  let parts: string[] = [];
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs = '', selfClose, , text] = m;
    if (text !== undefined) {
      if (inText && id !== null) parts.push(decodeEntities(text));
      continue;
    }
    if (name === 'w:footnote') {
      if (!close) {
        const type = attr(attrs, 'w:type');
        id = type && type !== 'normal' ? null : attr(attrs, 'w:id');
        parts = [];
      } else if (id !== null) {
        out.set(id, parts.join('').replace(/\s+/g, ' ').trim());
        id = null;
      }
    } else if (name === 'w:t') inText = !close && !selfClose;
    else if ((name === 'w:p' && close) || name === 'w:tab' || name === 'w:br') parts.push(' ');
  }
  return out;
}
