import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { findBrokenLinks } from '../helpers/html.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { auditPage } from './gates/accessibility.ts';
import { validateAtom, validateJsonFeed, validateRss } from './gates/feed-validity.ts';
import { validateHtml } from './gates/html-validity.ts';
import { belowMinimum, lighthouseScores } from './gates/lighthouse.ts';
import { pagesThatScrollSideways } from './gates/reflow.ts';
import { measurePages, overBudget } from './gates/weight.ts';

const shell = (body: string, head = '<meta name="description" content="A page">') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Seeded</title>${head}</head><body><main><h1>Seeded</h1>${body}</main></body></html>`;

let dir: string;
beforeAll(() => {
  dir = tempDir('seeded');
  const write = (path: string, html: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  };
  write('index.html', shell('<p>Fine.</p>'));
  write('invalid/index.html', shell('<div><li>An item outside a list</li></div>'));
  write('no-alt/index.html', shell('<img src="/pixel.png" width="1" height="1">'));
  write('dead-link/index.html', shell('<a href="/missing/">gone</a> <a href="/#nowhere">no anchor</a>'));
  write('heavy/index.html', shell(`<p>${randomBytes(30_000).toString('base64')}</p>`));
  write('wide/index.html', shell(`<pre>${'a-line-of-code-that-cannot-wrap '.repeat(8)}</pre>`));
  write('scripted/index.html', shell('<p>Script</p><script>console.log(1)</script>'));
  writeFileSync(
    join(dir, 'pixel.png'),
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    ),
  );
});

describe('each quality gate fails on a seeded defect', () => {
  it('HTML validity names the page with an invalid element', async () => {
    const errors = await validateHtml(dir);
    expect(errors.find((e) => e.file === 'invalid/index.html')?.message).toMatch(/“li”/);
    expect(errors.find((e) => e.file === 'no-alt/index.html')?.message).toMatch(/alt/);
    expect(errors.filter((e) => e.file === 'index.html')).toEqual([]);
  });

  it('the link check names a dead link and a dead fragment', () => {
    expect(findBrokenLinks(dir)).toEqual([
      { from: 'dead-link/index.html', href: '/missing/', reason: 'no such file' },
      { from: 'dead-link/index.html', href: '/#nowhere', reason: 'no #nowhere' },
    ]);
  });

  it('the feed validators name missing required elements and bad dates', () => {
    expect(
      validateAtom(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>e</title><updated>2025-01-01</updated></entry></feed>',
      ),
    ).toEqual([
      'feed: <id> missing or not an absolute IRI',
      'feed: <updated> missing or not RFC 3339',
      'entry 1: <id> missing or not an absolute IRI',
      'entry 1: <updated> missing or not RFC 3339',
      'entry 1: <author><name> missing',
      'entry 1: neither <content> nor an alternate <link>',
    ]);
    expect(
      validateRss('<rss version="2.0"><channel><title>t</title><item><link>/relative/</link></item></channel></rss>'),
    ).toEqual([
      'channel: <link> missing',
      'channel: <description> missing',
      'item 1: needs <title> or <description>',
      'item 1: <link> not absolute',
      'item 1: <guid> missing',
    ]);
    expect(
      validateJsonFeed('{"version":"https://jsonfeed.org/version/1","items":[{"id":1,"date_published":"yesterday"}]}'),
    ).toEqual([
      'version is not https://jsonfeed.org/version/1.1',
      'title missing',
      'item 1: id missing or not a string',
      'item 1: content_html or content_text missing',
      'item 1: date_published not RFC 3339',
    ]);
  });

  it('the weight budget names an over-budget page and a page with script, with their bytes', () => {
    const problems = overBudget(measurePages(dir));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^heavy\/index\.html: \d+ bytes of HTML\+CSS gzip \(budget 14336\)$/);
    expect(problems[1]).toMatch(/^scripted\/index\.html: \d+ bytes of JavaScript on a reading page \(budget 0\)$/);
  });

  describe('in a browser', () => {
    let server: StaticServer;
    let close: () => Promise<void>;
    let browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
    beforeAll(async () => {
      server = await serveStatic(dir);
      ({ browser, close } = await launchBrowser());
    });
    afterAll(async () => {
      await close();
      await server.close();
    });

    it('axe reports an image without alt text', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.root}no-alt/`);
      expect((await auditPage(page)).map((v) => v.id)).toContain('image-alt');
      await page.goto(server.root);
      expect(await auditPage(page)).toEqual([]);
      await page.close();
    });

    it('the reflow gate names a page that scrolls sideways on a phone, and what sticks out', async () => {
      const problems = await pagesThatScrollSideways(browser, server.root, ['/', '/wide/']);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^\/wide\/ at 320px: \d+px wide in a 320px viewport \(furthest: pre to \d+px\)$/);
      expect(problems[1]).toMatch(/^\/wide\/ at 390px: /);
    });

    it('Lighthouse scores a page without alt text or description below the minimum', async () => {
      writeFileSync(join(dir, 'poor.html'), shell('<img src="/pixel.png">', ''));
      const problems = belowMinimum(await lighthouseScores([`${server.root}poor.html`]));
      expect(problems.some((p) => / accessibility /.test(p))).toBe(true);
      expect(problems.some((p) => / seo /.test(p))).toBe(true);
    });
  });
});
