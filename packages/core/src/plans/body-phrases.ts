/**
 * Phrases that name a group of bodies, or nobody in particular, rather than one agency. Each comes
 * with the rule the reviewer is shown (Vietnamese, English), so that a group is never applied
 * without saying why. Phrases are compared as `expandedWords` (folded, "các" and "Việt Nam" gone,
 * abbreviations written out), after the qualifiers plans add at the end ("có liên quan", "trên địa
 * bàn tỉnh", "thuộc tỉnh") are taken off.
 */
import type { BodyGroup, BodyResolution, BodyRule } from './plan-api.ts';
import { expandedWords } from './body-words.ts';

export interface PhraseMatch {
  resolution: Extract<BodyResolution, { kind: 'group' } | { kind: 'not_tracked' }>;
  rule: BodyRule;
}

export const RULES = {
  all_agencies: {
    vi: '“Các sở, ban, ngành”: mọi sở, ngành đang hoạt động trong danh sách cơ quan của tỉnh',
    en: '“Departments and sectors”: every active department and sector in the province’s agency list',
  },
  all_communes: {
    vi: 'Mọi UBND xã, phường, đặc khu của tỉnh',
    en: 'Every commune, ward and special-zone People’s Committee of the province',
  },
  localities: {
    vi: 'Từ 01/7/2025 chính quyền địa phương có hai cấp: trong kế hoạch của tỉnh, “các địa phương” là các xã, phường, đặc khu',
    en: 'Since 1 July 2025 local government has two tiers: in a provincial plan “localities” are the communes and wards',
  },
  all_levels: {
    vi: '“UBND các cấp”: từ 01/7/2025 chỉ còn cấp tỉnh (nơi ban hành kế hoạch) và cấp xã, nên giao cho UBND cấp xã',
    en: '“People’s Committees at all levels”: since 1 July 2025 only the province (which issues the plan) and the communes remain, so the commune committees',
  },
  district: {
    vi: 'Cấp huyện không còn từ 01/7/2025; việc của UBND cấp huyện chuyển cho UBND cấp xã',
    en: 'The district level was abolished on 1 July 2025; its committees’ work passed to the commune committees',
  },
  mass_organisations: {
    vi: 'Ủy ban MTTQ và các tổ chức chính trị - xã hội trong danh sách cơ quan của tỉnh',
    en: 'The Fatherland Front and the mass organisations in the province’s agency list',
  },
  agencies_and_communes: {
    vi: '“Các sở, ngành, địa phương”: mọi sở, ngành của tỉnh và mọi UBND cấp xã',
    en: '“Departments, sectors and localities”: every department and sector and every commune committee',
  },
  vague: {
    vi: 'Cụm từ chung, không chỉ một cơ quan cụ thể: giữ nguyên như văn bản, không theo dõi',
    en: 'A general phrase naming no particular body: kept as written, not tracked',
  },
  villages: {
    vi: 'Thôn, bản, tổ dân phố không phải đơn vị trong Tre: giữ nguyên, không theo dõi (UBND xã theo dõi)',
    en: 'Villages and residential groups are not units in Tre: kept as written, not tracked (the commune follows them)',
  },
  central: {
    vi: 'Cơ quan trung ương, ngoài tỉnh: giữ nguyên, không theo dõi',
    en: 'Central bodies outside the province: kept as written, not tracked',
  },
} satisfies Record<string, BodyRule>;

const VAGUE_NOTE: BodyRule = {
  vi: ' (“cơ quan, đơn vị” chung chung được bỏ qua)',
  en: ' (the vague “bodies, units” are left aside)',
};

/** Qualifiers plans add after a phrase; they change nothing about whom it names. */
const TRAILING = ['lien quan', 'tren dia ban', 'thuoc tinh', 'cap tinh', 'tinh', 'thanh pho'];

/** Words of a phrase without its trailing qualifiers. */
function phraseWords(name: string): string {
  // "tỉnh" inside a phrase qualifies what comes before it ("Ủy ban MTTQ tỉnh và các tổ chức …")
  let s = ` ${expandedWords(name).replace(/(?<=\S) tinh(?= )/g, '')} `;
  for (let changed = true; changed;) {
    changed = false;
    for (const q of TRAILING) {
      if (s.endsWith(` ${q} `) && s.length > q.length + 3) {
        s = s.slice(0, -q.length - 1);
        changed = true;
      }
    }
  }
  return s.trim();
}

/** Splits a phrase into known tokens (longest first); null when a word is not one of them. */
function tokens(words: string, vocabulary: readonly string[]): string[] | null {
  const out: string[] = [];
  let rest = words;
  while (rest) {
    const hit = vocabulary.find((v) => rest === v || rest.startsWith(`${v} `));
    if (!hit) return null;
    out.push(hit);
    rest = rest.slice(hit.length).trim();
  }
  return out;
}

// Nouns that name nobody in particular.
const VAGUE = ['co quan', 'don vi', 'to chuc', 'ca nhan', 'doanh nghiep', 'gia dinh', 'tre em', 'cong dong', 'nguoi dan'];
const VAGUE_EXTRA = ['nhan dan', 'cha me', 'phu huynh', 'hoc sinh', 'luc luong', 'co so', 'nha hao tam', 'tinh nguyen vien'];
// Villages and their heads: below the commune, not units in Tre.
const VILLAGES = [
  'truong',
  'thon',
  'xom',
  'ban',
  'bon',
  'buon',
  'ap',
  'lang',
  'to dan pho',
  'khoi pho',
  'khu pho',
  'khu dan cu',
  'to',
];
// Administrative levels, for "UBND các huyện, thị xã, thành phố", "UBND cấp xã", "chính quyền các cấp".
const COMMUNE_LEVEL = ['xa', 'phuong', 'thi tran', 'dac khu'];
const DISTRICT_LEVEL = ['huyen', 'quan', 'thi xa', 'thanh pho'];
const LEVEL_WORDS = ['cap', ...COMMUNE_LEVEL, ...DISTRICT_LEVEL];
const GOVERNMENT = ['ubnd', 'chinh quyen'];

const GROUP_PHRASES: [string[], BodyGroup, BodyRule][] = [
  [['so ban nganh', 'so nganh', 'ban nganh', 'so ban nganh doan the', 'so nganh doan the'], 'all_agencies', RULES.all_agencies],
  [['so ban nganh hoi doan the', 'so ban nganh to chuc chinh tri xa hoi'], 'all_agencies', RULES.all_agencies],
  [['dia phuong', 'ubnd dia phuong', 'chinh quyen dia phuong', 'chinh quyen co so'], 'all_communes', RULES.localities],
  [
    ['so ban nganh dia phuong', 'so nganh dia phuong', 'ban nganh dia phuong', 'so ban nganh doan the dia phuong'],
    'agencies_and_communes',
    RULES.agencies_and_communes,
  ],
  [
    ['so nganh doan the dia phuong', 'so ban nganh ubnd xa phuong', 'so nganh ubnd cap xa'],
    'agencies_and_communes',
    RULES.agencies_and_communes,
  ],
  [
    ['to chuc chinh tri xa hoi', 'hoi doan the', 'doan the', 'to chuc doan the', 'doan the chinh tri xa hoi'],
    'mass_organisations',
    RULES.mass_organisations,
  ],
  [
    [
      'uy ban mat tran to quoc to chuc chinh tri xa hoi',
      'mat tran to quoc to chuc chinh tri xa hoi',
      'mat tran to quoc doan the',
    ],
    'mass_organisations',
    RULES.mass_organisations,
  ],
];

function group(g: BodyGroup, rule: BodyRule): PhraseMatch {
  return { resolution: { kind: 'group', group: g }, rule };
}
const notTracked = (rule: BodyRule): PhraseMatch => ({ resolution: { kind: 'not_tracked' }, rule });

/** "UBND các huyện, thị xã, thành phố", "UBND cấp xã", "các xã, phường": levels of local government only. */
function levelPhrase(words: string): PhraseMatch | null {
  const gov = GOVERNMENT.find((g) => words === g || words.startsWith(`${g} `));
  const rest = gov ? words.slice(gov.length).trim() : words;
  const levels = tokens(rest, LEVEL_WORDS);
  if (!levels || levels.length === 0) return null;
  if (levels.some((l) => l === 'huyen' || l === 'quan')) return group('all_communes', RULES.district);
  // "thị xã, thành phố" without "huyện": the district-level towns, also gone
  if (levels.some((l) => COMMUNE_LEVEL.includes(l))) return group('all_communes', RULES.all_communes);
  if (levels.includes('thi xa')) return group('all_communes', RULES.district);
  return null;
}

function groupPhrase(words: string): PhraseMatch | null {
  for (const [phrases, g, rule] of GROUP_PHRASES) if (phrases.includes(words)) return group(g, rule);
  return null;
}

/** The words left of a phrase once its vague nouns are taken off ("các sở, ngành, đơn vị liên quan" → "so nganh"). */
function withoutVague(words: string): string {
  let s = ` ${words} `;
  for (const v of [...VAGUE, ...VAGUE_EXTRA]) s = s.replaceAll(` ${v} `, ' ');
  return s.trim().replace(/\s+/g, ' ');
}

/**
 * The group or "not tracked" a phrase names, with the rule; null for anything else (an agency's
 * name, a district office, an unknown body).
 */
export function phraseOf(name: string): PhraseMatch | null {
  const words = phraseWords(name);
  if (!words) return null;
  // "UBND các cấp", "chính quyền các cấp" ("các" is gone from the words)
  if (/^(ubnd|chinh quyen) cap$/.test(words)) return group('all_communes', RULES.all_levels);
  const exact = groupPhrase(words) ?? levelPhrase(words);
  if (exact) return exact;
  if (tokens(words, [...VAGUE, ...VAGUE_EXTRA])) return notTracked(RULES.vague);
  if (/^bo nganh( trung uong)?$/.test(words)) return notTracked(RULES.central);
  const villages = tokens(words, VILLAGES);
  if (villages?.some((v) => v !== 'truong' && v !== 'to' && v !== 'ban')) return notTracked(RULES.villages);
  // a group phrase with vague nouns mixed in: "các sở, ngành, đơn vị liên quan", "các đơn vị, địa phương"
  const rest = withoutVague(words);
  if (rest !== words && rest) {
    const m = groupPhrase(rest) ?? levelPhrase(rest);
    if (m) return { ...m, rule: { vi: m.rule.vi + VAGUE_NOTE.vi, en: m.rule.en + VAGUE_NOTE.en } };
  }
  return null;
}
