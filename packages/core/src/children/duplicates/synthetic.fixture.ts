import { stripDiacritics } from '../../text/fold.ts';
import type { DuplicateRecord } from './store.ts';

/**
 * A simple synthetic register for tests and the timing script: households of one to three
 * children (some twins) with common Vietnamese names, and copies of some children typed again the
 * way registers get them (no diacritics, day and month swapped, an abbreviated or missing middle
 * name, a slip in the given name, a lost ID, another commune). Not a benchmark of accuracy: the
 * names and rates are plain guesses, and the scoring was not tuned on them.
 */

/**
 * A seeded generator (sfc32, 128 bits of state), so runs repeat. A 32-bit one (mulberry32) was
 * tried first: over the millions of draws of a large register it repeated whole runs of draws, and
 * two households got the same child.
 */
export function random(seed: number): () => number {
  let [a, b, c, d] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let k = 0; k < 15; k++) next();
  return next;
}

type Pick = (rnd: () => number) => string;

/** Picks from `words` with weights falling as 1/rank^0.8 (a few names are very common), or the given weights. */
function picker(words: string, weights?: number[]): Pick {
  const list = words.split(',');
  const w = weights ?? list.map((_, k) => 1 / (k + 1) ** 0.8);
  const total = w.reduce((s, x) => s + x, 0);
  let acc = 0;
  const cumulative = w.map((x) => (acc += x / total));
  return (rnd) => {
    const r = rnd();
    const k = cumulative.findIndex((c) => r < c);
    return list[k < 0 ? list.length - 1 : k] ?? '';
  };
}

const family = picker(
  'Nguyễn,Trần,Lê,Phạm,Hoàng,Huỳnh,Phan,Vũ,Võ,Đặng,Bùi,Đỗ,Hồ,Ngô,Dương,Lý,Lò,Quàng,Hà,Vi,Lục,Sầm,Ksor,Đinh,Trương,Lâm',
  [38, 12, 9.5, 7, 2.5, 2.5, 4.5, 2, 2, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.3, 0.2, 0.3, 0.2, 0.2, 0.1, 0.1, 1, 1, 0.8],
);
const boy = picker(
  'Anh,Minh,Huy,Khang,Bảo,Phúc,An,Khoa,Long,Nam,Đức,Duy,Hùng,Dũng,Tuấn,Hoàng,Quân,Thành,Trung,Hiếu,Hải,Sơn,Tùng,Kiên,Lâm,Phong,Thắng,Vinh,Mạnh,Cường,Hưng,Lộc,Tài,Thịnh,Nhân,Đạt,Khôi,Tiến,Quang,Việt,Hào,Tâm,Thiện,Trí,Tín,Nghĩa,Hậu,Lực,Toàn,Vũ,Giang,Đăng,Chiến,Sang,Thuận',
);
const girl = picker(
  'Anh,Linh,Trang,Hương,Ngọc,Nhung,Lan,Hà,Mai,Thảo,Vy,Nhi,Hoa,Huyền,Hằng,Phương,Thủy,Yến,Trâm,Chi,Hạnh,Quỳnh,Loan,Uyên,Giang,Hiền,Dung,Thư,My,Ngân,Nga,Hồng,Oanh,Tâm,Thu,Xuân,Diệp,Khánh,Tuyết,Huệ,Ly,Châu,Như,Thanh,Vân,Hân,Duyên,Trinh,Xoan,Sương',
);
const boyMiddle = picker(
  'Văn,Đức,Minh,Quang,Hoàng,Gia,Bảo,Tuấn,Hữu,Thành,Công,Ngọc,Xuân,Anh,Trung,Duy,Văn Minh,Đình',
  [40, 6, 6, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 3],
);
const girlMiddle = picker(
  'Thị,Ngọc,Thu,Thanh,Phương,Bảo,Minh,Khánh,Hồng,Mai,Thùy,Kim,Hoài,Diệu,Thị Hồng,Thị Thu,Thị Ngọc,Thị Kim',
  [40, 6, 5, 5, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 3, 2, 2, 2],
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface SyntheticOptions {
  /** records before copies are added */
  children: number;
  seed?: number;
  /** share of children entered twice */
  duplicateRate?: number;
  communes?: number;
}

export interface SyntheticRegister {
  records: DuplicateRecord<number>[];
  /** the pairs of ids that are one child, `a < b` */
  duplicates: [number, number][];
}

/** A register of households, with some children copied and the copies damaged. */
export function syntheticRegister(options: SyntheticOptions): SyntheticRegister {
  const rnd = random(options.seed ?? 1);
  const communes = options.communes ?? 100;
  const records: DuplicateRecord<number>[] = [];
  const duplicates: [number, number][] = [];
  const int = (n: number) => Math.floor(rnd() * n);
  const issued = new Set<string>();
  while (records.length < options.children) {
    const fam = family(rnd);
    const commune = `4${pad(int(communes), 4)}`;
    const mother = rnd() < 0.85 ? `${family(rnd)} ${rnd() < 0.8 ? 'Thị' : girlMiddle(rnd)} ${girl(rnd)}` : null;
    const father = rnd() < 0.75 ? `${fam} ${boyMiddle(rnd)} ${boy(rnd)}` : null;
    const kids = 1 + int(3);
    let day = Date.UTC(2010, 0, 1) + int(15.5 * 365) * 86_400_000;
    for (let k = 0; k < kids && records.length < options.children; k++) {
      const twin = k > 0 && rnd() < 0.03;
      if (k > 0 && !twin) day += (300 + int(1500)) * 86_400_000;
      if (day > Date.UTC(2025, 11, 31)) break;
      const date = new Date(day).toISOString().slice(0, 10);
      const female = rnd() < 0.49;
      const middle = female ? girlMiddle(rnd) : boyMiddle(rnd);
      const given = female ? girl(rnd) : boy(rnd);
      const id = records.length + 1;
      const hasId = rnd() < 0.6;
      let personalId = hasId ? `040${female ? 3 : 2}${date.slice(2, 4)}${pad(int(1e6), 6)}` : null;
      // numbers are issued once: a drawn number already given is drawn again
      while (personalId !== null && issued.has(personalId)) personalId = `${personalId.slice(0, 6)}${pad(int(1e6), 6)}`;
      if (personalId !== null) issued.add(personalId);
      const carerName = rnd() < 0.05 ? `${family(rnd)} Thị ${girl(rnd)}` : null;
      const sex = female ? 'female' : 'male';
      const fullName = `${fam} ${middle} ${given}`;
      records.push({
        id,
        fullName,
        birthDate: date,
        sex,
        personalId,
        communeCode: commune,
        motherName: mother,
        fatherName: father,
        carerName,
      });
    }
  }
  const originals = records.length;
  for (let k = 0; k < originals; k++) {
    if (rnd() >= (options.duplicateRate ?? 0.05)) continue;
    const source = records[int(originals)];
    if (source === undefined) continue;
    const copy = damage({ ...source, id: records.length + 1 }, rnd, communes);
    records.push(copy);
    duplicates.push([source.id, copy.id]);
  }
  return { records, duplicates };
}

/** A second entry of a child, with a few of the usual kinds of damage. */
function damage(r: DuplicateRecord<number>, rnd: () => number, communes: number): DuplicateRecord<number> {
  const words = r.fullName.split(' ');
  const chance = (p: number) => rnd() < p;
  if (chance(0.4)) r.fullName = stripDiacritics(r.fullName);
  if (chance(0.1)) r.fullName = r.fullName.toUpperCase();
  if (words.length > 2 && chance(0.1)) r.fullName = [words[0], `${words[1]?.charAt(0) ?? ''}.`, ...words.slice(2)].join(' ');
  else if (words.length > 2 && chance(0.08)) r.fullName = [words[0], words[words.length - 1]].join(' ');
  if (chance(0.08)) {
    const parts = r.fullName.split(' ');
    const given = parts.pop() ?? '';
    const at = 1 + Math.floor(rnd() * (given.length - 1));
    const slip = chance(0.5) ? given.slice(0, at) + given.slice(at + 1) : given.slice(0, at) + given.charAt(at) + given.slice(at);
    r.fullName = [...parts, slip].join(' ');
  }
  const [y, m, d] = r.birthDate.split('-').map(Number) as [number, number, number];
  if (d <= 12 && d !== m && chance(0.08)) r.birthDate = `${y}-${pad(d)}-${pad(m)}`;
  else if (chance(0.05)) {
    const day = Date.UTC(y, m - 1, d) + (chance(0.5) ? 1 : -1) * (1 + Math.floor(rnd() * 3)) * 86_400_000;
    r.birthDate = new Date(day).toISOString().slice(0, 10);
  }
  if (chance(0.5)) r.personalId = null;
  if (chance(0.1)) r.communeCode = `4${pad(Math.floor(rnd() * communes), 4)}`;
  if (chance(0.3)) r.motherName = null;
  if (chance(0.3)) r.fatherName = null;
  if (r.motherName !== null && chance(0.3)) r.motherName = stripDiacritics(r.motherName);
  return r;
}
