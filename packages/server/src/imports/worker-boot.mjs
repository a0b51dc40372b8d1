// Entry of Tre's worker threads (import jobs, isolated parsing). Worker threads do not inherit the
// TypeScript loader, so this plain-JavaScript file registers tsx (as bin/tre.mjs does) and then
// loads the TypeScript module named in workerData.entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
