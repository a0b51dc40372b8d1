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

/** The day before the 16th birthday (`YYYY-MM-DD`); a child born on 29 February turns 16 on 1 March. */
export function lastDayAsChild(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const birthday = new Date(Date.UTC((y ?? 0) + CHILD_AGE_LIMIT, (m ?? 1) - 1, d ?? 1));
  // Date.UTC rolls 29 February of a common year to 1 March, as the law counts it
  return new Date(birthday.getTime() - 86_400_000).toISOString().slice(0, 10);
}
