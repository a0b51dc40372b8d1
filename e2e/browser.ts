import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { WEB_DIST } from '../packages/server/src/app.ts';
import { startServer, type RunningServer } from '../packages/server/src/server.ts';
import type { Config } from '../packages/server/src/config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_PASSWORD = 'admin-password-1';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Không thấy Chromium tại ${CHROMIUM} / Chromium not found: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A real Tre server on a fresh embedded database in a temporary folder, serving the built web app. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<RunningServer & { dir: string }> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('Chưa dựng giao diện web / web app not built: npm run build');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tre-e2e-'));
  const server = await startServer(
    {
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      provinceCode: '40',
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      secureCookies: false,
      trustProxy: false,
      ...overrides,
    },
    { webDist: WEB_DIST },
  );
  return {
    ...server,
    dir,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The afterAll of a browser test: closes the browser, then stops the server. Either may be missing
 * when the beforeAll failed half-way (no Chromium, no web build), though the test file's variables
 * are typed as always set.
 */
export async function closeBrowserAndServer(
  browser: Browser | undefined,
  server: { stop: () => Promise<void> } | undefined,
): Promise<void> {
  await browser?.close();
  await server?.stop();
}
