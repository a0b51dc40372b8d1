import { describe, expect, it } from 'vitest';
import national from '../../data/indicators/npa-indicators-national.json' with { type: 'json' };
import { indexCatalogue, NATIONAL_CATALOGUE } from './catalogue.ts';
import { CatalogueSchema, UNIT_FACTOR, type Catalogue, type CatalogueIssueParams } from './catalogue-schema.ts';

const parsed = CatalogueSchema.safeParse(NATIONAL_CATALOGUE);

describe('national indicator catalogue', () => {
  it('is a valid tre.indicators/v1 catalogue', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has the 24 indicators of Quyết định 23/QĐ-TTg in four goals, with the national wording', () => {
    const inds = NATIONAL_CATALOGUE.indicators;
    expect(inds.map((i) => i.no)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(NATIONAL_CATALOGUE.goals.map((g) => g.no)).toEqual([1, 2, 3, 4]);
    for (const ind of inds) {
      const source = national.indicators.find((n) => n.no === ind.no);
      expect(ind.name.vi).toBe(source?.text);
      expect(ind.goal).toBe(source?.goal);
    }
  });

  it('splits the multi-part indicators into their measures', () => {
    const measuresOf = (no: number) => NATIONAL_CATALOGUE.indicators.find((i) => i.no === no)?.measures.map((m) => m.code);
    expect(measuresOf(3)).toEqual(['I03_NEONATAL_MORTALITY', 'I03_INFANT_MORTALITY', 'I03_UNDER5_MORTALITY']);
    expect(measuresOf(4)).toEqual(['I04_UNDERWEIGHT', 'I04_STUNTING', 'I04_OBESITY_RURAL', 'I04_OBESITY_URBAN']);
    for (const no of [5, 8, 11, 17, 18, 20]) expect(measuresOf(no)).toHaveLength(2);
    expect(NATIONAL_CATALOGUE.indicators.flatMap((i) => i.measures)).toHaveLength(35);
  });

  it('gives every measure both elements, a factor matching its unit and an agency', () => {
    const idx = indexCatalogue(NATIONAL_CATALOGUE);
    for (const m of idx.measures) {
      expect(idx.element(m.numerator), m.code).toBeDefined();
      expect(idx.element(m.denominator), m.code).toBeDefined();
      expect(m.factor, m.code).toBe(UNIT_FACTOR[m.unit]);
      expect(m.agency.length, m.code).toBeGreaterThan(0);
    }
    expect(idx.measure('I11_INJURY_DEATH_RATE')).toMatchObject({ unit: 'per100000', factor: 100000, direction: 'lower' });
    expect(idx.measure('I03_NEONATAL_MORTALITY')).toMatchObject({ denominator: 'LIVE_BIRTHS', factor: 1000 });
    expect(idx.measure('I14_BIRTH_REGISTRATION_U5')?.agency).toBe('Sở Tư pháp');
    expect(idx.indicatorOf('I04_STUNTING')?.no).toBe(4);
  });

  it('has unique element codes, every element used by some measure', () => {
    const codes = NATIONAL_CATALOGUE.dataElements.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(NATIONAL_CATALOGUE.indicators.flatMap((i) => i.measures.flatMap((m) => [m.numerator, m.denominator])));
    expect(codes.filter((c) => !used.has(c))).toEqual([]);
  });

  // The structured national targets were transcribed by hand from the national file's strings;
  // this checks each figure appears there as written (Vietnamese decimal comma, '<' kept).
  it('transcribes each national target from the national file', () => {
    let count = 0;
    for (const ind of NATIONAL_CATALOGUE.indicators) {
      const source = national.indicators.find((n) => n.no === ind.no);
      for (const m of ind.measures) {
        for (const t of m.nationalTargets) {
          const text = t.year === 2025 ? source?.target2025 : source?.target2030;
          const figure = String(t.value).replace('.', ',');
          expect(text, `${m.code} ${t.year}`).toContain(figure);
          if (t.op === '<') expect(text, `${m.code} ${t.year}`).toContain(`<${figure}`);
          else expect(text, `${m.code} ${t.year}`).not.toContain(`<${figure}`);
          // direction and comparison agree: a lower-is-better target is a ceiling
          expect(m.direction === 'lower' ? ['<', '<='] : ['>', '>='], m.code).toContain(t.op);
          count++;
        }
      }
    }
    // 35 measures × 2 years = 70, less I05 under-5 (2030 only), I06 (2030 only), I19 (2025 only), I13 (none: 2)
    expect(count).toBe(65);
  });

  it('carries the national cross-check flag to the targets', () => {
    const idx = indexCatalogue(NATIONAL_CATALOGUE);
    expect(idx.measure('I18_LOWER_SECONDARY_COMPLETION')?.nationalTargets.every((t) => t.crossChecked)).toBe(true);
    expect(idx.measure('I18_LOWER_SECONDARY_DROPOUT')?.nationalTargets.every((t) => !t.crossChecked)).toBe(true);
    expect(idx.measure('I15_U5_DEVELOPMENT_ON_TRACK')?.nationalTargets.every((t) => !t.crossChecked)).toBe(true);
    // indicator 19's 2030 target is not stated; indicator 13's is a yearly reduction, kept as a note
    expect(idx.measure('I19_SCHOOLS_PSYCH_SUPPORT')?.nationalTargets.map((t) => t.year)).toEqual([2025]);
    expect(idx.measure('I13_CHILD_MARRIAGE')?.nationalTargets).toEqual([]);
    expect(idx.measure('I13_CHILD_MARRIAGE')?.nationalTargetNote?.vi).toContain('2-3%');
  });
});

describe('CatalogueSchema for local indicators', () => {
  const local = (patch: (c: Catalogue) => void): Catalogue => {
    const c = structuredClone(NATIONAL_CATALOGUE);
    patch(c);
    return c;
  };
  const messages = (c: Catalogue) => CatalogueSchema.safeParse(c).error?.issues.map((i) => i.message) ?? [];

  it('accepts a local indicator in the same form', () => {
    const c = local((c) => {
      c.dataElements.push({
        code: 'CHILDREN_DROWNED',
        name: { vi: 'Số trẻ em bị đuối nước', en: 'Children drowned' },
        valueType: 'count',
        categories: ['sex'],
      });
      c.indicators.push({
        code: 'L01',
        no: null,
        goal: 2,
        name: { vi: 'Tỷ suất trẻ em đuối nước', en: 'Child drowning rate' },
        measures: [
          {
            code: 'L01_DROWNING_RATE',
            name: { vi: 'Tỷ suất trẻ em đuối nước trên 100.000 trẻ em', en: 'Drownings per 100,000 children' },
            numerator: 'CHILDREN_DROWNED',
            denominator: 'CHILDREN_TOTAL',
            factor: 100000,
            unit: 'per100000',
            direction: 'lower',
            agency: 'Sở Y tế',
            nationalTargets: [],
          },
        ],
      });
    });
    expect(messages(c)).toEqual([]);
  });

  it('refuses unknown elements, a factor that contradicts the unit, duplicate codes and unknown categories', () => {
    const c = local((c) => {
      const m = c.indicators[0]?.measures[0];
      if (m) {
        m.numerator = 'NO_SUCH_ELEMENT';
        m.factor = 1000;
      }
      const e = c.dataElements[0];
      if (e) c.dataElements.push({ ...e, categories: ['colour'] });
    });
    const msgs = messages(c);
    expect(msgs).toContain('I01_CHILD_FRIENDLY_COMMUNES: unknown numerator NO_SUCH_ELEMENT');
    expect(msgs).toContain('I01_CHILD_FRIENDLY_COMMUNES: factor 1000 does not match unit %');
    expect(msgs).toContain('duplicate data element CHILDREN_TOTAL');
    expect(msgs).toContain('CHILDREN_TOTAL: unknown category colour');
  });

  it('names the offending field, a duplicate at its later occurrence, in Vietnamese too', () => {
    const n = NATIONAL_CATALOGUE.indicators.length;
    const c = local((c) => {
      const first = c.indicators[0];
      const m = first?.measures[0];
      if (first && m) c.indicators.push({ ...first, code: 'L01', no: null, measures: [{ ...m, factor: 1000 }] });
    });
    const issues = (CatalogueSchema.safeParse(c).error?.issues ?? []).map((i) => ({
      path: i.path.join('.'),
      en: i.message,
      vi: i.code === 'custom' ? (i.params as CatalogueIssueParams | undefined)?.vi : undefined,
    }));
    expect(issues).toEqual([
      {
        path: `indicators.${n}.measures.0.code`,
        en: 'duplicate measure I01_CHILD_FRIENDLY_COMMUNES',
        vi: 'Mã phép đo I01_CHILD_FRIENDLY_COMMUNES bị trùng',
      },
      {
        path: `indicators.${n}.measures.0.factor`,
        en: 'I01_CHILD_FRIENDLY_COMMUNES: factor 1000 does not match unit %',
        vi: 'I01_CHILD_FRIENDLY_COMMUNES: hệ số 1000 không khớp với đơn vị % (cần 100)',
      },
    ]);
  });
});
