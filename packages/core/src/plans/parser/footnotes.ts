import type { Footnote } from '../plan-format.ts';

/**
 * Footnotes and page-break repair. Published plans printed from Word carry their footnotes as
 * lines "(¹) …" or "⁽³⁾ …" at the foot of each page, in the middle of the text when copied out;
 * the sentence cut by the page break goes on after the footnote block with a lowercase word.
 * Footnote lines are taken out, their markers (¹ ² ³ …) removed from the text, and a line that
 * starts lowercase is joined to the paragraph before it.
 */

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPER_CLASS = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

export function toSuperscript(digits: string): string {
  return digits.replace(/\d/g, (d) => SUPER[Number(d)] ?? d);
}

function fromSuperscript(s: string): string {
  return s.replace(new RegExp(SUPER_CLASS, 'g'), (c) => String(SUPER.indexOf(c)));
}

const FOOTNOTE_LINE = new RegExp(
  `^(?:\\((${SUPER_CLASS}{1,3})\\)|⁽(${SUPER_CLASS}{1,3})⁾|(${SUPER_CLASS}{1,3})(?=\\s))\\s*(\\S.*)$`,
);
const MARKS = new RegExp(`\\((${SUPER_CLASS}{1,3})\\)|⁽${SUPER_CLASS}{1,3}⁾|${SUPER_CLASS}+`, 'g');

/** A footnote line: its mark in plain digits and its text. */
export function footnoteLine(line: string): Footnote | null {
  const m = FOOTNOTE_LINE.exec(line.trim());
  if (!m) return null;
  return { mark: fromSuperscript(m[1] ?? m[2] ?? m[3] ?? ''), text: m[4] ?? '' };
}

/** The text without footnote markers. */
export function stripMarks(s: string): string {
  return s.includes('⁽') || /[⁰¹²³⁴-⁹]/.test(s) ? s.replace(MARKS, '').replace(/ {2,}/g, ' ') : s;
}

/** One logical paragraph of the body, with the source lines it came from. */
export interface Para {
  text: string;
  /** 1-based number of its first source line. */
  line: number;
}

const OUTLINE_START = /^(?:[a-zđ]\s*[).]\s|[-–—•●▪◦+*])/;
/** Words a hard-wrapped line may end on in the middle of a sentence. */
const OPEN_END = /(?:,|\bvới|\bvà|\bcủa|\bcác|\bcho|\btại|\bvề|\btheo|\bhoặc|\bđến|\btừ|\btrong|\bnhư)$/i;

function startsLowercase(s: string): boolean {
  const c = s[0] ?? '';
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Paragraphs of the text (footnotes out, page-break splits joined) and the footnotes found. */
export function paragraphs(lines: string[]): { paras: Para[]; footnotes: Footnote[] } {
  const paras: Para[] = [];
  const footnotes: Footnote[] = [];
  let lastLineOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (!raw) continue;
    const note = footnoteLine(raw);
    if (note) {
      footnotes.push(note);
      continue;
    }
    if (/^(?:[-_=.·•*]\s*){3,}$/.test(raw) || /^(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?$/i.test(raw)) continue; // rules, page numbers
    const text = stripMarks(raw).trim();
    if (!text) continue;
    const prev = paras[paras.length - 1];
    const continues =
      prev && !OUTLINE_START.test(text) && (startsLowercase(text) || (lastLineOpen && !/^[A-ZĐ\d]+[.)]\s/.test(text)));
    if (prev && continues) prev.text += ' ' + text;
    else paras.push({ text, line: i + 1 });
    lastLineOpen = text.length >= 60 && OPEN_END.test(text);
  }
  return { paras, footnotes };
}
