import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs beside the `tre` command, loaded before tsx is registered
import { SERVE_FLAGS, serveRestartArgs } from '../bin/v8-flags.mjs';

const args = serveRestartArgs as (argv: string[], execArgv: string[], nodeOptions: string) => string[] | null;
const flags = SERVE_FLAGS as string[];

describe('the V8 flags of `tre serve`', () => {
  it('starts `tre serve` again with them, keeping its own node flags and arguments', () => {
    expect(args(['/node', '/tre.mjs', 'serve', '--x'], ['--enable-source-maps'], '')).toEqual([
      ...flags,
      '--enable-source-maps',
      '/tre.mjs',
      'serve',
      '--x',
    ]);
  });

  it('does not start again once they are set (no loop), nor for other commands', () => {
    expect(args(['/node', '/tre.mjs', 'serve'], flags, '')).toBeNull();
    expect(args(['/node', '/tre.mjs', 'import', 'a.xlsx'], [], '')).toBeNull();
  });

  it('leaves a value set by the person (command line or NODE_OPTIONS) as it is', () => {
    expect(args(['/node', '/tre.mjs', 'serve'], ['--max-semi-space-size=32'], '')).toBeNull();
    expect(args(['/node', '/tre.mjs', 'serve'], [], '--max-old-space-size=900 --max-semi-space-size=4')).toBeNull();
  });
});
