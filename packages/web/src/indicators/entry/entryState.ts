import type { Language } from '@tre/core';
import type { Bilingual } from '@tre/core/indicators/catalogue-schema';
import type { CatalogueReply, EntryFormDto, SaveValuesRequest, ValidationViolationDto } from '@tre/core/indicators/indicator-api';
import { countOf, parseCount } from '@tre/core/indicators/counts';
import { disaggregationKey } from '@tre/core/indicators/values';

/**
 * The entry form's state without React: what is stored, what the user typed, what to send.
 *
 * Cells: element code → disaggregation key ('' = the element's total, else a canonical key such as
 * `age_group=u6|sex=female`, core values.ts) → value. `null` means "not reported": an emptied
 * input is sent as null (the stored value is cleared), never as 0.
 */
export type Row = Readonly<Record<string, number | null>>;
export type Cells = Readonly<Record<string, Row>>;
export type SaveValue = SaveValuesRequest['values'][number];

export const TOTAL = '';

/** The cells of a form as the server sent it. */
export function cellsOf(form: EntryFormDto): Cells {
  const out: Record<string, Record<string, number | null>> = {};
  for (const e of form.elements) {
    const row: Record<string, number | null> = { [TOTAL]: e.value };
    for (const p of e.parts) row[p.disaggregation] = p.value;
    out[e.code] = row;
  }
  return out;
}

export function cellValue(cells: Cells, element: string, key: string): number | null {
  return cells[element]?.[key] ?? null;
}

/** Cells with one value replaced; other rows keep their identity (rows re-render only when theirs changed). */
export function setCell(cells: Cells, element: string, key: string, value: number | null): Cells {
  if (cellValue(cells, element, key) === value && cells[element] && key in cells[element]) return cells;
  return { ...cells, [element]: { ...cells[element], [key]: value } };
}

/**
 * The values to send: only cells whose value differs from what is stored, in form order, the
 * total without a disaggregation, a cleared value as null.
 */
export function changedValues(original: Cells, current: Cells): SaveValue[] {
  const out: SaveValue[] = [];
  const elements = [...new Set([...Object.keys(original), ...Object.keys(current)])];
  for (const element of elements) {
    const keys = [...new Set([...Object.keys(original[element] ?? {}), ...Object.keys(current[element] ?? {})])];
    keys.sort((a, b) => (a === TOTAL ? -1 : b === TOTAL ? 1 : 0));
    for (const key of keys) {
      const before = cellValue(original, element, key);
      const after = cellValue(current, element, key);
      if (before === after) continue;
      out.push(key === TOTAL ? { element, value: after } : { element, disaggregation: key, value: after });
    }
  }
  return out;
}

/** Whether a row has unsaved changes. */
export function rowChanged(original: Row | undefined, current: Row | undefined): boolean {
  if (original === current) return false;
  const keys = new Set([...Object.keys(original ?? {}), ...Object.keys(current ?? {})]);
  for (const k of keys) if ((original?.[k] ?? null) !== (current?.[k] ?? null)) return true;
  return false;
}

/**
 * What a count box holds: empty text is "not reported" (null); otherwise the one reading of core
 * counts.ts (`1.234`, `1 234`, `1,234` = 1234), or why the text is not a count (`12,5`, `-3`, …),
 * which the form shows beside the box instead of changing what was typed.
 */
export function readCountInput(text: string): { value: number | null } | { problem: Bilingual } {
  if (text.trim() === '') return { value: null };
  return parseCount(text);
}

/** A count as typed ('' → null, anything that is not a count → undefined). */
export function countFromInput(v: number | string): number | null | undefined {
  const r = typeof v === 'number' ? countOf(v) : readCountInput(v);
  return 'value' in r ? r.value : undefined;
}

/** A count as the box shows it when it was not typed there: grouped by thousands as the language writes them. */
export function formatCountInput(value: number | null, lang: Language): string {
  if (value === null) return '';
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 });
}

/** Texts typed in count boxes that are not counts: element → disaggregation key → text. */
export type Unreadable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Marks one box as holding unreadable text (or clears the mark with null); other elements keep their identity. */
export function markUnreadable(u: Unreadable, element: string, key: string, text: string | null): Unreadable {
  const mine = u[element] ?? {};
  if (text === null) {
    if (!(key in mine)) return u;
    const { [key]: _gone, ...rest } = mine;
    return { ...u, [element]: rest };
  }
  if (mine[key] === text) return u;
  return { ...u, [element]: { ...mine, [key]: text } };
}

/** How many boxes hold text that is not a count (the form is not saved while any does). */
export function unreadableCount(u: Unreadable): number {
  return Object.values(u).reduce((n, row) => n + Object.keys(row).length, 0);
}

export interface PartsCheck {
  /** sum of the parts entered, null when none is */
  sum: number | null;
  filled: number;
  of: number;
  /** a total is given and the parts entered do not add up to it */
  mismatch: boolean;
}

/**
 * Parts against the total. Parts that add up to less than the total are still flagged: the server
 * keeps the total (some children may not be classified) but its validation warns, so the user is
 * told here first.
 */
export function partsCheck(total: number | null, parts: readonly (number | null)[]): PartsCheck {
  const given = parts.filter((p): p is number => p !== null);
  const sum = given.length > 0 ? given.reduce((a, b) => a + b, 0) : null;
  return { sum, filled: given.length, of: parts.length, mismatch: total !== null && sum !== null && sum !== total };
}

export interface PartCombo {
  /** canonical disaggregation key, e.g. `age_group=u6|sex=female` */
  key: string;
  /** one option per category, in the element's category order */
  options: { category: string; option: string; name: Bilingual }[];
}

/**
 * Every cell of an element's disaggregation: the cross product of its categories' options (the
 * server accepts a part only when it names one option of each category). Null when a category is
 * not known (the catalogue did not load).
 */
export function partCombos(categories: readonly string[], defs: CatalogueReply['categories'] | undefined): PartCombo[] | null {
  if (categories.length === 0) return [];
  const cats = categories.map((c) => defs?.find((d) => d.code === c));
  if (cats.some((c) => !c)) return null;
  let combos: PartCombo['options'][] = [[]];
  for (const cat of cats) {
    if (!cat) return null;
    combos = combos.flatMap((prefix) =>
      cat.options.map((o) => [...prefix, { category: cat.code, option: o.code, name: o.name }]),
    );
  }
  return combos.map((options) => ({
    key: disaggregationKey(Object.fromEntries(options.map((o) => [o.category, o.option]))),
    options,
  }));
}

/** The cell a server error names (`values.3.value` → the fourth value sent), or null. */
export function cellOfError(field: string | undefined, sent: readonly SaveValue[]): { element: string; key: string } | null {
  const m = /^values\.(\d+)(?:\.|$)/.exec(field ?? '');
  if (!m?.[1]) return null;
  const v = sent[Number(m[1])];
  return v ? { element: v.element, key: v.disaggregation ?? TOTAL } : null;
}

type CatalogueIndicator = Pick<CatalogueReply['indicators'][number], 'code' | 'no' | 'name' | 'measures'>;

export interface ElementGroup<E> {
  /** 'common': figures several indicators use (population counts); 'other': none uses them */
  kind: 'indicator' | 'common' | 'other';
  indicator: { code: string; no: number | null; name: Bilingual } | null;
  elements: E[];
}

/**
 * Elements grouped by the indicator whose measures use them, in catalogue order; an element used
 * by several indicators (e.g. the number of children, the denominator of many rates) goes to one
 * "common" group first, so each element appears once. Without a catalogue: one group in form order.
 */
export function groupElements<E extends { code: string }>(
  elements: readonly E[],
  indicators: readonly CatalogueIndicator[] | undefined,
): ElementGroup<E>[] {
  if (!indicators) return elements.length ? [{ kind: 'other', indicator: null, elements: [...elements] }] : [];
  const users = new Map<string, string[]>();
  for (const ind of indicators) {
    for (const m of ind.measures) {
      for (const code of [m.numerator, m.denominator]) {
        const list = users.get(code) ?? [];
        if (!list.includes(ind.code)) list.push(ind.code);
        users.set(code, list);
      }
    }
  }
  const common: E[] = [];
  const other: E[] = [];
  const byIndicator = new Map<string, E[]>();
  for (const e of elements) {
    const used = users.get(e.code) ?? [];
    if (used.length === 0) other.push(e);
    else if (used.length > 1) common.push(e);
    else byIndicator.set(used[0] ?? '', [...(byIndicator.get(used[0] ?? '') ?? []), e]);
  }
  const out: ElementGroup<E>[] = [];
  if (common.length) out.push({ kind: 'common', indicator: null, elements: common });
  for (const ind of indicators) {
    const list = byIndicator.get(ind.code);
    if (list?.length) out.push({ kind: 'indicator', indicator: { code: ind.code, no: ind.no, name: ind.name }, elements: list });
  }
  if (other.length) out.push({ kind: 'other', indicator: null, elements: other });
  return out;
}

/** One finding of a validation run (POST /api/indicators/validation-run). */
export type Violation = ValidationViolationDto;

export interface Findings {
  errors: Violation[];
  /** required figures not reported (one finding per element: shown together) */
  missing: Violation[];
  warnings: Violation[];
}

/** A validation run's findings about one unit, split for display. */
export function findingsFor(violations: readonly Violation[], unit: string): Findings {
  const mine = violations.filter((v) => v.unit === unit);
  return {
    errors: mine.filter((v) => v.severity === 'error' && v.rule !== 'required_missing'),
    missing: mine.filter((v) => v.rule === 'required_missing'),
    warnings: mine.filter((v) => v.severity === 'warning'),
  };
}

/**
 * Findings by element, for the note beside each input. Missing figures are listed once, above; a
 * total that differs from its parts is already flagged beside the input as it is typed.
 */
export function findingsByElement(f: Findings): Map<string, Violation[]> {
  const out = new Map<string, Violation[]>();
  for (const v of [...f.errors, ...f.warnings]) {
    if (v.rule === 'disaggregation_mismatch') continue;
    for (const e of v.elements) out.set(e, [...(out.get(e) ?? []), v]);
  }
  return out;
}

/** `HH:mm dd/MM/yyyy` in Vietnam time (the way dates are written in Vietnam). */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  // Vietnam's clock (UTC+7, no daylight saving) whatever the browser's zone: the rest of Tre (a
  // report's sending, a comment) says Vietnam time, and one screen must not say another
  const d = new Date(ms + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Who entered a figure and when, as the text parameters of "Nhập bởi {who} lúc {time}"; null when unknown. */
export function enteredParams(by: string | null, at: string | null): { who: string; time: string } | null {
  if (!by && !at) return null;
  return { who: by ?? '?', time: at ? formatDateTime(at) : '?' };
}
