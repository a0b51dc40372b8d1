import type { PlanDocument } from '../plan-format.ts';
import { clip, fold, squash } from '../../text/fold.ts';
import type { Para } from './footnotes.ts';
import { markerOf } from './outline.ts';

/**
 * The header of a plan or letter (Nghị định 30/2020 layout): issuer over "Số: …", the national
 * motto, place and date, the document kind (KẾ HOẠCH …, or "V/v …" for a letter) and its subject.
 * Decisions:
 * - issuer: "ỦY BAN NHÂN DÂN" + "TỈNH BÌNH ĐỊNH" → "UBND tỉnh Bình Định"; another issuing body in
 *   capitals ("SỞ Y TẾ") is written in sentence case. Without a header the issuer is derived only
 *   when the body says "UBND tỉnh ban hành …" and the date line names the place ("Long An, ngày …"
 *   → "UBND tỉnh Long An"); Kon Rẫy's text, with neither, gets null.
 * - years: the title's "giai đoạn 2021-2030" or "năm 2024" (not the year of a cited date), else
 *   the date line's year; else null.
 */
export interface Header {
  title: string;
  documentType: PlanDocument['documentType'];
  issuer: string | null;
  documentNumber: string | null;
  years: { from: number | null; to: number | null };
  /** index in paras of the first paragraph of the body */
  bodyStart: number;
}

const LEVELS = ['thanh pho', 'thi xa', 'thi tran', 'dac khu', 'tinh', 'huyen', 'xa', 'phuong', 'quan'];
const OTHER_TYPES =
  /^(?:bao cao|quyet dinh|chi thi|thong bao|chuong trinh(?: hanh dong)?|huong dan|de an|to trinh|nghi quyet|cong dien|ke hoach lien tich)\b/;

function isCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && s === s.toUpperCase();
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (w.trim() && w !== '-' ? (w[0] ?? '').toUpperCase() + w.slice(1) : w))
    .join('');
}

/** "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội". */
function sentenceCaseBody(s: string): string {
  const words = squash(s).toLowerCase().split(' ');
  let cap = true;
  return words
    .map((w, i) => {
      const out = cap || i === 1 ? (w[0] ?? '').toUpperCase() + w.slice(1) : w;
      cap = w === '-' || w === 'và' || w.endsWith(',');
      return out;
    })
    .join(' ');
}

/** "UBND tỉnh Bình Định" from "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH" (one line or two), else null. */
function ubnd(caps: string): string | null {
  const f = fold(caps);
  const m = /^(?:uy ban nhan dan|ubnd)\s+(.+)$/.exec(f);
  if (!m) return null;
  const rest = m[1] ?? '';
  const level = LEVELS.find((l) => rest.startsWith(l + ' '));
  if (!level) return null;
  const name = caps.slice(caps.length - rest.length + level.length).trim();
  const levelText = caps.slice(caps.length - rest.length, caps.length - rest.length + level.length).toLowerCase();
  return `UBND ${levelText} ${titleCase(name)}`;
}

export function parseHeader(paras: Para[]): Header {
  let documentNumber: string | null = null;
  let documentType: Header['documentType'] = 'other';
  let title = '';
  let place: string | null = null;
  let dateYear: number | null = null;
  const caps: string[] = [];
  let bodyStart = 0;
  let typeAt = -1;
  const limit = Math.min(paras.length, 40);
  for (let i = 0; i < limit; i++) {
    const text = (paras[i]?.text ?? '').trim();
    const f = fold(text);
    if (markerOf(text)) break;
    if (/^so\s*:/.test(f)) {
      const n = text
        .replace(/^\S+\s*:\s*/, '')
        .replace(/\s+/g, '')
        .replace(/^[.…_]+/, '');
      documentNumber = n ? clip(n, 100) : null;
      continue;
    }
    if (/^cong hoa xa hoi chu nghia|^doc lap\s*-\s*tu do/.test(f)) continue;
    const date = dateLine(text);
    if (date) {
      ({ place, year: dateYear } = date);
      continue;
    }
    if (/^v\s*\/\s*v\b/.test(f)) {
      documentType = 'letter';
      title = text.replace(/^v\s*\/\s*v\s*[.:]?\s*/i, '');
      typeAt = i;
      break;
    }
    if (isCaps(text) && /^ke hoach\b/.test(f)) {
      documentType = 'plan';
      title = text.slice('KẾ HOẠCH'.length).trim();
      typeAt = i;
      break;
    }
    if (isCaps(text) && (OTHER_TYPES.test(f) || /^cong van\b/.test(f))) {
      documentType = /^cong van\b/.test(f) ? 'letter' : 'other';
      title = text.replace(/^\S+(?:\s+\S+)?\s*/, (w) => (OTHER_TYPES.exec(f)?.[0].length === w.trim().length ? '' : w)).trim();
      typeAt = i;
      break;
    }
    if (isCaps(text) && text.length < 120) caps.push(text);
  }
  if (typeAt >= 0) {
    bodyStart = typeAt + 1;
    if (!title || documentType !== 'letter') {
      // The subject: the paragraph under KẾ HOẠCH (lowercase continuation lines already joined).
      const next = paras[bodyStart];
      if (next && !markerOf(next.text) && !/^(?:can cu|kinh gui)/.test(fold(next.text))) {
        title = squash(`${title} ${next.text}`);
        bodyStart++;
      }
    }
    // The right column (motto, place and date) copied after the left one lands under "V/v …".
    for (let text = paras[bodyStart]?.text.trim() ?? ''; bodyStart < paras.length; text = paras[bodyStart]?.text.trim() ?? '') {
      const date = dateLine(text);
      if (date) ({ place, year: dateYear } = date);
      else if (!/^(?:cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do)/.test(fold(text))) break;
      bodyStart++;
    }
  } else bodyStart = 0;
  // Recipients of a letter: "Kính gửi: …" and the list under it, a line or two further when the
  // subject ("V/v …") went on over two lines or the date came after it
  const at = [0, 1, 2].map((k) => bodyStart + k).find((i) => /^kinh gui/.test(fold(paras[i]?.text ?? '')));
  if (at !== undefined) {
    for (const p of paras.slice(bodyStart, at)) {
      if (documentType === 'letter' && !dateLine(p.text) && !markerOf(p.text) && p.text.length < 200)
        title = squash(`${title} ${p.text}`);
    }
    bodyStart = at + 1;
    while (bodyStart < paras.length && /^[-–+•]/.test(paras[bodyStart]?.text ?? '') && /[;.]$/.test(paras[bodyStart]?.text ?? ''))
      bodyStart++;
  }
  if (typeAt < 0) bodyStart = Math.max(bodyStart, firstBodyPara(paras));
  if (!title) title = clip(squash(paras.find((p) => !isCaps(p.text))?.text ?? ''), 300);

  // The issuing body is the last line of the left column; a UBND line above it is its parent.
  let issuer: string | null = null;
  let ubndEnd = -1;
  for (let i = 0; i < caps.length && !issuer; i++) {
    const line = caps[i] ?? '';
    issuer = ubnd(line);
    ubndEnd = i;
    if (!issuer && (issuer = ubnd(`${line} ${caps[i + 1] ?? ''}`))) ubndEnd = i + 1;
  }
  if (issuer && ubndEnd < caps.length - 1) issuer = null;
  if (!issuer && caps.length) {
    const last = caps[caps.length - 1] ?? '';
    // "UBND TỈNH BẮC NINH / VĂN PHÒNG": the office of that People's Committee
    const parent = caps.length > 1 ? ubnd(caps[caps.length - 2] ?? '') : null;
    if (parent && /^van phong$/.test(fold(last).trim())) issuer = `Văn phòng ${parent}`;
    else if (!/^(?:cong hoa|doc lap)/.test(fold(last))) issuer = sentenceCaseBody(last);
  }
  if (!issuer && place) {
    const said = paras
      .slice(bodyStart, bodyStart + 12)
      .map((p) => fold(p.text))
      .join(' ');
    const m = /(?:uy ban nhan dan|ubnd)\s+(tinh|thanh pho|huyen|thi xa|quan|xa|phuong)\s+ban hanh/.exec(said);
    if (m) {
      const levelVi: Record<string, string> = {
        tinh: 'tỉnh',
        'thanh pho': 'thành phố',
        huyen: 'huyện',
        'thi xa': 'thị xã',
        quan: 'quận',
        xa: 'xã',
        phuong: 'phường',
      };
      issuer = `UBND ${levelVi[m[1] ?? ''] ?? ''} ${place}`;
    }
  }
  return {
    title: clip(title, 2000),
    documentType,
    issuer: issuer ? clip(issuer, 300) : null,
    documentNumber,
    years: yearsOf(title, dateYear),
    bodyStart,
  };
}

/** "Nghệ An, ngày 05 tháng 02 năm 2025": the place and the year. */
function dateLine(text: string): { place: string | null; year: number } | null {
  const m =
    /^([^,]{2,40}),\s*ngay\b.*?nam\s+((?:19|20|21)\d{2})/.exec(text) ??
    /^([^,]{2,40}),\s*ngày\b.*?năm\s+((?:19|20|21)\d{2})/.exec(text);
  return m ? { place: squash(m[1] ?? '') || null, year: Number(m[2]) } : null;
}

/** Without a document-kind line, the body starts at the first outline item or "Căn cứ …". */
function firstBodyPara(paras: Para[]): number {
  const i = paras.findIndex((p) => markerOf(p.text) || /^(?:can cu|thuc hien|nham)/.test(fold(p.text)));
  return i < 0 ? 0 : i;
}

function yearsOf(title: string, dateYear: number | null): Header['years'] {
  const f = fold(title);
  const span = /(?:giai doan|tu nam|nam)?\s*((?:19|20|21)\d{2})\s*[-–]\s*((?:19|20|21)\d{2})/.exec(f);
  if (span) return { from: Number(span[1]), to: Number(span[2]) };
  for (const m of f.matchAll(/nam\s+((?:19|20|21)\d{2})/g)) {
    if (/thang\s+\d{1,2}\s*,?\s*$/.test(f.slice(Math.max(0, m.index - 14), m.index))) continue; // a cited date
    const y = Number(m[1]);
    return /den\s*$/.test(f.slice(Math.max(0, m.index - 5), m.index)) ? { from: dateYear, to: y } : { from: y, to: y };
  }
  return dateYear ? { from: dateYear, to: dateYear } : { from: null, to: null };
}
