import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildReportDocx } from './docx.ts';
import { convertToPdf, findSoffice, NOT_INSTALLED } from './pdf.ts';
import { reportFixture } from './report.fixture.ts';

const tempEntries = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('tre-pdf-'));

describe('the report as PDF through LibreOffice', () => {
  it('says clearly, in both languages, that LibreOffice is missing', async () => {
    const result = await convertToPdf(Buffer.from('not read'), { soffice: '/nonexistent/soffice' });
    expect(result).toEqual({ ok: false, message: NOT_INSTALLED });
    expect(NOT_INSTALLED.vi).toBe('Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; tệp .docx và .xlsx vẫn có');
    expect(NOT_INSTALLED.en).toBe(
      'LibreOffice is not installed on the server, so no PDF was made; the .docx and .xlsx are there',
    );
  });

  it('reports a soffice that fails, and one that hangs, and removes its temporary files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tre-fake-soffice-'));
    try {
      const failing = join(dir, 'failing');
      await writeFile(failing, '#!/bin/sh\necho "broken profile" >&2\nexit 3\n', { mode: 0o755 });
      const hanging = join(dir, 'hanging');
      // a launcher whose child outlives it unless the whole group is killed
      await writeFile(hanging, '#!/bin/sh\nsleep 30 &\nsleep 30\n', { mode: 0o755 });
      const before = await tempEntries();

      const failed = await convertToPdf(Buffer.from('x'), { soffice: failing });
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.message.en).toContain('exit code 3: broken profile');
        expect(failed.message.vi).toContain('LibreOffice không tạo được bản PDF');
      }

      const started = Date.now();
      const hung = await convertToPdf(Buffer.from('x'), { soffice: hanging, timeoutMs: 500 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(hung.ok).toBe(false);
      if (!hung.ok) expect(hung.message.en).toContain('did not finish the PDF within 1 s');

      expect(await tempEntries()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('converts the report with the installed LibreOffice (CI installs libreoffice-writer-nogui)', async () => {
    const soffice = await findSoffice();
    if (soffice === null) {
      throw new Error(
        'LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-liberation',
      );
    }
    const result = await convertToPdf(await buildReportDocx(reportFixture), { timeoutMs: 120_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // the text is in the PDF as text, Vietnamese intact, in more than one page
    const dir = await mkdtemp(join(tmpdir(), 'tre-pdf-test-'));
    try {
      const file = join(dir, 'bao-cao.pdf');
      await writeFile(file, result.pdf);
      const { stdout: text } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Nghệ An, ngày 05 tháng 7 năm 2025');
      expect(text).toContain('12,86‰');
      const { stdout: info } = await promisify(execFile)('pdfinfo', [file]);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(3);
      expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
