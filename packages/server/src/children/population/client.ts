import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config.ts';
import { invalid, type TreError } from '../../errors.ts';
import { CircuitBreaker, type BreakerState } from './breaker.ts';
import {
  API_KEY_HEADER,
  PersonalIdSchema,
  REQUEST_ID_HEADER,
  ResidenceResponseSchema,
  ServiceErrorSchema,
  VERIFY_PATH,
  VerifyRequestSchema,
  VerifyResponseSchema,
  residencePath,
  type ResidenceRecord,
  type VerifyRequest,
  type VerifyResult,
} from './contract.ts';
import { circuitOpen, keyRefused, malformedAnswer, requestRefused, transientFailure, type TransientReason } from './failures.ts';

/** The link to the national population database (openapi.yaml, README.md beside this file). */
export interface PopulationClient {
  /** Whether the person is registered as given; the service compares (names without regard to diacritics or case). */
  verify(query: VerifyRequest): Promise<VerifyResult>;
  /** The registered residences, or null when the ID is not registered. */
  residence(personalId: string): Promise<ResidenceRecord | null>;
  breakerState(): BreakerState;
}

export type PopulationOperation = 'verify' | 'residence';

/** For the log: never carries the child's ID or name. */
export type PopulationEvent =
  | { kind: 'retry'; operation: PopulationOperation; attempt: number; reason: TransientReason; delayMs: number }
  | { kind: 'breaker'; state: BreakerState };

export interface PopulationClientOptions {
  /** base URL of the service, `https://…` (a path prefix is kept) */
  url: string;
  apiKey: string;
  /** bound on each attempt, answer body included */
  timeoutMs?: number;
  /** attempts after the first, on network errors, time-outs, 429 and 5xx only */
  retries?: number;
  fetch?: typeof fetch;
  backoff?: { baseMs: number; maxMs: number };
  /** a Retry-After longer than this is not waited for: the call fails at once, passing the wait on */
  maxRetryAfterMs?: number;
  breaker?: { failures: number; coolDownMs: number };
  onEvent?: (event: PopulationEvent) => void;
}

/** The defaults (openapi.yaml, "Time-outs"): a dead service costs a call at most ~16 s, then nothing while the circuit is open. */
export const POPULATION_DEFAULTS = {
  timeoutMs: 5000,
  retries: 2,
  backoff: { baseMs: 250, maxMs: 2000 },
  maxRetryAfterMs: 10_000,
  breaker: { failures: 5, coolDownMs: 30_000 },
} as const;

/** Seconds (`Retry-After: 3`) or an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'transient'; reason: TransientReason; status?: number; retryAfterMs?: number }
  /** `serviceDown`: counts against the circuit (a refusal of this one request says the service is up) */
  | { kind: 'fatal'; error: TreError; serviceDown: boolean };

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

/** The body as JSON, or undefined when it is not JSON (then no schema accepts it). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first problem's place in the contract: field names and indices, never a value. */
function issuePath(error: { issues: readonly { path: readonly PropertyKey[] }[] }): string {
  const path = error.issues[0]?.path.map(String).join('.');
  return path ? path : 'body';
}

export function createPopulationClient(options: PopulationClientOptions): PopulationClient {
  if (!URL.canParse(options.url) || !/^https?:$/.test(new URL(options.url).protocol)) {
    throw new Error('Địa chỉ CSDL dân cư phải là URL http(s) / the population database URL must be http(s)');
  }
  const base = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? POPULATION_DEFAULTS.timeoutMs;
  const retries = options.retries ?? POPULATION_DEFAULTS.retries;
  const backoff = options.backoff ?? POPULATION_DEFAULTS.backoff;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? POPULATION_DEFAULTS.maxRetryAfterMs;
  const breakerOptions = options.breaker ?? POPULATION_DEFAULTS.breaker;
  const doFetch = options.fetch ?? fetch;
  const breaker = new CircuitBreaker({ ...breakerOptions, onChange: (state) => options.onEvent?.({ kind: 'breaker', state }) });

  /** Exponential, with jitter so that many Tre processes do not retry in step: between half and all of base·2ⁿ⁻¹. */
  const delayOf = (attempt: number) => {
    const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  };

  async function exchange(method: 'GET' | 'POST', path: string, body: unknown, requestId: string): Promise<Outcome<Answer>> {
    try {
      const res = await doFetch(base + path, {
        method,
        headers: {
          [API_KEY_HEADER]: options.apiKey,
          [REQUEST_ID_HEADER]: requestId,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // the contract has no redirects, and following one would hand the key to wherever it points
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = parseJson(await res.text());
      return { kind: 'ok', value: { status: res.status, headers: res.headers, json } };
    } catch (error) {
      // the error itself is not kept: its text may hold the URL, which holds the ID for a residence
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { kind: 'transient', reason: timedOut ? 'timeout' : 'network' };
    }
  }

  /** What every operation answers alike: throttling, failures, refusals. Undefined: the operation reads it. */
  function common(answer: Answer): Outcome<never> | undefined {
    const { status } = answer;
    const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
    const after = retryAfterMs === undefined ? {} : { retryAfterMs };
    if (status === 429) return { kind: 'transient', reason: 'rate_limited', status, ...after };
    if (status >= 500) return { kind: 'transient', reason: 'server_error', status, ...after };
    if (status === 401 || status === 403) return { kind: 'fatal', error: keyRefused(status), serviceDown: false };
    if (status === 400 || status === 422) return { kind: 'fatal', error: requestRefused(status), serviceDown: false };
    return undefined;
  }

  async function call<T>(
    operation: PopulationOperation,
    request: { method: 'GET' | 'POST'; path: string; body?: unknown },
    read: (answer: Answer) => Outcome<T>,
  ): Promise<T> {
    const admission = breaker.admit();
    if (!admission.admitted) throw circuitOpen(breakerOptions.failures, admission.retryInMs);
    // the half-open trial is one attempt: the point is to learn fast whether the service is back
    const attempts = admission.trial ? 1 : retries + 1;
    const requestId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const sent = await exchange(request.method, request.path, request.body, requestId);
      const outcome = sent.kind === 'ok' ? (common(sent.value) ?? read(sent.value)) : sent;
      if (outcome.kind === 'ok') {
        breaker.succeed();
        return outcome.value;
      }
      if (outcome.kind === 'fatal') {
        if (outcome.serviceDown) breaker.fail(admission.trial);
        else breaker.succeed();
        throw outcome.error;
      }
      const { retryAfterMs } = outcome;
      const seconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
      if (attempt >= attempts || (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs)) {
        breaker.fail(admission.trial);
        throw transientFailure(outcome.reason, attempt, {
          ...(outcome.status ? { status: outcome.status } : {}),
          ...(seconds === undefined ? {} : { seconds }),
        });
      }
      const delayMs = Math.max(delayOf(attempt), retryAfterMs ?? 0);
      options.onEvent?.({ kind: 'retry', operation, attempt, reason: outcome.reason, delayMs });
      await sleep(delayMs);
    }
  }

  return {
    async verify(query) {
      const parsed = VerifyRequestSchema.safeParse(query);
      if (!parsed.success) throw invalidQuery(parsed.error.issues[0]?.path[0]);
      return call('verify', { method: 'POST', path: VERIFY_PATH, body: parsed.data }, (answer) => {
        if (answer.status !== 200) return { kind: 'fatal', error: malformedAnswer(`HTTP ${answer.status}`), serviceDown: true };
        const result = VerifyResponseSchema.safeParse(answer.json);
        return result.success
          ? { kind: 'ok', value: result.data }
          : { kind: 'fatal', error: malformedAnswer(issuePath(result.error)), serviceDown: true };
      });
    },

    async residence(personalId) {
      if (!PersonalIdSchema.safeParse(personalId).success) throw invalidQuery('personalId');
      return call('residence', { method: 'GET', path: residencePath(personalId) }, (answer) => {
        // a 404 means "no such citizen" only when the service says so: a wrong URL answers 404 too
        if (answer.status === 404 && ServiceErrorSchema.safeParse(answer.json).data?.error.code === 'citizen_not_found') {
          return { kind: 'ok', value: null };
        }
        if (answer.status !== 200) return { kind: 'fatal', error: malformedAnswer(`HTTP ${answer.status}`), serviceDown: true };
        const result = ResidenceResponseSchema.safeParse(answer.json);
        return result.success
          ? { kind: 'ok', value: result.data }
          : { kind: 'fatal', error: malformedAnswer(issuePath(result.error)), serviceDown: true };
      });
    },

    breakerState: () => breaker.state(),
  };
}

/** A query Tre should not have sent, refused before anything leaves: the field is named, its value never. */
function invalidQuery(field: PropertyKey | undefined): TreError {
  switch (field) {
    case 'personalId':
      return invalid('personalId', 'Số định danh cá nhân phải có đúng 12 chữ số', 'The personal ID must have exactly 12 digits');
    case 'fullName':
      return invalid('fullName', 'Họ và tên phải có từ 1 đến 100 ký tự', 'The full name must have 1 to 100 characters');
    case 'birthDate':
      return invalid(
        'birthDate',
        'Ngày sinh phải là một ngày có thật, dạng YYYY-MM-DD',
        'The birth date must be a real date, YYYY-MM-DD',
      );
    case 'sex':
      return invalid('sex', 'Giới tính phải là male hoặc female', 'The sex must be male or female');
    default:
      return invalid('query', 'Yêu cầu tra cứu không hợp lệ', 'Invalid lookup request');
  }
}

/** The client of this installation, or undefined when TRE_POPULATION_URL is not set (nothing is checked then). */
export function populationClientFromConfig(
  config: Pick<Config, 'populationUrl' | 'populationKey'>,
  options: Omit<PopulationClientOptions, 'url' | 'apiKey'> = {},
): PopulationClient | undefined {
  if (config.populationUrl === undefined || config.populationKey === undefined) return undefined;
  return createPopulationClient({ ...options, url: config.populationUrl, apiKey: config.populationKey });
}
