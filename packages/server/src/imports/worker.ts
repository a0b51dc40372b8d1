import { parentPort, workerData } from 'node:worker_threads';
import { HashLog, Repeats, keyHash } from './repeats.ts';
import { fileSource } from './source.ts';
import {
  ImportFileError,
  type BatchRow,
  type FileRow,
  type FileSource,
  type ImportFileReader,
  type ImportLimits,
} from './types.ts';

/**
 * The worker thread that reads one uploaded file (runner.ts starts it with a bounded heap), streamed
 * from disk on every pass. The first pass counts the rows, refusing a file over the row limit, and
 * finds the records written by more than one row (repeats.ts; one more pass when there are any), all
 * before anything is stored; the last pass hands the rows to the main thread in batches, at most one
 * ahead of the one being committed, so a slow database slows the reading instead of filling memory.
 * Rows up to `skip` were committed by an earlier run of the same job (a restart) and are passed over.
 */

export interface WorkerInput {
  readerHref: string;
  fileName: string;
  /** the uploaded file, read here so that the main thread never holds it */
  filePath: string;
  skip: number;
  batchSize: number;
  limits: ImportLimits;
  /** the kind's reader options (ImportKind.readerOptions) */
  options?: unknown;
}

export type WorkerMessage =
  | { type: 'scanned'; total: number }
  | { type: 'batch'; rows: BatchRow<FileRow>[]; through: number }
  | { type: 'done' }
  | { type: 'failed'; detail: { vi: string; en: string } };

/** The main thread's answer to a batch: committed, and how many rows the next one should hold. */
export interface Ack {
  type: 'ack';
  batchSize: number;
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const input = workerData as WorkerInput;

const post = (m: WorkerMessage) => port.postMessage(m);
// acks arrive in order, one per batch; one may come while no one waits for it yet
const acks: Ack[] = [];
let waiting: ((a: Ack) => void) | undefined;
port.on('message', (a: Ack) => {
  if (waiting) {
    const w = waiting;
    waiting = undefined;
    w(a);
  } else acks.push(a);
});
const acked = () => {
  const a = acks.shift();
  return a ? Promise.resolve(a) : new Promise<Ack>((resolve) => (waiting = resolve));
};

/** The first pass: how many rows, and which records more than one row writes. */
function scan(reader: ImportFileReader<FileRow>, file: FileSource): { total: number; repeats: Repeats } {
  if (reader.count)
    return { total: reader.count(input.fileName, file, input.limits, input.options), repeats: new Repeats(new Set()) };
  const log = new HashLog();
  let total = 0;
  for (const group of reader.rows(input.fileName, file, input.limits, input.options)) {
    for (const r of group) {
      total++;
      const key = reader.key(r);
      if (key !== undefined) log.add(keyHash(key));
    }
  }
  const repeats = new Repeats(log.repeated());
  if (repeats.any) {
    for (const group of reader.rows(input.fileName, file, input.limits, input.options)) {
      for (const r of group) {
        const key = reader.key(r);
        if (key !== undefined) repeats.note(key, r.row);
      }
    }
  }
  return { total, repeats };
}

async function run(): Promise<void> {
  const { reader } = (await import(input.readerHref)) as { reader: ImportFileReader<FileRow> };
  const file = fileSource(input.filePath);
  const { total, repeats } = scan(reader, file);
  post({ type: 'scanned', total });
  let size = input.batchSize;
  let index = 0;
  let batch: BatchRow<FileRow>[] = [];
  let inFlight = 0;
  for (const group of reader.rows(input.fileName, file, input.limits, input.options)) {
    for (const r of group) {
      if (++index <= input.skip) continue;
      const key = reader.key(r);
      const later = key === undefined ? undefined : repeats.laterOf(key, r.row);
      batch.push(later !== undefined ? { data: r, supersededBy: later } : { data: r });
      if (batch.length >= size) {
        // one batch read ahead while the one before is stored: reading and storing overlap, and no
        // more than two batches are ever held
        if (inFlight === 2) size = (await acked()).batchSize;
        else inFlight++;
        post({ type: 'batch', rows: batch, through: index });
        batch = [];
      }
    }
  }
  if (batch.length > 0) {
    if (inFlight === 2) await acked();
    else inFlight++;
    post({ type: 'batch', rows: batch, through: index });
  }
  for (; inFlight > 0; inFlight--) await acked();
  post({ type: 'done' });
}

run().catch((e: unknown) => {
  if (e instanceof ImportFileError) {
    post({ type: 'failed', detail: e.detail });
    return;
  }
  // never the file's content in a message: only what went wrong
  const reason = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : 'unknown';
  post({
    type: 'failed',
    detail: { vi: `Không đọc được tệp (${reason})`, en: `The file cannot be read (${reason})` },
  });
});
