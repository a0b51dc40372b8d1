import type * as NodeCrypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Every scrypt call passes through this spy (to the real scrypt), so the test can see what work
// a sign-in does without timing it.
const scryptCalls = vi.hoisted(() => [] as { saltBytes: number; keyBytes: number; options: unknown }[]);
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof NodeCrypto>();
  const scrypt = ((password: string, salt: Buffer, keylen: number, options: object, callback: () => void) => {
    scryptCalls.push({ saltBytes: salt.length, keyBytes: keylen, options: { ...options } });
    real.scrypt(password, salt, keylen, options, callback);
  }) as typeof real.scrypt;
  return { ...real, scrypt, default: { ...real, scrypt } };
});

const { dummyHash, hashParams, hashPassword, PARAMS, KEY_LENGTH } = await import('./password.ts');
const { startTestApp } = await import('../test/app.ts');
const { makeUser } = await import('../test/factories.ts');

let t: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the unknown-username check costs what a real check costs', () => {
  it('verifies against a real hash of the current scrypt parameters', async () => {
    const dummy = hashParams(await dummyHash());
    expect(dummy).toEqual({ ...PARAMS, saltBytes: 16, keyBytes: KEY_LENGTH });
    expect(dummy).toEqual(hashParams(await hashPassword('any-password-1')));
  });

  it('runs one scrypt of the same parameters for an unknown username as for a known one', async () => {
    const user = await makeUser(t.db, { role: 'viewer' });
    const attempt = async (username: string) => {
      scryptCalls.length = 0;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: 'bad-password-x' },
      });
      expect(res.statusCode).toBe(401);
      return [...scryptCalls];
    };
    const known = await attempt(user.username);
    const unknown = await attempt('nobody-by-this-name');
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({ saltBytes: 16, keyBytes: KEY_LENGTH, options: PARAMS });
    expect(unknown).toEqual(known);
  });
});
