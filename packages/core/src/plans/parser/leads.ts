import { BODY_START } from './body-names.ts';
import { parseAssignment, splitBodies, type Assignment } from './bodies.ts';
import { squash } from '../../text/fold.ts';

/**
 * Leads named around a task rather than in an attribute line: an agency heading ("1. Sở Y tế:",
 * "3. Đối với UBND các xã, phường:", "4. Đề nghị các sở, ban, ngành"), an assignment in brackets at
 * the end of the item ("… (Sở Nội vụ chủ trì, phối hợp với Sở Y tế thực hiện)."), and, in a part
 * that assigns work, the bodies an item opens with ("3. Sở Văn hóa, Thể thao và Du lịch chỉ đạo …",
 * "Đề nghị Ủy ban MTTQ Việt Nam tỉnh tuyên truyền …").
 */

const AGENCY =
  /^(?:(?:[Đđ]ề nghị|[Đđ]ối với|[Gg]iao)\s+)?(Sở|Phòng|Ban|UBND|Ủy ban|Uỷ ban|Công an|Hội|Đoàn|Tỉnh [đĐ]oàn|Huyện [đĐ]oàn|Thành [đĐ]oàn|Trung tâm|Bộ|Liên đoàn|Đài|Báo|Bảo hiểm|Cục|Chi cục|Viện|Tòa|Toà|Mặt trận|Ngân hàng|Thanh tra|Văn phòng|Bệnh viện|Kho bạc|Các|các|Cơ quan|Hội đồng|Liên minh|Ban Chỉ huy|Bộ Chỉ huy|Quỹ|Trường|Trạm|Công chức|Cán bộ|Trưởng|Tổ)(?=\s|$)\s*(\S*)/;
/** Kinds that are also common words ("Hội nhập", "Phòng, chống", "Bộ máy"): a name goes on capitalised. */
const AMBIGUOUS = new Set([
  'Sở',
  'Phòng',
  'Ban',
  'Hội',
  'Đoàn',
  'Bộ',
  'Đài',
  'Báo',
  'Cục',
  'Viện',
  'Quỹ',
  'Trường',
  'Trung tâm',
  'Văn phòng',
  'Trạm',
  'Công chức',
  'Cán bộ',
  'Tổ',
  'Trưởng',
]);

/** A heading that is only a body's name: short, starts like an agency, no sentence verbs. */
export function agencyName(text: string): string | null {
  const t = squash(text).replace(/[:.]$/, '');
  const m = AGENCY.exec(t);
  if (t.length > 160 || !m) return null;
  const next = m[2] ?? '';
  // "Ban điều hành các khu phố", "Tổ dân phố": kinds whose name goes on in lowercase
  const name = t.replace(/^(?:[Đđ]ề nghị|[Đđ]ối với|[Gg]iao)\s+/, '');
  const lowerName =
    /^(?:Ban (?:điều hành|quản lý|chỉ đạo|đại diện|công tác|bảo vệ)|Tổ (?:dân phố|bảo vệ|công tác|tư vấn)|Trưởng (?:thôn|bản|ấp|khu phố|tổ dân phố))(?=[\s,.;:]|$)/u.test(
      name,
    );
  if (AMBIGUOUS.has(m[1] ?? '') && !/^[\p{Lu}\d]/u.test(next) && !lowerName) return null;
  if (/\s(?:trong phạm vi|căn cứ|tổ chức thực hiện|triển khai|thực hiện|tăng cường|xây dựng)\s/i.test(` ${t} `)) return null;
  return name;
}

/** "(X chủ trì, phối hợp với Y thực hiện)" or "(X thực hiện)" closing the item's first paragraph. */
export function bracketAssignment(text: string): Assignment | null {
  const first = text.split('\n')[0] ?? '';
  const m = /\(([^()]{3,400})\)\s*[.;:]?\s*$/.exec(first);
  const inner = squash(m?.[1] ?? '');
  if (!inner || !BODY_START.test(inner) || !/ch[ủu] tr[ìi]|th[ựu]c hi[ệe]n|ph[ốo]i h[ợo]p|tri[ểe]n khai/i.test(inner))
    return null;
  const r = parseAssignment(inner.replace(/\s+(?:thực hiện|triển khai(?: thực hiện)?)$/i, ''));
  return r.lead.length ? r : null;
}

/**
 * The bodies an item opens with, when the sentence goes on with what they do: "Công an tỉnh chỉ
 * đạo …" gives [Công an tỉnh]; "phối hợp với Y" right after the list gives the support. Null when
 * the item does not open with a body, or is nothing but a list of bodies.
 */
export function openingAssignment(text: string): Assignment | null {
  const s = squash(text.split('\n')[0] ?? '').replace(/^(?:[Đđ]ề nghị|[Gg]iao)\s+/, '');
  if (!BODY_START.test(s)) return null;
  // "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế …"
  if (/^[^.;:]{3,200}?\s(?:chủ trì|phối hợp với)\s/iu.test(s)) {
    const said = parseAssignment(s);
    if (said.lead.length) return said;
  }
  const lead = splitBodies(s);
  if (!lead.length || lead.some((b) => b.split(/\s+/).length > 14)) return null;
  const last = lead[lead.length - 1] ?? '';
  const after = s.slice(s.indexOf(last) + last.length).replace(/^[\s,]+/, '');
  if (!after || /^[.;:]/.test(after)) return null;
  const coop = /^(?:chủ trì,?\s*)?phối hợp (?:với|cùng)\s+/i.exec(after);
  return { lead, support: coop ? splitBodies(after.slice(coop[0].length)) : [], explicit: false };
}
