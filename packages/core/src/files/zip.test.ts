import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipError, decodeUtf8, inflateBudget, inflateEntry, readEntry, zipEntries } from './zip.ts';

/** An archive whose central directory claims every entry inflates to `claim` bytes. */
function lyingZip(files: Record<string, Uint8Array>, claim: number): Uint8Array {
  const zip = zipSync(files, { level: 9 });
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claim, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, claim, true);
  }
  return zip;
}

describe('zip reading without trusting the archive', () => {
  it('reads entries and their text, across chunk boundaries', () => {
    const text = 'Sở Y tế — trẻ em '.repeat(5000);
    const zip = zipSync({ 'a.xml': strToU8(text), 'b.txt': strToU8('hi') });
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', 'b.txt']);
    const budget = inflateBudget(10_000_000);
    const a = entries[0];
    if (!a) throw new Error('no entry');
    expect([...decodeUtf8(inflateEntry(zip, a, budget))].join('')).toBe(text);
    expect(budget.remaining).toBe(10_000_000 - strToU8(text).length);
  });

  it('stops a zip bomb that lies about its size while inflating, not after', () => {
    const bomb = lyingZip({ 'sheet.xml': new Uint8Array(50 * 1024 * 1024) }, 100);
    expect(bomb.length).toBeLessThan(200_000);
    const [entry] = zipEntries(bomb);
    if (!entry) throw new Error('no entry');
    expect(entry.declaredSize).toBe(100);
    const budget = inflateBudget(1024 * 1024);
    let seen = 0;
    const read = () => {
      for (const chunk of inflateEntry(bomb, entry, budget)) seen += chunk.length;
    };
    expect(read).toThrow(ZipError);
    // refused within one step of the budget: never the 50 MB the entry really holds
    expect(seen).toBeLessThanOrEqual(1024 * 1024);
    expect(() => readEntry(bomb, entry, inflateBudget(1024 * 1024))).toThrow(/more than 1048576 bytes/);
  });

  it('shares one budget across the entries of a file', () => {
    const zip = zipSync({ a: new Uint8Array(600_000), b: new Uint8Array(600_000) });
    const budget = inflateBudget(1_000_000);
    const [a, b] = zipEntries(zip);
    if (!a || !b) throw new Error('no entries');
    readEntry(zip, a, budget);
    expect(() => readEntry(zip, b, budget)).toThrow(ZipError);
  });

  it('refuses what is not a zip, and a damaged one, with a ZipError', () => {
    expect(() => zipEntries(strToU8('plain text, not an archive'))).toThrow(ZipError);
    const zip = zipSync({ 'a.xml': strToU8('x'.repeat(10_000)) });
    const [entry] = zipEntries(zip);
    if (!entry) throw new Error('no entry');
    const cut = zip.slice();
    cut.fill(0xff, 40, 60); // inside the deflate stream
    expect(() => readEntry(cut, entry, inflateBudget(1e6))).toThrow(ZipError);
  });
});
