import { Worker } from 'node:worker_threads';
import type { ConsolidatedReport } from '@tre/core';

/**
 * Writes reports' documents in one long-lived worker thread with a bounded heap: loading the `docx`
 * and `exceljs` libraries into a fresh thread costs more than writing a report, so the thread stays
 * (unreferenced, it never keeps the process alive) and takes one report at a time. A report that
 * runs out of memory or time ends the thread; the next report starts a new one.
 */
const BOOT = new URL('../../imports/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./document-thread.ts', import.meta.url).href;

export interface Documents {
  docx: Buffer;
  xlsx: Buffer;
}

export class DocumentWorkerError extends Error {
  constructor(
    readonly stopped: 'memory' | 'time' | 'thrown',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentWorkerError';
  }
}

type Reply = { id: number; ok: true; docx: Uint8Array; xlsx: Uint8Array } | { id: number; ok: false; message: string };

export class DocumentWorker {
  private worker: Worker | undefined;
  private next = 1;
  /** reports are written one at a time: a second waits for the first */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly bounds: { heapMb: number; timeoutMs: number }) {}

  build(report: ConsolidatedReport): Promise<Documents> {
    const run = this.queue.then(() => this.run(report));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private thread(): Worker {
    if (!this.worker) {
      const w = new Worker(BOOT, {
        workerData: { entry: ENTRY },
        resourceLimits: { maxOldGenerationSizeMb: this.bounds.heapMb, maxYoungGenerationSizeMb: 32 },
        stdout: false,
        stderr: false,
      });
      w.unref();
      w.on('exit', () => {
        if (this.worker === w) this.worker = undefined;
      });
      this.worker = w;
    }
    return this.worker;
  }

  private run(report: ConsolidatedReport): Promise<Documents> {
    const worker = this.thread();
    const id = this.next++;
    return new Promise<Documents>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (e: DocumentWorkerError) => {
        done();
        void this.close();
        reject(e);
      };
      const onMessage = (m: Reply) => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve({ docx: Buffer.from(m.docx), xlsx: Buffer.from(m.xlsx) });
        else reject(new DocumentWorkerError('thrown', m.message));
      };
      const onError = (e: Error & { code?: string }) =>
        fail(new DocumentWorkerError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'thrown', e.message));
      const onExit = () => fail(new DocumentWorkerError('thrown', 'the document thread stopped'));
      const timer = setTimeout(() => fail(new DocumentWorkerError('time', 'timeout')), this.bounds.timeoutMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, report });
    });
  }
}

/** The process's document thread: 1,800 task rows take ~150 MB; a report ten times that size still fits. */
export const documentWorker = new DocumentWorker({ heapMb: 768, timeoutMs: 120_000 });
