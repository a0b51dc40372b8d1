import { describe, expect, it } from 'vitest';
import { IsolatedError, runIsolated } from './isolated.ts';

const FIXTURE = new URL('./isolated.fixture.ts', import.meta.url).href;

describe('a pure function run in a bounded worker thread', () => {
  it('returns its result', async () => {
    expect(await runIsolated<number>(FIXTURE, 'add', [2, 3], { heapMb: 64, timeoutMs: 20_000 })).toBe(5);
  });

  it("brings back what it threw, with the error's own fields", async () => {
    const e = await runIsolated(FIXTURE, 'refuse', ['empty'], { heapMb: 64, timeoutMs: 20_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IsolatedError);
    expect(e).toMatchObject({
      stopped: 'thrown',
      remoteName: 'FixtureError',
      remote: { reason: 'empty', message: 'refused: empty' },
    });
  });

  it('stops a function that takes more memory than its bound, and this thread goes on', async () => {
    const e = await runIsolated(FIXTURE, 'hog', [], { heapMb: 32, timeoutMs: 60_000 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ stopped: 'memory' });
    expect(await runIsolated<number>(FIXTURE, 'add', [1, 1], { heapMb: 64, timeoutMs: 20_000 })).toBe(2);
  });

  it('stops a function that runs past its time', async () => {
    const e = await runIsolated(FIXTURE, 'spin', [], { heapMb: 64, timeoutMs: 3000 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ stopped: 'time' });
  });
});
