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

const PREFIX = /^(?:[-–—•●▪+]\s*)?(?:[a-zđ]\s*[).]\s*)?\(?[*_\s]*/;
const LABELS: [RegExp, Attribute['kind']][] = [
  [/^(?:don vi|co quan|bo phan)?\s*phoi hop(?: thuc hien)?$|^ho tro ky thuat$/, 'support'],
  [
    /^(?:(?:don vi|co quan|bo phan|ca nhan|trach nhiem)\s*)?(?:chu tri(?: thuc hien)?|thuc hien(?: chinh)?|phu trach|chiu trach nhiem(?: chinh)?|phan cong(?: thuc hien)?)$|^trach nhiem(?: thuc hien)?$/,
    'assign',
  ],
  [/^(?:thoi gian|tien do|thoi han|thoi diem)(?: (?:thuc hien|hoan thanh|trien khai|to chuc|bao cao))?$/, 'timeline'],
  [/^(?:san pham|ket qua(?: dau ra)?|kinh phi|nguon kinh phi|hinh thuc|dia diem|chu de|khau hieu|thong diep)$/, 'other'],
];

function labelKind(raw: string): Attribute['kind'] | null {
  const label = fold(raw)
    .replace(/[*_]/g, '')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:don vi\/co quan|co quan\/don vi)/, 'don vi');
  return LABELS.find(([re]) => re.test(label))?.[1] ?? null;
}

/**
 * The attributes of an attribute line, one per label: "Chủ trì: X; phối hợp: Y; thời gian: Z"
 * written on one line gives three. Empty when the line is not an attribute line.
 */
export function attributesOf(p: Para): Attribute[] {
  const text = p.text;
  const prefix = PREFIX.exec(text)?.[0].length ?? 0;
  const colon = text.indexOf(':', prefix);
  if (colon < 0 || colon - prefix > 45) return listOf(unlabelled(p));
  const kind = labelKind(text.slice(prefix, colon));
  if (!kind) return listOf(unlabelled(p));
  // "(Chủ trì: …; phối hợp: …)" on a line of its own
  const rest =
    text.slice(prefix).startsWith('(') || text.startsWith('(')
      ? text.slice(colon + 1).replace(/\)\s*[.;]?\s*$/, '')
      : text.slice(colon + 1);
  return labelledParts(kind, rest, p.line);
}

const listOf = (a: Attribute | null): Attribute[] => (a ? [a] : []);

/** Where the next label of a one-line block starts: "; phối hợp:", "; thời gian thực hiện:". */
const NEXT_LABEL = /[;,.]\s*(?=[\p{L} /]{2,45}:)/gu;

function labelledParts(kind: Attribute['kind'], rest: string, line: number): Attribute[] {
  const out: Attribute[] = [];
  let current = kind;
  let from = 0;
  const push = (to: number) => {
    const value = rest
      .slice(from, to)
      .replace(/^[*_\s]+|[*_\s.;,]+$/g, '')
      .trim();
    if (value) out.push({ kind: current, value, line });
  };
  for (const m of rest.matchAll(NEXT_LABEL)) {
    const after = rest.slice(m.index + m[0].length);
    const colon = after.indexOf(':');
    const next = labelKind(after.slice(0, colon));
    if (!next) continue;
    push(m.index);
    current = next;
    from = m.index + m[0].length + colon + 1;
  }
  push(rest.length);
  return out;
}

/** "… Y chủ trì, phối hợp với Z thực hiện; thời gian: trước ngày 30/5/2026." */
function trailingTimeline(text: string, line: number): { text: string; attrs: Attribute[] } | null {
  const m = /[.;]\s*(?:thời gian|thời hạn|tiến độ)(?: thực hiện| hoàn thành)?\s*:\s*(\S[^:]{0,200})$/iu.exec(text);
  const value = m?.[1]?.replace(/[\s.;]+$/, '');
  if (!m || !value) return null;
  return { text: text.slice(0, m.index + 1).trim(), attrs: [{ kind: 'timeline', value, line }] };
}

/**
 * A task line that carries its block at its end: "… cấp thành phố. Chủ trì: X; phối hợp: Y;
 * thời gian: Z." or "… (Chủ trì: X; phối hợp: Y)". The item keeps the text before it.
 */
export function trailingAttributes(text: string, line: number): { text: string; attrs: Attribute[] } | null {
  const m = /(?:[.;]\s+|\s\(\s*)((?:đơn vị |cơ quan )?chủ trì(?: thực hiện)?)\s*:/iu.exec(text);
  if (!m) return trailingTimeline(text, line);
  const closeBracket = m[0].includes('(');
  let rest = text.slice(m.index + m[0].length);
  if (closeBracket) rest = rest.replace(/\)\s*[.;]?\s*$/, '');
  const attrs = labelledParts('assign', rest, line);
  if (!attrs.length) return null;
  return { text: text.slice(0, m.index + (closeBracket ? 0 : 1)).trim(), attrs };
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
