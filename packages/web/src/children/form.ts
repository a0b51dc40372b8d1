import type { ChildDto, ChildField } from '@tre/core';
import { SCHOOLING_LABELS } from './labels.ts';

/**
 * A child's record as the screen's form holds it: every field as the text a spreadsheet cell would
 * hold, in the layout's words (`Nữ`, `Tiểu học`, `Có`, groups `a;d`). The server reads it by the
 * import layout's rules, so the screen and a file never disagree about what is valid.
 */

export type ChildFormValues = Record<ChildField, string>;

export const EMPTY_CHILD: ChildFormValues = {
  fullName: '',
  birthDate: '',
  sex: '',
  ethnicity: '',
  personalId: '',
  communeCode: '',
  address: '',
  motherName: '',
  fatherName: '',
  carerName: '',
  phone: '',
  groups: '',
  identifiedOn: '',
  disability: '',
  schooling: '',
};

/** A stored record as the form's text, in the layout's words (`Nữ`, `Tiểu học`, `Có`). */
export function formValuesOf(c: ChildDto): ChildFormValues {
  return {
    fullName: c.fullName,
    birthDate: c.birthDate,
    sex: c.sex === 'male' ? 'Nam' : 'Nữ',
    ethnicity: c.ethnicity ?? '',
    personalId: c.personalId ?? '',
    communeCode: c.communeCode,
    address: c.address ?? '',
    motherName: c.motherName ?? '',
    fatherName: c.fatherName ?? '',
    carerName: c.carerName ?? '',
    phone: c.phone ?? '',
    groups: c.groups
      .filter((g) => g.endedOn === null)
      .map((g) => g.group)
      .join(';'),
    identifiedOn: '',
    disability: c.disability === null ? '' : c.disability ? 'Có' : 'Không',
    schooling: c.schooling ? SCHOOLING_LABELS[c.schooling].vi : '',
  };
}

/** The body of POST /api/children and PATCH /api/children/:id: an empty field is null (no value). */
export function childBody(values: ChildFormValues): Record<ChildField, string | null> {
  const body = {} as Record<ChildField, string | null>;
  for (const [field, value] of Object.entries(values) as [ChildField, string][]) body[field] = value.trim() === '' ? null : value;
  return body;
}
