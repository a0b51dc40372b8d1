/**
 * Rows with exactly one known defect, each naming the field a rejection should name: a missing
 * name, an impossible, future, missing or 16-or-older birth date, an unknown sex, an ID of the
 * wrong length or with a century/sex digit, year or province part that disagrees, a commune code in
 * no list (or a pre-2025 code split among several communes), a bad phone, a group letter outside
 * a…o, a date identified before birth. Cells the defect would make uncheckable (the ID of a row
 * whose birth date or sex is unreadable) are left empty so that no second rule fires.
 */
import type { ChildField } from '@tre/core/children/child';
import { dayOf, formatDay, ymdOf } from './dates.ts';
import { centurySexDigit } from './ids.ts';
import { FIELD_INDEX, renderCells, type Style } from './layout.ts';
import type { Child, Population } from './people.ts';
import { Weighted } from './prng.ts';

export const DEFECTS = {
  missingName: 'fullName',
  impossibleDate: 'birthDate',
  futureBirth: 'birthDate',
  sixteenOrOlder: 'birthDate',
  missingBirthDate: 'birthDate',
  unknownSex: 'sex',
  idLength: 'personalId',
  idNotDigits: 'personalId',
  idCenturySex: 'personalId',
  idYear: 'personalId',
  idProvince: 'personalId',
  unknownCommune: 'communeCode',
  ambiguousOldCommune: 'communeCode',
  missingCommune: 'communeCode',
  badPhone: 'phone',
  unknownGroup: 'groups',
  identifiedBeforeBirth: 'identifiedOn',
} as const satisfies Record<string, ChildField>;
export type Defect = keyof typeof DEFECTS;

const WEIGHTS = Weighted.of<Defect>([['missingName', 9], ['impossibleDate', 8], ['futureBirth', 5], ['sixteenOrOlder', 8], ['missingBirthDate', 2], ['unknownSex', 8], ['idLength', 5], ['idNotDigits', 2], ['idCenturySex', 6], ['idYear', 5], ['idProvince', 4], ['unknownCommune', 7], ['ambiguousOldCommune', 3], ['missingCommune', 2], ['badPhone', 10], ['unknownGroup', 10], ['identifiedBeforeBirth', 8]]); // prettier-ignore

const IMPOSSIBLE = ['31/02', '30/02', '29/02', '31/04', '31/06', '31/09', '31/11', '32/01', '15/13', '00/05', '12/00'];
const SEXES = ['X', 'Khác', 'K', '1', '0', '?', 'Không rõ', 'N/A', ''];
const BAD_GROUPS = ['f', 'p', 'f', 'p', 'q', 'j', 'z', 'a; f', 'd, p', 'ff'];

export interface InvalidRow {
  cells: string[];
  field: ChildField;
  defect: Defect;
}

/** A fresh child written with one defect. */
export function makeInvalid(pop: Population, child: Child, style: Style): InvalidRow {
  const rng = pop.rng;
  let defect = WEIGHTS.draw(rng);
  if (defect === 'ambiguousOldCommune' && pop.units.ambiguousOldCodes.length === 0) defect = 'unknownCommune';
  const c: Child = { ...child };
  const set: Partial<Record<ChildField, string>> = {};
  const idFor = (year: number, sex = c.sex) => pop.ids.issue(c.idProvince, year, sex);
  const { y } = ymdOf(c.birth);
  switch (defect) {
    case 'missingName':
      set.fullName = rng.pick(['', ' ', '  ']);
      break;
    case 'impossibleDate':
    case 'futureBirth':
    case 'missingBirthDate': {
      const year = rng.int(2011, 2025);
      set.birthDate =
        defect === 'impossibleDate'
          ? `${rng.pick(IMPOSSIBLE)}/${String(year % 4 === 0 ? year + 1 : year)}` // 29/02 of a common year
          : defect === 'futureBirth'
            ? formatDay(pop.importDay + rng.int(1, 240), style.dateFormat)
            : '';
      c.personalId = null;
      c.identifiedOn = null;
      c.schooling = null;
      break;
    }
    case 'sixteenOrOlder': {
      const { y: iy, m, d } = ymdOf(pop.importDay);
      const edge = dayOf(iy - 16, m, d); // 16 today
      c.birth = rng.chance(0.15) ? edge : edge - rng.int(1, 5 * 365);
      c.personalId = c.personalId === null ? null : idFor(ymdOf(c.birth).y);
      c.schooling = rng.chance(0.8) ? 'THPT' : 'Bỏ học';
      c.identifiedOn = c.identifiedOn === null ? null : c.birth + rng.int(30, 3000);
      break;
    }
    case 'unknownSex':
      set.sex = rng.pick(SEXES);
      c.personalId = null;
      break;
    case 'idLength':
    case 'idNotDigits':
    case 'idCenturySex':
    case 'idYear':
    case 'idProvince': {
      const id = c.personalId ?? idFor(y);
      const g = centurySexDigit(y, c.sex);
      if (defect === 'idLength') set.personalId = rng.chance(0.5) ? id.slice(0, 11) : id + rng.digits(1);
      else if (defect === 'idNotDigits') set.personalId = `${id.slice(0, 8)}${rng.pick(['O', 'l', 'A', '-'])}${id.slice(9)}`;
      else if (defect === 'idCenturySex') {
        const wrong = rng.pick([g ^ 1, g - 2, g + 2, 7, 9]);
        set.personalId = id.slice(0, 3) + String(wrong) + id.slice(4);
      } else if (defect === 'idYear') {
        const other = (y + rng.pick([-3, -2, -1, 1, 2, 3])) % 100;
        set.personalId = id.slice(0, 4) + String(other).padStart(2, '0') + id.slice(6);
      } else set.personalId = `0${rng.pick(pop.units.unknownProvinceCodes)}${id.slice(3)}`;
      break;
    }
    case 'unknownCommune':
    case 'ambiguousOldCommune':
    case 'missingCommune': {
      let code = defect === 'ambiguousOldCommune' ? rng.pick(pop.units.ambiguousOldCodes) : '';
      while (defect === 'unknownCommune' && (code === '' || pop.units.isKnownCode(code))) code = rng.digits(5);
      set.communeCode = code;
      break;
    }
    case 'badPhone':
      set.phone = rng.pick([
        `09${rng.digits(5)}`,
        `09${rng.digits(11)}`,
        `09${rng.digits(3)}l${rng.digits(4)}`,
        `+1 415 555 ${rng.digits(4)}`,
        `0${rng.digits(2)}-${rng.digits(3)}`,
      ]);
      break;
    case 'unknownGroup':
      set.groups = rng.pick(BAD_GROUPS);
      c.disability = null;
      break;
    case 'identifiedBeforeBirth':
      if (c.groups.length === 0) c.groups = ['n'];
      c.identifiedOn = c.birth - rng.int(1, 700);
      break;
  }
  const cells = renderCells(c, style);
  for (const [field, value] of Object.entries(set) as [ChildField, string][]) cells[FIELD_INDEX[field]] = value;
  return { cells, field: DEFECTS[defect], defect };
}
