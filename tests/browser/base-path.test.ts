import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tmpRoot } from '../helpers/build.ts';
import { crawl, type CrawlResult } from '../helpers/crawl.ts';
import { fixtureWithImages } from '../helpers/fixture-images.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const base = '/commonroom/';
let server: StaticServer;
let result: CrawlResult;

beforeAll(async () => {
  const { dir } = await buildSite({ content: await fixtureWithImages(), env: { COMMONROOM_BASE: base } });
  server = await serveStatic(dir, base);
  // Absolute URLs the build writes for itself (feeds, sitemap, og:url) are checked against the local copy.
  result = await crawl(server.root, {
    also: [`${server.root}robots.txt`],
    aliases: { 'https://fixture.example.org/': `${server.origin}/` },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('a build under COMMONROOM_BASE=/commonroom/', () => {
  it('has no broken link, image, stylesheet, feed or sitemap entry, and no missing #fragment', () => {
    expect(result.broken).toEqual([]);
  });

  it('reaches every kind of output from its root', () => {
    const paths = [...result.visited.keys()].map((url) => new URL(url).pathname);
    for (const path of [
      '/commonroom/',
      '/commonroom/schools/oak-primary/phonics-every-day/',
      '/commonroom/feeds/',
      '/commonroom/feeds/atom.xml',
      '/commonroom/feeds/schools/oak-primary/feed.json',
      '/commonroom/feeds/feeds.opml',
      '/commonroom/sitemap-index.xml',
      '/commonroom/favicon.svg',
    ]) {
      expect(paths).toContain(path);
    }
    expect(paths.some((path) => path.startsWith('/commonroom/_astro/') && path.endsWith('.css'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/commonroom/_astro/') && path.endsWith('.woff2'))).toBe(true);
    expect(paths.every((path) => path.startsWith('/commonroom/'))).toBe(true);
  });
});

describe('pages served with the headers from _headers', () => {
  let browser: Browser;
  let profile: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpRoot, 'chromium-'));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      env: { ...process.env, TMPDIR: profile },
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('sends the Content-Security-Policy and the other security headers', async () => {
    const response = await fetch(`${server.root}schools/oak-primary/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = [...result.visited.keys()].find((url) => url.includes('/_astro/'))!;
    expect((await fetch(asset)).headers.get('cache-control')).toContain('immutable');
  });

  /** Opens a page and collects every CSP violation it reports. */
  async function open(path: string, after?: (page: Page) => Promise<unknown>) {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
    const response = await page.goto(`${server.root}${path}`, { waitUntil: 'load' });
    await after?.(page);
    await page.waitForTimeout(200);
    await page.close();
    return { response, violations };
  }

  it.each([
    '',
    'schools/oak-primary/phonics-every-day/',
    'schools/elm-academy/leading-change/',
    'feeds/',
    'schools/oak-primary/',
    'topics/reading/',
  ])('/commonroom/%s loads with no CSP violation', async (path) => {
    const { response, violations } = await open(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBeDefined();
    expect(violations).toEqual([]);
  });

  it('would notice an inline script, which the policy blocks', async () => {
    const { violations } = await open('', (page) =>
      page.addScriptTag({ content: 'document.title = "inline"' }).catch(() => undefined),
    );
    expect(violations.length).toBeGreaterThan(0);
  });
});
