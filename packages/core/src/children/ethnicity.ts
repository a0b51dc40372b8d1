import { foldText } from '../text/fold.ts';

/**
 * The 54 ethnic groups of Vietnam (Danh mục các dân tộc Việt Nam, Tổng cục Thống kê, Quyết định
 * 1019/QĐ-TCTK 2008), each with the other spellings registers use: the official list hyphenates
 * (`Ê-đê`), spreadsheets often do not (`Ê Đê`, `Êđê`), older lists write `Mông` or `HMông`, and
 * ethnographic names are common in the Central Highlands (`Bahnar`, `Jrai`). The register stores
 * the name as written here. Codes are left out on purpose: the 1979 and 2008 lists number the
 * groups differently, and nothing in Tre needs the code.
 */
export const ETHNIC_GROUPS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'Kinh', aliases: ['Việt', 'Người Việt'] },
  { name: 'Tày', aliases: [] },
  { name: 'Thái', aliases: [] },
  { name: 'Mường', aliases: [] },
  { name: 'Khơ-me', aliases: ['Khmer', 'Khơ-me Krôm', 'Khmer Krom', 'Miên'] },
  { name: 'Hoa', aliases: ['Hán', 'Người Hoa'] },
  { name: 'Nùng', aliases: [] },
  { name: "H'Mông", aliases: ['Mông', 'HMông', 'Hmong', 'Mèo'] },
  { name: 'Dao', aliases: [] },
  { name: 'Gia-rai', aliases: ['Jrai', 'Jarai', 'Giơ-rai', 'Gia Lai'] },
  { name: 'Ê-đê', aliases: ['Rhade', 'Ra-đê', 'Êđê'] },
  { name: 'Ba-na', aliases: ['Bahnar'] },
  { name: 'Sán Chay', aliases: ['Cao Lan', 'Sán Chỉ', 'Cao Lan-Sán Chỉ'] },
  { name: 'Chăm', aliases: ['Chàm', 'Cham'] },
  { name: 'Cơ-ho', aliases: ["K'Ho", 'Koho'] },
  { name: 'Xơ-đăng', aliases: ['Sedang', 'Xê Đăng'] },
  { name: 'Sán Dìu', aliases: ['Sán Déo'] },
  { name: 'Hrê', aliases: ["H're", 'Chăm Rê'] },
  { name: 'Ra-glai', aliases: ['Raglai', 'Roglai', 'Ra-giai'] },
  { name: 'Mnông', aliases: ["M'Nông"] },
  { name: 'Thổ', aliases: [] },
  { name: 'Xtiêng', aliases: ['Stiêng', "X'Tiêng", 'Xa Điêng'] },
  { name: 'Khơ-mú', aliases: ['Khmu', 'Kmhmu', 'Xá Cẩu'] },
  { name: 'Bru-Vân Kiều', aliases: ['Bru', 'Vân Kiều'] },
  { name: 'Cơ-tu', aliases: ['Katu', 'Ca-tu', 'Cờ-tu'] },
  { name: 'Giáy', aliases: ['Nhắng', 'Dẩng'] },
  { name: 'Tà-ôi', aliases: ['Pa Cô', 'Ta Oi'] },
  { name: 'Mạ', aliases: [] },
  { name: 'Giẻ-Triêng', aliases: ['Gié-Triêng', 'Jeh'] },
  { name: 'Co', aliases: ['Cor', 'Col'] },
  { name: 'Chơ-ro', aliases: ['Châu Ro', 'Chro'] },
  { name: 'Xinh-mun', aliases: ['Puộc'] },
  { name: 'Hà Nhì', aliases: ['Hani'] },
  { name: 'Chu-ru', aliases: ['Churu'] },
  { name: 'Lào', aliases: [] },
  { name: 'La Chí', aliases: [] },
  { name: 'Kháng', aliases: [] },
  { name: 'Phù Lá', aliases: [] },
  { name: 'La Hủ', aliases: ['Lahu'] },
  { name: 'La Ha', aliases: [] },
  { name: 'Pà Thẻn', aliases: ['Pà Hưng'] },
  { name: 'Lự', aliases: ['Lữ', 'Nhuồn'] },
  { name: 'Ngái', aliases: [] },
  { name: 'Chứt', aliases: ['Rục', 'Sách'] },
  { name: 'Lô Lô', aliases: ['Lolo'] },
  { name: 'Mảng', aliases: ['Mảng Ư'] },
  { name: 'Cơ Lao', aliases: ['Co Lao', 'Cờ Lao'] },
  { name: 'Bố Y', aliases: ['Bouyei', 'Tu Dí'] },
  { name: 'Cống', aliases: [] },
  { name: 'Si La', aliases: [] },
  { name: 'Pu Péo', aliases: [] },
  { name: 'Rơ-măm', aliases: ['Romam'] },
  { name: 'Brâu', aliases: ['Brao'] },
  { name: 'Ơ-đu', aliases: ['Tày Hạt'] },
];

/**
 * The comparison key of a spelling: no diacritics, case, spaces, hyphens or apostrophes (`Ê-đê`,
 * `Ê Đê`, `ê đê` and `Êđê` are one key), without a leading "dân tộc" or "người" and without
 * a bracketed note (`Kinh (Việt)`).
 */
export function ethnicityKey(text: string): string {
  return foldText(text)
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .replace(/^(?:dan toc|nguoi)\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, string>(
  ETHNIC_GROUPS.flatMap((g) => [g.name, ...g.aliases].map((spelling): [string, string] => [ethnicityKey(spelling), g.name])),
);

/** The official name of the group a spelling denotes, or undefined when it names none of the 54. */
export function officialEthnicity(text: string): string | undefined {
  return BY_KEY.get(ethnicityKey(text));
}
