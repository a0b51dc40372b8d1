/**
 * Diacritic- and case-insensitive matching. `fold` maps every UTF-16 unit to one unit, so an index
 * found by a regex on the folded text is the same index in the original: the parsers match on the
 * folded text (plain ASCII patterns such as /chu tri/) and cut the original text at those indices,
 * keeping the plan's own spelling. "hoá" and "hóa" fold alike, "Đ" folds to "d".
 */
const cache = new Map<string, string>();

function foldChar(c: string): string {
  let f = cache.get(c);
  if (f === undefined) {
    if (c === 'đ' || c === 'Đ') f = 'd';
    else {
      const base = c.normalize('NFD')[0] ?? c;
      const lower = base.toLowerCase();
      f = lower.length === 1 ? lower : base;
    }
    cache.set(c, f);
  }
  return f;
}

export function fold(s: string): string {
  // One replacement per non-ASCII or capital character; ASCII runs are copied by the engine.
  return s.replace(/[A-Z\u0080-\uffff]/g, foldChar);
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
