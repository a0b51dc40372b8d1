/**
 * Whether a folded token (lower case, no diacritics) can be a Vietnamese syllable: an initial
 * consonant, then a rhyme. Used to tell a typing slip from a second real name: "Nhng" and "Nhungg"
 * are no syllable, so a record that has them meant some other spelling; "Minh" and "Manh" both are,
 * so twins named so are two children. Folding merges ă/â, ê, ô/ơ, ư into their bases, so the rhymes
 * below are the folded forms of the standard rhyme table. Ethnic-minority names (Ksor, Kpă, H'Hen)
 * are often no Vietnamese syllable; they are then treated like slips, which only makes matching
 * more lenient for them.
 */

/** Initial consonants, longest first so that "ngh" wins over "ng" and "n". */
const INITIALS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'tr',
  'th',
  'kh',
  'ph',
  'gh',
  'gi',
  'qu',
  'b',
  'c',
  'd',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
];

/** Rhymes ending in a vowel or semivowel. */
const OPEN = 'a ai ao au ay e eo eu i ia iu o oi u ua ui uu y oa oai oao oay oe oeo ue uy uya uyu uo uoi uou ieu yeu uay ya';
/** Nuclei and the final consonants each takes (folded). */
const CLOSED: Record<string, string> = {
  a: 'c ch m n ng nh p t',
  e: 'c ch m n ng nh p t',
  i: 'ch m n nh p t',
  y: 'ch nh t n',
  o: 'c m n ng p t',
  oo: 'c ng',
  u: 'c m n ng p t',
  ie: 'c m n ng p t u',
  ye: 'm n t u',
  uo: 'c m n ng p t i u',
  oa: 'c ch m n ng nh p t',
  oe: 'm n t',
  ue: 'ch nh n',
  uy: 'ch nh t n p',
  uye: 'n t',
  ua: 'n t ng y',
};

const RHYMES = new Set(OPEN.split(' '));
for (const [nucleus, finals] of Object.entries(CLOSED)) for (const f of finals.split(' ')) RHYMES.add(nucleus + f);

/** "gh", "ngh" and "k" come only before i, e (and y for k); "c", "g", "ng" and "q" never do. */
function initialFits(initial: string, rhyme: string): boolean {
  const front = /^[eiy]/.test(rhyme);
  if (initial === 'gh' || initial === 'ngh') return /^[ei]/.test(rhyme);
  if (initial === 'k') return front;
  if (initial === 'c' || initial === 'ng') return !front;
  if (initial === 'g') return !/^[ei]/.test(rhyme); // "gi" is read as its own initial
  if (initial === 'qu') return !rhyme.startsWith('u');
  return true;
}

/** True when the folded token reads as one Vietnamese syllable. */
export function isVietnameseSyllable(token: string): boolean {
  for (const initial of INITIALS) {
    if (!token.startsWith(initial)) continue;
    let rhyme = token.slice(initial.length);
    // "gì", "gìn": the i of gi is the vowel when nothing else follows it
    if (initial === 'gi' && (rhyme === '' || !/^[aeiouy]/.test(rhyme))) rhyme = 'i' + rhyme;
    if (RHYMES.has(rhyme) && initialFits(initial, rhyme)) return true;
  }
  return false;
}
