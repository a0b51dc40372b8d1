/**
 * Document numbers cited in the text, normalised without spaces, each once, in order of first
 * appearance: "23/QĐ-TTg", "13/2021/TT-BLĐTBXH", "1583/KH-UBND" (state documents: number,
 * optional year, code) and "28-CT/TW", "178-KH/HU" (Party documents: number-kind/body). "Chỉ thị
 * số 28 CT/TW" is written "28-CT/TW". The plan's own number is left out.
 */
const CODE = '[A-ZĐ][A-Za-zĐđ0-9]*';
const STATE = new RegExp(
  `(?<![\\dA-Za-zĐđ/])(\\d{1,5})\\s?/\\s?(?:((?:19|20)\\d{2})\\s?/\\s?)?(${CODE}(?:\\s?-\\s?${CODE}){0,4})(?![A-Za-zĐđ0-9])`,
  'g',
);
const PARTY = new RegExp(
  `(?<![\\dA-Za-zĐđ/])(\\d{1,5})\\s?[-–]?\\s?(CT|NQ|KH|KL|QĐ|TB|HD|HĐ|BC|QC|CV|QĐi|TTr)\\s?/\\s?(${CODE})(?![A-Za-zĐđ0-9])`,
  'g',
);

export function findCitations(text: string, own: string | null): string[] {
  const found: { at: number; id: string }[] = [];
  const ownKey = own ? own.replace(/\s+/g, '') : null;
  for (const m of text.matchAll(PARTY)) found.push({ at: m.index, id: `${m[1] ?? ''}-${m[2] ?? ''}/${m[3] ?? ''}` });
  for (const m of text.matchAll(STATE)) {
    const code = (m[3] ?? '').replace(/\s+/g, '');
    // A code needs a capital beyond the first letter's, or a hyphen: "2025/Quý" is not a document.
    if (!/-/.test(code) && !/^[A-ZĐ]{2,}/.test(code)) continue;
    found.push({ at: m.index, id: `${m[1] ?? ''}/${m[2] ? `${m[2]}/` : ''}${code}` });
  }
  found.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  for (const { id } of found) {
    if (id === ownKey || out.includes(id)) continue;
    out.push(id);
    if (out.length >= 500) break;
  }
  return out;
}
