import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('listens on loopback only unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    // an empty HOST (a blank line in a service file) is not "every interface" either
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('marks cookies Secure and believes X-Forwarded-* only when told to', () => {
    expect(loadConfig({})).toMatchObject({ secureCookies: false, trustProxy: false });
    expect(loadConfig({ TRE_SECURE_COOKIES: '1', TRE_TRUST_PROXY: '1' })).toMatchObject({
      secureCookies: true,
      trustProxy: true,
    });
  });
});
