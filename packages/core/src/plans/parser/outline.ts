import { fold } from '../../text/fold.ts';
import type { Para } from './footnotes.ts';
import { attributesOf, trailingAttributes, type Attribute } from './attributes.ts';

/**
 * The outline of the body as a tree. Plans number their parts "I." (Roman), "1.", "1.1.",
 * "2.3.1.", "a)", and bullet "-", "+", "*", "•", but provinces nest them in different orders, so
 * depth is not fixed per style: a style seen before on the current branch closes the items below
 * its last occurrence (a sibling), a new style opens a child. Plain paragraphs belong to the item
 * above them; attribute lines ("Đơn vị chủ trì: …", "* Thực hiện: …") are recorded on it, never
 * made items of their own.
 */

export interface Node {
  /** 'root', 'roman', 'num1'…'num5' (dots in the number), 'letter', 'LETTER', 'dash', 'plus', 'star', 'dot', 'indicator' */
  style: string;
  /** The number as printed without the trailing dot ("II", "2.1", "a"); '' for bullets. */
  ref: string;
  text: string;
  line: number;
  children: Node[];
  /** Plain paragraphs under the item, before its first child. */
  body: Para[];
  attrs: Attribute[];
  parent: Node | null;
  /** the plain paragraph that introduced the list this item is in ("… còn một số hạn chế:") */
  intro?: string | null;
}

const ROMAN_RE = /^([IVXL]{1,7})\s*[./):–-]\s*(\S.*)$/;
const NUM_RE = /^(\d{1,2}(?:\.\d{1,2}){0,4})([.)])?(\s*)([^\d\s.,/%:-].*)$/;
const LETTER_RE = /^([a-zđ])\s*[)]\s*(\S.*)$|^([a-zđ])\.\s+(\S.*)$/;
const UPPER_LETTER_RE = /^([A-H])\s*[.)]\s+(\S.*)$/;
const BULLET_RE = /^([-–—‐•●▪◦+*])\s*(\S.*)$/;
const INDICATOR_RE = /^chi tieu\s*(?:so\s*)?\d{1,3}\s*[:.)–-]/;

const VALID_ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

export function isRoman(s: string): boolean {
  return s.length > 0 && VALID_ROMAN.test(s);
}

/** The outline marker of a paragraph, or null for a plain paragraph. */
export function markerOf(text: string): { style: string; ref: string; rest: string } | null {
  let m = /^V\/v\b/i.test(text) ? null : ROMAN_RE.exec(text);
  if (m && isRoman(m[1] ?? '')) return { style: 'roman', ref: m[1] ?? '', rest: m[2] ?? '' };
  // "Bước 1. Rà soát …": the steps of a guidance are its numbered items
  m = /^Bước\s+(\d{1,2})\s*[.:)–-]\s*(\S.*)$/u.exec(text);
  if (m) return { style: 'num1', ref: m[1] ?? '', rest: m[2] ?? '' };
  m = NUM_RE.exec(text);
  // "2025 …", "9,5 …", "15/12 …" are not items: at most two digits per level, and a single level
  // needs "." or ")" ("6 tháng đầu năm" is a sentence); "1.1 Tên" may leave out the last dot.
  if (m && (m[2] || ((m[1] ?? '').includes('.') && m[3]))) {
    const ref = m[1] ?? '';
    return { style: `num${ref.split('.').length}`, ref, rest: m[4] ?? '' };
  }
  m = LETTER_RE.exec(text);
  if (m) return { style: 'letter', ref: m[1] ?? m[3] ?? '', rest: m[2] ?? m[4] ?? '' };
  m = UPPER_LETTER_RE.exec(text);
  if (m) return { style: 'LETTER', ref: m[1] ?? '', rest: m[2] ?? '' };
  m = BULLET_RE.exec(text);
  if (m) {
    const c = m[1] ?? '-';
    // "•" and "-" mixed in one list are one level (Word's bullets pasted beside typed dashes)
    const style = '-–—‐•●'.includes(c) ? 'dash' : c === '+' ? 'plus' : c === '*' ? 'star' : 'dot';
    return { style, ref: '', rest: (m[2] ?? '').replace(/^\*+\s*/, '') };
  }
  if (INDICATOR_RE.test(fold(text.slice(0, 30)))) return { style: 'indicator', ref: '', rest: text };
  return null;
}

/** The outline styles of bullets (as against numbers and letters). */
export const BULLET_STYLES: ReadonlySet<string> = new Set(['dash', 'plus', 'star', 'dot']);

/** How a plain paragraph ends the list above it: closing formulas of a plan or letter. */
const CLOSING =
  /^(?:tren day|can cu (?:noi dung |vao )?(?:ke hoach|cong van|van ban|chi thi|huong dan) nay|yeu cau (?:thu truong|chu tich|cac)|thu truong cac|qua trinh (?:trien khai|thuc hien)|trong qua trinh (?:trien khai|thuc hien))/;
const REPORTING_PARA = /bao cao/;
const REPORTING_CUE = /dinh ky|che do (?:thong tin, )?bao cao|truoc ngay|hang nam|6 thang/;
/** Where the body ends: recipients list or signature block. */
export const BODY_END = /^(?:noi nhan\s*:?|(?:tm|kt|tl|tuq|q)\.\s+\S)/;

/** Vietnamese lists letter a b c d đ e g h i k …; Latin ones also use f. */
const LETTERS_VI = 'abcdđeghiklmnopqrstuvxy';
const LETTERS_LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** Whether `next` follows `prev` in its numbering: "3" after "2", "2.4" after "2.3", "đ" after "d". */
function follows(prev: string, next: string): boolean {
  if (/^\d/.test(next)) {
    const p = prev.split('.');
    const n = next.split('.');
    return (
      p.length === n.length && p.slice(0, -1).join('.') === n.slice(0, -1).join('.') && Number(n.at(-1)) === Number(p.at(-1)) + 1
    );
  }
  const a = prev.toLowerCase();
  const b = next.toLowerCase();
  return [LETTERS_VI, LETTERS_LATIN].some((abc) => abc.indexOf(a) >= 0 && abc.indexOf(b) === abc.indexOf(a) + 1);
}

const isFirst = (ref: string) => ref === '1' || ref === 'a' || ref === 'A';

/**
 * Where a new item goes: the index in `stack` of the item it is a sibling of (the stack is cut
 * there), or -1 for a child of the top. An item of a style already open is a sibling of the one it
 * follows in numbering ("3." after "2.", even with a nested "1." … "5." between them); a "1." or
 * "a)" right under an item of its own style with nothing under it yet, or whose text ends with ":",
 * starts a nested list; anything else closes back to the outermost item of its style, as lists
 * usually do. A new style opens a child of the top, except "2.1." which goes under its "2.".
 */
function siblingAt(stack: Node[], marker: { style: string; ref: string }): number {
  const same = stack.flatMap((n, i) => (i > 0 && n.style === marker.style ? [i] : []));
  if (!same.length) return parentByNumber(stack, marker);
  if (!marker.ref) return same[0] ?? -1;
  for (let k = same.length - 1; k >= 0; k--) {
    const i = same[k] ?? 0;
    if (follows(stack[i]?.ref ?? '', marker.ref)) return i;
  }
  const top = stack[stack.length - 1];
  const last = top?.body[top.body.length - 1]?.text ?? top?.text ?? '';
  if (top?.style === marker.style && isFirst(marker.ref) && !top.children.length && (!top.body.length || last.endsWith(':')))
    return -1;
  return same[0] ?? -1;
}

/** "2.1." goes under the open "2." even when bullets of "2." came between: the index after it. */
function parentByNumber(stack: Node[], marker: { style: string; ref: string }): number {
  const prefix = marker.ref.split('.').slice(0, -1).join('.');
  if (!marker.style.startsWith('num') || !prefix) return -1;
  for (let i = stack.length - 1; i > 0; i--) {
    const n = stack[i];
    if (n?.style.startsWith('num') && n.ref === prefix) return i + 1 < stack.length ? i + 1 : -1;
  }
  return -1;
}

export function buildOutline(paras: Para[]): Node {
  const root: Node = { style: 'root', ref: '', text: '', line: 1, children: [], body: [], attrs: [], parent: null };
  let stack: Node[] = [root];
  // the last plain paragraph, until an item follows it: the introduction of that item's list
  let lastPlain: string | null = null;
  for (const p of paras) {
    const folded = fold(p.text.slice(0, 200));
    if (BODY_END.test(folded)) break;
    const top = stack[stack.length - 1] ?? root;
    const attributes = attributesOf(p);
    if (attributes.length) {
      if (top !== root) top.attrs.push(...attributes);
      continue;
    }
    let marker = markerOf(p.text);
    // "1. Chỉ tiêu 1: …" numbers the indicator list, not the outline: "1." must not close the
    // "2.1. Mục tiêu 1" heading the indicator sits under, as a new "1." item would.
    if (marker?.style.startsWith('num') && INDICATOR_RE.test(fold(marker.rest.slice(0, 30))))
      marker = { style: 'indicator', ref: '', rest: marker.rest };
    if (!marker) {
      lastPlain = p.text;
      const closing =
        CLOSING.test(folded) ||
        /\.\/\.?$/.test(p.text) ||
        (top.style !== 'roman' &&
          top !== root &&
          // The first paragraph under a short numbered heading ("6. Nội dung báo cáo") is its text.
          !(top.style.startsWith('num') && !top.body.length && top.text.length <= 80 && !/[.;]$/.test(top.text)) &&
          REPORTING_PARA.test(folded) &&
          REPORTING_CUE.test(folded));
      if (closing) {
        // The text after the list is addressed to everyone: it belongs to no item.
        stack = [root];
        root.body.push(p);
      } else if (BULLET_STYLES.has(top.style) && p.text.length > 60 && p.text.endsWith(':')) {
        // "… Chủ tịch UBND tỉnh kết luận như sau:" after a list of bullets introduces the next
        // list: it closes the bullets rather than going on the last of them
        while (stack.length > 1 && BULLET_STYLES.has(stack[stack.length - 1]?.style ?? '')) stack.pop();
        (stack[stack.length - 1] ?? root).body.push(p);
      } else {
        // A plain paragraph continues the item above it: the body under a heading, or the second
        // paragraph of a bullet (or a bullet whose dash was lost, which reads the same).
        top.body.push(p);
      }
      continue;
    }
    // "Chỉ tiêu 6" is a sibling of "Chỉ tiêu 5" whatever bullet either carries.
    if (INDICATOR_RE.test(fold(marker.rest.slice(0, 30))))
      while (stack.length > 1 && INDICATOR_RE.test(fold((stack[stack.length - 1]?.text ?? '').slice(0, 30)))) stack.pop();
    if (marker.style === 'roman') stack = [root];
    else {
      const at = siblingAt(stack, marker);
      if (at > 0) stack = stack.slice(0, at);
    }
    const parent = stack[stack.length - 1] ?? root;
    const trailing = trailingAttributes(marker.rest, p.line);
    const sibling = parent.children[parent.children.length - 1];
    const intro = lastPlain ?? (sibling?.style === marker.style ? sibling.intro : null) ?? null;
    lastPlain = null;
    const node: Node = {
      style: marker.style,
      ref: marker.ref,
      text: trailing?.text ?? marker.rest,
      line: p.line,
      children: [],
      body: [],
      attrs: trailing?.attrs ?? [],
      parent,
      intro,
    };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}
