import type { ImportLimits } from './types.ts';

/**
 * The bounds of file imports, each a setting (README, Configuration). The defaults keep a whole
 * province's figures for several years (~6 MB of template, 200k rows) well inside them, and the
 * server's memory bounded whatever a file claims.
 */
export interface ImportSettings extends ImportLimits {
  /** bytes of an upload (the request body) */
  maxFileBytes: number;
  /** heap of the worker thread that reads one file: a file needing more fails the job, not the server */
  workerHeapMb: number;
  /** how long one job may run before it is stopped and marked failed */
  maxJobSeconds: number;
}

const MB = 1024 * 1024;

function setting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name}=${raw}: cần số nguyên từ ${min} đến ${max} / must be a whole number from ${min} to ${max}`);
  }
  return n;
}

export function importSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  return {
    maxFileBytes: setting(env, 'TRE_IMPORT_MAX_FILE_MB', 50, 1, 1024) * MB,
    maxRows: setting(env, 'TRE_IMPORT_MAX_ROWS', 500_000, 1, 10_000_000),
    maxInflatedBytes: setting(env, 'TRE_IMPORT_MAX_INFLATED_MB', 400, 1, 8192) * MB,
    maxSharedStrings: setting(env, 'TRE_IMPORT_MAX_STRINGS', 1_000_000, 1, 50_000_000),
    workerHeapMb: setting(env, 'TRE_IMPORT_WORKER_MB', 256, 32, 8192),
    maxJobSeconds: setting(env, 'TRE_IMPORT_MAX_SECONDS', 1800, 10, 86_400),
  };
}

/**
 * A province's children register is one file of up to a few hundred thousand children (1,000,000 in
 * the benchmark): its own bounds, as settings. The CSV streams through the worker whatever its size;
 * an .xlsx is read whole and stays bounded by the worker's heap and the inflated-bytes limit.
 */
export function childrenImportSettings(env: NodeJS.ProcessEnv = process.env): { maxRows: number; maxFileBytes: number } {
  return {
    maxRows: setting(env, 'TRE_CHILDREN_IMPORT_MAX_ROWS', 2_000_000, 1, 10_000_000),
    maxFileBytes: setting(env, 'TRE_CHILDREN_IMPORT_MAX_FILE_MB', 512, 1, 4096) * MB,
  };
}
