import { describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGUE, indexCatalogue } from './catalogue.ts';
import { dataSetElements, PROVINCE_ONLY_ELEMENTS } from './data-sets.ts';
import { matchMeasure } from './measure-match.ts';
import { parseDisaggregationKey } from './values.ts';

const index = indexCatalogue(NATIONAL_CATALOGUE);

describe('matchMeasure', () => {
  it('maps a single-measure indicator whatever the phrase', () => {
    expect(matchMeasure(index, 1, null)).toEqual({ kind: 'mapped', measure: 'I01_CHILD_FRIENDLY_COMMUNES' });
  });
  it('maps a multi-measure indicator by its distinctive words, without diacritics', () => {
    expect(matchMeasure(index, 3, 'trẻ sơ sinh')).toEqual({ kind: 'mapped', measure: 'I03_NEONATAL_MORTALITY' });
    expect(matchMeasure(index, 3, 'tre em duoi 1 tuoi')).toEqual({ kind: 'mapped', measure: 'I03_INFANT_MORTALITY' });
    expect(matchMeasure(index, 3, 'dưới 5 tuổi')).toEqual({ kind: 'mapped', measure: 'I03_UNDER5_MORTALITY' });
    expect(matchMeasure(index, 4, 'thể thấp còi')).toMatchObject({ kind: 'unmapped' });
    expect(matchMeasure(index, 4, 'chiều cao theo tuổi')).toEqual({ kind: 'mapped', measure: 'I04_STUNTING' });
  });
  it('leaves a missing phrase, a tie or an unknown indicator unmapped with the reason', () => {
    expect(matchMeasure(index, 3, null)).toMatchObject({ kind: 'unmapped', reason: 'no_phrase' });
    expect(matchMeasure(index, 3, 'trẻ em')).toMatchObject({ kind: 'unmapped' });
    expect(matchMeasure(index, 99, 'x')).toMatchObject({ kind: 'unmapped', reason: 'unknown_indicator' });
  });
});

describe('data sets', () => {
  it('communes report everything but counts of communes; agencies the elements of their measures', () => {
    const commune = dataSetElements(index, 'commune');
    expect(commune).toHaveLength(NATIONAL_CATALOGUE.dataElements.length - PROVINCE_ONLY_ELEMENTS.length);
    const tuphap = dataSetElements(index, 'agency', { short_name: 'Sở Tư pháp', aliases: [] });
    expect(tuphap).toEqual(['CHILDREN_U5', 'CHILDREN_U5_BIRTH_REGISTERED']);
    expect(dataSetElements(index, 'agency', { short_name: 'Sở GDĐT', aliases: [] })).toContain('PRIMARY_PUPILS');
  });
});

describe('parseDisaggregationKey', () => {
  it('reads keys and refuses malformed ones', () => {
    expect(parseDisaggregationKey('')).toEqual({});
    expect(parseDisaggregationKey('default')).toEqual({});
    expect(parseDisaggregationKey('sex=female|age_group=u6')).toEqual({ sex: 'female', age_group: 'u6' });
    expect(parseDisaggregationKey('sex')).toBeNull();
    expect(parseDisaggregationKey('sex=a|sex=b')).toBeNull();
  });
});
