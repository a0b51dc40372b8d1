export { startServer } from './server.ts';
export { loadConfig } from './config.ts';
export { buildApp } from './app.ts';
export { openDb } from './db/pool.ts';
export { bootstrap } from './bootstrap.ts';
