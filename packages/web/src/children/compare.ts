import type { DuplicateRecordDto } from '@tre/core';
import { foldText } from '@tre/core/text/fold';

/**
 * The side-by-side comparison of a duplicate pair: the two records' fields aligned, each row saying
 * whether the values are the same, differ only in accents or case, differ, or one side has nothing
 * (a merge fills the kept record's empty fields from the other, server children/duplicates).
 */

export const COMPARED = [
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'commune',
  'address',
  'motherName',
  'fatherName',
  'groups',
  'verification',
  'active',
] as const;
export type ComparedField = (typeof COMPARED)[number];

export type Agreement = 'same' | 'accents' | 'different' | 'onlyA' | 'onlyB' | 'empty';

export interface CompareRow {
  field: ComparedField;
  a: string | null;
  b: string | null;
  agreement: Agreement;
}

/** One field of a record as compared: trimmed, inner spaces collapsed, NFC; null for nothing. */
export function comparedValue(r: DuplicateRecordDto, field: ComparedField): string | null {
  const text = (s: string | null | undefined) => {
    const v = (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
    return v === '' ? null : v;
  };
  switch (field) {
    case 'fullName':
      return text(r.fullName);
    case 'birthDate':
      return text(r.birthDate);
    case 'sex':
      return r.sex;
    case 'personalId':
      return text(r.personalIdMasked);
    case 'commune':
      return text(r.communeCode);
    case 'address':
      return text(r.address);
    case 'motherName':
      return text(r.motherName);
    case 'fatherName':
      return text(r.fatherName);
    case 'groups':
      return r.groups.length === 0 ? null : [...r.groups].sort().join(',');
    case 'verification':
      return r.verification;
    case 'active':
      return r.active ? 'true' : 'false';
  }
}

/** How two values agree. */
export function agreement(a: string | null, b: string | null): Agreement {
  if (a === null && b === null) return 'empty';
  if (a === null) return 'onlyB';
  if (b === null) return 'onlyA';
  if (a === b) return 'same';
  return foldText(a) === foldText(b) ? 'accents' : 'different';
}

/** Every compared field of the pair, in the order the page shows them. */
export function compareRecords(a: DuplicateRecordDto, b: DuplicateRecordDto): CompareRow[] {
  return COMPARED.map((field) => {
    const va = comparedValue(a, field);
    const vb = comparedValue(b, field);
    return { field, a: va, b: vb, agreement: agreement(va, vb) };
  });
}

/** Whether a row is worth the reviewer's eye: anything but the same value (or nothing) on both sides. */
export const stands = (x: Agreement): boolean => x !== 'same' && x !== 'empty';

/** A pair's score as the page shows it: a share of 1 as a whole percentage, any larger score as it is. */
export function formatScore(score: number): string {
  return score >= 0 && score <= 1 ? `${Math.round(score * 100)}%` : String(Math.round(score * 100) / 100);
}
