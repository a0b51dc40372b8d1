import { fold } from './fold.ts';
import type { Para } from './footnotes.ts';

/**
 * Attribute lines of a task block: "a) Đơn vị chủ trì: …", "- Cơ quan phối hợp: …",
 * "+ Thời gian thực hiện: …", "Tiến độ: …", and Kon Rẫy's "* Thực hiện: X chủ trì, phối hợp với Y".
 * They may carry a letter or bullet in front (or none) and Markdown-like asterisks around; the
 * label must be followed by a colon, so a sentence "Chủ trì, phối hợp với …" stays a task.
 */
export interface Attribute {
  /** 'assign': who does it (lead, maybe with "phối hợp với"); 'support'; 'timeline'; 'other' (product, funding). */
  kind: 'assign' | 'support' | 'timeline' | 'other';
  value: string;
  line: number;
}

const PREFIX = /^(?:[a-zđ]\s*[).]\s*|[-–—•●▪+]\s*)?[*_\s]*/;
const LABELS: [RegExp, Attribute['kind']][] = [
  [/^(?:don vi|co quan|bo phan)?\s*phoi hop(?: thuc hien)?$/, 'support'],
  [
    /^(?:(?:don vi|co quan|bo phan|ca nhan|trach nhiem)\s*)?(?:chu tri(?: thuc hien)?|thuc hien(?: chinh)?|phu trach|chiu trach nhiem(?: chinh)?|phan cong(?: thuc hien)?)$/,
    'assign',
  ],
  [/^(?:thoi gian|tien do|thoi han|thoi diem)(?: (?:thuc hien|hoan thanh|trien khai|to chuc|bao cao))?$/, 'timeline'],
  [/^(?:san pham|ket qua(?: dau ra)?|kinh phi|nguon kinh phi|hinh thuc|dia diem)$/, 'other'],
];

export function attributeOf(p: Para): Attribute | null {
  const text = p.text;
  const prefix = PREFIX.exec(text)?.[0].length ?? 0;
  const colon = text.indexOf(':', prefix);
  if (colon < 0 || colon - prefix > 45) return null;
  const label = fold(text.slice(prefix, colon))
    .replace(/[*_]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:don vi\/co quan|co quan\/don vi)/, 'don vi');
  for (const [re, kind] of LABELS) {
    if (re.test(label)) {
      const value = text
        .slice(colon + 1)
        .replace(/^[*_\s]+|[*_\s]+$/g, '')
        .trim();
      return value ? { kind, value, line: p.line } : null;
    }
  }
  return null;
}
