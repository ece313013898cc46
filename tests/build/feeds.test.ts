import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/hosting/headers.ts';
import { buildSite, root } from '../helpers/build.ts';
import { assertWellFormed, feedFiles, opmlFeedUrls, readFeed, slugOf, urlsInHtml } from '../helpers/feeds.ts';
import { fixtureWithImages } from '../helpers/fixture-images.ts';
import { fileForPath, page } from '../helpers/html.ts';

const site = 'https://fixture.example.org';
let dir: string;

beforeAll(async () => {
  ({ dir } = await buildSite({ content: await fixtureWithImages() }));
});

/** Each feed folder and the slugs of the posts it must hold, newest first. */
const expected: Record<string, string[]> = {
  'feeds/': [
    'darllen-gyda-n-gilydd',
    'one-trust-one-calendar',
    'phonics-every-day',
    'reading-rules',
    'mentoring-ects',
    'leading-change',
  ],
  'feeds/schools/oak-primary/': ['phonics-every-day', 'reading-rules'],
  'feeds/schools/elm-academy/': ['mentoring-ects', 'leading-change'],
  'feeds/schools/ysgol-derw/': ['darllen-gyda-n-gilydd'],
  'feeds/families/river-trust/': [
    'one-trust-one-calendar',
    'phonics-every-day',
    'reading-rules',
    'mentoring-ects',
    'leading-change',
  ],
  'feeds/families/hill-cluster/': ['darllen-gyda-n-gilydd', 'phonics-every-day', 'reading-rules'],
  'feeds/authors/ann-head/': ['phonics-every-day', 'reading-rules'],
  'feeds/authors/ben-teacher/': ['reading-rules', 'mentoring-ects', 'leading-change'],
  'feeds/authors/carys-pennaeth/': ['darllen-gyda-n-gilydd'],
  'feeds/authors/dee-ceo/': ['one-trust-one-calendar'],
  'feeds/authors/eve-adviser/': ['one-trust-one-calendar'],
  'feeds/topics/reading/': ['darllen-gyda-n-gilydd', 'phonics-every-day', 'reading-rules'],
  'feeds/topics/leadership/': ['one-trust-one-calendar', 'mentoring-ects', 'leading-change'],
  'feeds/topics/wellbeing/': ['reading-rules', 'leading-change'],
  'feeds/topics/bilingualism/': ['darllen-gyda-n-gilydd'],
  'feeds/topics/send/': [],
  'feeds/kinds/reflection/': ['darllen-gyda-n-gilydd', 'one-trust-one-calendar', 'phonics-every-day', 'leading-change'],
  'feeds/kinds/case-study/': ['mentoring-ects'],
  'feeds/kinds/rules-of-thumb/': ['reading-rules'],
  'feeds/languages/cy/': ['darllen-gyda-n-gilydd'],
  'feeds/languages/en/': [
    'one-trust-one-calendar',
    'phonics-every-day',
    'reading-rules',
    'mentoring-ects',
    'leading-change',
  ],
};
const formats = ['atom.xml', 'rss.xml', 'feed.json'];
const allFeeds = Object.keys(expected).flatMap((folder) => formats.map((file) => `${folder}${file}`));

describe('feeds of the fixture network', () => {
  it('writes Atom, RSS and JSON Feed for the network and every school, family, author, topic and kind', () => {
    expect(feedFiles(dir)).toEqual([...allFeeds].sort());
  });

  it.each(allFeeds)('%s parses and holds exactly its published posts, newest first', (file) => {
    const feed = readFeed(dir, file);
    expect(feed.title).not.toBe('');
    expect(feed.entries.map((entry) => slugOf(entry.url))).toEqual(expected[file.replace(/[^/]+$/, '')]);
    for (const entry of feed.entries) {
      expect(entry.url).toMatch(new RegExp(`^${site}/(schools|families)/`));
      expect(entry.authors.length).toBeGreaterThan(0);
      expect(entry.categories.length).toBeGreaterThan(0);
      expect(entry.content.length).toBeGreaterThan(20);
    }
  });

  it.each(allFeeds)('%s uses absolute URLs only', (file) => {
    for (const entry of readFeed(dir, file).entries) {
      for (const url of urlsInHtml(entry.content))
        expect(url, `${url} in ${entry.title}`).toMatch(/^(https?:\/\/|mailto:)/);
    }
  });

  it('carries full content with links and images rewritten to absolute URLs, from .md and .mdx alike', () => {
    for (const format of formats) {
      const entries = readFeed(dir, `feeds/${format}`).entries;
      const phonics = entries.find((entry) => slugOf(entry.url) === 'phonics-every-day')!;
      expect(phonics.content).toContain('zephyrine');
      expect(phonics.content).toContain(`href="${site}/schools/oak-primary/reading-rules/"`);
      expect(phonics.content).toContain(`href="${site}/topics/reading/"`);
      // Footnote links point into the post's own page.
      expect(phonics.content).toContain(`href="${site}/schools/oak-primary/phonics-every-day/#user-content-fn-1"`);
      const leading = entries.find((entry) => slugOf(entry.url) === 'leading-change')!;
      for (const entry of [phonics, leading]) {
        const images = urlsInHtml(entry.content).filter((url) => /\.(webp|jpe?g|png|avif)$/.test(url));
        expect(images.length, entry.title).toBeGreaterThan(0);
        for (const image of images) {
          expect(image.startsWith(`${site}/_astro/`)).toBe(true);
          expect(existsSync(join(dir, image.slice(site.length))), image).toBe(true);
        }
      }
      // Heading anchors are page chrome, not content.
      expect(phonics.content).not.toContain('class="anchor"');
    }
  });

  it('dates each entry, with `updated` only where the post was updated', () => {
    const atom = readFeed(dir, 'feeds/atom.xml').entries;
    const phonics = atom.find((entry) => slugOf(entry.url) === 'phonics-every-day')!;
    expect(phonics.published).toBe('2025-03-14T00:00:00.000Z');
    expect(phonics.updated).toBe('2025-04-02T00:00:00.000Z');
    const json = readFeed(dir, 'feeds/feed.json').entries;
    expect(json.find((entry) => slugOf(entry.url) === 'phonics-every-day')!.updated).toBe('2025-04-02T00:00:00.000Z');
    expect(json.find((entry) => slugOf(entry.url) === 'reading-rules')!.updated).toBeNull();
  });

  it('names every author and topic of an entry', () => {
    for (const format of formats) {
      const rules = readFeed(dir, `feeds/${format}`).entries.find((entry) => slugOf(entry.url) === 'reading-rules')!;
      expect(rules.categories).toEqual(['Reading', 'Wellbeing']);
      if (format !== 'rss.xml') expect(rules.authors).toEqual(['Ann Head', 'Ben Teacher']);
    }
  });

  it('identifies a self-hosting school’s posts by their canonical URL on the school’s site', () => {
    const entry = readFeed(dir, 'feeds/atom.xml').entries.find((e) => slugOf(e.url) === 'mentoring-ects')!;
    expect(entry.id).toBe('https://elm.example.sch.uk/mentoring-ects/');
    expect(entry.url).toBe(`${site}/schools/elm-academy/mentoring-ects/`);
  });

  it('lists every feed file in the OPML file, and nothing else', () => {
    const opml = readFileSync(join(dir, 'feeds/feeds.opml'), 'utf8');
    const listed = opmlFeedUrls(opml).map((url) => {
      expect(url.startsWith(`${site}/`)).toBe(true);
      return url.slice(site.length + 1);
    });
    expect([...listed].sort()).toEqual(feedFiles(dir));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('lists every feed for people on /feeds/', () => {
    const html = page(dir, '/feeds/');
    const hrefs = html.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
    for (const file of feedFiles(dir)) expect(hrefs).toContain(`/${file}`);
    expect(hrefs).toContain('/feeds/feeds.opml');
  });

  it('advertises the page’s own feeds and the site’s with autodiscovery links', () => {
    const alternates = (path: string) =>
      page(dir, path)
        .querySelectorAll('link[rel="alternate"]')
        .map((link) => [link.getAttribute('type'), link.getAttribute('href')]);
    expect(alternates('/schools/oak-primary/')).toEqual([
      ['application/atom+xml', '/feeds/schools/oak-primary/atom.xml'],
      ['application/rss+xml', '/feeds/schools/oak-primary/rss.xml'],
      ['application/feed+json', '/feeds/schools/oak-primary/feed.json'],
      ['application/atom+xml', '/feeds/atom.xml'],
      ['application/rss+xml', '/feeds/rss.xml'],
      ['application/feed+json', '/feeds/feed.json'],
    ]);
    expect(alternates('/schools/oak-primary/phonics-every-day/')[0]).toEqual([
      'application/atom+xml',
      '/feeds/schools/oak-primary/atom.xml',
    ]);
    expect(alternates('/families/river-trust/')[0]![1]).toBe('/feeds/families/river-trust/atom.xml');
    expect(alternates('/authors/ben-teacher/')[0]![1]).toBe('/feeds/authors/ben-teacher/atom.xml');
    expect(alternates('/topics/reading/')[0]![1]).toBe('/feeds/topics/reading/atom.xml');
    expect(alternates('/kinds/case-study/')[0]![1]).toBe('/feeds/kinds/case-study/atom.xml');
    expect(alternates('/')).toHaveLength(3);
    for (const [, href] of alternates('/schools/oak-primary/')) expect(fileForPath(dir, href!), href!).toBeDefined();
  });
});

describe('sitemap and robots.txt of the fixture network', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
  const sitemapEntries = () => {
    const text = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    assertWellFormed(text, 'sitemap-0.xml');
    return (parser.parse(text) as { urlset: { url: { loc: string; lastmod?: string }[] } }).urlset.url;
  };

  it('points robots.txt at the sitemap index, which lists the sitemap', () => {
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    const index = parser.parse(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([`${site}/sitemap-0.xml`]);
  });

  it('lists every page with a last-modified date from its newest post', () => {
    const entries = new Map(sitemapEntries().map((entry) => [entry.loc, entry.lastmod]));
    expect(entries.get(`${site}/schools/oak-primary/phonics-every-day/`)).toBe('2025-04-02T00:00:00.000Z');
    expect(entries.get(`${site}/schools/oak-primary/reading-rules/`)).toBe('2024-11-02T00:00:00.000Z');
    expect(entries.get(`${site}/schools/oak-primary/`)).toBe('2025-04-02T00:00:00.000Z');
    expect(entries.get(`${site}/topics/leadership/`)).toBe('2025-05-01T00:00:00.000Z');
    expect(entries.get(`${site}/`)).toBe('2025-09-30T00:00:00.000Z');
    for (const loc of entries.keys()) expect(fileForPath(dir, loc.slice(site.length)), loc).toBeDefined();
    expect(entries.has(`${site}/404/`)).toBe(false);
  });

  it('leaves out the network’s copies of a self-hosting school’s posts, whose canonical pages are elsewhere', () => {
    const locs = sitemapEntries().map((entry) => entry.loc);
    expect(locs).not.toContain(`${site}/schools/elm-academy/mentoring-ects/`);
    expect(locs).toContain(`${site}/schools/elm-academy/`);
  });
});

describe('structured data on a post', () => {
  const jsonLd = (path: string) =>
    page(dir, path)
      .querySelectorAll('script[type="application/ld+json"]')
      .map((script) => JSON.parse(script.textContent) as Record<string, unknown>);

  it('describes the post as a BlogPosting naming its authors and school', () => {
    const [posting] = jsonLd('/schools/oak-primary/reading-rules/');
    expect(posting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Seven rules for reading aloud',
      datePublished: '2024-11-02T00:00:00.000Z',
      url: `${site}/schools/oak-primary/reading-rules/`,
      author: [
        { '@type': 'Person', name: 'Ann Head', url: `${site}/authors/ann-head/` },
        { '@type': 'Person', name: 'Ben Teacher', url: `${site}/authors/ben-teacher/` },
      ],
      publisher: {
        '@type': 'EducationalOrganization',
        name: 'Oak Primary School',
        url: `${site}/schools/oak-primary/`,
      },
    });
  });

  it('points a self-hosting school’s post at its canonical page and shows its hero image', () => {
    const [posting] = jsonLd('/schools/elm-academy/leading-change/');
    expect(posting!['mainEntityOfPage']).toBe('https://elm.example.sch.uk/leading-change/');
    expect(posting!['image']).toMatch(new RegExp(`^${site}/_astro/.+\\.jpe?g$`));
  });
});

describe('_headers of the fixture network', () => {
  it('sets a CSP that lets Pagefind run and allows no inline script', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    const csp = /Content-Security-Policy: (.+)/.exec(headers)![1]!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers).toMatch(/\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(headers).toMatch(/\/pagefind\/\*\n {2}Access-Control-Allow-Origin: \*/);
  });

  it('matches the headers of the nginx, Apache and CloudFront configs and the hosting notes', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const cloudfront = JSON.parse(read('deploy/cloudfront-response-headers.json')) as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } };
      CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
    };
    for (const [name, value] of Object.entries(securityHeaders())) {
      expect(headers).toContain(`  ${name}: ${value}\n`);
      expect(read('deploy/nginx-security-headers.conf')).toContain(`add_header ${name} "${value}" always;`);
      expect(read('deploy/.htaccess')).toContain(`Header always set ${name} "${value}"`);
    }
    const csp = securityHeaders()['Content-Security-Policy'];
    expect(cloudfront.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(csp);
    expect(cloudfront.CustomHeadersConfig.Items[0]!.Value).toBe(securityHeaders()['Permissions-Policy']);
    expect(read('docs/hosting.md')).toContain(csp);
  });
});
