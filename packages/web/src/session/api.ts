import type { SessionDto, SignInRequest } from '@tre/core';
import { api } from '../api/client.ts';

/** Signing in and out (the access module's /api/session routes): below every page that asks who is signed in. */
export const sessionApi = {
  current: () => api<SessionDto>('GET', '/api/session'),
  signIn: (request: SignInRequest) => api<SessionDto>('POST', '/api/session', request),
  signOut: () => api<unknown>('DELETE', '/api/session'),
};
