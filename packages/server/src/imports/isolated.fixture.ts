/** Functions for isolated.test.ts to run in a worker thread. */
export const add = (a: number, b: number) => a + b;

class FixtureError extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
    this.name = 'FixtureError';
  }
}

export function refuse(reason: string): never {
  throw new FixtureError(reason);
}

/** Keeps allocating until the heap bound stops it. */
export function hog(): number {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `row ${i} ${kept.length}`));
}

export function spin(): number {
  let n = 0;
  for (;;) n = (n + 1) % 1000;
}
