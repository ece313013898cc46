import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/lib/import/run.ts';
import { auditPage } from '../quality/gates/accessibility.ts';
import { validateHtml } from '../quality/gates/html-validity.ts';
import { buildSite } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { readFeed } from '../helpers/feeds.ts';
import { page } from '../helpers/html.ts';
import { allText, imports, placeExport, workspace } from './helpers.ts';

let out: string;
const postPath = '/schools/oak-primary/read-aloud-every-afternoon/';

beforeAll(async () => {
  const { dir, content } = workspace('build');
  const source = placeExport('wordpress.xml', dir, 'https://oakreads.example.org');
  await runImport({
    source,
    into: 'oak-primary',
    contentRoot: content,
    cwd: dir,
    offline: true,
    dryRun: false,
    update: false,
    media: join(imports, 'www/wp-content/uploads'),
  });
  ({ dir: out } = await buildSite({ content }));
});

const ancestors = (node: HTMLElement) => {
  const list: HTMLElement[] = [];
  for (let parent = node.parentNode; parent; parent = parent.parentNode) list.push(parent);
  return list;
};

describe('a site with an imported blog', () => {
  it('shows the comments from the original blog below the post, threaded, read-only and searchable', () => {
    const html = page(out, postPath);
    const section = html.querySelector('section.original-comments');
    expect(section).not.toBeNull();
    expect(section!.querySelector('h2')!.text).toBe('Comments from the original blog');
    expect(section!.querySelector('p.meta a')!.getAttribute('href')).toBe(
      'https://oakreads.example.org/2019/03/12/read-aloud-every-afternoon/',
    );
    const top = section!.querySelectorAll(':scope > ol.comments > li.comment');
    expect(top.map((li) => li.querySelector('.commenter')!.text)).toEqual(['Rhian Evans']);
    const reply = top[0]!.querySelector('ol.replies > li.comment');
    expect(reply!.querySelector('.commenter')!.text).toBe('Mrs Head');
    expect(reply!.querySelector('.comment-text em')!.text).toBe('Holes');
    expect(section!.querySelector('time')!.getAttribute('datetime')).toBe('2019-03-13');
    expect(section!.querySelector('ul.mentions a')!.getAttribute('href')).toBe(
      'https://readingrivers.example.net/2019/03/five-books/',
    );
    // No form, no script: the archive is read-only.
    expect(section!.querySelectorAll('form, script, textarea')).toHaveLength(0);
    // Indexed with the post: inside the searchable article and not excluded from it.
    const chain = ancestors(section!);
    expect(chain.some((node) => node.tagName === 'ARTICLE' && node.hasAttribute('data-pagefind-body'))).toBe(true);
    expect(chain.some((node) => node.hasAttribute?.('data-pagefind-ignore'))).toBe(false);
  });

  it('counts the comments in the post’s JSON-LD', () => {
    const json = page(out, postPath)
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.text) as Record<string, unknown>)
      .find((data) => data['@type'] === 'BlogPosting');
    expect(json?.commentCount).toBe(2);
  });

  it('publishes imported posts but not drafts, with pictures and rewritten links', () => {
    const html = page(out, postPath);
    expect(html.querySelector('article a[href="/schools/oak-primary/seven-rules-for-class-novels/"]')).not.toBeNull();
    expect(html.querySelectorAll('article .prose img').length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(out, 'schools/oak-primary/half-finished-thoughts-on-spelling/index.html'))).toBe(false);
    expect(existsSync(join(out, 'schools/oak-primary/staff-notes/index.html'))).toBe(false);
    const rules = page(out, '/schools/oak-primary/seven-rules-for-class-novels/');
    expect(rules.querySelectorAll('article .prose ol > li[id^="rule-"]')).toHaveLength(7);
  });

  it('keeps the old feed ids, so subscribers do not see old posts again', () => {
    const feed = readFeed(out, 'feeds/schools/oak-primary/atom.xml');
    const ids = feed.entries.map((entry) => entry.id);
    expect(ids).toContain('https://oakreads.example.org/?p=101');
    expect(ids).toContain('https://oakreads.example.org/?p=102');
  });

  it('writes every old address into _redirects for Netlify and Cloudflare Pages', () => {
    const redirects = readFileSync(join(out, '_redirects'), 'utf8');
    expect(redirects).toContain('/  p=101  /schools/oak-primary/read-aloud-every-afternoon/  301');
    expect(redirects).toContain(
      '/2019/03/12/read-aloud-every-afternoon/  /schools/oak-primary/read-aloud-every-afternoon/  301',
    );
    expect(redirects).toContain('/feed/  /feeds/schools/oak-primary/atom.xml  301');
    // Rules that match a query come before plain ones, as Netlify needs.
    expect(redirects.indexOf('p=101')).toBeLessThan(redirects.indexOf('/2019/03/12/'));
  });

  it('publishes no email or IP address from the export', () => {
    const everything = allText(out);
    for (const secret of ['private.example.net', '203.0.113.45', '198.51.100.7', 'spam@spam']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('keeps the post page valid HTML with the comments on it', async () => {
    expect(await validateHtml(join(out, 'schools/oak-primary/read-aloud-every-afternoon'))).toEqual([]);
  });

  it('keeps the post page accessible and within 320 px, light and dark', async () => {
    const server = await serveStatic(out);
    const { browser, close } = await launchBrowser();
    const found: string[] = [];
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [320, 1280]) {
          const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
          const tab = await context.newPage();
          await tab.goto(`${server.origin}${postPath}#comment-502`);
          for (const v of await auditPage(tab))
            found.push(`${colorScheme} ${width}px: ${v.id} at ${v.targets.join(', ')}`);
          const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) found.push(`${colorScheme} ${width}px: ${overflow}px sideways scroll`);
          await context.close();
        }
      }
    } finally {
      await close();
      await server.close();
    }
    expect(found).toEqual([]);
  });
});
