import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, copyFixture, removeDir } from '../helpers/build.ts';
import { openSearch, resultLinks, waitForSearch } from '../helpers/search-page.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const partnerName = 'Coastal Partner Network';
const offlineName = 'Offline Network';

const scratch: string[] = [];
const partnerRequests: string[] = [];
let partner: StaticServer;
let home: StaticServer;
let chrome: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  // The partner is built under a sub-path, as on GitHub Pages; its _headers let other origins read /pagefind/.
  const partnerBuild = await buildSite({ content: 'tests/fixtures/partner', env: { COMMONROOM_BASE: '/coastal/' } });
  scratch.push(dirname(partnerBuild.dir));
  partner = await serveStatic(partnerBuild.dir, '/coastal/', { onRequest: (path) => partnerRequests.push(path) });

  // The home network lists the partner at its test address, and one partner that cannot be reached.
  const content = copyFixture('network');
  scratch.push(content);
  const networkFile = join(content, 'network.yaml');
  const partners = `partners:\n  - name: ${partnerName}\n    url: ${partner.root}\n  - name: ${offlineName}\n    url: http://127.0.0.1:9/`;
  writeFileSync(networkFile, readFileSync(networkFile, 'utf8').replace(/^partners: \[\]$/m, partners));
  const homeBuild = await buildSite({ content });
  scratch.push(dirname(homeBuild.dir));
  home = await serveStatic(homeBuild.dir);

  chrome = await launchBrowser();
  page = await chrome.browser.newPage();
});

afterAll(async () => {
  await chrome?.close();
  await home?.close();
  await partner?.close();
  for (const dir of scratch) removeDir(dir);
});

describe('partner networks', () => {
  test("finds a post that exists only in the partner's network, labelled with its name", async () => {
    const links = await openSearch(page, home.root, '?q=saltmarshine');
    expect(links).toEqual([`${partner.root}schools/harbour-high/tutor-time-reading/`]);
    const hit = page.locator('#search-results > li').first();
    await expect(hit.getAttribute('data-network')).resolves.toBe(partnerName);
    await expect(hit.locator('.search-hit-network').textContent()).resolves.toBe(partnerName);
    await expect(hit.locator('.search-hit-school').textContent()).resolves.toBe('Harbour High School');
  });

  test("labels the home network's own results with its name", async () => {
    expect(await openSearch(page, home.root, '?q=zephyrine')).toEqual(['/schools/oak-primary/phonics-every-day/']);
    await expect(page.locator('#search-results > li').first().getAttribute('data-network')).resolves.toBe(
      'Fixture Network',
    );
  });

  test('lets the reader include or exclude networks', async () => {
    await openSearch(page, home.root, '?q=reading');
    const all = await resultLinks(page);
    expect(all.some((link) => link.startsWith(partner.root))).toBe(true);
    expect(all.some((link) => link.startsWith('/'))).toBe(true);

    await page.locator('fieldset[data-facet=network] label', { hasText: 'Fixture Network' }).click();
    await waitForSearch(page, `?q=reading&network=Fixture+Network`);
    const own = await resultLinks(page);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((link) => link.startsWith('/'))).toBe(true);

    await openSearch(page, home.root, `?q=reading&network=${encodeURIComponent(partnerName)}`);
    const theirs = await resultLinks(page);
    expect(theirs).toEqual([`${partner.root}schools/harbour-high/tutor-time-reading/`]);
  });

  test('says which partner could not be searched, and searches the rest', async () => {
    await openSearch(page, home.root, '?q=saltmarshine');
    await expect(page.locator('#search-notice').textContent()).resolves.toContain(offlineName);
    expect(await resultLinks(page)).toHaveLength(1);
  });

  test("the partner's own search works under its sub-path", async () => {
    expect(await openSearch(page, partner.root, '?q=saltmarshine')).toEqual([
      '/coastal/schools/harbour-high/tutor-time-reading/',
    ]);
    expect(partnerRequests.some((path) => path.startsWith('/coastal/pagefind/'))).toBe(true);
  });
});
