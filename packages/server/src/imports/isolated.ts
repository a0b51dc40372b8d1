import { Worker } from 'node:worker_threads';

/**
 * Runs one pure function (core's plan parser, say) in a worker thread with a bounded heap and a time
 * limit, so that a file that takes too much memory or time to read fails that request instead of
 * stopping the server or stalling every other user. The function's module and export are named, its
 * arguments and result must survive structured cloning; what it throws comes back as IsolatedError.
 */
export interface IsolationBounds {
  heapMb: number;
  timeoutMs: number;
}

export class IsolatedError extends Error {
  constructor(
    /** 'thrown': the function threw (remote* say what); 'memory' or 'time': it was stopped */
    readonly stopped: 'thrown' | 'memory' | 'time',
    readonly remoteName: string,
    readonly remote: Record<string, unknown>,
  ) {
    super(`${stopped}: ${remoteName}`);
    this.name = 'IsolatedError';
  }
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./isolated-worker.ts', import.meta.url).href;

export function runIsolated<T>(moduleHref: string, exportName: string, args: unknown[], bounds: IsolationBounds): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY, moduleHref, exportName, args },
      resourceLimits: { maxOldGenerationSizeMb: bounds.heapMb, maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new IsolatedError('time', 'Timeout', {}))), bounds.timeoutMs);
    worker.once('message', (m: { ok: true; value: T } | { ok: false; name: string; data: Record<string, unknown> }) => {
      settle(() => (m.ok ? resolve(m.value) : reject(new IsolatedError('thrown', m.name, m.data))));
    });
    worker.once('error', (e: Error & { code?: string }) => {
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new IsolatedError('memory', 'OutOfMemory', {})
            : new IsolatedError('thrown', e.name, { message: e.message }),
        ),
      );
    });
    worker.once('exit', () => settle(() => reject(new IsolatedError('thrown', 'Exit', {}))));
  });
}
