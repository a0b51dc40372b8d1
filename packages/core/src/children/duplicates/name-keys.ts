import { foldText } from '../../text/fold.ts';
import { isVietnameseSyllable } from './syllable.ts';

/**
 * Keys for Vietnamese names. A name is written family name first, then middle names (often Văn for
 * boys, Thị for girls), then the given name — the one that tells children of a family apart. Names
 * are compared folded (`foldText`: no diacritics, lower case, đ → d), since registers hold the same
 * child typed with and without diacritics.
 */

/** What separates the parts of a name as typed: spaces, and the dot of an abbreviation ("T.Hồng"). */
const SEPARATORS = /[\s.,;:()/_\-–—]+/;

/** One typed part of a name, folded; "" when nothing of it is a letter. "H'Hen" → "hhen". */
export function foldToken(piece: string): string {
  const folded = foldText(piece);
  return /^[a-z]+$/.test(folded) ? folded : folded.replace(/[^a-z]/g, '');
}

/** The typed parts of a name, unfolded; `foldToken` of each gives the tokens. */
export function namePieces(name: string): string[] {
  return name.split(SEPARATORS).filter((p) => p !== '');
}

/** A name's folded tokens: "Nguyễn T. Hồng  NHUNG" → ["nguyen", "t", "hong", "nhung"]. */
export function nameTokens(name: string): string[] {
  return namePieces(name)
    .map(foldToken)
    .filter((t) => t !== '');
}

/** The parts of a name by role; a one-word name has only a given name. */
export interface NameParts {
  family: string | null;
  middle: string[];
  given: string | null;
}

export function nameParts(name: string): NameParts {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return { family: null, middle: [], given: null };
  if (tokens.length === 1) return { family: null, middle: [], given: tokens[0] ?? null };
  return { family: tokens[0] ?? null, middle: tokens.slice(1, -1), given: tokens[tokens.length - 1] ?? null };
}

/**
 * Initial consonants as a listener or a hurried typist may write them, each mapped to one symbol:
 * - d, gi, r (and z, j, used for them without a Vietnamese keyboard): one sound in Northern speech;
 * - tr/ch and s/x: merged in Northern speech;
 * - c/k/q (qu typed as ku), ng/ngh, g/gh: one sound, spelt by the following vowel only;
 * - ph/f: f is typed for ph.
 * Longest first. Multi-letter initials get single symbols so that no mapping runs into another.
 */
const KEY_INITIALS: readonly (readonly [string, string])[] = [
  ['ngh', 'N'],
  ['ng', 'N'],
  ['nh', 'J'],
  ['gh', 'g'],
  ['gi', 'z'],
  ['ch', 'C'],
  ['tr', 'C'],
  ['th', 'T'],
  ['kh', 'K'],
  ['ph', 'f'],
  ['qu', 'ku'],
  ['c', 'k'],
  ['k', 'k'],
  ['q', 'k'],
  ['d', 'z'],
  ['r', 'z'],
  ['z', 'z'],
  ['j', 'z'],
  ['s', 'x'],
];

const collapseDoubles = (s: string) => s.replace(/(.)\1+/g, '$1');

/**
 * A sound key for one folded token, kept modest: the initial confusions above, y written for i
 * and back (Vy/Vi, Thúy/Thúi: both spellings are in use), and doubled letters dropped ("Nhungg").
 * Vowels and final consonants are kept: Minh/Mạnh and An/Anh are different names, and twins get
 * names like that. A lost letter ("Nhng") changes the key; the edit distance catches it.
 */
export function phoneticKey(token: string): string {
  const t = collapseDoubles(token);
  let initial = '';
  let rest = t;
  for (const [spelt, symbol] of KEY_INITIALS) {
    if (!t.startsWith(spelt)) continue;
    initial = symbol;
    rest = t.slice(spelt.length);
    // "gìn", "gì": the i of gi is the vowel when no vowel follows
    if (spelt === 'gi' && !/^[aeiouy]/.test(rest)) rest = 'i' + rest;
    break;
  }
  return initial + collapseDoubles(rest.replace(/y/g, 'i'));
}

// three rows of the distance table, reused: names are short and this runs millions of times
const newRows = (n: number): [Int32Array, Int32Array, Int32Array] => [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
let rows = newRows(32);

/** Restricted Damerau–Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0].length <= b.length) rows = newRows(b.length + 1);
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length] ?? max + 1;
}

/** How two folded tokens of the same role compare, before the register's counts are looked at. */
export type TokenLevel =
  /** the same letters */
  | 'equal'
  /** the same sound key: Trung/Chung, Vy/Vi, Nhungg/Nhung */
  | 'sound'
  /** one letter apart, and one of them is no Vietnamese syllable: a slip ("Nhng"/"Nhung"); or cut to an initial */
  | 'slip'
  /** one letter apart, both real syllables: two names unless the register says one is a rare slip */
  | 'near'
  | 'different';

export function compareTokens(a: string, b: string, keyA = phoneticKey(a), keyB = phoneticKey(b)): TokenLevel {
  if (a === b) return 'equal';
  if (keyA === keyB) return 'sound';
  // "Trần Phương L.": a name cut to its initial is an incomplete record of that name
  if (abbreviates(a, b) || abbreviates(b, a)) return 'slip';
  const longest = Math.max(a.length, b.length);
  if (longest < 3) return 'different';
  // a longer name can take two slips and stay recognisable; a short one cannot
  const allowed = longest >= 7 ? 2 : 1;
  if (editDistance(a, b, allowed) > allowed && editDistance(keyA, keyB, 1) > 1) return 'different';
  return isVietnameseSyllable(a) && isVietnameseSyllable(b) ? 'near' : 'slip';
}

/** "t" stands for "thi": an abbreviation is a one-letter token (typed "T." or "T"). */
export function abbreviates(short: string, full: string): boolean {
  return short.length === 1 && full.length > 1 && full.startsWith(short);
}

export type MiddleLevel = 'equal' | 'missing' | 'abbreviated' | 'subset' | 'sound' | 'different';

/** Whether two middle-name tokens can stand for each other: same, abbreviation of, or a slip of. */
function middleTokensAgree(a: string, b: string): 'equal' | 'abbreviated' | 'sound' | null {
  if (a === b) return 'equal';
  if (abbreviates(a, b) || abbreviates(b, a)) return 'abbreviated';
  const level = compareTokens(a, b);
  return level === 'sound' || level === 'slip' ? 'sound' : null;
}

/**
 * Middle names: "T. Hồng" ~ "Thị Hồng" (abbreviated), "" ~ "Thị" (missing: Nguyễn Nhung for
 * Nguyễn Thị Nhung), "Hồng" ~ "Thị Hồng" (subset, a middle name left out), "Văn" vs "Thị" (different).
 */
export function compareMiddles(a: readonly string[], b: readonly string[]): MiddleLevel {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 'equal' : 'missing';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let abbreviated = false;
  let sound = false;
  let at = 0;
  for (const token of short) {
    let agreed = null;
    // in order: the first token of the longer list that the shorter's token can stand for
    while (at < long.length && agreed === null) agreed = middleTokensAgree(token, long[at++] ?? '');
    if (agreed === null) return 'different';
    if (agreed === 'abbreviated') abbreviated = true;
    if (agreed === 'sound') sound = true;
  }
  if (sound) return 'sound';
  if (short.length < long.length) return 'subset';
  return abbreviated ? 'abbreviated' : 'equal';
}

/** Family names that are one name spelt by region (Hoàng in the North is Huỳnh in the South; Vũ/Võ). */
const FAMILY_VARIANTS = new Map([
  ['hoang', 'huynh'],
  ['huynh', 'hoang'],
  ['vu', 'vo'],
  ['vo', 'vu'],
]);

export function familyVariants(a: string, b: string): boolean {
  return FAMILY_VARIANTS.get(a) === b;
}

/**
 * A blocking key for a whole name: the given name's sound key and the first symbol of the family
 * name's key. Records of one child share it despite diacritics, case, doubled letters and the
 * initial confusions, an abbreviated or missing middle name, and a Vũ/Võ or Hoàng/Huỳnh spelling.
 */
export function nameBlockKey(name: string): string {
  const { family, given } = nameParts(name);
  return `${given === null ? '' : phoneticKey(given)}|${family === null ? '' : phoneticKey(family).charAt(0)}`;
}
