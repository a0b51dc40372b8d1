#!/usr/bin/env node
// The `tre` command. Tre is written in TypeScript and run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';
import { nodeVersionWarning } from './node-version.mjs';

// said when the server starts; other commands' output stays what scripts read
const warning = process.argv[2] === 'serve' ? nodeVersionWarning() : null;
if (warning) process.stderr.write(warning);

register();
const { run } = await import('../src/cli.ts');
await run(process.argv.slice(2));
