/**
 * Text that people type or upload is stored, compared, shown in other people's browsers and
 * written into Word and Excel files. Two kinds of character do harm there and never belong in a
 * name, note or cell:
 *
 * - control characters (C0 except tab and, in multi-line text, line feed and carriage return;
 *   DEL; C1): NUL breaks PostgreSQL text (a 500 before this check), the others are invisible and
 *   corrupt exports;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
 *   "exe.doc" read as "cod.exe" and let a name show differently from what is stored;
 *
 * and a lone UTF-16 surrogate is not text at all (it cannot be encoded as UTF-8 for the database).
 *
 * Everything else — every Vietnamese letter, combining marks, emoji — is allowed. Names are
 * compared after NFC normalisation (`cleanText`), so "Sở Y tế" typed precomposed or decomposed is
 * the same name.
 */

export type UnsafeKind = 'control' | 'newline' | 'bidi' | 'surrogate' | 'noncharacter';

export interface UnsafeCharacter {
  /** UTF-16 index of the character in the text. */
  index: number;
  /** The code point (for a lone surrogate, the surrogate code unit itself). */
  codePoint: number;
  kind: UnsafeKind;
}

export interface TextOptions {
  /** Line feed and carriage return are allowed (notes, long texts). Default: single-line. */
  multiline?: boolean;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function kindOf(code: number, multiline: boolean): UnsafeKind | undefined {
  if (code < 0x20) {
    if (code === TAB) return undefined;
    if (code === LF || code === CR) return multiline ? undefined : 'newline';
    return 'control';
  }
  if (code < 0x7f) return undefined;
  if (code <= 0x9f) return 'control'; // DEL and C1
  // Line and paragraph separators are line breaks by another name.
  if (code === 0x2028 || code === 0x2029) return multiline ? undefined : 'newline';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  // Unicode's noncharacters are not for interchange; U+FFFE and U+FFFF are not even allowed in XML,
  // so one in a note would make the .docx and .xlsx built from it unreadable
  if ((code >= 0xfdd0 && code <= 0xfdef) || code === 0xfffe || code === 0xffff) return 'noncharacter';
  return undefined;
}

/** The first character of `text` that may not be stored, or undefined when the text is safe. */
export function unsafeCharacterIn(text: string, options: TextOptions = {}): UnsafeCharacter | undefined {
  const multiline = options.multiline ?? false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      // A high surrogate followed by a low one is one astral character (an emoji); anything else
      // is half of one.
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: code, kind: 'surrogate' };
    }
    const kind = kindOf(code, multiline);
    if (kind) return { index: i, codePoint: code, kind };
  }
  return undefined;
}

/**
 * Unicode's stream-safe limit: no real text stacks more than 30 combining marks on one letter
 * (Vietnamese uses at most two). Normalising a longer run costs time that grows with the square of
 * its length (240 KB of alternating marks held the server 6.5 s), so such runs are refused or cut
 * BEFORE any normalisation.
 */
export const MAX_MARK_RUN = 30;
const LONG_MARK_RUN = new RegExp(`\\p{M}{${MAX_MARK_RUN + 1},}`, 'u');
const LONG_MARK_RUNS = new RegExp(`(\\p{M}{${MAX_MARK_RUN}})\\p{M}+`, 'gu');

/** Where a run of more than MAX_MARK_RUN combining marks starts, or -1 (a linear scan). */
export function longMarkRunIn(text: string): number {
  return text.search(LONG_MARK_RUN);
}

/** The text with every run of combining marks cut to MAX_MARK_RUN, for readers that never refuse. */
export function capMarkRuns(text: string): string {
  return longMarkRunIn(text) < 0 ? text : text.replace(LONG_MARK_RUNS, '$1');
}

/**
 * The form in which text is stored and compared: Unicode NFC (precomposed Vietnamese letters).
 * Overlong runs of marks are cut first, so that no input makes normalisation slow.
 */
export function cleanText(text: string): string {
  return capMarkRuns(text).normalize('NFC');
}

/** "U+0000", "U+202E": how a character is named in messages without showing it. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const KIND_WORDS: Record<UnsafeKind, { vi: string; en: string }> = {
  control: { vi: 'ký tự điều khiển', en: 'control character' },
  newline: { vi: 'ký tự xuống dòng', en: 'line break' },
  bidi: { vi: 'ký tự đảo chiều văn bản', en: 'text-direction override character' },
  surrogate: { vi: 'ký tự Unicode hỏng (nửa cặp thay thế)', en: 'broken Unicode character (lone surrogate)' },
  noncharacter: { vi: 'ký tự Unicode không dùng để trao đổi', en: 'Unicode noncharacter' },
};

/**
 * Why the character is refused, in the user's language: "ký tự điều khiển U+0000 không được phép" /
 * "control character U+0000 is not allowed". A line break adds where it is allowed instead.
 */
export function describeUnsafeCharacter(found: Pick<UnsafeCharacter, 'codePoint' | 'kind'>, lang: 'vi' | 'en'): string {
  const label = codePointLabel(found.codePoint);
  const words = KIND_WORDS[found.kind][lang];
  if (found.kind === 'newline') {
    return lang === 'vi'
      ? `${words} ${label} không được phép ở đây (chỉ nhập một dòng)`
      : `${words} ${label} is not allowed here (single line only)`;
  }
  return lang === 'vi' ? `${words} ${label} không được phép` : `${words} ${label} is not allowed`;
}

/**
 * Check and normalise in one step, for a cell of an uploaded file or a field of a form:
 * the NFC text when it is safe, otherwise the first offending character.
 */
export function checkText(
  text: string,
  options: TextOptions = {},
): { ok: true; text: string } | { ok: false; unsafe: UnsafeCharacter } {
  const unsafe = unsafeCharacterIn(text, options);
  return unsafe ? { ok: false, unsafe } : { ok: true, text: cleanText(text) };
}
