/**
 * Renders the consolidated report's fixture for a person to look at: the .docx, its PDF through
 * LibreOffice, and pages 1 and 2 as PNG (pdftoppm, from poppler-utils).
 *
 *   npx tsx scripts/render-report.ts [OUT_DIR]      (default docs/report-layout)
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildReportDocx } from '../packages/server/src/reporting/report/docx.ts';
import { convertToPdf } from '../packages/server/src/reporting/report/pdf.ts';
import { reportFixture } from '../packages/server/src/reporting/report/report.fixture.ts';

const run = promisify(execFile);

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/report-layout');
  await mkdir(out, { recursive: true });

  const docx = await buildReportDocx(reportFixture);
  await writeFile(join(out, 'bao-cao.docx'), docx);

  const result = await convertToPdf(docx);
  if (!result.ok) throw new Error(result.message.en);
  const pdf = join(out, 'bao-cao.pdf');
  await writeFile(pdf, result.pdf);

  // pdftoppm names pages prefix-1.png or prefix-01.png depending on the page count: ask for one page at a time
  for (const page of [1, 2]) {
    const prefix = join(out, `page-${String(page)}-tmp`);
    await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
    await rename(`${prefix}.png`, join(out, `page-${String(page)}.png`));
  }
  console.log(`bao-cao.docx, bao-cao.pdf, page-1.png, page-2.png → ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
