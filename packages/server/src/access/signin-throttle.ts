import { IP_MAX_FAILURES, IP_WINDOW_SECONDS } from '@tre/core';

/**
 * Failed sign-ins per client address, in memory: a fixed window per address. Kept in the process
 * (a restart forgets it); the per-account lock-out in the database is the durable defence.
 */
const windows = new Map<string, { startedAt: number; failures: number }>();

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
    if (windows.size > 100_000) windows.clear(); // bounded under a flood of addresses
    windows.set(ip, { startedAt: now, failures: 1 });
  } else {
    w.failures++;
  }
}
