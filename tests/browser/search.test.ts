import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, removeDir, root as projectRoot } from '../helpers/build.ts';
import { openSearch, resultLinks, waitForSearch } from '../helpers/search-page.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const post = {
  phonics: '/schools/oak-primary/phonics-every-day/',
  rules: '/schools/oak-primary/reading-rules/',
  welsh: '/schools/ysgol-derw/darllen-gyda-n-gilydd/',
  calendar: '/families/river-trust/one-trust-one-calendar/',
  mentoring: '/schools/elm-academy/mentoring-ects/',
  change: '/schools/elm-academy/leading-change/',
};

let out: string;
let server: StaticServer;
let chrome: Awaited<ReturnType<typeof launchBrowser>>;
const requests: string[] = [];
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const build = await buildSite({ content: 'tests/fixtures/network' });
  out = build.dir;
  const indexed = /\[commonroom:pagefind\] (.*)/.exec(build.stdout)?.[1];
  console.log(`fixture network: ${indexed}`);
  // The site's own _headers apply, Content-Security-Policy included.
  server = await serveStatic(out, '/', { onRequest: (path) => requests.push(path) });
  chrome = await launchBrowser();
  context = await chrome.browser.newContext();
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await chrome?.close();
  await server?.close();
  if (out) removeDir(dirname(out));
});

const search = (query: string) => openSearch(page, server.root, query);
const q = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  return `?${search}`;
};

describe('search on the fixture network', () => {
  test('a word in exactly one post finds exactly that post', async () => {
    expect(await search('?q=zephyrine')).toEqual([post.phonics]);
    await expect(page.locator('#search-status').textContent()).resolves.toBe('1 result for “zephyrine”.');
    const hit = page.locator('#search-results > li').first();
    await expect(hit.locator('.search-hit-school').textContent()).resolves.toBe('Oak Primary School');
    await expect(hit.locator('.kind-label').textContent()).resolves.toBe('Reflection');
    await expect(hit.locator('time').getAttribute('datetime')).resolves.toBe('2025-03-14');
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('zephyrine');
  });

  test('a word in no post finds nothing, and says what to try', async () => {
    expect(await search('?q=xylophonequasar')).toEqual([]);
    await expect(page.locator('#search-status').textContent()).resolves.toBe('No results for “xylophonequasar”.');
    await expect(page.locator('#search-empty').isVisible()).resolves.toBe(true);
  });

  test('drafts and future posts are never in the index', async () => {
    expect(await search('?q=quokkadraft')).toEqual([]);
    expect(await search('?q=futurequill')).toEqual([]);
    const entry = JSON.parse(await readFile(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(Object.keys(post).length);
    const fragments = join(out, 'pagefind/fragment');
    for (const name of await readdir(fragments)) {
      const text = gunzipSync(await readFile(join(fragments, name))).toString('utf8');
      expect(text).not.toMatch(/quokkadraft|futurequill|secret draft|News from the future/i);
    }
  });

  test('a Welsh word finds the Welsh post from the English search page', async () => {
    expect(await search(q({ q: 'gwdihŵ' }))).toEqual([post.welsh]);
    await expect(page.locator('#search-results h3 a').getAttribute('lang')).resolves.toBe('cy');
    expect(await search(q({ q: 'darllen' }))).toEqual([post.welsh]);
  });

  test("a rule's wording finds that rule's anchor", async () => {
    expect(await search('?q=cliffhanger')).toEqual([post.rules]);
    const section = page.locator('#search-results .search-hit-sections a');
    await expect(section.getAttribute('href')).resolves.toBe(`${post.rules}#rule-2`);
    await expect(section.textContent()).resolves.toBe('Rule 2: Stop at the cliffhanger – don’t explain it');
    // A rule without a bold lead is titled by its first sentence.
    await search('?q=silence');
    await expect(section.getAttribute('href')).resolves.toBe(`${post.rules}#rule-3`);
    await expect(section.textContent()).resolves.toBe('Rule 3: Let silence sit');
  });

  test("a case study's at-a-glance panel reads as sentences in its excerpt", async () => {
    expect(await search('?q=herefordshire')).toEqual([post.mentoring]);
    const section = page.locator('#search-results .search-hit-sections li').first();
    await expect(section.locator('a').textContent()).resolves.toBe('At a glance');
    await expect(section.locator('.search-hit-section-excerpt').textContent()).resolves.toMatch(
      /Retaining early career teachers\. Partners: Oak Primary School, Herefordshire Council\. Outcomes:/,
    );
  });

  test('each filter narrows the results to the right posts', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ kind: 'Case study' }, [post.mentoring]],
      [{ school: 'Elm Academy' }, [post.mentoring, post.change]],
      [{ family: 'Hill Cluster' }, [post.welsh, post.phonics, post.rules]],
      [{ topic: 'Wellbeing' }, [post.rules, post.change]],
      [{ author: 'Ben Teacher' }, [post.rules, post.mentoring, post.change]],
      [{ year: '2025' }, [post.welsh, post.calendar, post.phonics]],
      [{ language: 'Cymraeg' }, [post.welsh]],
    ];
    for (const [filters, expected] of cases) {
      // Without a query, results are newest first.
      expect(await search(q(filters)), JSON.stringify(filters)).toEqual(expected);
    }
  });

  test('filters combine with each other and with a query', async () => {
    expect(await search(q({ topic: 'Reading' }))).toEqual([post.welsh, post.phonics, post.rules]);
    expect(await search(q({ topic: 'Reading', school: 'Oak Primary School' }))).toEqual([post.phonics, post.rules]);
    expect(await search(q({ topic: 'Reading', school: 'Oak Primary School', kind: 'Rules of thumb' }))).toEqual([
      post.rules,
    ]);
    expect(await search(q({ topic: 'Reading', author: 'Ben Teacher' }))).toEqual([post.rules]);
    // Two values of one facet widen it.
    expect(await search(q({ school: ['Elm Academy', 'Ysgol Derw'] }))).toEqual([
      post.welsh,
      post.mentoring,
      post.change,
    ]);
    expect(await search(q({ q: 'phonics', year: '2025' }))).toEqual([post.phonics]);
    expect(await search(q({ q: 'phonics', year: '2024' }))).toEqual([]);
  });

  test('facets show counts and narrow when chosen on the page', async () => {
    await search(q({ topic: 'Reading' }));
    const oak = page.locator('fieldset[data-facet=school] label', { hasText: 'Oak Primary School' });
    await expect(oak.getAttribute('data-count')).resolves.toBe('2');
    await expect(
      page.locator('fieldset[data-facet=topic] label', { hasText: 'Reading' }).getAttribute('data-count'),
    ).resolves.toBe('3');
    await oak.click();
    await waitForSearch(page, q({ topic: 'Reading', school: 'Oak Primary School' }));
    expect(await resultLinks(page)).toEqual([post.phonics, post.rules]);
    expect(new URL(page.url()).searchParams.getAll('school')).toEqual(['Oak Primary School']);
  });

  test('sorts by best match or newest first', async () => {
    const relevance = await search('?q=reading');
    expect(relevance.length).toBeGreaterThan(1);
    const newest = await search('?q=reading&sort=newest');
    expect([...newest].sort()).toEqual([...relevance].sort());
    const dates = await page.$$eval('#search-results time', (times) =>
      times.map((t) => t.getAttribute('datetime') ?? ''),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    await page.locator('label[for=sort-relevance]').click();
    await waitForSearch(page, '?q=reading');
    expect(await resultLinks(page)).toEqual(relevance);
  });

  test('the URL round-trips, and Back restores the previous search', async () => {
    await search('?q=zephyrine');
    const input = page.getByLabel('Search posts');
    await expect(input.inputValue()).resolves.toBe('zephyrine');
    await input.fill('cliffhanger');
    await input.press('Enter');
    await waitForSearch(page, '?q=cliffhanger');
    expect(await resultLinks(page)).toEqual([post.rules]);
    await page.locator('fieldset[data-facet=topic] label', { hasText: 'Wellbeing' }).click();
    await waitForSearch(page, q({ q: 'cliffhanger', topic: 'Wellbeing' }));
    const shared = page.url();
    const sharedResults = await resultLinks(page);

    await page.goBack();
    await waitForSearch(page, '?q=cliffhanger');
    await expect(page.locator('fieldset[data-facet=topic] input[value=Wellbeing]').isChecked()).resolves.toBe(false);
    await page.goBack();
    await waitForSearch(page, '?q=zephyrine');
    expect(await resultLinks(page)).toEqual([post.phonics]);
    await expect(input.inputValue()).resolves.toBe('zephyrine');

    // A shared link shows the same search, filters ticked.
    const fresh = await context.newPage();
    await fresh.goto(shared);
    await waitForSearch(fresh, new URL(shared).search);
    expect(await resultLinks(fresh)).toEqual(sharedResults);
    await expect(fresh.locator('fieldset[data-facet=topic] input[value=Wellbeing]').isChecked()).resolves.toBe(true);
    await fresh.close();
  });

  test('typing searches as you go, and one history entry covers the typing', async () => {
    await search('');
    const input = page.getByLabel('Search posts');
    await input.pressSequentially('zephyr', { delay: 20 });
    await page.waitForTimeout(400);
    await input.pressSequentially('ine', { delay: 20 });
    await waitForSearch(page, '?q=zephyrine');
    expect(await resultLinks(page)).toEqual([post.phonics]);
    await page.goBack();
    await waitForSearch(page, '');
  });

  test('the header search form lands on the search page with results', async () => {
    await page.goto(`${server.root}${post.calendar.slice(1)}`);
    await page.locator('#site-search').fill('zephyrine');
    await page.locator('#site-search').press('Enter');
    await waitForSearch(page, '?q=zephyrine');
    expect(await resultLinks(page)).toEqual([post.phonics]);
  });

  test('is labelled for screen readers and usable by keyboard', async () => {
    await search('?q=reading');
    await expect(page.locator('#search-status').getAttribute('role')).resolves.toBe('status');
    await expect(page.getByRole('searchbox', { name: 'Search posts' }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: 'Topic' }).count()).resolves.toBe(1);
    // Tab from the search box reaches the filters; Space ticks one.
    await page.getByLabel('Search posts').focus();
    let reached = '';
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
      if (reached && reached !== 'kind') reached = '';
    }
    expect(reached).toBe('kind');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URLSearchParams(location.search).has('kind'));
    await waitForSearch(page);

    const axe = await readFile(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  test('runs under the Content-Security-Policy, with no inline script', async () => {
    const response = await fetch(`${server.root}search/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  });

  test('without JavaScript, says so and links to the archive and topics', async () => {
    const noScript = await chrome.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.root}search/?q=zephyrine`);
    const message = plain.locator('noscript, .search-fallback').filter({ hasText: 'Search needs JavaScript' });
    await expect(message.isVisible()).resolves.toBe(true);
    await expect(
      plain.locator('.search-fallback a', { hasText: 'archive' }).first().getAttribute('href'),
    ).resolves.toBe('/archive/');
    await expect(plain.locator('#search-panel').isVisible()).resolves.toBe(false);
    await noScript.close();
  });

  test('a first query transfers little', async () => {
    // Counted from the server's side, which also sees what Pagefind's web worker fetches.
    const fresh = await chrome.browser.newContext();
    const tab = await fresh.newPage();
    const first = requests.length;
    await tab.goto(`${server.root}search/?q=zephyrine`);
    await waitForSearch(tab, '?q=zephyrine');
    await tab.waitForTimeout(300);
    let total = 0;
    let search = 0;
    const paths = requests.slice(first);
    for (const path of paths) {
      const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
      const bytes = (await stat(file).catch(() => undefined))?.size ?? 0;
      total += bytes;
      if (path.startsWith('/pagefind/')) search += bytes;
    }
    const pagefindRequests = paths.filter((path) => path.startsWith('/pagefind/')).length;
    console.log(
      `first query: ${(total / 1024).toFixed(1)} KB served in ${paths.length} requests, ` +
        `${(search / 1024).toFixed(1)} KB of it Pagefind in ${pagefindRequests} requests (uncompressed, as the test server sends it)`,
    );
    // Pagefind's script, worker and WebAssembly are most of it; the budget keeps it from creeping.
    expect(search).toBeLessThan(220 * 1024);
    await fresh.close();
  });

  test('logs no errors in the console', () => {
    expect(problems).toEqual([]);
  });
});
