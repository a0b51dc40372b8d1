import { parentPort } from 'node:worker_threads';
import type { ConsolidatedReport } from '@tre/core';
import { buildDocuments } from './documents.ts';

/** The thread side of document-worker.ts: builds each report it is sent, one after the other. */
const port = parentPort;
if (!port) throw new Error('document-thread.ts runs only as a worker thread');

port.on('message', (job: { id: number; report: ConsolidatedReport }) => {
  buildDocuments(job.report).then(
    ({ docx, xlsx }) =>
      port.postMessage({ id: job.id, ok: true, docx, xlsx }, [docx.buffer as ArrayBuffer, xlsx.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
});
