import type { Bilingual, MeasureTargetOp } from './catalogue-schema.ts';
import type { RelativeTargetDto } from './indicator-api.ts';

const SIGN: Record<MeasureTargetOp, string> = { '<': '<', '<=': '≤', '=': '=', '>=': '≥', '>': '>' };

/**
 * A relative target in words, the same on every screen and in Excel: "giảm ≥ 4–5 % mỗi năm so với
 * năm trước" / "down ≥ 4–5 % a year on the year before", "giảm ≥ 33,33 % so với năm 2020". `fmt`
 * writes a number the reader's way.
 */
export function relativeTargetText(
  t: { op: MeasureTargetOp; value: number; relative: RelativeTargetDto },
  fmt: (n: number, lang: 'vi' | 'en') => string,
): Bilingual {
  const { change, reference, valueTo } = t.relative;
  const amount = (lang: 'vi' | 'en') =>
    `${SIGN[t.op]} ${fmt(t.value, lang)}${valueTo !== null && valueTo !== t.value ? `–${fmt(valueTo, lang)}` : ''} %`;
  const yearly = reference === 'previous-year';
  return {
    vi: `${change === 'decrease' ? 'giảm' : 'tăng'} ${amount('vi')} ${yearly ? 'mỗi năm so với năm trước' : `so với năm ${reference}`}`,
    en: `${change === 'decrease' ? 'down' : 'up'} ${amount('en')} ${yearly ? 'a year on the year before' : `on ${reference}`}`,
  };
}
