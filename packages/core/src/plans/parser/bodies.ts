import { BODY_START, PROTECTED_NAMES } from './body-names.ts';
import { clip, fold, squash } from '../../text/fold.ts';

/**
 * Bodies named in a task: "X chủ trì, phối hợp với Y, Z triển khai thực hiện" gives lead [X] and
 * support [Y, Z]. Bodies are kept as written (trimmed, hyphens spaced " - "): matching them to the
 * province's agencies is the server's job. Decisions:
 * - a list ends at the first verb of the sentence ("triển khai", "thực hiện", "tuyên truyền", …)
 *   or right after "liên quan", so "… và các cơ quan, đơn vị liên quan truyền thông về …" keeps the
 *   group "các cơ quan, đơn vị liên quan" as one body (the server may treat it as a group or drop it);
 * - "," and "và" separate bodies only where the next words start a body (BODY_START), ";" always.
 */

const STOP_VERBS =
  /\s(?:trien khai|thuc hien|theo chuc nang|theo huong dan|theo quy dinh|can cu|trong pham vi|tham muu|co trach nhiem|chiu trach nhiem|xay dung|huong dan|theo doi|kiem tra|tuyen truyen|truyen thong|uu tien|bo tri|ra soat|danh gia|de|nham|trong viec|trong|ve viec|co ke hoach|ho tro|chi dao|phoi hop|tham gia|tiep tuc|tang cuong|day manh|quan tam|nghien cuu|de xuat|cung cap|van dong|giam sat|tong hop|bao dam|dam bao|thuong xuyen|chu dong|to chuc|giup|theo|thong qua|duoc|la|bao cao|duy tri|nhan rong|dieu tra|truy to|xet xu|hoan thanh|chuan hoa|dau tranh|ket noi|cap nhat|phat hien|xu ly|bo sung|lam sach|tiep nhan|phong ngua|ngan chan|can thiep|khao sat|tap huan|boi duong|long ghep|van hanh|phat dong|kien toan|ban hanh|mo rong|nang cao|tuan tra|gui|tham hoi|trien lam)(?=[\s,.;:]|$)/g;

/** Where a list of bodies ends in `s` (an index into it). */
function listEnd(s: string, f: string, mask: Uint8Array): number {
  let end = s.length;
  const sentence = /[.!?](?:\s|$)|:/.exec(f);
  if (sentence) end = sentence.index;
  // "… các sở, ngành liên quan và UBND các xã" goes on; "… liên quan truyền thông về …" ends
  const related = /\blien quan(?=\s+(?!va\s)[^\s,;])/.exec(f);
  // "… các thôn, bản và gia đình có trẻ em": people, not bodies (but "Phòng … và Trẻ em" is a name)
  const family = /\s(?:va|,)\s+(?:cac\s+)?(gia dinh|cha me|nguoi dan|nhan dan|hoc sinh|tre em)\b/.exec(f);
  const word = family ? s.charAt(family.index + family[0].length - (family[1]?.length ?? 0)) : '';
  if (family && family.index < end && word === word.toLowerCase()) end = family.index;
  if (related && related.index + 9 < end) end = related.index + 9;
  // "Hội Liên hiệp Phụ nữ tỉnh giáo dục …", "Công an tỉnh quản lý …": words that are also in names
  // ("cơ sở giáo dục", "Ban Quản lý") end the list only right after the level that closes a name
  const afterUnit =
    /\s(?:tinh|xa|phuong|thanh pho|huyen|dac khu|thi xa|thi tran)\s+(?=(?:giao duc|quan ly|thong ke|cham soc|bao ve)\s)/.exec(f);
  if (afterUnit && afterUnit.index + afterUnit[0].length - 1 < end) end = afterUnit.index + afterUnit[0].length - 1;
  // Searched with a space in front so a list that starts with a verb ("theo chức năng …") is empty.
  f = ' ' + f;
  STOP_VERBS.lastIndex = 0;
  for (let m = STOP_VERBS.exec(f); m && m.index < end; m = STOP_VERBS.exec(f)) {
    // "tổ chức" after "các", "," or "và" is a noun in the list ("các cơ quan, đơn vị, tổ chức").
    if (mask[m.index]) continue; // inside "Sở Thông tin và Truyền thông"
    if (m[0].startsWith(' to chuc') && /(?:cac|,|va)\s*$/.test(f.slice(Math.max(0, m.index - 5), m.index))) continue;
    return Math.max(0, m.index - 1);
  }
  return end;
}

function protectedMask(f: string): Uint8Array {
  const mask = new Uint8Array(f.length);
  for (const re of PROTECTED_NAMES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      mask.fill(1, m.index, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return mask;
}

/** Cleans one body name as written. */
export function cleanBody(s: string): string {
  let out = squash(s.replace(/\([^()]*\)/g, ' '))
    .replace(/\s*[-–‐]\s*(?=\S)/g, ' - ')
    .replace(/^(?:(?:và|với|cùng|đề nghị|giao|phối hợp với|phối hợp)\s+)+/i, '')
    .replace(/[\s.,;:*_]+$/g, '')
    .replace(/^[\s.,;:*_-]+/g, '');
  if (/^(?:chủ trì|phối hợp)$/i.test(out)) out = '';
  return clip(out, 300);
}

/** Splits a list of bodies into one entry per body (see the decisions above). */
export function splitBodies(text: string): string[] {
  // A list of bodies is never longer than this; the protected-name scan costs per character.
  const s = text.length > 600 ? text.slice(0, 600) : text;
  const f = fold(s);
  const mask = protectedMask(f);
  const end = listEnd(s, f, mask);
  const list = s.slice(0, end);
  const fl = f.slice(0, end);
  const out: string[] = [];
  let start = 0;
  const push = (to: number) => {
    const body = cleanBody(list.slice(start, to));
    if (body && body.length <= 200 && !out.includes(body)) out.push(body);
  };
  for (let i = 0; i < list.length; i++) {
    if (mask[i]) continue;
    const c = list[i];
    if (c === ';') {
      push(i);
      start = i + 1;
    } else if (c === ',' || c === '&' || (c === ' ' && fl.startsWith(' va ', i)) || (c === ' ' && fl.startsWith(' cung ', i))) {
      const next = list.slice(i + (c === ' ' ? (fl.startsWith(' va ', i) ? 4 : 6) : 1)).trimStart();
      if (BODY_START.test(next)) {
        push(i);
        start = i + (c === ' ' ? (fl.startsWith(' va ', i) ? 4 : 6) : 1);
      }
    }
  }
  push(list.length);
  return out.slice(0, 50);
}

/**
 * The bodies of `text` when it is nothing but a list of bodies (no verb, no sentence after the
 * list) starting with a body word, else null: "Đoàn Thanh niên xã, các thôn, bản" is one, "Sở Y
 * tế tổ chức …" is not.
 */
export function bodyListOnly(text: string): string[] | null {
  const s = squash(text).replace(/[\s.;,]+$/, '');
  if (!s || s.length > 400 || !BODY_START.test(s)) return null;
  const f = fold(s);
  if (listEnd(s, f, protectedMask(f)) < s.length) return null;
  const bodies = splitBodies(s);
  return bodies.length ? bodies : null;
}

export interface Assignment {
  lead: string[];
  support: string[];
  /** whether the text said "chủ trì" or "phối hợp" at all */
  explicit: boolean;
}

/**
 * Reads "X chủ trì, phối hợp với Y …", "X phối hợp với Y …", or a bare list "X; Y triển khai
 * thực hiện" (everyone named leads). An empty X ("Chủ trì, phối hợp với Y") leaves lead empty for
 * the caller to fill from the agency heading above.
 */
export function parseAssignment(text: string): Assignment {
  const f = fold(text);
  const lead = /(?:^|[\s,(])chu tri(?=[\s,.;:)]|$)/.exec(f);
  const coop = /(?:^|[\s,;])phoi hop(?:\s+(?:voi|cung|cua))?\s*:?(?=[\s,]|$)/.exec(f);
  if (lead && (!coop || lead.index < coop.index)) {
    const before = text.slice(0, lead.index);
    let support = coop ? splitBodies(text.slice(coop.index + coop[0].length)) : [];
    // "X chủ trì; Y, Z phối hợp": the support is written before its verb
    if (coop && !support.length)
      support = splitBodies(text.slice(lead.index + lead[0].length, coop.index).replace(/^[\s,;.:]+/, ''));
    return { lead: splitBodies(before), support, explicit: true };
  }
  if (coop) {
    return {
      lead: splitBodies(text.slice(0, coop.index)),
      support: splitBodies(text.slice(coop.index + coop[0].length)),
      explicit: true,
    };
  }
  return { lead: splitBodies(text), support: [], explicit: false };
}

/**
 * Lead and support named inside a task's own text, only where the pattern is clear: a sentence
 * that starts with a body (BODY_START) and goes on "chủ trì" or "phối hợp với" within 20 words.
 */
export function inlineAssignment(text: string): Assignment | null {
  const s = text.length > 20000 ? text.slice(0, 20000) : text;
  const sentence = /(?:^|[.;:]\s+)([^.;:]{3,200}?)\s(?:chủ trì|phối hợp với)\s/gi;
  for (let m = sentence.exec(s); m; m = sentence.exec(s)) {
    const subject = (m[1] ?? '').trim();
    if (!BODY_START.test(subject) || subject.split(/\s+/).length > 20) continue;
    const start = m.index + m[0].indexOf(subject);
    const found = parseAssignment(s.slice(start));
    // "… phối hợp với chính quyền địa phương tuần tra": support only when a body follows
    const coop = /ph[ốo]i h[ợo]p (?:v[ớo]i|c[ùu]ng)\s+/i.exec(s.slice(start));
    const rest = coop ? s.slice(start + coop.index + coop[0].length) : '';
    return coop && !BODY_START.test(rest) ? { ...found, support: [] } : found;
  }
  return null;
}

/** Support bodies after the first "phối hợp với" in a text, for tasks whose lead comes from a heading. */
export function supportIn(text: string): string[] {
  const f = fold(text.length > 20000 ? text.slice(0, 20000) : text);
  const m = /(?:^|[\s,;])phoi hop (?:voi|cung)\s/.exec(f);
  if (!m) return [];
  // "phối hợp với gia đình quản lý học sinh": families and people are not bodies to follow up
  const rest = text.slice(m.index + m[0].length).trimStart();
  return BODY_START.test(rest) ? splitBodies(rest) : [];
}
