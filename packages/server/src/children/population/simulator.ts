import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { foldText, squash } from '@tre/core/text/fold';
import { z } from 'zod';
import {
  API_KEY_HEADER,
  PersonalIdSchema,
  ResidenceSchema,
  SexSchema,
  VERIFY_PATH,
  VerifyRequestSchema,
  type MismatchField,
  type Residence,
  type ServiceError,
  type ServiceErrorCode,
  type VerifyResult,
} from './contract.ts';

/**
 * A stand-in for the national population database that honours openapi.yaml, for tests and for
 * developers (`npm run population-sim`): citizens in memory, the API key required, and faults on
 * demand (latency, 503, 429 with Retry-After, a hang, an answer outside the contract).
 */

const AddressSchema = ResidenceSchema.omit({ kind: true });

export const SimulatorCitizenSchema = z.object({
  personalId: PersonalIdSchema,
  fullName: z.string().min(1),
  birthDate: z.iso.date(),
  sex: SexSchema,
  permanent: AddressSchema,
  temporary: AddressSchema.optional(),
});
export type SimulatorCitizen = z.infer<typeof SimulatorCitizenSchema>;

/** A seed file: a JSON array of citizens, checked like everything else that comes from outside. */
export async function loadCitizens(file: string): Promise<SimulatorCitizen[]> {
  return z.array(SimulatorCitizenSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

export const FaultSchema = z.object({
  /** added before every answer, failures included */
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  /** what calls get instead of their answer: 503, 429 + Retry-After, no answer at all, or a 200 outside the contract */
  mode: z.enum(['unavailable', 'rate_limited', 'hang', 'malformed']).optional(),
  /** how many of the next calls the mode spoils; unset: every call until the fault is cleared */
  times: z.number().int().min(1).optional(),
  /** the Retry-After of `rate_limited` (and of `unavailable` when set) */
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

export interface SimulatorCall {
  route: 'verify' | 'residence' | 'unknown';
  /** the status answered; 'hung' while (or because) no answer went */
  status: number | 'hung';
}

export interface PopulationSimulator {
  url: string;
  close(): Promise<void>;
  /** null clears it */
  setFault(fault: Fault | null): void;
  /** every call to the API so far (not the admin endpoints), oldest first */
  calls(): SimulatorCall[];
}

export interface SimulatorOptions {
  /** 0 (the default): any free port */
  port?: number;
  host?: string;
  apiKey: string;
  citizens: readonly SimulatorCitizen[] | (() => readonly SimulatorCitizen[]);
}

const RESIDENCE_ROUTE = /^\/v1\/citizens\/([^/]+)\/residence$/;
const MAX_BODY = 16 * 1024;

/** An answer, sent once the handler has decided; 'hang' sends none. */
type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

const error = (status: number, code: ServiceErrorCode, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error: { code, message } } satisfies ServiceError,
  ...(headers ? { headers } : {}),
});

function send(res: ServerResponse, reply: Reply): void {
  // 'hang': the socket stays open until the client gives up or close() ends it; destroyed: the client gave up already
  if (reply === 'hang' || res.destroyed) return;
  res
    .writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers })
    .end(JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Names compare folded: "NGUYEN van  an" is "Nguyễn Văn An". */
const sameName = (a: string, b: string) => foldText(squash(a)) === foldText(squash(b));

function verifyAgainst(
  citizens: ReadonlyMap<string, SimulatorCitizen>,
  query: z.infer<typeof VerifyRequestSchema>,
): VerifyResult {
  const checkedAt = new Date().toISOString();
  const citizen = citizens.get(query.personalId);
  if (!citizen) return { status: 'not_found', checkedAt };
  const mismatches: MismatchField[] = [];
  if (!sameName(citizen.fullName, query.fullName)) mismatches.push('fullName');
  if (citizen.birthDate !== query.birthDate) mismatches.push('birthDate');
  if (citizen.sex !== query.sex) mismatches.push('sex');
  if (mismatches.length > 0) return { status: 'mismatch', mismatches, checkedAt };
  return { status: 'match', residence: residencesOf(citizen)[0], checkedAt };
}

/** Where the citizen lives now first: a temporary residence, when registered, before the permanent one. */
function residencesOf(citizen: SimulatorCitizen): Residence[] {
  const list: Residence[] = [];
  if (citizen.temporary) list.push({ ...citizen.temporary, kind: 'temporary' });
  list.push({ ...citizen.permanent, kind: 'permanent' });
  return list;
}

export async function startPopulationSimulator(options: SimulatorOptions): Promise<PopulationSimulator> {
  const seed = typeof options.citizens === 'function' ? options.citizens() : options.citizens;
  const citizens = new Map(
    z
      .array(SimulatorCitizenSchema)
      .parse(seed)
      .map((c) => [c.personalId, c]),
  );
  const key = Buffer.from(options.apiKey);
  const log: SimulatorCall[] = [];
  let fault: Fault | null = null;
  let spoilsLeft = Infinity;
  const closing = new AbortController();

  const setFault = (next: Fault | null) => {
    fault = next === null ? null : FaultSchema.parse(next);
    spoilsLeft = fault?.times ?? Infinity;
  };

  const keyOk = (req: IncomingMessage) => {
    const given = req.headers[API_KEY_HEADER];
    return typeof given === 'string' && given.length === key.length && timingSafeEqual(Buffer.from(given), key);
  };

  /** The fault's mode for this call, counted down; undefined: answer properly. */
  const spoil = () => {
    if (!fault?.mode || spoilsLeft <= 0) return undefined;
    spoilsLeft -= 1;
    return fault.mode;
  };

  async function admin(req: IncomingMessage, path: string): Promise<Reply> {
    if (!keyOk(req)) return error(401, 'unauthorized', 'missing or wrong API key');
    if (path === '/__admin/calls' && req.method === 'GET') return { status: 200, body: { calls: log } };
    if (path === '/__admin/fault' && req.method === 'POST') {
      const text = await readBody(req);
      // an empty body clears the fault, like setFault(null)
      const parsed = FaultSchema.nullable().safeParse(
        text === '' ? null : text === undefined ? undefined : parseJsonOrUndefined(text),
      );
      if (!parsed.success) return error(400, 'invalid_request', 'not a fault');
      setFault(parsed.data);
      return { status: 200, body: { fault } };
    }
    return error(404, 'not_found', 'no such route');
  }

  async function api(req: IncomingMessage, route: SimulatorCall['route'], personalId: string | undefined): Promise<Reply> {
    // aborted by close(): the call then ends with the socket, unanswered
    if (fault?.latencyMs) await sleep(fault.latencyMs, undefined, { signal: closing.signal });
    const retryAfter: Record<string, string> =
      fault?.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    switch (spoil()) {
      case 'hang':
        return 'hang';
      case 'unavailable':
        return error(503, 'unavailable', 'service unavailable (simulated)', retryAfter);
      case 'rate_limited':
        return error(429, 'rate_limited', 'too many requests (simulated)', { 'retry-after': '1', ...retryAfter });
      case 'malformed':
        return { status: 200, body: { status: 'maybe', checkedAt: 'yesterday' } };
      case undefined:
        break;
    }

    if (!keyOk(req)) return error(401, 'unauthorized', 'missing or wrong API key');
    if (route === 'verify') {
      const text = await readBody(req);
      const query = VerifyRequestSchema.safeParse(text === undefined ? undefined : parseJsonOrUndefined(text));
      // the message names the field, never its value (the contract forbids echoing identifying data)
      if (!query.success) return error(400, 'invalid_request', `invalid ${query.error.issues[0]?.path.join('.') || 'body'}`);
      return { status: 200, body: verifyAgainst(citizens, query.data) };
    }
    if (route === 'residence') {
      if (!PersonalIdSchema.safeParse(personalId).success) return error(400, 'invalid_request', 'invalid personalId');
      const citizen = citizens.get(personalId ?? '');
      if (!citizen) return error(404, 'citizen_not_found', 'no citizen with this personal ID');
      return { status: 200, body: { residences: residencesOf(citizen), checkedAt: new Date().toISOString() } };
    }
    return error(404, 'not_found', 'no such route');
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    let reply: Promise<Reply>;
    if (path.startsWith('/__admin/')) {
      reply = admin(req, path);
    } else {
      const residence = RESIDENCE_ROUTE.exec(path);
      const route =
        path === VERIFY_PATH && req.method === 'POST' ? 'verify' : residence && req.method === 'GET' ? 'residence' : 'unknown';
      const call: SimulatorCall = { route, status: 'hung' };
      log.push(call);
      res.on('finish', () => {
        call.status = res.statusCode;
      });
      reply = api(req, route, residence?.[1]);
    }
    reply.then(
      (r) => {
        send(res, r);
      },
      () => {
        send(res, error(500, 'unavailable', 'simulator error'));
      },
    );
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // hung calls included
      }),
    setFault,
    calls: () => log.map((c) => ({ ...c })),
  };
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
