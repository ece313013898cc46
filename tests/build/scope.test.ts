import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { feedFiles, opmlFeedUrls, readFeed } from '../helpers/feeds.ts';
import { fixtureWithImages } from '../helpers/fixture-images.ts';
import { findBrokenLinks, listFiles, page } from '../helpers/html.ts';

/** Titles, slugs and unique words of each fixture post, to find any trace of it in a build. */
const traces: Record<string, string[]> = {
  'oak-primary/phonics-every-day': ['Phonics every day', 'phonics-every-day', 'zephyrine'],
  'oak-primary/reading-rules': ['Seven rules for reading aloud', 'reading-rules', 'Stop at the cliffhanger'],
  'ysgol-derw/darllen-gyda-n-gilydd': ['Darllen gyda', 'darllen-gyda-n-gilydd', 'gwdihŵ'],
  'river-trust/one-trust-one-calendar': ['One trust, one calendar', 'one-trust-one-calendar'],
  'elm-academy/mentoring-ects': ['Mentoring early career teachers', 'mentoring-ects'],
  'elm-academy/leading-change': ['Leading change when everyone is tired', 'leading-change'],
};

/** Text files of a build with any trace of the post in them. */
function filesMentioning(dir: string, post: string): string[] {
  return listFiles(dir)
    .filter((file) => /\.(html|xml|json|txt|opml|js|pf_meta|_headers)$/.test(file) || file === '_headers')
    .filter((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return traces[post]!.some((trace) => text.includes(trace) || text.includes(trace.replace(/'/g, '&#39;')));
    });
}

describe('a school’s own build (COMMONROOM_SCOPE=school:elm-academy)', () => {
  const site = 'https://elm.example.sch.uk';
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await buildSite({
      content: await fixtureWithImages(),
      env: { COMMONROOM_SCOPE: 'school:elm-academy' },
    }));
  });

  it('contains no other school’s or family’s post anywhere: pages, feeds, sitemap, search index', () => {
    for (const post of Object.keys(traces).filter((id) => !id.startsWith('elm-academy/'))) {
      expect(filesMentioning(dir, post), post).toEqual([]);
    }
  });

  it('puts its posts at /<slug>/ and its front page at /', () => {
    expect(page(dir, '/mentoring-ects/').querySelector('h1')?.text).toBe(
      'Mentoring early career teachers in a secondary school',
    );
    expect(page(dir, '/leading-change/').querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${site}/leading-change/`,
    );
    expect(page(dir, '/').querySelector('h1')?.text).toContain('Elm Academy');
  });

  it('has one site feed of the school’s posts at its own address, and feeds of its authors and topics', () => {
    const files = feedFiles(dir);
    expect(files.filter((file) => /^feeds\/(schools|families)\//.test(file))).toEqual([]);
    for (const format of ['atom.xml', 'rss.xml', 'feed.json']) {
      const feed = readFeed(dir, `feeds/${format}`);
      expect(feed.title).toBe('Elm Academy');
      expect(feed.entries.map((entry) => entry.url)).toEqual([`${site}/mentoring-ects/`, `${site}/leading-change/`]);
      expect(feed.entries.map((entry) => entry.id)).toEqual([`${site}/mentoring-ects/`, `${site}/leading-change/`]);
    }
    expect(readFeed(dir, 'feeds/authors/ben-teacher/atom.xml').entries.map((entry) => entry.url)).toEqual([
      `${site}/mentoring-ects/`,
      `${site}/leading-change/`,
    ]);
    const opml = opmlFeedUrls(readFileSync(join(dir, 'feeds/feeds.opml'), 'utf8'));
    expect(opml.map((url) => url.slice(site.length + 1)).sort()).toEqual(files);
  });

  it('links out-of-scope schools and families to the network’s absolute URLs', () => {
    const html = page(dir, '/mentoring-ects/');
    expect(html.querySelector('.glance a')?.getAttribute('href')).toBe(
      'https://fixture.example.org/schools/oak-primary/',
    );
    expect(html.querySelector('a[href="https://fixture.example.org/families/river-trust/"]')).not.toBeNull();
  });

  it('lists only its own pages, on its own site, in the sitemap and robots.txt', () => {
    const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs).toContain(`${site}/mentoring-ects/`);
    for (const loc of locs) expect(loc.startsWith(`${site}/`), loc).toBe(true);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  });

  it('has no broken internal link', () => {
    expect(findBrokenLinks(dir)).toEqual([]);
  });
});

describe('a family’s build (COMMONROOM_SCOPE=family:hill-cluster)', () => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await buildSite({
      content: await fixtureWithImages(),
      env: { COMMONROOM_SCOPE: 'family:hill-cluster' },
    }));
  });

  it('contains only its member schools’ posts', () => {
    for (const post of [
      'elm-academy/mentoring-ects',
      'elm-academy/leading-change',
      'river-trust/one-trust-one-calendar',
    ]) {
      expect(filesMentioning(dir, post), post).toEqual([]);
    }
    const slugs = readFeed(dir, 'feeds/atom.xml').entries.map((entry) => entry.url);
    expect(slugs).toEqual([
      'https://fixture.example.org/schools/ysgol-derw/darllen-gyda-n-gilydd/',
      'https://fixture.example.org/schools/oak-primary/phonics-every-day/',
      'https://fixture.example.org/schools/oak-primary/reading-rules/',
    ]);
  });

  it('has feeds of its member schools and of the family only', () => {
    const folders = new Set(feedFiles(dir).map((file) => file.replace(/[^/]+$/, '')));
    expect([...folders].filter((folder) => /^feeds\/(schools|families)\//.test(folder)).sort()).toEqual([
      'feeds/families/hill-cluster/',
      'feeds/schools/oak-primary/',
      'feeds/schools/ysgol-derw/',
    ]);
  });

  it('has no broken internal link', () => {
    expect(findBrokenLinks(dir)).toEqual([]);
  });
});
