import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentWorker, DocumentWorkerError } from './document-worker.ts';
import { makeReport } from './report.fixture.ts';

/** The long-lived document thread: reports one after the other, a stopped thread replaced. */
const worker = new DocumentWorker({ heapMb: 512, timeoutMs: 60_000 });
afterAll(() => worker.close());

describe('the document thread', () => {
  it('writes two reports sent at once, each its own, in order', async () => {
    const [small, large] = await Promise.all([worker.build(makeReport(2, 1)), worker.build(makeReport(40, 3))]);
    const rows = (docx: Buffer) =>
      (strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] ?? new Uint8Array()).match(/<w:tr>/g) ?? []).length;
    expect(rows(large.docx)).toBeGreaterThan(rows(small.docx) + 100);
    expect(small.xlsx.subarray(0, 2).toString()).toBe('PK');
  });

  it('stops a report that runs out of time, then builds the next in a new thread', async () => {
    const slow = new DocumentWorker({ heapMb: 512, timeoutMs: 1 });
    const err = await slow.build(makeReport(155, 12)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentWorkerError);
    expect((err as DocumentWorkerError).stopped).toBe('time');
    await slow.close();
    const again = await worker.build(makeReport(3, 1));
    expect(again.docx.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('text XML cannot hold', () => {
  it('is removed before writing, so the documents still open', async () => {
    const { xmlSafe } = await import('./documents.ts');
    const report = makeReport(2, 1);
    const dirty = { ...report, sections: [{ heading: 'I. KẾT QUẢ', paragraphs: [{ text: 'ghi chú \uffff\ufffe\u0001 hết' }] }] };
    expect(xmlSafe(dirty).sections[0]?.paragraphs[0]?.text).toBe('ghi chú  hết');
    const built = await worker.build(dirty);
    const xml = strFromU8(unzipSync(new Uint8Array(built.docx))['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('ghi chú  hết');
    expect(['\uffff', '\ufffe', '\u0001'].some((c) => xml.includes(c))).toBe(false);
  });
});
