import { foldText } from '../text/fold.ts';
import type { CatalogueIndex } from './catalogue.ts';

/**
 * Maps a plan's indicator target (indicator number + the free-text measure phrase the parser kept,
 * e.g. "trẻ sơ sinh") to one measure of that indicator in the catalogue.
 *
 * - An indicator with one measure: that measure, whatever the phrase.
 * - Several measures: the words of the phrase (folded: no diacritics, no case; "1.000" one word)
 *   are scored against each measure's name; a word shared by k of the n measures weighs 1/k, so
 *   "dưới 1 tuổi" picks the under-1 rate over the under-5 rate by its "1". Only a unique best score
 *   that includes a word not shared by every measure is taken.
 * - Anything else (no phrase, a tie, an unknown indicator) stays unmapped with the reason: a target
 *   is never attached to a measure by guess.
 */
export type MeasureMatch =
  | { kind: 'mapped'; measure: string }
  | { kind: 'unmapped'; reason: 'unknown_indicator' | 'no_phrase' | 'no_match' | 'ambiguous'; candidates: string[] };

function phraseWords(text: string): string[] {
  return foldText(text)
    .replace(/(\d)[.,](?=\d{3}\b)/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function matchMeasure(index: CatalogueIndex, indicatorNo: number, phrase: string | null): MeasureMatch {
  const indicator = index.catalogue.indicators.find((i) => i.no === indicatorNo);
  if (!indicator) return { kind: 'unmapped', reason: 'unknown_indicator', candidates: [] };
  const measures = indicator.measures;
  const only = measures.length === 1 ? measures[0] : undefined;
  if (only) return { kind: 'mapped', measure: only.code };
  const candidates = measures.map((m) => m.code);
  const words = [...new Set(phraseWords(phrase ?? ''))];
  if (words.length === 0) return { kind: 'unmapped', reason: 'no_phrase', candidates };

  const names = measures.map((m) => new Set(phraseWords(`${m.name.vi} ${m.name.en}`)));
  const shared = (w: string) => names.filter((n) => n.has(w)).length;
  const scores = names.map((n) => {
    let score = 0;
    let distinctive = false;
    for (const w of words) {
      if (!n.has(w)) continue;
      const k = shared(w);
      score += 1 / k;
      if (k < measures.length) distinctive = true;
    }
    return distinctive ? score : 0;
  });
  const best = Math.max(...scores);
  if (best === 0) return { kind: 'unmapped', reason: 'no_match', candidates };
  const winners = measures.filter((_, i) => scores[i] === best);
  const winner = winners.length === 1 ? winners[0] : undefined;
  if (!winner) return { kind: 'unmapped', reason: 'ambiguous', candidates: winners.map((m) => m.code) };
  return { kind: 'mapped', measure: winner.code };
}
