import crypto from 'node:crypto';
import { IP_MAX_FAILURES, IP_WINDOW_SECONDS, lockSecondsAfter } from '@tre/core';

/*
 * Sign-in throttling, in memory (a restart forgets it; the per-account lock-out in the database is
 * the durable defence). Three parts:
 *
 * 1. Per client address, failures are counted in a fixed window of IP_WINDOW_SECONDS. Past
 *    IP_MAX_FAILURES in the window the address is throttled: its attempts are refused with
 *    TOO_MANY_ATTEMPTS before any password is checked, so spraying one password over many
 *    usernames from one address gets IP_MAX_FAILURES guesses per window and no more.
 * 2. A browser that has signed in to an account before holds a device cookie for it (an HMAC of
 *    the username and issue time keyed by the account's password hash: nothing to store, no secret
 *    to configure, void once the password changes). An attempt on that account carrying its device
 *    cookie passes a throttled address and meets only the account's own lock-out. So a colleague
 *    behind the same office NAT who signs in with the right password is not shut out by someone
 *    else's spraying; the sprayer, who holds no such cookie, is. (A colleague who has never signed
 *    in from that browser waits out the window, as before.)
 * 3. An unknown username is locked out exactly like an account (same free attempts, same back-off,
 *    same reply), so the lock-out does not reveal which usernames exist. Kept per username in a
 *    bounded map.
 */

const windows = new Map<string, { startedAt: number; failures: number }>();
const MAX_ADDRESSES = 100_000;

/** Seconds the address must still wait, or 0 if it may try. */
export function ipWaitSeconds(ip: string | null, now: number): number {
  if (!ip) return 0;
  const w = windows.get(ip);
  if (!w) return 0;
  const end = w.startedAt + IP_WINDOW_SECONDS * 1000;
  if (end <= now) {
    windows.delete(ip);
    return 0;
  }
  return w.failures >= IP_MAX_FAILURES ? Math.ceil((end - now) / 1000) : 0;
}

export function recordIpFailure(ip: string | null, now: number): void {
  if (!ip) return;
  const w = windows.get(ip);
  if (!w || w.startedAt + IP_WINDOW_SECONDS * 1000 <= now) {
    if (windows.size >= MAX_ADDRESSES) windows.clear(); // bounded under a flood of addresses
    windows.set(ip, { startedAt: now, failures: 1 });
  } else {
    w.failures++;
  }
}

export const DEVICE_COOKIE = 'tre_device';
export const DEVICE_DAYS = 90;

function deviceMac(username: string, issuedAt: number, passwordHash: string): string {
  return crypto.createHmac('sha256', passwordHash).update(`tre-device\n${username}\n${issuedAt}`).digest('base64url');
}

/** The device cookie's value after a successful sign-in: issue time (seconds) and MAC. */
export function deviceToken(username: string, passwordHash: string, now: number): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${deviceMac(username, issuedAt, passwordHash)}`;
}

/** Whether this browser signed in to this account (with its current password) in the last DEVICE_DAYS. */
export function deviceTokenValid(token: string | undefined, username: string, passwordHash: string, now: number): boolean {
  if (!token) return false;
  const [issued, mac] = token.split('.');
  const issuedAt = Number(issued);
  if (!mac || !Number.isSafeInteger(issuedAt)) return false;
  if (issuedAt * 1000 > now || now - issuedAt * 1000 > DEVICE_DAYS * 86_400_000) return false;
  const expected = Buffer.from(deviceMac(username, issuedAt, passwordHash));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

const unknownUsers = new Map<string, { failures: number; lockedUntil: number }>();
const MAX_UNKNOWN_USERS = 10_000;

/** Seconds an unknown username is still locked for, like `app_user.locked_until` of an account. */
export function unknownUserLockSeconds(username: string, now: number): number {
  const u = unknownUsers.get(username);
  return u && u.lockedUntil > now ? Math.ceil((u.lockedUntil - now) / 1000) : 0;
}

/** Counts a failure against an unknown username; returns the lock it now earns (as for an account). */
export function recordUnknownUserFailure(username: string, now: number): number {
  const failures = (unknownUsers.get(username)?.failures ?? 0) + 1;
  const lockSeconds = lockSecondsAfter(failures);
  unknownUsers.delete(username); // re-inserted last: the map's order is the eviction order
  if (unknownUsers.size >= MAX_UNKNOWN_USERS) {
    const oldest = unknownUsers.keys().next();
    if (!oldest.done) unknownUsers.delete(oldest.value);
  }
  unknownUsers.set(username, { failures, lockedUntil: lockSeconds > 0 ? now + lockSeconds * 1000 : 0 });
  return lockSeconds;
}

/** For tests: forget every address and unknown username. */
export function resetSignInThrottle(): void {
  windows.clear();
  unknownUsers.clear();
}
