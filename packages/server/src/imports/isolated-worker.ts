import { parentPort, workerData } from 'node:worker_threads';

/** The thread side of isolated.ts: calls the named export with the arguments and posts the outcome. */
const { moduleHref, exportName, args } = workerData as { moduleHref: string; exportName: string; args: unknown[] };
const port = parentPort;
if (!port) throw new Error('isolated-worker.ts runs only as a worker thread');

try {
  const mod = (await import(moduleHref)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${exportName} is not a function of ${moduleHref}`);
  const value: unknown = await (fn as (...a: unknown[]) => unknown)(...args);
  port.postMessage({ ok: true, value });
} catch (e) {
  // an error's own fields (a PlanFileError's reason and detail) travel; its class does not
  const data = e instanceof Error ? { ...Object.fromEntries(Object.entries(e)), message: e.message } : { message: String(e) };
  port.postMessage({ ok: false, name: e instanceof Error ? e.name : 'Error', data: JSON.parse(JSON.stringify(data)) as unknown });
}
