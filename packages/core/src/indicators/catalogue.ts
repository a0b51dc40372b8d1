import raw from '../../data/indicators/catalogue.json' with { type: 'json' };
import type { Catalogue, DataElement, Indicator, Measure } from './catalogue-schema.ts';

/**
 * The national catalogue (24 indicators of Quyết định 23/QĐ-TTg) as shipped data. It is typed here
 * without parsing so that importing it does not pull zod into the web bundle; catalogue.test.ts
 * validates the file against CatalogueSchema, and local catalogues are parsed with the schema where
 * they enter (server, import).
 */
export const NATIONAL_CATALOGUE: Catalogue = raw as Catalogue;

/** Lookups over one catalogue (national, or national merged with local indicators). */
export interface CatalogueIndex {
  catalogue: Catalogue;
  measures: Measure[];
  measure(code: string): Measure | undefined;
  element(code: string): DataElement | undefined;
  /** the indicator a measure belongs to */
  indicatorOf(measureCode: string): Indicator | undefined;
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const measures = new Map<string, Measure>();
  const owner = new Map<string, Indicator>();
  for (const ind of catalogue.indicators) {
    for (const m of ind.measures) {
      measures.set(m.code, m);
      owner.set(m.code, ind);
    }
  }
  const elements = new Map(catalogue.dataElements.map((e) => [e.code, e]));
  return {
    catalogue,
    measures: [...measures.values()],
    measure: (code) => measures.get(code),
    element: (code) => elements.get(code),
    indicatorOf: (code) => owner.get(code),
  };
}

/** How replies name a measure: its code, its indicator's code and number, name, unit and direction. */
export function measureHeading(index: CatalogueIndex, m: Measure) {
  const ind = index.indicatorOf(m.code);
  return {
    measure: m.code,
    indicator: ind?.code ?? '',
    indicatorNo: ind?.no ?? null,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
  };
}
