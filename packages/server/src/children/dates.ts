import { CHILD_AGE_LIMIT } from '@tre/core/children/layout/row';
import { isUnderAge } from '@tre/core/children/layout/dates';

/** Whether a child born on `birthDate` is still a child (under 16) on `today` (Vietnam date, YYYY-MM-DD). */
export function isActiveChild(birthDate: string, today: string): boolean {
  return isUnderAge(birthDate, CHILD_AGE_LIMIT, today);
}

/** The first birth date of a child still under 16 on `today`: the active register is `birth_date > cutoff`. */
export function activeBirthCutoff(today: string): string {
  return `${Number(today.slice(0, 4)) - CHILD_AGE_LIMIT}${today.slice(4)}`;
}
