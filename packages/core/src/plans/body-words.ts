/**
 * The words a body name is compared by. Plans write one body many ways: "Ủy ban MTTQ Việt Nam
 * tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An", "UBMTTQ tỉnh". Three keys, each looser
 * than the one before:
 * - `bodyKey`: folded (no diacritics, case, punctuation; "và", "&", "-" ignored; "ủy ban nhân dân" = "ubnd");
 * - `similarKey`: also without "các", "có", "Việt Nam", with abbreviations written out (MTTQ,
 *   LHPN, TNCS…): names with one similar key take one decision, in a plan and in the province's
 *   next plans; it does not depend on the province, so the web computes the same key;
 * - `canonicalKey`: also without the province's name and level ("tỉnh Nghệ An", "tỉnh", "cấp
 *   tỉnh"): what the agency list is matched against when the exact key finds nothing.
 */
import { foldText } from '../text/fold.ts';

/** Folds to comparable words: no diacritics (đ → d), lower case, punctuation gone, "ủy ban nhân dân" → "ubnd". */
export function foldWords(text: string): string[] {
  const folded = foldText(text).replace(/uy ban nhan dan/g, 'ubnd');
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '' && w !== 'va');
}

/** The comparison key of a name: "Sở GD&ĐT", "Sở GDĐT" and "Sở GD - ĐT" all give "sogddt". */
export function bodyKey(text: string): string {
  return foldWords(text).join('');
}

/**
 * Abbreviations written in plans for the bodies every province has, as folded words. Only whole
 * words are replaced, so "ctxh" in "Trung tâm CTXH" is expanded but no ordinary word is touched.
 */
const ABBREVIATIONS: Record<string, string> = {
  ubmttq: 'uy ban mat tran to quoc',
  mttq: 'mat tran to quoc',
  mttqvn: 'mat tran to quoc',
  hlhpn: 'hoi lien hiep phu nu',
  lhpn: 'lien hiep phu nu',
  tncs: 'thanh nien cong san',
  hcm: 'ho chi minh',
  tand: 'toa an nhan dan',
  vksnd: 'vien kiem sat nhan dan',
  bhxh: 'bao hiem xa hoi',
  ldld: 'lien doan lao dong',
  hccb: 'hoi cuu chien binh',
  ccb: 'cuu chien binh',
  hnd: 'hoi nong dan',
  bdbp: 'bo doi bien phong',
  bchqs: 'bo chi huy quan su',
  bch: 'bo chi huy',
  ptth: 'phat thanh truyen hinh',
  ctd: 'chu thap do',
  ctxh: 'cong tac xa hoi',
};

/** Word sequences with a shorter usual form, applied after the abbreviations. */
const REWRITES: [string, string][] = [
  ['pt th', 'phat thanh truyen hinh'],
  ['viet nam', ''],
  ['toa an nhan dan', 'toa an'],
  ['vien kiem sat nhan dan', 'vien kiem sat'],
  ['thanh nien cong san ho chi minh', 'thanh nien'],
  ['co lien quan', 'lien quan'],
];

/** Folded words with abbreviations written out, "các" and "Việt Nam" gone, as one space-separated string. */
export function expandedWords(text: string): string {
  const words = foldWords(text)
    .filter((w) => w !== 'cac')
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '));
  let s = ` ${words.join(' ')} `;
  for (const [from, to] of REWRITES) s = s.replaceAll(` ${from} `, to ? ` ${to} ` : ' ');
  return s.trim().replace(/\s+/g, ' ');
}

/** Names with one similar key are one question for the reviewer: "các địa phương" = "Các địa phương", "UBND các huyện, thị xã và thành phố" = "UBND các huyện, thị xã, thành phố". */
export function similarKey(text: string): string {
  return expandedWords(text).replaceAll(' ', '');
}

export interface ProvinceWords {
  /** the province's name without its level: "Nghệ An", "Cần Thơ" */
  provinceName?: string | undefined;
  /** a centrally-run city ("Thành phố Cần Thơ"): its bodies say "thành phố" where others say "tỉnh" */
  city?: boolean | undefined;
}

/** "Công an tỉnh Nghệ An", "Công an tỉnh", "Công an cấp tỉnh" → "cong an"; a commune's "Công an xã" keeps its level. */
export function canonicalWords(text: string, province: ProvinceWords = {}): string {
  let s = ` ${expandedWords(text)} `;
  const name = province.provinceName ? foldWords(province.provinceName).join(' ') : '';
  const levels = province.city ? ['cap thanh pho', 'thanh pho', 'cap tinh', 'tinh'] : ['cap tinh', 'tinh'];
  for (let changed = true; changed;) {
    changed = false;
    for (const tail of [name, ...levels]) {
      if (tail && s.endsWith(` ${tail} `) && s.length > tail.length + 3) {
        s = s.slice(0, -tail.length - 1);
        changed = true;
      }
    }
  }
  return s.trim();
}

export function canonicalKey(text: string, province: ProvinceWords = {}): string {
  return canonicalWords(text, province).replaceAll(' ', '');
}
