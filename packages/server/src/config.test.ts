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

  it('takes the population database as a URL and a key, both or neither, and never echoes the key', () => {
    expect(loadConfig({})).toMatchObject({ populationUrl: undefined, populationKey: undefined });
    expect(loadConfig({ TRE_POPULATION_URL: 'https://dancu.example.gov.vn', TRE_POPULATION_KEY: 'k-1' })).toMatchObject({
      populationUrl: 'https://dancu.example.gov.vn',
      populationKey: 'k-1',
    });
    expect(() => loadConfig({ TRE_POPULATION_URL: 'https://dancu.example.gov.vn' })).toThrow(/TRE_POPULATION_KEY/);
    expect(() => loadConfig({ TRE_POPULATION_KEY: 'secret-key-9' })).toThrow(/go together/);
    const refused = (() => {
      try {
        loadConfig({ TRE_POPULATION_URL: 'ftp://x', TRE_POPULATION_KEY: 'secret-key-9' });
      } catch (error) {
        return String(error);
      }
      return '';
    })();
    expect(refused).toMatch(/populationUrl/);
    expect(refused).not.toContain('secret-key-9');
  });
});
