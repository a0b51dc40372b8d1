/**
 * A second row for a child already in the register, as it happens when a child is entered twice:
 * one to four changes drawn from those below (the name typed without diacritics, in capitals, a
 * middle name shortened or left out, a letter of the given name lost, doubled or hit beside; the
 * birth date with day and month swapped or a few days off; the ID left out of one row or mistyped;
 * another address, phone, date format or commune). Every change keeps the row valid: dates stay in
 * the birth year (the ID's YY) and within the under-16 range, and not after the date identified.
 */
import { ymdOf, dayOf, isValidDate, DATE_FORMATS } from './dates.ts';
import type { Style } from './layout.ts';
import type { Child, Population } from './people.ts';
import { Weighted } from './prng.ts';

export const CHANGES = [
  'exactCopy',
  'noDiacritics',
  'upperCase',
  'lowerCase',
  'abbreviatedMiddle',
  'missingMiddle',
  'givenTypo',
  'extraSpaces',
  'dayMonthSwap',
  'birthShift',
  'idMissing',
  'idTypo',
  'otherAddress',
  'otherPhone',
  'otherDateFormat',
  'otherCommune',
  'sexSpelling',
  'parentsMissing',
  'ethnicityBlank',
] as const;
export type Change = (typeof CHANGES)[number];
/** the ID kept in the copy and left out of the original: the original row's change, `idMissing` */
type Choice = Change | 'idMissingInOriginal';

/** Changes of one kind exclude each other. */
const KIND: Partial<Record<Choice, string>> = {
  upperCase: 'case',
  lowerCase: 'case',
  abbreviatedMiddle: 'middle',
  missingMiddle: 'middle',
  dayMonthSwap: 'birth',
  birthShift: 'birth',
  idMissing: 'id',
  idMissingInOriginal: 'id',
  idTypo: 'id',
  otherAddress: 'place',
  otherCommune: 'place',
};

const WEIGHTS = Weighted.of<Choice>([['noDiacritics', 15], ['upperCase', 9], ['lowerCase', 3], ['abbreviatedMiddle', 6], ['missingMiddle', 6], ['givenTypo', 12], ['extraSpaces', 3], ['dayMonthSwap', 5], ['birthShift', 8], ['idMissing', 8], ['idMissingInOriginal', 5], ['idTypo', 1.5], ['otherAddress', 8], ['otherPhone', 6], ['otherDateFormat', 8], ['otherCommune', 4], ['sexSpelling', 3], ['parentsMissing', 4], ['ethnicityBlank', 2]]); // prettier-ignore
const HOW_MANY = Weighted.of([
  [1, 55],
  [2, 30],
  [3, 12],
  [4, 3],
] as const);

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(ch: string, u: number): string | null {
  const lower = ch.toLowerCase();
  for (const row of KEYBOARD) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((x): x is string => x !== undefined);
    const n = options[Math.floor(u * options.length)] ?? null;
    return n !== null && ch !== lower ? n.toUpperCase() : n;
  }
  return null;
}

/** A letter of the given name lost (not the first), doubled, or replaced by its keyboard neighbour. */
export function givenTypo(given: string, u: () => number): string {
  const op = u();
  if (op < 0.33 && given.length >= 3) {
    const at = 1 + Math.floor(u() * (given.length - 1));
    return given.slice(0, at) + given.slice(at + 1);
  }
  if (op < 0.66) {
    const ascii = Array.from({ length: given.length }, (_, i) => i).filter((i) => i > 0 && /[a-z]/i.test(given.charAt(i)));
    const at = ascii[Math.floor(u() * ascii.length)];
    const n = at === undefined ? null : neighbour(given[at] ?? '', u());
    if (at !== undefined && n !== null) return given.slice(0, at) + n + given.slice(at + 1);
  }
  const at = Math.floor(u() * given.length);
  return given.slice(0, at + 1) + given.slice(at);
}

export interface Duplicate {
  copy: Child;
  copyStyle: Style;
  /** how the copy differs from the child's record */
  changes: Change[];
  /** the original row should leave its ID out (the copy keeps it) */
  blankOriginalId: boolean;
}

/** A copy of the child's record, changed; `original` is not modified. */
export function makeDuplicate(pop: Population, original: Readonly<Child>, style: Style): Duplicate {
  const rng = pop.rng;
  const copy: Child = {
    ...original,
    name: { ...original.name, middles: [...original.name.middles] },
    groups: [...original.groups],
  };
  const copyStyle: Style = { ...style };
  if (rng.chance(0.04)) return { copy, copyStyle, changes: ['exactCopy'], blankOriginalId: false };
  const want = HOW_MANY.draw(rng);
  const changes: Change[] = [];
  let blankOriginalId = false;
  const kinds = new Set<string>();
  for (let attempt = 0; changes.length < want && attempt < 40; attempt++) {
    const change = WEIGHTS.draw(rng);
    const kind = KIND[change] ?? change;
    if (kinds.has(kind)) continue;
    if (change === 'idMissingInOriginal') {
      blankOriginalId = original.personalId !== null;
      if (blankOriginalId) kinds.add(kind);
    } else if (apply(pop, change, original, copy, copyStyle)) {
      changes.push(change);
      kinds.add(kind);
    }
  }
  return { copy, copyStyle, changes, blankOriginalId };
}

/** A birth date for the copy, when it stays valid. */
function moveBirth(pop: Population, c: Child, day: number): boolean {
  if (ymdOf(day).y !== ymdOf(c.birth).y || day === c.birth) return false;
  if (day < pop.firstBirth || day > pop.lastBirth) return false;
  if (c.identifiedOn !== null && c.identifiedOn < day) return false;
  c.birth = day;
  return true;
}

function apply(pop: Population, change: Change, original: Readonly<Child>, copy: Child, style: Style): boolean {
  const rng = pop.rng;
  const name = copy.name;
  switch (change) {
    case 'exactCopy':
      return false;
    case 'noDiacritics':
      style.ascii = true;
      return true;
    case 'upperCase':
    case 'lowerCase':
      style.nameCase = change === 'upperCase' ? 'upper' : 'lower';
      return true;
    case 'abbreviatedMiddle': {
      const m = name.middles[0];
      if (m === undefined || name.surnameLast || m.length < 2) return false;
      name.middles[0] = `${m.charAt(0)}.`;
      return true;
    }
    case 'missingMiddle':
      if (name.middles.length === 0 || name.surnameLast) return false;
      name.middles = [];
      return true;
    case 'givenTypo':
      name.given = givenTypo(name.given, () => rng.next());
      return true;
    case 'extraSpaces':
      style.extraSpaces = true;
      return true;
    case 'dayMonthSwap': {
      const { y, m, d } = ymdOf(copy.birth);
      return d <= 12 && d !== m && isValidDate(y, d, m) && moveBirth(pop, copy, dayOf(y, d, m));
    }
    case 'birthShift':
      return moveBirth(pop, copy, copy.birth + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 5));
    case 'idMissing':
      if (copy.personalId === null) return false;
      copy.personalId = null;
      return true;
    case 'idTypo': {
      if (copy.personalId === null) return false;
      const typo = pop.ids.typo(copy.personalId, () => rng.next());
      if (typo === null) return false;
      copy.personalId = typo;
      return true;
    }
    case 'otherAddress':
      copy.address = pop.address(copy.commune, copy.ethnicity);
      return copy.address !== original.address;
    case 'otherPhone':
      copy.phone = copy.phone === null || rng.chance(0.6) ? pop.phone() : null;
      return true;
    case 'otherDateFormat':
      style.dateFormat = rng.pick(DATE_FORMATS.filter((f) => f !== style.dateFormat));
      return true;
    case 'otherCommune': {
      const { commune, code } = pop.place();
      if (commune.code === copy.commune.code) return false;
      Object.assign(copy, { commune, communeCode: code, address: pop.address(commune, copy.ethnicity) });
      return true;
    }
    case 'sexSpelling':
      style.sex = rng.pick(['lower', 'ascii', 'letter'] as const);
      return true;
    case 'parentsMissing':
      if (copy.mother === null && copy.father === null) return false;
      copy.mother = null;
      copy.father = null;
      return true;
    case 'ethnicityBlank':
      if (copy.ethnicityText === null) return false;
      copy.ethnicityText = null;
      return true;
  }
}
