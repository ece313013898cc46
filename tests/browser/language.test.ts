import { dirname } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, removeDir } from '../helpers/build.ts';
import { openSearch } from '../helpers/search-page.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { auditPage } from '../quality/gates/accessibility.ts';

const fixture = 'tests/fixtures/bilingual';
const english = '/schools/ysgol-dwy-afon/talking-in-two-languages/';
const welsh = '/schools/ysgol-dwy-afon/siarad-mewn-dwy-iaith/';

let networkOut: string;
let schoolOut: string;
let network: StaticServer;
let school: StaticServer;
let chrome: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;

beforeAll(async () => {
  networkOut = (await buildSite({ content: fixture, env: { COMMONROOM_CARDS: 'off' } })).dir;
  schoolOut = (
    await buildSite({ content: fixture, env: { COMMONROOM_CARDS: 'off', COMMONROOM_SCOPE: 'school:ysgol-y-bont' } })
  ).dir;
  network = await serveStatic(networkOut);
  school = await serveStatic(schoolOut);
  chrome = await launchBrowser();
  browser = chrome.browser;
});

afterAll(async () => {
  await chrome?.close();
  await network?.close();
  await school?.close();
  for (const out of [networkOut, schoolOut]) if (out) removeDir(dirname(out));
});

describe('reading in Welsh', () => {
  test('the language switch takes a reader to the other version and back, by mouse and by keyboard', async () => {
    const tab = await browser.newPage();
    await tab.goto(new URL(english.slice(1), network.root).href);
    await tab.getByRole('link', { name: 'Darllen yn Gymraeg' }).click();
    await tab.waitForURL(`**${welsh}`);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(await tab.locator('h1').textContent()).toBe('Siarad mewn dwy iaith');
    const back = tab.getByRole('link', { name: 'Read in English' });
    expect(await back.getAttribute('lang')).toBe('en-GB');
    await back.focus();
    await tab.keyboard.press('Enter');
    await tab.waitForURL(`**${english}`);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('en-GB');
    await tab.close();
  });

  test('Welsh pages pass axe, light and dark, and never scroll sideways at 320 px', async () => {
    const pages = [
      [network, welsh],
      [network, '/schools/ysgol-y-bont/'],
      [network, '/schools/ysgol-y-bont/trochi-iaith/'],
      [school, '/'],
      [school, '/search/?q=darllen'],
      [school, '/no-such-page/'],
    ] as const;
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 }, colorScheme });
      const tab = await context.newPage();
      for (const [server, path] of pages) {
        await tab.goto(new URL(path.slice(1), server.root).href);
        for (const v of await auditPage(tab)) found.push(`${colorScheme} ${path}: ${v.id} (${v.help}) at ${v.targets}`);
        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) found.push(`${colorScheme} ${path}: ${width}px wide at 320px`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });

  test('search on a Welsh school’s own site speaks Welsh and finds Welsh posts', async () => {
    const tab = await browser.newPage();
    const links = await openSearch(tab, school.root, '?q=darllen');
    expect(links).toEqual(['/darllen-yn-yr-awyr-agored/']);
    expect(await tab.locator('#search-status').textContent()).toBe('1 canlyniad ar gyfer “darllen”.');
    expect(await tab.locator('.search-hit time').textContent()).toBe('1 Mawrth 2025');
    expect(await tab.locator('.search-hit .kind-label').textContent()).toBe('Myfyrdod');
    await openSearch(tab, school.root, '?kind=Myfyrdod');
    expect(await tab.locator('#search-status').textContent()).toBe(
      'Mae 1 cofnod yn cyfateb i’r hidlyddion.'.replace('’', "'"),
    );
    await tab.close();
  });
});
