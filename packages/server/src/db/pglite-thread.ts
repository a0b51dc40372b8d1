import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** This Tre's PGlite, or the previous one (PostgreSQL 18) kept to carry old data folders across. */
export type PgliteModule = 'current' | 'pg18';

interface Reply {
  id: number;
  error?: string;
  bytes?: Uint8Array;
}

/**
 * PGlite in a worker thread. The main thread keeps HTTP; the worker executes SQL. node-postgres
 * talks to it through `stream()`, a socket-like stream carrying the PostgreSQL wire protocol, so
 * the driver parses replies exactly as it does from a PostgreSQL server.
 */
export class PGliteThread {
  readonly waitReady: Promise<void>;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

  /** `pglite` names the package the worker opens the folder with (see pglite-worker.mjs). */
  constructor(dataDir: string, pglite: PgliteModule = 'current') {
    this.#worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, pglite } });
    this.waitReady = new Promise<Reply>((resolve, reject) => this.#pending.set(0, { resolve, reject })).then(() => undefined);
    this.#worker.on('message', (reply: Reply) => {
      const p = this.#pending.get(reply.id);
      if (!p) return;
      this.#pending.delete(reply.id);
      if (reply.error) p.reject(new Error(reply.error));
      else p.resolve(reply);
    });
    this.#worker.on('error', (e) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    });
  }

  call(op: 'wire' | 'release' | 'close', conn = 0, bytes?: Uint8Array): Promise<Reply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, conn, bytes });
    });
  }

  #connections = 0;

  /** A new wire-protocol stream for one node-postgres connection. */
  stream(): Duplex {
    return new WireStream(this, ++this.#connections);
  }

  async close(): Promise<void> {
    await this.call('close');
    await this.#worker.terminate();
  }

  /** Stops the worker when PGlite did not start (there is nothing to close, and a live worker keeps the process up). */
  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

/** Parse, Bind, Describe, Execute, Close are held until the Sync (or Flush) that follows them. */
const HELD_BACK = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

class WireStream extends Duplex {
  #thread: PGliteThread;
  #conn: number;
  #held: Buffer[] = [];
  #started = false;

  constructor(thread: PGliteThread, conn: number) {
    super();
    this.#thread = thread;
    this.#conn = conn;
  }

  // the socket methods node-postgres calls
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // The startup message has no type byte; every later message starts with one.
    if (this.#started && HELD_BACK.has(chunk[0] ?? 0)) {
      this.#held.push(chunk);
      callback();
      return;
    }
    this.#started = true;
    const batch = this.#held.length === 0 ? chunk : Buffer.concat([...this.#held, chunk]);
    this.#held = [];
    // Terminate ('X'): the connection ends; the database stays open for the next one.
    if (batch[0] === 0x58 && batch.length === 5) {
      this.#thread.call('release', this.#conn).then(
        () => {
          callback();
          this.push(null);
        },
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
      return;
    }
    this.#thread.call('wire', this.#conn, batch).then(
      (reply) => {
        if (reply.bytes && reply.bytes.length > 0)
          this.push(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length));
        callback();
      },
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
    );
  }
}
