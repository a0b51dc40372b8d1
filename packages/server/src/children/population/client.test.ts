import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@tre/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TreError, httpStatusOf } from '../../errors.ts';
import { createPopulationClient, parseRetryAfter, type PopulationClientOptions, type PopulationEvent } from './client.ts';
import { AN, KEY, MAI, queryOf } from './population.fixture.ts';
import { startPopulationSimulator, type PopulationSimulator } from './simulator.ts';

/** Real HTTP against the real simulator; the client tuned to fail in tenths of a second, not seconds. */
let sim: PopulationSimulator;
let events: PopulationEvent[];

beforeEach(async () => {
  sim = await startPopulationSimulator({ apiKey: KEY, citizens: [AN, MAI] });
  events = [];
});
afterEach(async () => {
  await sim.close();
});

const clientOf = (options: Partial<PopulationClientOptions> = {}) =>
  createPopulationClient({
    url: sim.url,
    apiKey: KEY,
    timeoutMs: 200,
    retries: 2,
    backoff: { baseMs: 10, maxMs: 40 },
    breaker: { failures: 3, coolDownMs: 300 },
    onEvent: (e) => events.push(e),
    ...options,
  });

/** The error a call rejects with, checked to be Tre's one error type. */
async function failure(call: Promise<unknown>): Promise<TreError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TreError);
  return error as TreError;
}

const statuses = () => sim.calls().map((c) => c.status);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('population client: answers', () => {
  it('verifies a match whatever the diacritics, case and spacing, and gives where the child lives now', async () => {
    const result = await clientOf().verify({ ...queryOf(AN), fullName: '  NGUYEN van   an ' });
    expect(result).toEqual({
      status: 'match',
      residence: { ...AN.temporary, kind: 'temporary' },
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const mai = await clientOf().verify(queryOf(MAI));
    expect(mai).toMatchObject({ status: 'match', residence: { ...MAI.permanent, kind: 'permanent' } });
  });

  it('names the fields that differ on a mismatch, and gives no residence', async () => {
    const result = await clientOf().verify({ ...queryOf(AN), birthDate: '2015-03-03', sex: 'female' });
    expect(result).toEqual({ status: 'mismatch', mismatches: ['birthDate', 'sex'], checkedAt: expect.any(String) });
    const name = await clientOf().verify({ ...queryOf(AN), fullName: 'Nguyễn Văn Ân' });
    // the folding forgives diacritics: Ân is An; another name is not
    expect(name.status).toBe('match');
    expect(await clientOf().verify({ ...queryOf(AN), fullName: 'Nguyễn Văn Anh' })).toMatchObject({ mismatches: ['fullName'] });
  });

  it('says not_found for an ID nobody has, and null for its residence', async () => {
    const client = clientOf();
    expect(await client.verify({ ...queryOf(AN), personalId: '040215999999' })).toEqual({
      status: 'not_found',
      checkedAt: expect.any(String),
    });
    expect(await client.residence('040215999999')).toBeNull();
  });

  it('reads every registered residence', async () => {
    expect(await clientOf().residence(AN.personalId)).toEqual({
      residences: [
        { ...AN.temporary, kind: 'temporary' },
        { ...AN.permanent, kind: 'permanent' },
      ],
      checkedAt: expect.any(String),
    });
  });

  it('refuses a query Tre should not send before anything leaves, naming the field', async () => {
    const client = clientOf();
    const badId = await failure(client.verify({ ...queryOf(AN), personalId: '04021500000' }));
    expect(badId).toMatchObject({ code: ErrorCode.ValidationFailed, options: { field: 'personalId' } });
    const badDate = await failure(client.verify({ ...queryOf(AN), birthDate: '2015-02-29' }));
    expect(badDate.options.field).toBe('birthDate');
    expect((await failure(client.residence('abc'))).options.field).toBe('personalId');
    expect(sim.calls()).toEqual([]);
  });
});

describe('population client: failures', () => {
  it('reports a refused key at once, without retrying: retries would not change the key', async () => {
    const error = await failure(clientOf({ apiKey: 'wrong' }).verify(queryOf(AN)));
    expect(error.code).toBe(ErrorCode.PopulationUnavailable);
    expect(httpStatusOf(error.code)).toBe(503);
    expect(error.messageIn('vi')).toMatch(/^Cơ sở dữ liệu quốc gia về dân cư từ chối khóa truy cập.*TRE_POPULATION_KEY/);
    expect(error.messageIn('en')).toContain('TRE_POPULATION_KEY');
    expect(statuses()).toEqual([401]);
  });

  it('gives up on a service that hangs after its time-outs and retries', async () => {
    sim.setFault({ mode: 'hang' });
    const started = Date.now();
    const error = await failure(clientOf().verify(queryOf(AN)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200);
    expect(error.messageIn('en')).toBe('The national population database did not answer in time (3 attempts); try again later');
    expect(error.messageIn('vi')).toBe('Cơ sở dữ liệu quốc gia về dân cư không trả lời kịp (đã thử 3 lần); vui lòng thử lại sau');
    expect(sim.calls()).toHaveLength(3);
    expect(events.flatMap((e) => (e.kind === 'retry' ? [e.reason] : []))).toEqual(['timeout', 'timeout']);
  });

  it('retries a time-out and takes the next answer', async () => {
    sim.setFault({ mode: 'hang', times: 1 });
    expect((await clientOf().residence(MAI.personalId))?.residences).toHaveLength(1);
    expect(statuses()).toEqual(['hung', 200]);
  });

  it('retries two 503s and succeeds on the third attempt', async () => {
    sim.setFault({ mode: 'unavailable', times: 2 });
    expect((await clientOf().verify(queryOf(AN))).status).toBe('match');
    expect(statuses()).toEqual([503, 503, 200]);
    expect(events).toEqual([
      { kind: 'retry', operation: 'verify', attempt: 1, reason: 'server_error', delayMs: expect.any(Number) },
      { kind: 'retry', operation: 'verify', attempt: 2, reason: 'server_error', delayMs: expect.any(Number) },
    ]);
  });

  it('waits as long as a 429 Retry-After says before trying again', async () => {
    sim.setFault({ mode: 'rate_limited', times: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    expect((await clientOf().verify(queryOf(MAI))).status).toBe('match');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(statuses()).toEqual([429, 200]);
    expect(events).toMatchObject([{ kind: 'retry', reason: 'rate_limited', delayMs: 1000 }]);
  });

  it('does not wait out a Retry-After beyond its cap: it fails at once and passes the wait on', async () => {
    sim.setFault({ mode: 'rate_limited', retryAfterSeconds: 120 });
    const error = await failure(clientOf({ maxRetryAfterMs: 2000 }).verify(queryOf(MAI)));
    expect(error.options.params).toEqual({ seconds: 120 });
    expect(error.messageIn('en')).toContain('try again in 120 seconds');
    expect(statuses()).toEqual([429]);
  });

  it('refuses an answer outside the contract, without retrying it', async () => {
    sim.setFault({ mode: 'malformed', times: 1 });
    const error = await failure(clientOf().verify(queryOf(AN)));
    expect(error.code).toBe(ErrorCode.PopulationUnavailable);
    expect(error.messageIn('en')).toBe(
      'The national population database gave an answer outside the contract (status); it was not used',
    );
    expect(sim.calls()).toHaveLength(1);
    sim.setFault({ mode: 'malformed', times: 1 });
    expect((await failure(clientOf().residence(AN.personalId))).messageIn('en')).toContain('(residences)');
  });

  it('does not take a 404 that is not the service\u2019s "no such citizen" for one (a wrong URL)', async () => {
    const error = await failure(clientOf({ url: `${sim.url}/wrong-prefix` }).residence(AN.personalId));
    expect(error.messageIn('en')).toContain('outside the contract (HTTP 404)');
  });

  it('does not follow a redirect, which would take the key along', async () => {
    const redirector = createServer((req, res) => res.writeHead(307, { location: sim.url + (req.url ?? '/') }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirector.address() as AddressInfo;
      const error = await failure(clientOf({ url: `http://127.0.0.1:${port}` }).verify(queryOf(AN)));
      expect(error.messageIn('en')).toContain('outside the contract (HTTP 307)');
      expect(sim.calls()).toEqual([]);
    } finally {
      redirector.close();
    }
  });

  it('retries an unreachable service, then says it could not be reached', async () => {
    const url = sim.url;
    await sim.close();
    const error = await failure(clientOf({ url }).verify(queryOf(AN)));
    expect(error.messageIn('en')).toBe('The national population database could not be reached (3 attempts); try again later');
    sim = await startPopulationSimulator({ apiKey: KEY, citizens: [] }); // for afterEach
  });
});

describe('population client: circuit breaker', () => {
  it('opens after N failed calls in a row and then fails fast without calling the service', async () => {
    sim.setFault({ mode: 'unavailable' });
    const client = clientOf({ retries: 0 });
    for (let i = 0; i < 3; i++) await failure(client.verify(queryOf(AN)));
    expect(client.breakerState()).toBe('open');
    expect(sim.calls()).toHaveLength(3);

    const started = Date.now();
    const error = await failure(client.verify(queryOf(AN)));
    expect(Date.now() - started).toBeLessThan(100); // no time-out waited, no back-off
    expect(sim.calls()).toHaveLength(3);
    expect(error.code).toBe(ErrorCode.PopulationUnavailable);
    expect(error.messageIn('vi')).toMatch(/^Cơ sở dữ liệu quốc gia về dân cư tạm ngừng được tra cứu sau 3 lần lỗi liên tiếp/);
    expect(error.messageIn('en')).toContain('after 3 failures in a row');
    expect(error.options.params).toEqual({ seconds: 1 });
    expect(events.filter((e) => e.kind === 'breaker')).toEqual([{ kind: 'breaker', state: 'open' }]);
  });

  it('lets one trial call through after the cool-down, and closes when it succeeds', async () => {
    sim.setFault({ mode: 'unavailable' });
    const client = clientOf({ retries: 0 });
    for (let i = 0; i < 3; i++) await failure(client.verify(queryOf(AN)));
    sim.setFault(null);
    await pause(320);
    expect(client.breakerState()).toBe('half_open');

    // the trial is slow: a call meanwhile is refused rather than piling onto a service just back
    sim.setFault({ latencyMs: 100 });
    const trial = client.verify(queryOf(AN));
    await failure(client.residence(AN.personalId));
    expect((await trial).status).toBe('match');
    expect(client.breakerState()).toBe('closed');
    expect(sim.calls()).toHaveLength(4);
    expect(events.flatMap((e) => (e.kind === 'breaker' ? [e.state] : []))).toEqual(['open', 'closed']);
    expect(await client.residence(AN.personalId)).not.toBeNull();
  });

  it('opens again for another cool-down when the trial fails, trying it once, not with retries', async () => {
    sim.setFault({ mode: 'unavailable' });
    const client = clientOf({ retries: 2, breaker: { failures: 1, coolDownMs: 200 } });
    await failure(client.verify(queryOf(AN)));
    expect(sim.calls()).toHaveLength(3);
    await pause(220);
    await failure(client.verify(queryOf(AN)));
    expect(sim.calls()).toHaveLength(4);
    expect(client.breakerState()).toBe('open');
  });

  it('does not count a refused key against the service: it answered', async () => {
    const client = clientOf({ apiKey: 'wrong', breaker: { failures: 2, coolDownMs: 10_000 } });
    for (let i = 0; i < 4; i++) await failure(client.verify(queryOf(AN)));
    expect(client.breakerState()).toBe('closed');
    expect(sim.calls()).toHaveLength(4);
  });
});

describe('population client: privacy', () => {
  it('never puts the child\u2019s ID or name in an error or an event', async () => {
    const secrets = [AN.personalId, AN.fullName, 'Nguyen Van An', 'nguyen van an', '215000001'];
    const errors: TreError[] = [];
    const client = clientOf({ retries: 1, breaker: { failures: 50, coolDownMs: 10_000 } });
    for (const mode of ['hang', 'unavailable', 'rate_limited', 'malformed'] as const) {
      sim.setFault({ mode, retryAfterSeconds: 0 });
      errors.push(await failure(client.verify(queryOf(AN))));
      errors.push(await failure(client.residence(AN.personalId)));
    }
    sim.setFault(null);
    errors.push(await failure(clientOf({ apiKey: 'wrong' }).residence(AN.personalId)));
    errors.push(await failure(client.verify({ ...queryOf(AN), birthDate: '15/03/2015' })));
    errors.push(await failure(client.verify({ ...queryOf(AN), sex: 'boy' as 'male' })));
    const breaking = clientOf({ retries: 0, breaker: { failures: 1, coolDownMs: 10_000 } });
    sim.setFault({ mode: 'unavailable' });
    errors.push(await failure(breaking.residence(AN.personalId)));
    errors.push(await failure(breaking.residence(AN.personalId)));
    const url = sim.url;
    await sim.close();
    errors.push(await failure(clientOf({ url }).residence(AN.personalId)));
    sim = await startPopulationSimulator({ apiKey: KEY, citizens: [] });

    expect(errors).toHaveLength(14);
    for (const error of errors) {
      const said = [
        error.message,
        error.messageIn('vi'),
        error.messageIn('en'),
        JSON.stringify(error.options),
        error.stack ?? '',
      ];
      for (const secret of secrets) for (const text of said) expect(text).not.toContain(secret);
    }
    expect(events.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(JSON.stringify(events)).not.toContain(secret);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
