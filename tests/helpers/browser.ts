import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Launches Debian's Chromium headless with a per-run profile and temp folder; never downloads a browser. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const temp = mkdtempSync(join(tmpdir(), 'commonroom-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    env: { ...process.env, TMPDIR: temp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
