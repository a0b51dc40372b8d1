#!/usr/bin/env node
// The `tre` command. Tre is written in TypeScript and run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';
import { nodeVersionWarning } from './node-version.mjs';
import { serveRestart } from './serve-process.mjs';

// the server's memory settings (serve-process.mjs); Node without process.execve (before 22.15) runs without them
const restart = serveRestart();
if (restart && typeof process.execve === 'function')
  process.execve(process.execPath, [process.execPath, ...restart.args], restart.env);

// said when the server starts; other commands' output stays what scripts read
const warning = process.argv[2] === 'serve' ? nodeVersionWarning() : null;
if (warning) process.stderr.write(warning);

register();
const { run } = await import('../src/cli.ts');
await run(process.argv.slice(2));
