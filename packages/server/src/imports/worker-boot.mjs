// Entry of the import worker thread. Worker threads do not inherit the TypeScript loader, so this
// plain-JavaScript file registers tsx (as bin/tre.mjs does) and then loads worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
