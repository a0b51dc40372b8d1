import type { SessionActor } from '../audit/session-actor.ts';

/**
 * Resolving the session is the one query every request makes. A session seen in the last few
 * seconds is answered from memory. Sign-out, disabling a user, a new role or a new password evict
 * the entries in this process at once; another server process on the same PostgreSQL database
 * (a scaled-out deployment) notices within TTL_MS. PGlite is single-process by its folder lock.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Omit<SessionActor, 'ip'>;
  sessionExpiresAt: number;
  cachedUntil: number;
}

const entries = new Map<string, Entry>();

export function cachedSession(tokenHash: string, now: number): Entry | undefined {
  const e = entries.get(tokenHash);
  if (!e) return undefined;
  if (e.cachedUntil <= now || e.sessionExpiresAt <= now) {
    entries.delete(tokenHash);
    return undefined;
  }
  return e;
}

export function cacheSession(tokenHash: string, actor: Omit<SessionActor, 'ip'>, sessionExpiresAt: number, now: number): void {
  if (entries.size >= MAX_ENTRIES) entries.clear(); // crude but bounded; refilled on the next requests
  entries.set(tokenHash, { actor, sessionExpiresAt, cachedUntil: now + TTL_MS });
}

export function evictSession(tokenHash: string): void {
  entries.delete(tokenHash);
}

export function evictUserSessions(userId: string): void {
  for (const [k, e] of entries) if (e.actor.id === userId) entries.delete(k);
}
