/**
 * Ethnic-minority names for the synthetic register. Each pool has its own family names, the middle
 * names used with them ('' = none) and given names in rough order of frequency; a share of children
 * get a Kinh given name instead, as many do today. Ê Đê names put the family name last (`Y Bhim Niê`,
 * `H'Hen Niê`). Thổ families use Kinh-style names.
 */

export const MINORITIES = ['Thái', 'Mông', 'Khơ Mú', 'Thổ', 'Mường', 'Tày', 'Nùng', 'Dao', 'Ê Đê', 'Gia Rai'] as const;
export type Minority = (typeof MINORITIES)[number];
export type Ethnicity = 'Kinh' | Minority;

type Pairs = readonly (readonly [string, number])[];

export interface NamePool {
  families: Pairs;
  middleMale: Pairs;
  middleFemale: Pairs;
  givenMale: readonly string[];
  givenFemale: readonly string[];
  /** the share of given names drawn from the Kinh lists */
  kinhGiven: number;
  surnameLast?: boolean;
  /** a girl's given name starts with this (Ê Đê `H'`) */
  femalePrefix?: string;
  /** the word for a village (`Bản`, `Buôn`, `Làng`, `Thôn`) and the syllables its names are made of */
  village: string;
  villageFirst: readonly string[];
  villageSecond: readonly string[];
}

const words = (s: string) => s.split(' ');
/** `'Lò 12, Rơ Châm 5, — 9'` → name/weight pairs; `—` is no name (no middle name). */
const w = (s: string): Pairs =>
  s.split(', ').map((part) => {
    const at = part.lastIndexOf(' ');
    const name = part.slice(0, at);
    return [name === '—' ? '' : name, Number(part.slice(at + 1))] as const;
  });
const THAI_VILLAGE = {
  village: 'Bản',
  villageFirst: words('Na Huồi Nậm Pà Xốp Phà Tà Cò Mường Pủng Kẻo Hạt Xiềng Piếng Thạch Cha'),
  villageSecond: words('Lượng Khe Tộ Piệt Pục Hốc Mạt Lim Cáng Chạng Chắn Tạt Pột Bon Quảng Mọi Dùng Ngàn Lốc Nọi'),
};
const TAY_VILLAGE = {
  village: 'Bản',
  villageFirst: words('Nà Khuổi Pác Bó Lũng Cốc Nặm Phiêng Kéo Slam'),
  villageSecond: words('Mạ Cọn Lếch Riềng Pài Vài Luông Khiếu Tẩu Mò Pàng Đeng Hin Coóc'),
};

export const POOLS: Record<Minority, NamePool> = {
  Thái: {
    families: w('Lò 12, Lương 14, Vi 14, Lữ 8, Quàng 6, Sầm 5, Hà 8, Lang 6, Lô 10, Cầm 5, Ngân 5, Kha 4, Lộc 3, Mạc 2'),
    middleMale: w('Văn 80, Đức 4, Minh 4, Thanh 3, — 9'),
    middleFemale: w('Thị 85, Thu 3, Ngọc 3, — 9'),
    givenMale: words('Thắng Tâm Hùng Phong Xuân Pọm Khăm Inh Chiến Tuấn Dũng Quang Long Thành Lâm Hải Bun Piệt Sơn Nọi'),
    givenFemale: words('Hoa Xoan Lan Hồng Phương Thúy Ngân Ọi Hoan Xuân Nga Mai Bun Ly Phon Chăm Ánh Hương'),
    kinhGiven: 0.5,
    ...THAI_VILLAGE,
  },
  Mông: {
    families: w('Vừ 18, Lầu 14, Giàng 14, Thào 12, Sùng 10, Mùa 9, Và 8, Lỳ 5, Hạng 4, Xồng 3, Cứ 3, Vàng 5, Hờ 2, Thò 3'),
    middleMale: w('Bá 45, Văn 25, A 15, Chông 5, — 10'),
    middleFemale: w('Thị 55, Y 25, Mỷ 5, — 15'),
    givenMale: words('Dế Chông Sua Tồng Chư Nhìa Xá Cha Pó Dua Sông Pà Tu Chứ Vả Lềnh Páo Sình Chía Thắng'),
    givenFemale: words('Mỷ Dợ Say Pà Chi Mai Xúa Dính Sú Súa Ly Mang Chía Lử Dua Ma Xá Sinh'),
    kinhGiven: 0.25,
    ...THAI_VILLAGE,
  },
  'Khơ Mú': {
    families: w('Lô 25, Xeo 15, Moong 20, Cụt 10, Lầu 8, Vi 10, Hủn 5, Kha 7'),
    middleMale: w('Văn 85, — 15'),
    middleFemale: w('Thị 85, — 15'),
    givenMale: words('Xeo Bun Nọi Ỏn Pẩn Phăn Khăm Thoong Kiên Hoa Sơn Lả Pheng'),
    givenFemale: words('Pẻ Ỏn Bua Mè Hoa Xăm Lan Dung Phương Nga Mai Ly'),
    kinhGiven: 0.5,
    ...THAI_VILLAGE,
  },
  Thổ: {
    families: w('Trương 18, Lê 16, Nguyễn 16, Phan 10, Hoàng 8, Vi 8, Lang 6, Đinh 6, Cao 6, Hồ 6'),
    middleMale: w('Văn 75, Đình 10, Minh 8, — 7'),
    middleFemale: w('Thị 80, Ngọc 8, Thu 5, — 7'),
    givenMale: [],
    givenFemale: [],
    kinhGiven: 1,
    village: 'Xóm',
    villageFirst: words('Đồng Bãi Khe Làng Cồn Rú'),
    villageSecond: words('Mới Trung Cây Hạ Thượng Sen Tiến'),
  },
  Mường: {
    families: w('Bùi 40, Đinh 25, Quách 12, Hà 10, Xa 5, Cao 4, Trương 4'),
    middleMale: w('Văn 80, Đức 6, Minh 6, — 8'),
    middleFemale: w('Thị 85, Thu 5, — 10'),
    givenMale: words('Khoa Tâm Chiến Thắng Khởi Đoàn Luân Mạnh Sơn Tùng'),
    givenFemale: words('Hoa Mai Thắm Hằng Xuân Nhung Lụa Mơ'),
    kinhGiven: 0.75,
    village: 'Xóm',
    villageFirst: words('Khoang Mường Bợn Chiềng Lục Ái Trù'),
    villageSecond: words('Riêng Đồi Trên Dưới Cả Sấu Vó'),
  },
  Tày: {
    families: w('Hoàng 20, Nông 18, Lương 10, Triệu 8, Hà 8, Ma 8, Đàm 6, Bế 6, Lý 6, Ngôn 4, Lục 6'),
    middleMale: w('Văn 75, Đức 8, Minh 7, — 10'),
    middleFemale: w('Thị 80, Thu 5, Minh 5, — 10'),
    givenMale: words('Pẩu Slinh Kháng Tuyến Chính Thắng Dũng Lợi Sơn Kiên'),
    givenFemale: words('Mây Slao Nga Hiền Thắm Dịu Lụa Vân'),
    kinhGiven: 0.8,
    ...TAY_VILLAGE,
  },
  Nùng: {
    families: w('Hoàng 20, Lương 12, Nông 15, Vi 10, Lý 10, Chu 8, Lành 8, Mông 5, Sầm 5, Lăng 7'),
    middleMale: w('Văn 80, Đức 6, — 14'),
    middleFemale: w('Thị 85, — 15'),
    givenMale: words('Pấu Slinh Cháng Dìn Kháng Hin Sáng Kiên'),
    givenFemale: words('Slao Mây Pả Nhất Dảu Nga Hoa'),
    kinhGiven: 0.8,
    ...TAY_VILLAGE,
  },
  Dao: {
    families: w('Triệu 30, Bàn 20, Đặng 15, Lý 12, Chảo 8, Phùn 5, Tẩn 6, Sần 4'),
    middleMale: w('Văn 50, Láo 10, Tòn 10, Phủ 8, — 22'),
    middleFemale: w('Thị 60, Mùi 10, Mẩy 10, — 20'),
    givenMale: words('San Chòi Sinh Phin Quẩy Dùn Lở Vảng Xuân Tài'),
    givenFemale: words('Mây Chạn Xuân Phẩy Lai Nhất Mùi Dảo'),
    kinhGiven: 0.5,
    ...TAY_VILLAGE,
  },
  'Ê Đê': {
    families: w('Niê 25, Mlô 15, Ayun 10, Êban 10, Byă 10, Ksơr 10, Knul 8, Hwing 6, Adrơng 6'),
    middleMale: w('Y 100'),
    middleFemale: w('— 100'),
    givenMale: words('Bhim Ngọc Blin Juăn Khuê Thoát Suôn Ji Linh Kông Djhơn Tuân'),
    givenFemale: words('Hen Mai Juen Nga Jlin Ni Dung Bia Ngoan Hà'),
    kinhGiven: 0.3,
    surnameLast: true,
    femalePrefix: "H'",
    village: 'Buôn',
    villageFirst: words('Ko Ea Tơng Cư Đung Kmrơng'),
    villageSecond: words('Tam Bông Jú Prông Dhă Trấp Knir'),
  },
  'Gia Rai': {
    families: w('Siu 25, Ksor 20, Rơ Châm 12, Rơ Mah 12, Kpă 10, Nay 8, Puih 8, Rah Lan 5'),
    middleMale: w('— 85, Văn 15'),
    middleFemale: w('— 75, Thị 25'),
    givenMale: words('Nhí Blin Thuyên Đinh Phun Hyưk Dơk Khơi Ríu Yuh'),
    givenFemale: words('Hlim Hiền Nga Ber Blai Hương Phíu Mlinh'),
    kinhGiven: 0.35,
    village: 'Làng',
    villageFirst: words('Plei Đê Bôn Ia'),
    villageSecond: words('Ốp Ring Klah Pông Bông Dơr Chư Grai'),
  },
};
