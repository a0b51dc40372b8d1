import { describe, expect, it } from 'vitest';
import { canSeeCommune, scopeKindOf, type Actor } from './roles.ts';

const actor = (role: Actor['role'], communeCode: string | null = null): Actor => ({ id: 'u', role, agencyId: null, communeCode });

describe('scopes', () => {
  it('binds each role to its scope', () => {
    expect(scopeKindOf('admin')).toBe('province');
    expect(scopeKindOf('viewer')).toBe('province');
    expect(scopeKindOf('agency_reporter')).toBe('agency');
    expect(scopeKindOf('case_worker')).toBe('commune');
  });

  it('lets commune roles see only their own commune, agency reporters none, province roles all', () => {
    expect(canSeeCommune(actor('commune_officer', '16681'), '16681')).toBe(true);
    expect(canSeeCommune(actor('commune_officer', '16681'), '17827')).toBe(false);
    expect(canSeeCommune(actor('case_worker', null), '17827')).toBe(false);
    expect(canSeeCommune(actor('agency_reporter'), '17827')).toBe(false);
    expect(canSeeCommune(actor('provincial_officer'), '17827')).toBe(true);
  });
});
