import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIsolated } from '../../imports/isolated.ts';

const FIXTURE = new URL('./rows.fixture.ts', import.meta.url).href;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-import-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A dataValueSets file of `count` values, written in pieces (this thread never holds it either). */
function dataValueSets(count: number, prefix = '{"dataSet":"x","dataValues":['): string {
  const file = path.join(dir, `${count}.json`);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '\uFEFF' + prefix);
  for (let i = 0; i < count; i += 10_000) {
    const values = Array.from({ length: Math.min(10_000, count - i) }, (_, j) =>
      JSON.stringify({ dataElement: 'LIVE_BIRTHS', orgUnit: '16681', period: String(1000 + i + j), value: String(j % 97) }),
    );
    fs.writeSync(fd, (i > 0 ? ',' : '') + values.join(','));
  }
  fs.writeSync(fd, ']}');
  fs.closeSync(fd);
  return file;
}

describe('a dataValueSets file read by the import worker', () => {
  it('holds one chunk of the file and one group of rows, not the document: 200,000 values in a 40 MB heap', async () => {
    // the parser used to keep every element of dataValues until the array closed (~75 MB here)
    const file = dataValueSets(200_000);
    const rows = await runIsolated<number>(FIXTURE, 'countRows', [file, 'so-lieu.json', 500_000], {
      heapMb: 40,
      timeoutMs: 120_000,
    });
    expect(rows).toBe(200_000);
  }, 150_000);

  it('still tells an empty dataValues from none, and refuses a file over the row bound', async () => {
    const count = (file: string, maxRows = 10) =>
      runIsolated<number>(FIXTURE, 'countRows', [file, 'so-lieu.json', maxRows], { heapMb: 64, timeoutMs: 60_000 }).catch(
        (e: unknown) => e,
      );
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(await count(write('empty.json', '{"dataValues": []}'))).toBe(0);
    expect(await count(write('none.json', '{"dataValues": {"a": 1}}'))).toMatchObject({
      remote: { message: expect.stringContaining('no "dataValues" array') },
    });
    expect(await count(dataValueSets(11))).toMatchObject({ remote: { message: expect.stringContaining('more than 10 rows') } });
  }, 150_000);
});
