import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY_HEADER,
  MISMATCH_FIELDS,
  ResidenceResponseSchema,
  SERVICE_ERROR_CODES,
  ServiceErrorSchema,
  VERIFY_PATH,
  VerifyResponseSchema,
} from './contract.ts';
import { demoCitizens } from './demo-citizens.ts';
import { AN, KEY, MAI, queryOf } from './population.fixture.ts';
import { loadCitizens, startPopulationSimulator, type PopulationSimulator } from './simulator.ts';

/** The simulator seen from the wire, as any client of the contract would. */
let sim: PopulationSimulator;
beforeEach(async () => {
  sim = await startPopulationSimulator({ apiKey: KEY, citizens: () => [AN, MAI] });
});
afterEach(async () => {
  await sim.close();
});

const post = (path: string, body: unknown, key: string | null = KEY) =>
  fetch(sim.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === null ? {} : { [API_KEY_HEADER]: key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (path: string, key: string | null = KEY) =>
  fetch(sim.url + path, { headers: key === null ? {} : { [API_KEY_HEADER]: key } });

describe('population simulator', () => {
  it('answers within the contract', async () => {
    const match = await post(VERIFY_PATH, queryOf(AN));
    expect(match.status).toBe(200);
    expect(VerifyResponseSchema.parse(await match.json())).toMatchObject({ status: 'match' });
    const mismatch = VerifyResponseSchema.parse(
      await (await post(VERIFY_PATH, { ...queryOf(MAI), fullName: 'Đặng Thị Mơ' })).json(),
    );
    expect(mismatch).toMatchObject({ status: 'mismatch', mismatches: ['fullName'] });
    expect(mismatch).not.toHaveProperty('residence');
    expect(
      ResidenceResponseSchema.parse(await (await get(`/v1/citizens/${MAI.personalId}/residence`)).json()).residences,
    ).toHaveLength(1);
  });

  it('requires the API key', async () => {
    for (const res of [
      await post(VERIFY_PATH, queryOf(AN), null),
      await get(`/v1/citizens/${AN.personalId}/residence`, 'wrong'),
    ]) {
      expect(res.status).toBe(401);
      expect(ServiceErrorSchema.parse(await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('refuses an invalid request naming the field, never echoing its value', async () => {
    const res = await post(VERIFY_PATH, { ...queryOf(AN), personalId: '04021500000x' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(ServiceErrorSchema.parse(JSON.parse(text))).toEqual({
      error: { code: 'invalid_request', message: 'invalid personalId' },
    });
    expect(text).not.toContain('04021500000x');
    expect((await post(VERIFY_PATH, '{not json')).status).toBe(400);
    expect((await get('/v1/citizens/12345/residence')).status).toBe(400);
  });

  it('tells an unknown citizen from an unknown route', async () => {
    const citizen = await get('/v1/citizens/040215999999/residence');
    expect([citizen.status, ServiceErrorSchema.parse(await citizen.json()).error.code]).toEqual([404, 'citizen_not_found']);
    const route = await get('/v2/whatever');
    expect([route.status, ServiceErrorSchema.parse(await route.json()).error.code]).toEqual([404, 'not_found']);
  });

  it('takes faults through its admin endpoint, and lists the calls there', async () => {
    expect((await post('/__admin/fault', { mode: 'unavailable', times: 1 }, 'wrong')).status).toBe(401);
    expect((await post('/__admin/fault', { mode: 'on fire' })).status).toBe(400);
    expect((await post('/__admin/fault', { mode: 'unavailable', times: 1, retryAfterSeconds: 7 })).status).toBe(200);
    const down = await post(VERIFY_PATH, queryOf(AN));
    expect([down.status, down.headers.get('retry-after')]).toEqual([503, '7']);
    expect((await post(VERIFY_PATH, queryOf(AN))).status).toBe(200);
    expect(await (await get('/__admin/calls')).json()).toEqual({
      calls: [
        { route: 'verify', status: 503 },
        { route: 'verify', status: 200 },
      ],
    });

    await post('/__admin/fault', { mode: 'rate_limited' });
    const limited = await get(`/v1/citizens/${AN.personalId}/residence`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    await post('/__admin/fault', ''); // an empty body clears it
    expect((await get(`/v1/citizens/${AN.personalId}/residence`)).status).toBe(200);
  });

  it('delays answers by the latency asked', async () => {
    sim.setFault({ latencyMs: 150 });
    const started = Date.now();
    expect((await post(VERIFY_PATH, queryOf(AN))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('ends a hung call when it closes', async () => {
    sim.setFault({ mode: 'hang' });
    const hung = post(VERIFY_PATH, queryOf(AN)).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.calls()).toEqual([{ route: 'verify', status: 'hung' }]);
    await sim.close();
    expect(await hung).toBe('cut');
    sim = await startPopulationSimulator({ apiKey: KEY, citizens: [] }); // for afterEach
  });
});

describe('population simulator: citizens', () => {
  it('reads citizens from a JSON file, checked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tre-population-'));
    try {
      await writeFile(join(dir, 'ok.json'), JSON.stringify([AN, MAI]));
      expect(await loadCitizens(join(dir, 'ok.json'))).toEqual([AN, MAI]);
      await writeFile(join(dir, 'bad.json'), JSON.stringify([{ ...AN, personalId: '1' }]));
      await expect(loadCitizens(join(dir, 'bad.json'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('makes the same valid demo children every time', async () => {
    const children = demoCitizens(30);
    expect(children).toHaveLength(30);
    expect(demoCitizens(30)).toEqual(children);
    expect(new Set(children.map((c) => c.personalId)).size).toBe(30);
    const demo = await startPopulationSimulator({ apiKey: KEY, citizens: () => children });
    try {
      for (const child of children.slice(0, 5)) {
        const res = await fetch(demo.url + VERIFY_PATH, {
          method: 'POST',
          headers: { [API_KEY_HEADER]: KEY, 'content-type': 'application/json' },
          body: JSON.stringify(queryOf(child)),
        });
        expect(VerifyResponseSchema.parse(await res.json()).status).toBe('match');
      }
    } finally {
      await demo.close();
    }
  });
});

describe('openapi.yaml', () => {
  it('documents what contract.ts checks', async () => {
    const spec = await readFile(new URL('./openapi.yaml', import.meta.url), 'utf8');
    expect(spec).toMatch(/^openapi: 3\.1\./m);
    for (const word of [
      VERIFY_PATH,
      '/v1/citizens/{personalId}/residence',
      API_KEY_HEADER,
      ...SERVICE_ERROR_CODES,
      ...MISMATCH_FIELDS,
    ]) {
      expect(spec.toLowerCase(), word).toContain(word.toLowerCase()); // header names are case-insensitive
    }
  });
});
