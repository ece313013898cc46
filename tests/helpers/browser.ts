import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { tmpRoot } from './build-site';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the system Chromium headless, quiet and offline-minded, with its own temporary folder. */
export async function launchBrowser(): Promise<TestBrowser> {
  const tmp = await mkdtemp(join(tmpRoot, 'chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, TMPDIR: tmp },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
