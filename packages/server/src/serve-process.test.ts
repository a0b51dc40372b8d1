import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs beside the `tre` command, loaded before tsx is registered
import { SERVE_ENV, SERVE_FLAGS, serveRestart } from '../bin/serve-process.mjs';

type Restart = { args: string[]; env: Record<string, string> } | null;
const restart = serveRestart as (argv: string[], execArgv: string[], env: Record<string, string>) => Restart;
const flags = SERVE_FLAGS as string[];
const settings = SERVE_ENV as Record<string, string>;

describe('how the `tre serve` process runs', () => {
  it('starts `tre serve` again with its flags and settings, keeping its own node flags, arguments and environment', () => {
    expect(restart(['/node', '/tre.mjs', 'serve', '--x'], ['--enable-source-maps'], { PORT: '80' })).toEqual({
      args: [...flags, '--enable-source-maps', '/tre.mjs', 'serve', '--x'],
      env: { PORT: '80', ...settings },
    });
  });

  it('does not start again once they are set (no loop), nor for other commands', () => {
    expect(restart(['/node', '/tre.mjs', 'serve'], flags, { ...settings })).toBeNull();
    expect(restart(['/node', '/tre.mjs', 'import', 'a.xlsx'], [], {})).toBeNull();
  });

  it('leaves a value set by the person (command line, NODE_OPTIONS, environment) as it is', () => {
    expect(restart(['/node', '/tre.mjs', 'serve'], ['--max-semi-space-size=32'], { ...settings })).toBeNull();
    expect(
      restart(['/node', '/tre.mjs', 'serve'], [], {
        ...settings,
        NODE_OPTIONS: '--max-old-space-size=900 --max-semi-space-size=4',
      }),
    ).toBeNull();
    expect(restart(['/node', '/tre.mjs', 'serve'], flags, { ...settings, MALLOC_ARENA_MAX: '8' })).toBeNull();
  });
});
