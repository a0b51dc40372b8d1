import type { SimulatorCitizen } from './simulator.ts';

/**
 * Made-up children for the simulator, the same on every run (a seeded generator) so that a
 * developer can try one of the printed IDs again tomorrow. IDs follow the layout of the chip-based
 * card: 3 digits of the birth province, 1 of sex and century, 2 of the year, 6 more.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = { male: ['Văn', 'Đức', 'Minh', 'Gia', 'Quốc'], female: ['Thị', 'Ngọc', 'Thu', 'Bảo', 'Khánh'] };
const GIVEN = {
  male: ['An', 'Bình', 'Dũng', 'Hùng', 'Khoa', 'Nam', 'Phúc', 'Quân', 'Tuấn', 'Việt'],
  female: ['Châu', 'Hà', 'Hương', 'Linh', 'Mai', 'Nhung', 'Thảo', 'Trang', 'Vy', 'Yến'],
};
/** communes of Nghệ An (the default province) after the 2025 merger: code and name */
const COMMUNES = [
  ['16681', 'Phường Thành Vinh'],
  ['16690', 'Phường Trường Vinh'],
  ['16702', 'Phường Vinh Phú'],
  ['16732', 'Phường Cửa Lò'],
  ['16738', 'Xã Quế Phong'],
  ['16777', 'Xã Quỳ Châu'],
] as const;
const STREETS = ['Lê Lợi', 'Nguyễn Du', 'Trần Phú', 'Quang Trung', 'Phan Bội Châu', 'Lê Hồng Phong'];

/** mulberry32: small, seeded, good enough for made-up data */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoCitizens(count = 20, seed = 2025): SimulatorCitizen[] {
  const random = generator(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const address = () => {
    const [communeCode, commune] = pick(COMMUNES);
    return {
      provinceCode: '40',
      communeCode,
      address: `Số ${1 + Math.floor(random() * 200)} đường ${pick(STREETS)}, ${commune}`,
    };
  };

  const citizens = new Map<string, SimulatorCitizen>();
  while (citizens.size < count) {
    const sex = random() < 0.5 ? 'male' : 'female';
    const year = 2008 + Math.floor(random() * 17); // children: born 2008–2024
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    // born in the 2000s: 2 for a boy, 3 for a girl
    const personalId = `040${sex === 'male' ? 2 : 3}${String(year % 100).padStart(2, '0')}${digits(6)}`;
    citizens.set(personalId, {
      personalId,
      fullName: `${pick(FAMILY)} ${pick(MIDDLE[sex])} ${pick(GIVEN[sex])}`,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      permanent: address(),
      ...(random() < 0.25 ? { temporary: address() } : {}),
    });
  }
  return [...citizens.values()];
}
