/**
 * Lock-out after repeated failed sign-ins. The first FREE_ATTEMPTS failures cost nothing; each
 * later failure locks the account for twice as long as the previous one, capped, so a password
 * cannot be guessed online while a user who mistypes a few times is not shut out for long.
 */
export const FREE_ATTEMPTS = 5;
export const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 60 * 60;

/** Seconds of lock after the given number of consecutive failures (0 while still free). */
export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  const doublings = failures - FREE_ATTEMPTS;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** Math.min(doublings, 20));
}

/**
 * Per-account lock-out does not stop one password tried against many accounts. So failures are
 * also counted per client address: past IP_MAX_FAILURES in IP_WINDOW_SECONDS, that address may not
 * try again until the window has passed.
 */
export const IP_MAX_FAILURES = 20;
export const IP_WINDOW_SECONDS = 10 * 60;

export const MIN_PASSWORD_LENGTH = 10;
