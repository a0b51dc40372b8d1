#!/usr/bin/env node
// The `tre` command. Tre is written in TypeScript and run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
await run(process.argv.slice(2));
