import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** scrypt is memory-hard and built into Node (no native build). N=2^15, r=8 uses 32 MiB a hash. */
export const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
export const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_LENGTH);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...PARAMS, maxmem: 128 * PARAMS.N * PARAMS.r * 2 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const N = Number(n);
  const R = Number(r);
  const key = await scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N,
    r: R,
    p: Number(p),
    maxmem: 128 * N * R * 2,
  });
  return crypto.timingSafeEqual(key, expected);
}

/** A password for the first administrator when none is given: 16 characters from a safe alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The scrypt parameters a stored hash was made with, or undefined when it is not one of ours. */
export function hashParams(stored: string): { N: number; r: number; p: number; saltBytes: number; keyBytes: number } | undefined {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return undefined;
  return {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    saltBytes: Buffer.from(saltB64, 'base64').length,
    keyBytes: Buffer.from(keyB64, 'base64').length,
  };
}

let dummy: Promise<string> | undefined;

/**
 * The hash verified when the username is unknown (or belongs to another province), so that the
 * reply takes as long as for a real account and timing does not tell usernames apart. It is a real
 * hash made by hashPassword with the current PARAMS (of a random password nobody knows), computed
 * once per process: a hand-written constant once lacked the `p` field, so verifyPassword returned
 * at once (7 ms against 130 ms) and gave the usernames away.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(24).toString('base64url'));
  return dummy;
}
