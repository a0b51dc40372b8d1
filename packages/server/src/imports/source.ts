import fs from 'node:fs';
import type { FileSource } from './types.ts';

/** A chunk of a file read from disk: big enough that reading costs little, small beside the worker's heap. */
const CHUNK = 256 * 1024;
const HEAD = 64;

/** An uploaded file on disk (the spool), read when a reader asks, a chunk at a time. */
export function fileSource(filePath: string): FileSource {
  const size = fs.statSync(filePath).size;
  const head = new Uint8Array(Math.min(HEAD, size));
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return { size, head, chunks: () => fileChunks(filePath), whole: () => new Uint8Array(fs.readFileSync(filePath)) };
}

function* fileChunks(filePath: string): Generator<Uint8Array> {
  const fd = fs.openSync(filePath, 'r');
  try {
    for (;;) {
      // a new buffer each time: a parser may keep a reference to the chunk it was given
      const chunk = new Uint8Array(CHUNK);
      const n = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) return;
      yield n === CHUNK ? chunk : chunk.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}
