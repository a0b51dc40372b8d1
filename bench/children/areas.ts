/**
 * Where the synthetic children live: which ethnic groups in which communes of a province, the
 * pre-2025 provinces each current province was merged from (Nghị quyết 202/2025/QH15; the first
 * digits of a personal ID name the old province), and the words addresses are made of.
 */
import { MINORITIES, type Ethnicity } from './names-minority.ts';

type Mix = readonly (readonly [Ethnicity, number])[];

export interface Area {
  /** commune codes, both ends included (the statistics office numbers communes district by district) */
  from: number;
  to: number;
  minority: number;
  mix: Mix;
}

export interface ProvinceProfile {
  /** the share of minority children in a commune with no area and no tell-tale name */
  base: number;
  /** the share in a commune whose name sounds of the uplands (Mường, Nậm, Huổi, Chiềng, Ea, Ia …) */
  marked: number;
  mix: Mix;
  areas?: readonly Area[];
}

/** `'Thái 62, Mông 15'` → the mix, names checked against the pools. */
function mix(s: string): Mix {
  return s.split(', ').map((part) => {
    const at = part.lastIndexOf(' ');
    const name = part.slice(0, at);
    const e = MINORITIES.find((x) => x === name);
    if (!e) throw new Error(`no name pool for ${name}`);
    return [e, Number(part.slice(at + 1))] as const;
  });
}

const THAI_KHMU = mix('Thái 62, Mông 15, Khơ Mú 18, Thổ 5');
const area = (from: number, to: number, minority: number, m: Mix | string): Area => ({
  from,
  to,
  minority,
  mix: typeof m === 'string' ? mix(m) : m,
});
const profile = (base: number, marked: number, m: string): ProvinceProfile => ({ base, marked, mix: mix(m) });

/** Provinces with a sizeable minority population; others get `DEFAULT_PROFILE`. */
export const PROFILES: Readonly<Record<string, ProvinceProfile>> = {
  // Nghệ An: Kỳ Sơn, then Quế Phong, Quỳ Châu, Tương Dương; Quỳ Hợp; Con Cuông; Nghĩa Đàn; Tân Kỳ; Anh Sơn
  '40': {
    base: 0.02,
    marked: 0.8,
    mix: THAI_KHMU,
    areas: [
      area(16813, 16870, 0.93, 'Thái 35, Mông 35, Khơ Mú 30'),
      area(16738, 16936, 0.85, THAI_KHMU),
      area(17011, 17089, 0.5, 'Thái 85, Thổ 10, Khơ Mú 5'),
      area(17230, 17263, 0.6, 'Thái 85, Khơ Mú 10, Thổ 5'),
      area(16939, 16975, 0.2, 'Thổ 70, Thái 30'),
      area(17266, 17326, 0.15, 'Thổ 70, Thái 30'),
      area(17329, 17395, 0.05, 'Thái 100'),
    ],
  },
  '38': profile(0.03, 0.7, 'Mường 55, Thái 40, Mông 5'),
  '14': profile(0.7, 0.9, 'Thái 70, Mông 20, Mường 5, Dao 3, Khơ Mú 2'),
  '11': profile(0.75, 0.9, 'Thái 50, Mông 45, Khơ Mú 5'),
  '12': profile(0.8, 0.9, 'Mông 45, Thái 35, Dao 20'),
  '15': profile(0.5, 0.85, 'Mông 35, Tày 30, Dao 25, Nùng 5, Thái 5'),
  '08': profile(0.6, 0.85, 'Tày 40, Mông 30, Dao 20, Nùng 10'),
  '04': profile(0.9, 0.95, 'Tày 45, Nùng 35, Mông 12, Dao 8'),
  '20': profile(0.8, 0.9, 'Nùng 55, Tày 38, Dao 7'),
  '19': profile(0.25, 0.6, 'Tày 55, Nùng 25, Dao 15, Mông 5'),
  '25': profile(0.2, 0.7, 'Mường 90, Dao 10'),
  '22': profile(0.06, 0.5, 'Dao 60, Tày 40'),
  '24': profile(0.07, 0.5, 'Nùng 50, Tày 30, Dao 20'),
  '52': profile(0.2, 0.75, 'Gia Rai 100'),
  '66': profile(0.15, 0.7, 'Ê Đê 100'),
};

export const DEFAULT_PROFILE: ProvinceProfile = profile(0.005, 0.3, 'Mường 50, Tày 50');

/** Upland syllables at the start of a word of a commune's name. */
export const UPLAND_NAME =
  /(^|\s)(Mường|Nậm|Na|Huổi|Huồi|Chiềng|Pá|Tà|Sín|Phìn|Lũng|Nà|Keng|Pù|Ea|Ia|Krông|Cư|Buôn|Đăk|Đắk|Bản)\s/;

/** The minority share and mix of a commune. */
export function communeProfile(provinceCode: string, commune: { code: string; name: string }): { minority: number; mix: Mix } {
  const p = PROFILES[provinceCode] ?? DEFAULT_PROFILE;
  const code = Number(commune.code);
  const found = p.areas?.find((a) => code >= a.from && code <= a.to);
  if (found) return found;
  return { minority: UPLAND_NAME.test(`${commune.name.replace(/^(Xã|Phường|Đặc khu) /, '')} `) ? p.marked : p.base, mix: p.mix };
}

/** The pre-2025 provinces each current province was formed from, the one whose code it kept first. */
export const MERGED_FROM: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  (
    '01 | 04 | 08 02 | 11 | 12 | 14 | 15 10 | 19 06 | 20 | 22 | 24 27 | 25 26 17 | 31 30 | 33 34 | 37 35 36 | 38 | 40 | 42 | ' +
    '44 45 | 46 | 48 49 | 51 62 | 52 64 | 56 58 | 66 54 | 68 67 60 | 75 70 | 79 74 77 | 80 72 | 82 87 | 86 83 84 | 91 89 | ' +
    '92 93 94 | 96 95'
  )
    .split(' | ')
    .map((codes) => {
      const all = codes.split(' ');
      return [all[0] ?? '', all];
    }),
);

/** The word for a village or a block, by region: Xóm in Nghệ An, Ấp in the south, Thôn elsewhere. */
export function villageWord(provinceCode: string, urban: boolean): readonly string[] {
  if (urban) return ['Khối', 'Tổ dân phố', 'Khu phố'];
  const n = Number(provinceCode);
  if (n === 40 || n === 42) return ['Xóm', 'Xóm', 'Thôn'];
  if (n >= 75) return ['Ấp'];
  return ['Thôn', 'Thôn', 'Xóm'];
}

export const KINH_VILLAGE_FIRST = words(
  'Đông Tây Nam Bắc Trung Thượng Hạ Yên Phú Tân Xuân An Hòa Thanh Vĩnh Kim Hồng Quang Minh Đức Bình Thịnh Phúc Lộc',
);
export const KINH_VILLAGE_SECOND = words(
  'Sơn Thành Lâm Hòa Phú Mỹ Lợi Hưng Thịnh Tiến Phong Lạc Trung Đoài Vinh Yên Bình Long Xá Khê',
);

export const STREETS: readonly string[] = [
  'Lê Lợi',
  'Trần Phú',
  'Nguyễn Du',
  'Quang Trung',
  'Lê Hồng Phong',
  'Phan Bội Châu',
  'Nguyễn Thị Minh Khai',
  'Hồ Tùng Mậu',
  'Trường Chinh',
  'Lý Thường Kiệt',
  'Nguyễn Văn Cừ',
  'Lê Duẩn',
  'Mai Hắc Đế',
  'Hà Huy Tập',
  'Điện Biên Phủ',
  'Hai Bà Trưng',
  'Phạm Ngũ Lão',
  'Hoàng Diệu',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
];

function words(s: string): string[] {
  return s.split(' ');
}
