import { fold, squash } from '../../text/fold.ts';
import { isRoman } from './outline.ts';

/**
 * Assignment tables ("PHỤ LỤC … PHÂN CÔNG NHIỆM VỤ": STT | Nội dung nhiệm vụ | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian thực hiện | Sản phẩm | Ghi chú) turned into the lines the outline
 * and task readers already know, so a table row reads like a typed task block:
 *
 *   1.2. <Nội dung> (Sản phẩm: …; Ghi chú: …)
 *   - Đơn vị chủ trì: <chủ trì>
 *   - Đơn vị phối hợp: <phối hợp>
 *   - Thời gian thực hiện: <thời gian>
 *
 * Decisions:
 * - A table is an assignment table when one of its first three rows is a header with a task column
 *   (Nội dung, Nhiệm vụ, Hoạt động, Công việc, Giải pháp) and a lead, support or time column; the
 *   labels are matched without diacritics. Other tables (header layout, signatures, indicators) get
 *   null and keep their cell-per-line text.
 * - Section rows become outline headings "I. <title>": a row whose number is Roman (or A–H), a
 *   single cell spanning several columns, or a row with nothing but an upper-case title. A section
 *   title without its own numeral gets the next Roman numeral of the table.
 * - The number cell gives the item's number ("1", "1.1.", "a)"); a row without one is a bullet "- ".
 * - A second header row (sub-columns under "Thời gian": "Bắt đầu | Hoàn thành"), a header repeated
 *   on a new page and a row of column numbers "(1) (2) (3)" are skipped; rows with no number and no
 *   task text are skipped.
 * - Several columns of one kind are joined ("01/2025 - 12/2025"); the paragraphs of a cell ("\n"
 *   in its text) are joined with a space, or "; " in the lead and support columns so the bodies stay
 *   apart. Other columns are added to the task text as "(Sản phẩm: …; Ghi chú: …)".
 * - `fillDown` (tab-separated text, which loses vertically merged cells): an empty lead cell takes
 *   the lead of the task row above it in the same section.
 */
export interface TableCell {
  /** Cell text; "\n" between the cell's paragraphs. */
  text: string;
  /** Grid columns the cell covers (w:gridSpan); 1 when absent. */
  span?: number;
}

type Kind = 'no' | 'task' | 'lead' | 'support' | 'time' | 'extra';

interface Column {
  kind: Kind;
  /** Header text, for extra columns ("Sản phẩm"). */
  label: string;
}

interface GridCell {
  text: string;
  start: number;
  span: number;
}

function columnKind(label: string): Kind | null {
  const f = squash(fold(label).replace(/[*_()]/g, ' '));
  if (!f) return null;
  if (/^(?:stt|tt|so tt|so thu tu|thu tu|so)$/.test(f)) return 'no';
  if (/phoi hop/.test(f) && !/chu tri/.test(f)) return 'support';
  if (
    /chu tri|phu trach|thuc hien chinh|^(?:(?:co quan|don vi|bo phan)[, /]*)+(?:thuc hien|trien khai|chiu trach nhiem)$|^(?:trach nhiem|phan cong)(?: thuc hien)?$/.test(
      f,
    )
  )
    return 'lead';
  if (/^(?:thoi gian|tien do|thoi han|thoi diem|lo trinh|nam thuc hien|moc thoi gian|bat dau|ket thuc|hoan thanh)/.test(f))
    return 'time';
  if (
    /^(?:(?:ten|cac)\s+)?(?:noi dung|nhiem vu|hoat dong|cong viec|giai phap|danh muc|de an|chuong trinh|du an)\b/.test(f) &&
    !/kinh phi/.test(f)
  )
    return 'task';
  if (/^(?:san pham|ket qua|ghi chu|kinh phi|nguon|du toan|dia diem|chi tieu|hinh thuc|doi tuong|muc tieu)/.test(f))
    return 'extra';
  return null;
}

function gridOf(row: readonly (string | TableCell)[]): GridCell[] {
  const out: GridCell[] = [];
  let at = 0;
  for (const c of row) {
    const cell = typeof c === 'string' ? { text: c } : c;
    const span = Math.max(1, Math.min(63, Math.floor(cell.span ?? 1) || 1));
    out.push({ text: cell.text, start: at, span });
    at += span;
  }
  return out;
}

const oneLine = (s: string) => squash(s.replace(/\n/g, ' '));

/** The column of every grid position, or null when the row is not an assignment header. */
function headerOf(grid: GridCell[]): Column[] | null {
  const cols: Column[] = [];
  const kinds = new Set<Kind>();
  for (const cell of grid) {
    const label = oneLine(cell.text);
    const kind = columnKind(label);
    if (kind) kinds.add(kind);
    for (let i = 0; i < cell.span; i++) cols[cell.start + i] = { kind: kind ?? 'extra', label };
  }
  if (!kinds.has('task') || !(kinds.has('lead') || kinds.has('support') || kinds.has('time'))) return null;
  return cols;
}

/** A second header row: labels under a spanned header ("Bắt đầu", "Hoàn thành"), no number, no task. */
function subHeader(grid: GridCell[], cols: Column[], header: GridCell[]): boolean {
  const taskAt = cols.findIndex((c) => c.kind === 'task');
  const task = grid.find((g) => g.start <= taskAt && taskAt < g.start + g.span);
  const headerTask = header.find((g) => g.start <= taskAt && taskAt < g.start + g.span);
  // In a .docx the merged header cells repeat the header's own text (w:vMerge).
  if (task && headerTask && oneLine(task.text) && oneLine(task.text) === oneLine(headerTask.text)) return true;
  const filled = grid.filter((g) => oneLine(g.text));
  return filled.length > 0 && filled.every((g) => columnKind(oneLine(g.text)) !== null) && !(task && oneLine(task.text));
}

const COLUMN_NUMBERS = /^(?:\(?\s*(?:\d{1,2}|[A-Z])\s*\)?(?:\s*=.*)?)$/;

const SECTION_NO = /^([IVXL]{1,7}|[A-H])\s*[.)]?$/;

function toRoman(n: number): string {
  const table: [number, string][] = [
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function isUpperTitle(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "1", "1.1.", "01" → "1" / "1.1"; "a)" → letter; "-" → bullet; anything else → null. */
function numberOf(s: string): { kind: 'num' | 'letter' | 'roman' | 'bullet'; ref: string } | null {
  const t = s.replace(/\s+/g, '');
  if (!t) return null;
  let m = /^(\d{1,2}(?:\.\d{1,2}){0,4})[.)]?$/.exec(t);
  if (m) return { kind: 'num', ref: m[1] ?? '' };
  m = SECTION_NO.exec(t);
  if (m && (isRoman(m[1] ?? '') || /^[A-H]$/.test(m[1] ?? ''))) return { kind: 'roman', ref: m[1] ?? '' };
  m = /^([a-zđ])[.)]?$/.exec(t);
  if (m) return { kind: 'letter', ref: m[1] ?? '' };
  if (/^[-–—•●▪◦+*]+$/.test(t)) return { kind: 'bullet', ref: '' };
  return null;
}

const LABEL: Record<'lead' | 'support' | 'time', string> = {
  lead: 'Đơn vị chủ trì',
  support: 'Đơn vị phối hợp',
  time: 'Thời gian thực hiện',
};

/**
 * Lines for an assignment table, or null when the rows are not one (see above). Rows may have
 * different numbers of cells; missing cells read as empty.
 */
export function assignmentTableLines(
  rows: readonly (readonly (string | TableCell)[])[],
  opts: { fillDown?: boolean; under?: string | null } = {},
): string[] | null {
  let grids = rows.map(gridOf);
  let headerAt = -1;
  let cols: Column[] | null = null;
  for (let i = 0; i < Math.min(3, grids.length) && !cols; i++) {
    cols = headerOf(grids[i] ?? []);
    if (cols) headerAt = i;
  }
  if (!cols) return null;
  if (opts.fillDown) grids = joinContinuations(grids, cols, headerAt);
  const header = grids[headerAt] ?? [];
  const width = cols.length;
  const out: string[] = [];
  let sections = 0;
  let lastLead = '';
  for (let r = headerAt + 1; r < grids.length; r++) {
    const grid = grids[r] ?? [];
    const filled = grid.filter((g) => oneLine(g.text));
    if (!filled.length) continue;
    if (r === headerAt + 1 && subHeader(grid, cols, header)) continue;
    if (headerOf(grid)) continue; // the header again, on a new page
    if (filled.every((g) => COLUMN_NUMBERS.test(oneLine(g.text))) && filled.length >= Math.min(3, width)) continue;

    const values: Record<Kind, string[]> = { no: [], task: [], lead: [], support: [], time: [], extra: [] };
    const extras: string[] = [];
    for (const g of grid) {
      const col = cols[g.start] ?? { kind: 'extra' as const, label: '' };
      const kind = col.kind;
      const raw = g.text
        .split('\n')
        .map((p) => squash(p))
        .filter(Boolean);
      if (!raw.length) continue;
      const text =
        kind === 'lead' || kind === 'support'
          ? raw.map((p, i) => (i < raw.length - 1 && !/[,;]$/.test(p) ? `${p};` : p)).join(' ')
          : raw.join(' ');
      const clean = text.replace(/[\s,;]+$/, '');
      if (!clean) continue;
      if (kind === 'extra') extras.push(col.label ? `${col.label.replace(/[\s:]+$/, '')}: ${clean}` : clean);
      else values[kind].push(clean);
    }
    const noText = values.no.join(' ');
    let no = numberOf(noText);
    let text = values.task.join(' ');
    // "1. Nội dung" typed in one cell, the number column empty or missing.
    if (!no && !noText && text) {
      const typed = /^(\d{1,2}(?:\.\d{1,2}){0,4}[.)]|[IVXL]{1,7}\.|[a-zđ]\))\s+(\S.*)$/.exec(text);
      const ref = typed?.[1]?.replace(/[.)]$/, '') ?? '';
      if (typed && (!/^[IVXL]+$/.test(ref) || isRoman(ref))) {
        no = numberOf(typed[1] ?? '');
        text = typed[2] ?? '';
      }
    }
    const attrs = values.lead.length + values.support.length + values.time.length > 0;
    const onlyCell = filled.length === 1 ? filled[0] : undefined;
    const spanning = onlyCell !== undefined && (onlyCell.span >= 2 || grid.length === 1) && width > 1;

    // A section row.
    let title: string | null = null;
    let ref = '';
    if (spanning) {
      const t = oneLine(onlyCell.text);
      const m = /^([IVXL]{1,7}|[A-H])\s*[.):–-]\s*(\S.*)$/.exec(t);
      if (m && (isRoman(m[1] ?? '') || /^[A-H]$/.test(m[1] ?? ''))) {
        ref = m[1] ?? '';
        title = m[2] ?? '';
      } else if (!/^\d/.test(t)) title = t;
    } else if (no?.kind === 'roman') {
      ref = no.ref;
      title = text || extras.join('; ') || '';
    } else if (!no && !noText && !attrs && text && isUpperTitle(text)) title = text;
    if (title !== null) {
      if (!ref) ref = toRoman(Math.min(39, sections + 1));
      if (/^[IVXL]+$/.test(ref)) sections = Math.max(sections, romanValue(ref));
      out.push(`${ref}. ${title || '…'}`);
      lastLead = '';
      continue;
    }
    if (!text && !attrs) continue;
    if (!text && !no) continue;

    const extra = extras.length ? ` (${extras.join('; ')})` : '';
    const body = (text || '…').replace(/^[-–—•●▪◦+*]\s*/, '') + extra;
    // Rows "1", "2" of a table under "2. Phân công nhiệm vụ" are 2.1, 2.2: the numbering after the
    // table ("3. …") then goes on from the item, not from the table's last row.
    if (no?.kind === 'num')
      out.push(`${opts.under && !sections && !no.ref.includes('.') ? `${opts.under}.` : ''}${no.ref}. ${body}`);
    else if (no?.kind === 'letter') out.push(`${no.ref}) ${body}`);
    else out.push(`- ${body}`);
    let lead = values.lead.join('; ');
    if (!lead && opts.fillDown && attrs) lead = lastLead;
    if (lead) lastLead = lead;
    if (lead) out.push(`- ${LABEL.lead}: ${lead}`);
    if (values.support.length) out.push(`- ${LABEL.support}: ${values.support.join('; ')}`);
    if (values.time.length) out.push(`- ${LABEL.time}: ${values.time.join(' - ')}`);
  }
  return out;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i] ?? ''] ?? 0;
    const b = v[s[i + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/**
 * Tab-separated tables in plain text (a Word table copied out): a line with an assignment header
 * of three or more tab-separated cells starts one; it goes on over lines with a tab, and over a
 * line without one that reads as a section row ("II. …" or an upper-case title) when the line after
 * it has a tab. Each table's lines are replaced by the lines above; everything else is untouched.
 */
export function expandTabTables(text: string): string {
  if (!text.includes('\t')) return text;
  const lines = text.split(/\r\n?|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const years = line.includes('\t') ? yearColumns(cellsOf(line)) : null;
    if (years) {
      out.push(line);
      let j = i + 1;
      for (; j < lines.length && (lines[j] ?? '').includes('\t'); j++) {
        const row = lines[j] ?? '';
        out.push(indicatorYearLine(cellsOf(row), years) ?? row);
      }
      i = j - 1;
      continue;
    }
    if (!line.includes('\t') || line.split('\t').length < 3 || !headerOf(gridOf(cellsOf(line)))) {
      out.push(line);
      continue;
    }
    const rows: string[][] = [cellsOf(line)];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (next.includes('\t')) {
        rows.push(cellsOf(next));
        continue;
      }
      const t = next.trim();
      const sectionLike = t.length > 0 && t.length <= 300 && (/^[IVXL]{1,7}\s*[.):–-]\s*\S/.test(t) || isUpperTitle(t));
      if (sectionLike && (lines[j + 1] ?? '').includes('\t')) rows.push([t]);
      else break;
    }
    out.push(...(assignmentTableLines(rows, { fillDown: true, under: itemAbove(out) }) ?? lines.slice(i, j)));
    i = j - 1;
  }
  return out.join('\n');
}

/**
 * A table of targets by year ("Chỉ tiêu | Nội dung | Năm 2026 | Năm 2028 | Năm 2030"): the header's
 * year columns (two or more), by index, or null when the header is not one.
 */
function yearColumns(header: string[]): Map<number, number> | null {
  const years = new Map<number, number>();
  header.forEach((c, i) => {
    const m = /^(?:năm\s*)?((?:19|20|21)\d{2})$/iu.exec(c.trim());
    if (m) years.set(i, Number(m[1]));
  });
  return years.size >= 2 && /chỉ tiêu|nội dung/iu.test(header.join(' ')) ? years : null;
}

/**
 * A row "Chỉ tiêu 1 | Tỷ lệ … (%) | 60 | 68 | 75" as the line the indicator reader knows:
 * "Chỉ tiêu 1: Tỷ lệ …: năm 2026: 60%; năm 2028: 68%; năm 2030: 75%". Null for any other row.
 */
function indicatorYearLine(cells: string[], years: Map<number, number>): string | null {
  const no = cells.map((c) => /^chỉ tiêu\s*(?:số\s*)?(\d{1,3})$/iu.exec(c.trim())?.[1]).find(Boolean);
  if (!no) return null;
  const text = cells.find((c, i) => !years.has(i) && c.trim() && !/^chỉ tiêu\s*(?:số\s*)?\d/iu.test(c.trim()))?.trim() ?? '';
  const unit = /\((%|‰)\)\s*$/.exec(text)?.[1] ?? '';
  const values = [...years].flatMap(([i, year]) => {
    const v = cells[i]?.trim() ?? '';
    return /^\d+(?:[.,]\d+)?$/.test(v) ? [`năm ${year}: ${v}${unit}`] : [];
  });
  return `Chỉ tiêu ${no}: ${text.replace(/\s*\((%|‰)\)\s*$/, '')}: ${values.join('; ')}.`;
}

/**
 * Tab-separated text loses the line breaks inside a cell: a long cell goes on in a row of its own,
 * with no number and its text starting lowercase ("bị xâm hại trên môi trường mạng …"), or with only
 * a time or body cell filled. Such a row is joined to the row above, cell by cell.
 */
function joinContinuations(grids: GridCell[][], cols: Column[], headerAt: number): GridCell[][] {
  const out = grids.slice(0, headerAt + 2);
  for (const grid of grids.slice(headerAt + 2)) {
    const cell = (kind: Kind) =>
      grid
        .filter((g) => cols[g.start]?.kind === kind)
        .map((g) => oneLine(g.text))
        .join(' ');
    const task = cell('task');
    const prev = out[out.length - 1];
    const continues = !cell('no') && (!task || /^\p{Ll}/u.test(task)) && grid.some((g) => oneLine(g.text));
    if (!prev || !continues) {
      out.push(grid);
      continue;
    }
    const joined = prev.map((g) => ({ ...g }));
    for (const g of grid) {
      const text = g.text.trim();
      if (!text) continue;
      const at = joined.find((p) => p.start === g.start);
      if (at) at.text = at.text.trim() ? `${at.text}\n${text}` : text;
      else joined.push({ ...g });
    }
    out[out.length - 1] = joined;
  }
  return out;
}

/**
 * The number of the item a table sits under: the numbered line right above it ("2. Phân công nhiệm
 * vụ cụ thể", "2.3. Các hoạt động cụ thể như sau:"), or above an introducing line ending with ":".
 */
export function itemAbove(lines: readonly string[]): string | null {
  const above = lines
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-2)
    .reverse();
  for (const [k, line] of above.entries()) {
    const m = /^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]\s+\S/.exec(line) ?? /^(\d{1,2}(?:\.\d{1,2}){1,3})\s+\S/.exec(line);
    if (m) return m[1] ?? null;
    if (k > 0 || !line.endsWith(':')) return null;
  }
  return null;
}

function cellsOf(line: string): string[] {
  return line.split('\t').map((c) => c.trim());
}

/**
 * Tables pasted one cell per line (copied out of a PDF or a web page): a header of three or more
 * short label lines starting with "STT" ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp",
 * "Thời gian") gives the width; then each row is that many non-blank lines, the first a number
 * ("1", "1.2", "a)") and no other a bare number. Rows are read while they fit; a row that does not
 * (a wrapped cell, an empty cell) ends the table and it and the rest stay text as they were.
 */
export function expandCellTables(text: string): string {
  if (!/^[ \t]*(?:STT|TT|Stt|Số TT)[ \t]*$/m.test(text)) return text;
  const lines = text.split(/\r\n?|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const table = /^(?:stt|tt|so tt)$/.test(fold((lines[i] ?? '').trim())) ? cellTableAt(lines, i) : null;
    if (!table) {
      out.push(lines[i] ?? '');
      continue;
    }
    out.push(...table.lines);
    i = table.end - 1;
  }
  return out.join('\n');
}

function cellTableAt(lines: string[], at: number): { lines: string[]; end: number } | null {
  // Indexes of the next non-blank lines from `from`, up to `n` of them.
  const next = (from: number, n: number) => {
    const idx: number[] = [];
    for (let j = from; j < lines.length && idx.length < n; j++) if ((lines[j] ?? '').trim()) idx.push(j);
    return idx;
  };
  const header: string[] = [];
  let j = at;
  for (const k of next(at, 12)) {
    const t = (lines[k] ?? '').trim();
    if (t.length > 60 || (header.length > 0 && !columnKind(t))) break;
    header.push(t);
    j = k + 1;
  }
  if (header.length < 3 || !headerOf(gridOf(header))) return null;
  const rows: string[][] = [header];
  for (;;) {
    const idx = next(j, header.length);
    if (idx.length < header.length) break;
    const cells = idx.map((k) => (lines[k] ?? '').trim());
    const no = numberOf(cells[0] ?? '');
    if (!no || (no.kind !== 'num' && no.kind !== 'letter') || cells.slice(1).some((c) => numberOf(c))) break;
    rows.push(cells);
    j = (idx[idx.length - 1] ?? j) + 1;
  }
  if (rows.length < 2) return null;
  const out = assignmentTableLines(rows, { under: itemAbove(lines.slice(Math.max(0, at - 4), at)) });
  return out ? { lines: out, end: j } : null;
}
