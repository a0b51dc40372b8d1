import { capMarkRuns } from './clean.ts';
/**
 * Diacritic- and case-insensitive matching: the one folding of Vietnamese text in Tre (the plan
 * parser, body and measure matching, ASCII file names). `fold` maps every UTF-16 unit to one unit,
 * so an index found by a regex on the folded text is the same index in the original: the parsers
 * match on the folded text (plain ASCII patterns such as /chu tri/) and cut the original text at
 * those indices, keeping the plan's own spelling. "hoá" and "hóa" fold alike, "Đ" folds to "d".
 */
const bases = new Map<string, string>();
const folds = new Map<string, string>();

/** One unit without its diacritics, case kept: "Ố" → "O", "Đ" → "D". */
function baseChar(c: string): string {
  let b = bases.get(c);
  if (b === undefined) {
    b = c === 'đ' ? 'd' : c === 'Đ' ? 'D' : (c.normalize('NFD')[0] ?? c);
    bases.set(c, b);
  }
  return b;
}

function foldChar(c: string): string {
  let f = folds.get(c);
  if (f === undefined) {
    const base = baseChar(c);
    const lower = base.toLowerCase();
    f = lower.length === 1 ? lower : base;
    folds.set(c, f);
  }
  return f;
}

/** No diacritics, lower case, same length as the input (text is expected composed, NFC). */
export function fold(s: string): string {
  // One replacement per non-ASCII or capital character; ASCII runs are copied by the engine.
  return s.replace(/[A-Z\u0080-\uffff]/g, foldChar);
}

/**
 * Any text (composed or not) without diacritics, case kept: "Báo cáo Đà Nẵng" → "Bao cao Da Nang".
 * Not index-preserving for decomposed input; for words and keys, not for cutting the original.
 */
export function stripDiacritics(s: string): string {
  return capMarkRuns(s)
    .normalize('NFC')
    .replace(/[\u0080-\uffff]/g, baseChar)
    .replace(/\p{M}/gu, '');
}

/** `fold` of any text, composed or not (marks that compose with nothing dropped), for comparing words and keys. */
export function foldText(s: string): string {
  return fold(capMarkRuns(s).normalize('NFC')).replace(/\p{M}/gu, '');
}

/** Collapses runs of white space to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Cuts a string to at most `max` characters, at a word boundary where one is near. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return (cut > max * 0.7 ? s.slice(0, cut) : s.slice(0, max - 1)) + '…';
}
