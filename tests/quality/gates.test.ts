import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatHex, wcagContrast } from 'culori';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { findBrokenLinks, htmlFiles, page } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { feedFiles } from '../helpers/feeds.ts';
import { indexedWords, isFormOf, rareWords } from '../helpers/indexed-text.ts';
import { resultLinks, showAllResults, waitForSearch } from '../helpers/search-page.ts';
import { auditPage } from './gates/accessibility.ts';
import { validateFeedFile } from './gates/feed-validity.ts';
import { validateHtml } from './gates/html-validity.ts';
import { pagesThatScrollSideways } from './gates/reflow.ts';
import { measurePages, overBudget } from './gates/weight.ts';

const networks = [
  // A search with more than two pages of results, where the network has that many posts.
  { name: 'demo', content: 'content', manyResults: '?q=school' },
  { name: 'fixture', content: 'tests/fixtures/network', manyResults: undefined },
];

/** One page of every type, found from the built site itself so the list follows the content. */
function pagesOfEveryType(dir: string): string[] {
  const firstLink = (listing: string, pattern: RegExp) => {
    const href = page(dir, listing)
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href')!)
      .find((h) => pattern.test(h));
    if (!href) throw new Error(`no link matching ${pattern} on ${listing}`);
    return href;
  };
  const post = /^\/(schools|families)\/[^/]+\/[^/]+\/$/;
  return [
    '/',
    firstLink('/kinds/reflection/', post),
    firstLink('/kinds/case-study/', post),
    firstLink('/kinds/rules-of-thumb/', post),
    firstLink('/schools/', /^\/schools\/[^/]+\/$/),
    firstLink('/families/', /^\/families\/[^/]+\/$/),
    firstLink('/authors/', /^\/authors\/[^/]+\/$/),
    firstLink('/topics/', /^\/topics\/[^/]+\/$/),
    '/expertise/',
    '/rulebook/',
    '/archive/',
    '/no-such-page/',
  ];
}

describe.each(networks)('quality gates on the $name network', ({ content, manyResults }) => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await buildSite({ content }));
  });

  it('every page is valid HTML (Nu HTML Checker)', async () => {
    expect(await validateHtml(dir)).toEqual([]);
  });

  it('no internal link or #fragment is broken', () => {
    expect(findBrokenLinks(dir)).toEqual([]);
  });

  it('every Atom, RSS and JSON feed is valid to its spec', () => {
    const files = feedFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) =>
      validateFeedFile(file, readFileSync(join(dir, file), 'utf8')).map((p) => `${file}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('every reading page fits the first round trip and ships no JavaScript', () => {
    const weights = measurePages(dir);
    expect(weights.length).toBe(htmlFiles(dir).length);
    expect(overBudget(weights)).toEqual([]);
  });

  it('gives later pages of a listing the first page’s card and a numbered title', () => {
    const pages = htmlFiles(dir).filter((file) => /^posts\/\d+\/index\.html$/.test(file));
    for (const file of pages) {
      const root = parse(readFileSync(join(dir, file), 'utf8'));
      expect(root.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(/\/cards\/posts\.png$/);
      expect(root.querySelector('title')?.text).toMatch(/^All posts \(page \d+\)/);
    }
  });

  it('no post page offers the same post as "Next" and first related post, and tags are not made to look like links', () => {
    let posts = 0;
    for (const file of htmlFiles(dir).filter((f) => /^(schools|families)\/[^/]+\/[^/]+\/index\.html$/.test(f))) {
      const root = parse(readFileSync(join(dir, file), 'utf8'));
      const next = root.querySelector('a[rel=next]')?.getAttribute('href');
      const previous = root.querySelector('a[rel=prev]')?.getAttribute('href');
      const related = root
        .querySelectorAll('.related li')
        .map((li) => (li.querySelector('h3 a') ?? li.querySelector('h2 a'))?.getAttribute('href'));
      expect(related.length + (next ? 1 : 0), file).toBeGreaterThan(0);
      expect(related, file).not.toContain(next ?? '-');
      expect(related, file).not.toContain(previous ?? '-');
      expect(root.querySelectorAll('.tags.plain a'), file).toEqual([]);
      posts++;
    }
    expect(posts).toBeGreaterThan(3);
  });

  it('every image has alt text and every page a language, a title and one h1', () => {
    for (const file of htmlFiles(dir)) {
      const root = parse(readFileSync(join(dir, file), 'utf8'));
      expect(root.querySelector('html')?.getAttribute('lang'), file).toBeTruthy();
      expect(root.querySelector('title')?.text.trim(), file).toBeTruthy();
      expect(root.querySelectorAll('h1'), file).toHaveLength(1);
      for (const img of root.querySelectorAll('img'))
        expect(img.getAttribute('alt'), `${file} ${img.getAttribute('src')}`).toBeTruthy();
    }
  });

  describe('in Chromium', () => {
    let server: StaticServer;
    let browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
    let close: () => Promise<void>;
    beforeAll(async () => {
      server = await serveStatic(dir);
      ({ browser, close } = await launchBrowser());
    });
    afterAll(async () => {
      await close?.();
      await server?.close();
    });

    it('axe finds no WCAG 2.2 A/AA violation on a page of every type, light and dark, phone and desktop', async () => {
      const paths = pagesOfEveryType(dir);
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [390, 1280]) {
          const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme });
          const tab = await context.newPage();
          for (const path of paths) {
            await tab.goto(new URL(path.slice(1), server.root).href);
            for (const v of await auditPage(tab))
              found.push(`${colorScheme} ${width}px ${path}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
          }
          await context.close();
        }
      }
      expect(found).toEqual([]);
    });

    it('no page scrolls sideways at 320 or 390 px (WCAG 1.4.10 Reflow)', async () => {
      const paths = htmlFiles(dir).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
      expect(paths.length).toBeGreaterThan(20);
      expect(await pagesThatScrollSideways(browser, server.root, paths)).toEqual([]);
    });

    it('search returns only posts that contain the word searched for (or a form of it), and every post that does', async () => {
      const pages = indexedWords(dir);
      const words = rareWords(pages, 20, ['enclosed', 'absences', 'minibus', 'dinner']);
      expect(words.length).toBeGreaterThan(10);
      const tab = await browser.newPage();
      const wrong: string[] = [];
      for (const word of words) {
        const query = `?q=${encodeURIComponent(word)}`;
        await tab.goto(new URL(`search/${query}`, server.root).href);
        await waitForSearch(tab, query);
        await showAllResults(tab);
        const found = await resultLinks(tab);
        for (const link of found)
          if (!pages.get(link)?.some((w) => isFormOf(w, word))) wrong.push(`"${word}" found ${link}, which lacks it`);
        for (const [link, text] of pages)
          if (text.includes(word) && !found.includes(link)) wrong.push(`"${word}" missed ${link}`);
      }
      await tab.close();
      expect(wrong).toEqual([]);
    });

    it.runIf(manyResults)('Show more, pressed twice at once, lists each post once', async () => {
      const tab = await browser.newPage();
      await tab.goto(new URL(`search/${manyResults}`, server.root).href);
      await waitForSearch(tab, manyResults);
      await tab.locator('#search-more').dblclick();
      await showAllResults(tab);
      const found = await resultLinks(tab);
      expect(found.length).toBeGreaterThan(20);
      expect(found.length - new Set(found).size).toBe(0);
      await tab.close();
    });

    it('the School filter lists schools only, and families have their own', async () => {
      const families = page(dir, '/families/')
        .querySelectorAll('main h3 a')
        .map((a) => a.text.trim());
      expect(families.length).toBeGreaterThan(0);
      const tab = await browser.newPage();
      await tab.goto(new URL('search/?q=the', server.root).href);
      await waitForSearch(tab, '?q=the');
      const values = (facet: string) =>
        tab.$$eval(`fieldset[data-facet=${facet}] .facet-value`, (spans) => spans.map((s) => s.textContent ?? ''));
      const schools = await values('school');
      expect(schools.length).toBeGreaterThan(0);
      expect(schools.filter((name) => families.includes(name))).toEqual([]);
      expect((await values('family')).sort()).toEqual([...families].sort());
      await tab.close();
    });

    it('fills each school’s band with its colour as declared, light and dark, with text that reads on it', async () => {
      const schools = [
        ...new Set(
          page(dir, '/schools/')
            .querySelectorAll('main a')
            .map((a) => a.getAttribute('href')!)
            .filter((href) => /^\/schools\/[^/]+\/$/.test(href)),
        ),
      ];
      expect(schools.length).toBeGreaterThan(1);
      const wrong: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme });
        const tab = await context.newPage();
        for (const path of schools) {
          await tab.goto(new URL(path.slice(1), server.root).href);
          const seen = await tab.evaluate(() => {
            const banner = getComputedStyle(document.querySelector('.banner')!);
            const declared = /--brand-fill:(#[0-9a-f]{6})/.exec(document.body.getAttribute('style') ?? '')?.[1];
            return { declared, fill: banner.backgroundColor, text: banner.color };
          });
          if (formatHex(seen.fill) !== seen.declared)
            wrong.push(`${colorScheme} ${path}: band ${formatHex(seen.fill)}, declared ${seen.declared}`);
          if (wcagContrast(seen.fill, seen.text) < 4.5)
            wrong.push(`${colorScheme} ${path}: text ${seen.text} on ${seen.fill} is below 4.5:1`);
        }
        await context.close();
      }
      expect(wrong).toEqual([]);
    });

    it('shows every item of the menu whole on a phone, without scrolling', async () => {
      for (const width of [320, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 700 } });
        const tab = await context.newPage();
        await tab.goto(server.root);
        const hidden = await tab.$$eval('.site-nav a', (links) =>
          links
            .filter((link) => {
              const box = link.getBoundingClientRect();
              const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              return box.left < 0 || box.right > innerWidth || !(atCentre && link.contains(atCentre));
            })
            .map((link) => link.textContent),
        );
        expect(hidden, `${width}px`).toEqual([]);
        await context.close();
      }
    });

    it('the skip link moves focus to the main content, and focus is always visible', async () => {
      const tab = await browser.newPage();
      await tab.goto(server.root);
      await tab.keyboard.press('Tab');
      expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await tab.keyboard.press('Enter');
      expect(await tab.evaluate(() => document.activeElement?.id)).toBe('main');
      for (let i = 0; i < 12; i++) {
        await tab.keyboard.press('Tab');
        const outline = await tab.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
        });
        expect(outline.style, JSON.stringify(outline)).not.toBe('none');
        expect(outline.width, JSON.stringify(outline)).toBeGreaterThanOrEqual(2);
      }
      await tab.close();
    });
  });
});
