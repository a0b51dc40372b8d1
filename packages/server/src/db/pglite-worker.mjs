// PGlite runs in this worker thread so that query execution (WebAssembly, single-threaded) does not
// block the HTTP event loop: the two use both cores. The main thread speaks the PostgreSQL wire
// protocol to it, exactly as to a server (see pglite-thread.ts). Plain JavaScript because worker
// threads do not inherit the TypeScript loader.
//
// PGlite is one session, but several driver connections share it so that one request's query runs
// while the main thread prepares the next. Each batch (up to a Sync) is executed whole. When a batch
// leaves the session inside a transaction, only that connection's batches run until it ends, so
// transactions never interleave.
import { parentPort, workerData } from 'node:worker_threads';

// workerData.pglite names the package: 'current' is this Tre's PGlite; 'pg18' is the previous one
// (PostgreSQL 18), kept only to open a folder written by an earlier Tre once and carry it across
// (pglite-upgrade.ts). Imported on demand so that a normal start never loads the second engine.
const PACKAGES = {
  current: () =>
    Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
    ]),
  pg18: () => Promise.all([import('pglite-pg18'), import('pglite-pg18/contrib/unaccent'), import('pglite-pg18/contrib/pg_trgm')]),
};

const IDLE = 0x49; // 'I' in ReadyForQuery: no transaction open
const READY_FOR_QUERY = 0x5a; // 'Z'

// PostgreSQL's 128 MB of shared buffers is sized for a dedicated server; here it is WebAssembly
// memory that never shrinks, beside the HTTP server. 32 MB imported 150,000 values as fast as 128 MB
// (the files stay in the operating system's cache) and keeps ~100 MB off the resident size.
const SETTINGS = 'shared_buffers = 32MB';

let lite;
try {
  const name = workerData.pglite ?? 'current';
  const load = Object.hasOwn(PACKAGES, name) ? PACKAGES[name] : undefined;
  if (!load) throw new Error(`unknown PGlite package ${workerData.pglite}`);
  const [{ PGlite }, { unaccent }, { pg_trgm }] = await load();
  lite = await PGlite.create(workerData.dataDir, { extensions: { unaccent, pg_trgm }, postgresqlconf: SETTINGS });
  parentPort.postMessage({ id: 0 });
} catch (e) {
  parentPort.postMessage({ id: 0, error: String(e?.stack ?? e) });
}

const queue = [];
let owner = null; // the connection whose transaction is open
let running = false;

/**
 * Runs one batch of wire-protocol messages and returns the reply bytes. Not execProtocolRaw: in
 * PGlite 0.6 that also parses every reply message into JavaScript objects and keeps them in a list
 * it never clears (~10 KB of heap for a 50-row query, so a busy server grew by hundreds of MB a
 * minute until the worker ran out of memory), and the parsing made each query ~5x slower. The
 * stream variant hands over the raw bytes only; each chunk is copied out of WebAssembly memory.
 */
async function execute(bytes) {
  const chunks = [];
  let length = 0;
  await lite.execProtocolRawStream(bytes, {
    onRawData: (chunk) => {
      chunks.push(chunk.slice());
      length += chunk.length;
    },
  });
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The transaction status of the last ReadyForQuery in a reply, if the reply ends with one. */
function statusAfter(out) {
  const n = out.length;
  return n >= 6 && out[n - 6] === READY_FOR_QUERY ? out[n - 1] : undefined;
}

async function pump() {
  if (running) return;
  running = true;
  try {
    for (;;) {
      const i = owner === null ? (queue.length > 0 ? 0 : -1) : queue.findIndex((m) => m.conn === owner);
      if (i < 0) break;
      const [m] = queue.splice(i, 1);
      try {
        if (m.op === 'release') {
          // a connection closed in the middle of a transaction: undo it, free the session
          if (owner === m.conn) {
            await lite.exec('ROLLBACK');
            owner = null;
          }
          parentPort.postMessage({ id: m.id });
          continue;
        }
        const out = await execute(m.bytes);
        const status = statusAfter(out);
        if (status !== undefined) owner = status === IDLE ? null : m.conn;
        parentPort.postMessage({ id: m.id, bytes: out }, [out.buffer]);
      } catch (e) {
        parentPort.postMessage({ id: m.id, error: String(e?.stack ?? e) });
      }
    }
  } finally {
    running = false;
  }
}

parentPort.on('message', (m) => {
  if (m.op === 'close') {
    void lite.close().then(
      () => parentPort.postMessage({ id: m.id }),
      (e) => parentPort.postMessage({ id: m.id, error: String(e) }),
    );
    return;
  }
  queue.push(m);
  void pump();
});
