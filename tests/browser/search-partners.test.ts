import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, projectRoot, tmpRoot } from '../helpers/build-site';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { openSearch, resultLinks, waitForSearch } from '../helpers/search-page';
import { serveStatic, type StaticServer } from '../helpers/static-server';

const scratch = join(tmpRoot, 'search-partners');
const partnerName = 'Coastal Partner Network';
const offlineName = 'Offline Network';

let partner: StaticServer;
let home: StaticServer;
let chrome: TestBrowser;
let page: Page;

beforeAll(async () => {
  // The partner is built under a sub-path, as on GitHub Pages, and serves the CORS header from its `_headers`.
  const partnerOut = join(scratch, 'partner');
  await buildSite({ content: join(projectRoot, 'tests/fixtures/partner'), out: partnerOut, base: '/coastal/' });
  partner = await serveStatic({ root: partnerOut, base: '/coastal/', headersFile: true });

  // The home network lists the partner at its test address, and one partner that cannot be reached.
  const content = await copyFixture(
    join(projectRoot, 'tests/fixtures/network'),
    join(scratch, 'network-content'),
    (yaml) =>
      yaml.replace(
        /^partners: \[\]$/m,
        `partners:\n  - name: ${partnerName}\n    url: ${partner.url}\n  - name: ${offlineName}\n    url: http://127.0.0.1:9/`,
      ),
  );
  const homeOut = join(scratch, 'home');
  await buildSite({ content, out: homeOut });
  home = await serveStatic({ root: homeOut });

  chrome = await launchBrowser();
  page = await chrome.browser.newPage();
});

afterAll(async () => {
  await chrome?.close();
  await home?.close();
  await partner?.close();
});

describe('partner networks', () => {
  test("finds a post that exists only in the partner's network, labelled with its name", async () => {
    const links = await openSearch(page, home.url, '?q=saltmarshine');
    expect(links).toEqual([`${partner.url}schools/harbour-high/tutor-time-reading/`]);
    const hit = page.locator('#search-results > li').first();
    await expect(hit.getAttribute('data-network')).resolves.toBe(partnerName);
    await expect(hit.locator('.search-hit-network').textContent()).resolves.toBe(partnerName);
    await expect(hit.locator('.search-hit-school').textContent()).resolves.toBe('Harbour High School');
  });

  test("labels the home network's own results with its name", async () => {
    expect(await openSearch(page, home.url, '?q=zephyrine')).toEqual(['/schools/oak-primary/phonics-every-day/']);
    await expect(page.locator('#search-results > li').first().getAttribute('data-network')).resolves.toBe(
      'Fixture Network',
    );
  });

  test('lets the reader include or exclude networks', async () => {
    await openSearch(page, home.url, '?q=reading');
    const all = await resultLinks(page);
    expect(all.some((link) => link.startsWith(partner.url))).toBe(true);
    expect(all.some((link) => link.startsWith('/'))).toBe(true);

    await page.locator('fieldset[data-facet=network] label', { hasText: 'Fixture Network' }).click();
    await waitForSearch(page, `?q=reading&network=Fixture+Network`);
    const own = await resultLinks(page);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((link) => link.startsWith('/'))).toBe(true);

    await openSearch(page, home.url, `?q=reading&network=${encodeURIComponent(partnerName)}`);
    const theirs = await resultLinks(page);
    expect(theirs).toEqual([`${partner.url}schools/harbour-high/tutor-time-reading/`]);
  });

  test('says which partner could not be searched, and searches the rest', async () => {
    await openSearch(page, home.url, '?q=saltmarshine');
    await expect(page.locator('#search-notice').textContent()).resolves.toContain(offlineName);
    expect(await resultLinks(page)).toHaveLength(1);
  });

  test("the partner's own search works under its sub-path", async () => {
    expect(await openSearch(page, partner.url, '?q=saltmarshine')).toEqual([
      '/coastal/schools/harbour-high/tutor-time-reading/',
    ]);
    expect(partner.requests.some((path) => path.startsWith('/coastal/pagefind/'))).toBe(true);
  });
});
