import type { Bilingual } from '../indicators/catalogue-schema.ts';

/**
 * A child of the register (issue 15) as the import layout and the screens give it, normalised.
 * The layout is `../shared/spec/children-import.md`; every rule of it lives in `layout/`.
 */

export type Sex = 'male' | 'female';

/** Luật Trẻ em 2016, Điều 10: the 14 groups of children in special circumstances, by their letter. */
export const CIRCUMSTANCE_GROUPS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o'] as const;
export type CircumstanceGroup = (typeof CIRCUMSTANCE_GROUPS)[number];

export const SCHOOLING = ['none', 'preschool', 'primary', 'lower_secondary', 'upper_secondary', 'dropped_out'] as const;
export type Schooling = (typeof SCHOOLING)[number];

/** The fields of the import layout, in the spec's order; `field` of a rejection is one of these. */
export const CHILD_FIELDS = [
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'personalId',
  'communeCode',
  'address',
  'motherName',
  'fatherName',
  'carerName',
  'phone',
  'groups',
  'identifiedOn',
  'disability',
  'schooling',
] as const;
export type ChildField = (typeof CHILD_FIELDS)[number];

/** One row of the layout after every rule: what the register stores. Dates are `YYYY-MM-DD`. */
export interface ChildDraft {
  fullName: string;
  birthDate: string;
  sex: Sex;
  /** one of the 54 groups as the official list spells it, or the file's own text (then `ethnicityListed` is false) */
  ethnicity: string | null;
  ethnicityListed: boolean;
  /** 12 digits */
  personalId: string | null;
  /** the current 5-digit commune code (a pre-2025 code already mapped) */
  communeCode: string;
  address: string | null;
  motherName: string | null;
  fatherName: string | null;
  carerName: string | null;
  /** `0` and 9 or 10 digits */
  phone: string | null;
  groups: CircumstanceGroup[];
  identifiedOn: string | null;
  disability: boolean | null;
  schooling: Schooling | null;
}

/** A rule a row breaks: the field and why, in Vietnamese and English. Never holds the value itself when it identifies the child. */
export interface FieldProblem {
  field: ChildField;
  reason: Bilingual;
}
