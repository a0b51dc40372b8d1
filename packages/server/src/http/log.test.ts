import { describe, expect, it } from 'vitest';
import { loggedRequest } from './log.ts';

describe('the server log of a request', () => {
  it('keeps the method, the path and the address, not the query that may name a person', () => {
    const line = loggedRequest({ method: 'GET', url: '/api/users?q=Nguy%E1%BB%85n+Th%E1%BB%8B', ip: '10.0.0.7' });
    expect(line).toEqual({ method: 'GET', url: '/api/users?…', remoteAddress: '10.0.0.7' });
    expect(JSON.stringify(line)).not.toContain('Nguy');
    expect(loggedRequest({ method: 'POST', url: '/api/session', ip: '::1' }).url).toBe('/api/session');
  });
});
