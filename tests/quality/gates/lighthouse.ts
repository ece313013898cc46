import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;
export const MINIMUM = 0.95;

/** Lighthouse's default (mobile, simulated throttling) scores for each URL, from Debian's Chromium. */
export async function lighthouseScores(urls: string[]): Promise<Map<string, Scores>> {
  const temp = mkdtempSync(join(tmpdir(), 'commonroom-lighthouse-'));
  mkdirSync(join(temp, 'profile'));
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
    userDataDir: join(temp, 'profile'),
    envVars: { ...process.env, TMPDIR: temp } as Record<string, string>,
  });
  const scores = new Map<string, Scores>();
  try {
    for (const url of urls) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories } = result.lhr;
      scores.set(url, Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score ?? 0])) as Scores);
    }
  } finally {
    chrome.kill();
    rmSync(temp, { recursive: true, force: true });
  }
  return scores;
}

/** Categories below the minimum, as `url category score` lines. */
export const belowMinimum = (scores: Map<string, Scores>) =>
  [...scores].flatMap(([url, s]) => CATEGORIES.filter((c) => s[c] < MINIMUM).map((c) => `${url} ${c} ${s[c]}`));
