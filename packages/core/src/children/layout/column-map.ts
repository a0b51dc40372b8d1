import type { Bilingual } from '../../indicators/catalogue-schema.ts';

/**
 * The user's column mapping as typed on the command line (`--map`): a JSON object
 * `{"Tên trẻ": "fullName", "Ngày sinh trẻ": "Ngày sinh"}`, or pairs `Tên trẻ=fullName,DOB=birthDate`.
 * In the pairs form a header may hold commas (`Ngày, tháng, năm sinh=birthDate`): a value (a field
 * key or a layout header, neither of which has a comma) ends at the first `,`, `;` or line break,
 * and what follows is the next header. Whether the names are fields is matchHeaders' business.
 */
export type ColumnMapRead = { ok: true; map: Record<string, string> } | { ok: false; reason: Bilingual };

const BAD_FORM: ColumnMapRead = {
  ok: false,
  reason: {
    vi: 'ánh xạ cột cần dạng "Tiêu đề A=fullName,Tiêu đề B=birthDate" hoặc một đối tượng JSON {"Tiêu đề A": "fullName"}',
    en: 'a column mapping needs the form "Header A=fullName,Header B=birthDate" or a JSON object {"Header A": "fullName"}',
  },
};

export function parseColumnMap(text: string): ColumnMapRead {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return fromJson(trimmed);
  const parts = trimmed.split('=');
  if (parts.length < 2) return BAD_FORM;
  const pairs: [string, string][] = [];
  let header = parts[0]?.trim() ?? '';
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    const cut = last ? part.length : part.search(/[,;\n]/);
    if (cut < 0 || header === '') return BAD_FORM;
    pairs.push([header, part.slice(0, cut).trim()]);
    header = part.slice(cut + 1).trim();
  }
  // fromEntries defines each key as the object's own, so a header named "__proto__" stays a header
  return { ok: true, map: Object.fromEntries(pairs) };
}

function fromJson(text: string): ColumnMapRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: { vi: 'ánh xạ cột không phải JSON hợp lệ', en: 'the column mapping is not valid JSON' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return BAD_FORM;
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' || k.trim() === '') return BAD_FORM;
    pairs.push([k.trim(), v]);
  }
  return { ok: true, map: Object.fromEntries(pairs) };
}
