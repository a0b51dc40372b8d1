import { bodyListOnly } from './bodies.ts';
import { fold } from '../../text/fold.ts';
import type { Para } from './footnotes.ts';

/**
 * Attribute lines of a task block: "a) Đơn vị chủ trì: …", "- Cơ quan phối hợp: …",
 * "+ Thời gian thực hiện: …", "Tiến độ: …", and Kon Rẫy's "* Thực hiện: X chủ trì, phối hợp với Y".
 * They may carry a letter or bullet in front (or none) and Markdown-like asterisks around; the
 * label must be followed by a colon, so a sentence "Chủ trì, phối hợp với …" stays a task.
 * Communes also write the attribute as a bullet without a label: "- Công chức Văn hóa - Xã hội
 * chủ trì.", "- Đoàn Thanh niên xã phối hợp.", "- X chủ trì; Y, Z phối hợp." (see unlabelled).
 */
export interface Attribute {
  /** 'assign': who does it (lead, maybe with "phối hợp với"); 'support'; 'timeline'; 'other' (product, funding). */
  kind: 'assign' | 'support' | 'timeline' | 'other';
  value: string;
  line: number;
}

const PREFIX = /^(?:[-–—•●▪+]\s*)?(?:[a-zđ]\s*[).]\s*)?[*_\s]*/;
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
  if (colon < 0 || colon - prefix > 45) return unlabelled(p);
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
  return unlabelled(p);
}

const BARE =
  /^(?:[-–—•●▪+]\s*)?(.+?)\s+(chủ trì|phối hợp)(?:\s*[,;]\s*(?:phối hợp (?:với|cùng)\s+(.+)|(.+?)\s+phối hợp))?\s*[.;]?$/i;

/**
 * "[- ] X chủ trì[, phối hợp với Y | ; Y phối hợp]." and "[- ] Y phối hợp." where X and Y are only
 * names of bodies: an attribute, read as "X chủ trì, phối hợp với Y". Only bullets and plain lines
 * (a numbered line is an item), and only lists of bodies, so "- Sở Y tế chủ trì tổ chức …" stays a task.
 */
function unlabelled(p: Para): Attribute | null {
  const text = p.text.trim();
  if (text.length > 400 || !/ch[ủu] tr[ìi]|ph[ốo]i h[ợo]p/i.test(text)) return null;
  const m = BARE.exec(text);
  if (!m) return null;
  const subject = bodyListOnly(m[1] ?? '');
  if (!subject) return null;
  const lead = /^ch/i.test(m[2] ?? '');
  if (!lead) return m[3] || m[4] ? null : { kind: 'support', value: subject.join('; '), line: p.line };
  const others = m[3] ?? m[4];
  const support = others ? bodyListOnly(others) : [];
  if (!support) return null;
  const value = `${subject.join('; ')} chủ trì${support.length ? `, phối hợp với ${support.join('; ')}` : ''}`;
  return { kind: 'assign', value, line: p.line };
}
