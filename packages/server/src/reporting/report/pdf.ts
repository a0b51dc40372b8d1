import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The report's PDF, made by LibreOffice from the .docx (`soffice --headless --convert-to pdf`). The
 * PDF is a convenience: when LibreOffice is missing, slow or failing, the caller gets a message to
 * show beside the .docx and .xlsx, which are always there.
 */

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; message: { vi: string; en: string } };

export interface PdfOptions {
  /** default 60 s; the whole process group is killed past it */
  timeoutMs?: number;
  /** the soffice to run; by default the first found on PATH or where Debian installs it */
  soffice?: string;
}

const KNOWN_PLACES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
const STILL_THERE = { vi: 'tệp .docx và .xlsx vẫn có', en: 'the .docx and .xlsx are there' };

export const NOT_INSTALLED = {
  vi: `Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; ${STILL_THERE.vi}`,
  en: `LibreOffice is not installed on the server, so no PDF was made; ${STILL_THERE.en}`,
};

const executable = async (path: string): Promise<boolean> =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The given soffice if it can be run, else the first on PATH, else Debian's places. */
export async function findSoffice(given?: string): Promise<string | null> {
  if (given !== undefined) return (await executable(given)) ? given : null;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'soffice'));
  for (const candidate of [...onPath, ...KNOWN_PLACES]) {
    if (await executable(candidate)) return candidate;
  }
  return null;
}

interface RunOutcome {
  code: number | null;
  timedOut: boolean;
  spawnError: boolean;
  stderr: string;
}

/**
 * Runs soffice in its own process group (detached), so that on timeout the group is killed: soffice
 * is a launcher that starts soffice.bin, and killing the launcher alone would leave it running.
 */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, spawnError: true, stderr });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, spawnError: false, stderr });
    });
  });
}

export async function convertToPdf(docx: Buffer, options: PdfOptions = {}): Promise<PdfResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const soffice = await findSoffice(options.soffice);
  if (soffice === null) return { ok: false, message: NOT_INSTALLED };

  const dir = await mkdtemp(join(tmpdir(), 'tre-pdf-'));
  try {
    const input = join(dir, 'bao-cao.docx');
    const outDir = join(dir, 'out');
    await writeFile(input, docx);
    const outcome = await runSoffice(
      soffice,
      [
        // a profile of its own: two conversions at once would otherwise fight over ~/.config/libreoffice
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        input,
      ],
      timeoutMs,
    );
    if (outcome.spawnError) return { ok: false, message: NOT_INSTALLED };
    if (outcome.timedOut) {
      const seconds = String(Math.round(timeoutMs / 1000));
      return {
        ok: false,
        message: {
          vi: `LibreOffice không tạo xong bản PDF trong ${seconds} giây; ${STILL_THERE.vi}`,
          en: `LibreOffice did not finish the PDF within ${seconds} s; ${STILL_THERE.en}`,
        },
      };
    }
    // soffice may exit 0 without writing anything (a document it cannot read): the file decides
    const pdf = await readFile(join(outDir, 'bao-cao.pdf')).catch(() => null);
    if (outcome.code === 0 && pdf !== null && pdf.subarray(0, 5).toString('latin1') === '%PDF-') return { ok: true, pdf };
    const detail = outcome.stderr.trim().split('\n').pop()?.slice(0, 200) ?? '';
    return {
      ok: false,
      message: {
        vi: `LibreOffice không tạo được bản PDF (mã thoát ${String(outcome.code)}); ${STILL_THERE.vi}`,
        en: `LibreOffice could not make the PDF (exit code ${String(outcome.code)}${detail ? `: ${detail}` : ''}); ${STILL_THERE.en}`,
      },
    };
  } finally {
    // retries: after a kill, soffice.bin may still be closing files in its profile for a moment
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
