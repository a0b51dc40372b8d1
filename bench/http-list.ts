import autocannon from 'autocannon';
import { startTre } from '../packages/server/src/test/cli.ts';

export interface ListBenchResult {
  engine: string;
  endpoint: string;
  connections: number;
  seconds: number;
  rounds: { reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number }[];
}

const ADMIN_PASSWORD = 'bench-admin-password';

async function session(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/**
 * Throughput and tail latency of an authenticated, indexed list endpoint: every request resolves
 * the session (primary-key join), lists one page of communes by province (index) and counts them.
 * The server runs in its own process so the load generator does not share its event loop.
 */
export async function benchListEndpoint(opts: {
  engine: 'pglite' | 'postgres';
  env: Record<string, string>;
  connections: number;
  seconds: number;
  rounds: number;
}): Promise<ListBenchResult> {
  const server = await startTre({ ...opts.env, TRE_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' });
  const endpoint = process.env.BENCH_PATH ?? '/api/units/communes?province=40';
  try {
    const cookie = await session(server.url);
    // warm-up: JIT, plan caches, buffer cache
    await autocannon({ url: server.url + endpoint, connections: opts.connections, duration: 2, headers: { cookie } });
    const rounds: ListBenchResult['rounds'] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const r = await autocannon({
        url: server.url + endpoint,
        connections: opts.connections,
        duration: opts.seconds,
        headers: { cookie },
      });
      rounds.push({ reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    }
    return { engine: opts.engine, endpoint, connections: opts.connections, seconds: opts.seconds, rounds };
  } finally {
    await server.stop();
  }
}
