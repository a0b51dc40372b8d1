/**
 * Vietnamese numbers: "," is the decimal mark and "." groups thousands ("1.000" is 1000, "9,5"
 * is 9.5, "1.234,5" is 1234.5). A "." followed by other than three digits ("12.5") is read as
 * a decimal point, the way numbers pasted from English software appear.
 */
export function parseVnNumber(s: string): number | null {
  const t = s.trim();
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return null;
  let n: number;
  if (t.includes(',')) {
    const [int = '', ...dec] = t.split(',');
    if (dec.length > 1) return null;
    n = Number(int.replace(/\./g, '') + '.' + (dec[0] ?? '0'));
  } else if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) n = Number(t.replace(/\./g, ''));
  else if ((t.match(/\./g) ?? []).length <= 1) n = Number(t);
  else return null;
  return Number.isFinite(n) ? n : null;
}
