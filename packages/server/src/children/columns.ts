// the import worker loads this file too: it names the core files it needs, not all of core
import type { ChildDraft } from '@tre/core/children/child';
import { childNameKey } from '@tre/core/children/name-key';

/** A normalised child (a spreadsheet row or the screen) as the child table's columns; an import passes a remembering `nameKey`. */
export function childColumns(d: ChildDraft, nameKey: (name: string) => string = childNameKey) {
  return {
    full_name: d.fullName,
    name_key: nameKey(d.fullName),
    birth_date: d.birthDate,
    sex: d.sex,
    ethnicity: d.ethnicity,
    ethnicity_listed: d.ethnicityListed,
    personal_id: d.personalId,
    commune_code: d.communeCode,
    address: d.address,
    mother_name: d.motherName,
    father_name: d.fatherName,
    carer_name: d.carerName,
    phone: d.phone,
    disability: d.disability,
    schooling: d.schooling,
  };
}
