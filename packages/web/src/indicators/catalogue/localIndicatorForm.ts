import type { Direction, MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import type { CatalogueReply, LocalIndicatorRequest } from '@tre/core/indicators/indicator-api';
import type { entryVi } from '../../i18n/messages-entry.ts';

/**
 * The "add a local indicator" form without React: its state, the request it builds, and where a
 * server error about the request belongs on the form.
 */

/** The factor each unit implies (core catalogue-schema UNIT_FACTOR; kept here so the page does not bundle zod). */
export const UNIT_FACTOR: Record<MeasureUnit, 100 | 1000 | 100000> = { '%': 100, per1000: 1000, per100000: 100000 };
export const MEASURE_UNITS: readonly MeasureUnit[] = ['%', 'per1000', 'per100000'];

/** A measure's numerator or denominator: an element of the catalogue, or a new one defined here. */
export type ElementChoice =
  { mode: 'existing'; code: string | null } | { mode: 'new'; code: string; nameVi: string; nameEn: string; categories: string[] };

export interface MeasureForm {
  code: string;
  nameVi: string;
  nameEn: string;
  numerator: ElementChoice;
  denominator: ElementChoice;
  unit: MeasureUnit;
  direction: Direction;
  agency: string | null;
}

export interface LocalIndicatorForm {
  code: string;
  /** '' = no number */
  no: number | '';
  goal: number | null;
  nameVi: string;
  nameEn: string;
  measures: MeasureForm[];
}

export const emptyMeasure = (): MeasureForm => ({
  code: '',
  nameVi: '',
  nameEn: '',
  numerator: { mode: 'existing', code: null },
  denominator: { mode: 'existing', code: null },
  unit: '%',
  direction: 'higher',
  agency: null,
});

export const emptyForm = (): LocalIndicatorForm => ({
  code: '',
  no: '',
  goal: null,
  nameVi: '',
  nameEn: '',
  measures: [emptyMeasure()],
});

export type Side = 'numerator' | 'denominator';

type EntryKey = keyof typeof entryVi;
export interface FormError {
  key: EntryKey;
  params?: Record<string, string | number>;
}
/**
 * Errors by form field: `code`, `no`, `goal`, `nameVi`, `nameEn`, `measures` (the list),
 * `measures.0.code|nameVi|nameEn|unit|direction|agency`, `measures.0.numerator` (the choice) and
 * `measures.0.numerator.code|nameVi|nameEn|categories` (a new element's fields).
 */
export type FormErrors = Record<string, FormError>;

const CODE = /^[A-Z][A-Z0-9_]*$/;

export interface BuildResult {
  request: LocalIndicatorRequest | null;
  errors: FormErrors;
  /** for each entry of request.dataElements, the form field that defined it */
  elementOrigins: { measure: number; side: Side }[];
}

/** Code as typed, made upper snake case (spaces and dashes to underscores). */
export function normaliseCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Builds the request, or lists what is wrong. English names may be left empty: the Vietnamese one
 * is used (the catalogue requires both). Codes must be new; a new data element defined in two
 * measures (the same denominator) is sent once, and must be defined the same way both times.
 */
export function buildLocalIndicatorRequest(form: LocalIndicatorForm, catalogue: CatalogueReply): BuildResult {
  const errors: FormErrors = {};
  const fail = (field: string, key: EntryKey, params?: Record<string, string | number>) => {
    if (!errors[field]) errors[field] = params ? { key, params } : { key };
  };
  const indicatorCodes = new Set(catalogue.indicators.map((i) => i.code));
  const measureCodes = new Set(catalogue.indicators.flatMap((i) => i.measures.map((m) => m.code)));
  const elementCodes = new Set(catalogue.dataElements.map((e) => e.code));
  const categoryCodes = new Set(catalogue.categories.map((c) => c.code));

  const checkCode = (field: string, code: string, taken: Set<string>) => {
    if (!code) fail(field, 'localErrRequired');
    else if (!CODE.test(code)) fail(field, 'localErrCodeFormat');
    else if (taken.has(code)) fail(field, 'localErrCodeTaken', { code });
  };

  const code = normaliseCode(form.code);
  checkCode('code', code, indicatorCodes);
  const no = form.no === '' ? null : form.no;
  if (no !== null && (!Number.isInteger(no) || no < 1 || no > 999)) fail('no', 'localErrNumber');
  const sameNo = no === null ? undefined : catalogue.indicators.find((i) => i.no === no);
  // plan targets are matched to indicators by number, so the server refuses a number in use
  if (sameNo) fail('no', 'localErrNumberTaken', { no: no ?? '', code: sameNo.code });
  if (!form.nameVi.trim()) fail('nameVi', 'localErrRequired');
  if (form.measures.length === 0) fail('measures', 'localErrNoMeasure');

  const newElements = new Map<
    string,
    { element: LocalIndicatorRequest['dataElements'][number]; origin: { measure: number; side: Side } }
  >();
  const seenMeasures = new Set<string>();

  const elementOf = (i: number, side: Side, choice: ElementChoice): string | null => {
    const field = `measures.${i}.${side}`;
    if (choice.mode === 'existing') {
      if (!choice.code) {
        fail(field, 'localErrChooseElement');
        return null;
      }
      return choice.code;
    }
    const c = normaliseCode(choice.code);
    if (!c) fail(`${field}.code`, 'localErrRequired');
    else if (!CODE.test(c)) fail(`${field}.code`, 'localErrCodeFormat');
    else if (elementCodes.has(c)) fail(`${field}.code`, 'localErrElementExists', { code: c });
    if (!choice.nameVi.trim()) fail(`${field}.nameVi`, 'localErrRequired');
    const unknown = choice.categories.find((cat) => !categoryCodes.has(cat));
    if (unknown) fail(`${field}.categories`, 'localErrCategory', { code: unknown });
    const element = {
      code: c,
      name: { vi: choice.nameVi.trim(), en: choice.nameEn.trim() || choice.nameVi.trim() },
      valueType: 'count' as const,
      categories: [...choice.categories],
    };
    const earlier = newElements.get(c);
    if (earlier) {
      const same =
        earlier.element.name.vi === element.name.vi &&
        earlier.element.name.en === element.name.en &&
        earlier.element.categories.join() === element.categories.join();
      if (!same) fail(`${field}.code`, 'localErrElementTwice', { code: c });
    } else if (c && CODE.test(c)) {
      newElements.set(c, { element, origin: { measure: i, side } });
    }
    return c || null;
  };

  const measures = form.measures.map((m, i) => {
    const f = `measures.${i}`;
    const mcode = normaliseCode(m.code);
    checkCode(`${f}.code`, mcode, measureCodes);
    if (mcode && seenMeasures.has(mcode)) fail(`${f}.code`, 'localErrCodeTwice', { code: mcode });
    seenMeasures.add(mcode);
    if (!m.nameVi.trim()) fail(`${f}.nameVi`, 'localErrRequired');
    const numerator = elementOf(i, 'numerator', m.numerator);
    const denominator = elementOf(i, 'denominator', m.denominator);
    if (numerator && denominator && numerator === denominator) fail(`${f}.denominator`, 'localErrSameElement');
    if (!m.agency) fail(`${f}.agency`, 'localErrChooseAgency');
    return {
      code: mcode,
      name: { vi: m.nameVi.trim(), en: m.nameEn.trim() || m.nameVi.trim() },
      numerator: numerator ?? '',
      denominator: denominator ?? '',
      factor: UNIT_FACTOR[m.unit],
      unit: m.unit,
      direction: m.direction,
      agency: m.agency ?? '',
      nationalTargets: [],
    };
  });

  // an existing element must be in the catalogue or defined as new in another measure of this form
  form.measures.forEach((m, i) => {
    for (const side of ['numerator', 'denominator'] as const) {
      const choice = m[side];
      if (choice.mode === 'existing' && choice.code && !elementCodes.has(choice.code) && !newElements.has(choice.code)) {
        fail(`measures.${i}.${side}`, 'localErrChooseElement');
      }
    }
  });

  const list = [...newElements.values()];
  const elementOrigins = list.map((e) => e.origin);
  if (Object.keys(errors).length > 0) return { request: null, errors, elementOrigins };
  return {
    request: {
      indicator: {
        code,
        no,
        goal: form.goal,
        name: { vi: form.nameVi.trim(), en: form.nameEn.trim() || form.nameVi.trim() },
        measures,
      },
      dataElements: list.map((e) => e.element),
    },
    errors,
    elementOrigins,
  };
}

const NAME_FIELD: Record<string, string> = { 'name.vi': 'nameVi', 'name.en': 'nameEn', name: 'nameVi' };

/**
 * The form field a server error names (`indicator.measures.1.numerator`, `dataElements.0.name.vi`,
 * `indicator.code` …), or null when it names none (the message is shown above the form).
 */
export function formFieldOf(
  serverField: string | undefined,
  elementOrigins: readonly { measure: number; side: Side }[],
): string | null {
  if (!serverField) return null;
  const f = serverField.replace(/^body\./, '');
  let m = /^indicator\.(code|no|goal|name(?:\.vi|\.en)?)$/.exec(f);
  if (m?.[1]) return NAME_FIELD[m[1]] ?? m[1];
  m = /^indicator\.measures\.(\d+)(?:\.(.+))?$/.exec(f);
  if (m?.[1]) {
    const rest = m[2] ?? '';
    const sub =
      NAME_FIELD[rest] ??
      (rest === 'factor' ? 'unit' : /^(code|numerator|denominator|unit|direction|agency)$/.test(rest) ? rest : null);
    return sub ? `measures.${m[1]}.${sub}` : `measures.${m[1]}.code`;
  }
  if (/^indicator\.measures$/.test(f)) return 'measures';
  m = /^dataElements\.(\d+)(?:\.(.+))?$/.exec(f);
  if (m?.[1]) {
    const origin = elementOrigins[Number(m[1])];
    if (!origin) return null;
    const rest = m[2] ?? 'code';
    const sub = NAME_FIELD[rest] ?? (rest === 'categories' || rest.startsWith('categories.') ? 'categories' : 'code');
    return `measures.${origin.measure}.${origin.side}.${sub}`;
  }
  return null;
}
