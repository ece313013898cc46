import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { findBrokenLinks, htmlFiles, listFiles, page } from '../helpers/html.ts';

const fixture = 'tests/fixtures/network';
let dir: string;

beforeAll(async () => {
  ({ dir } = await buildSite({ content: fixture }));
});

const published = [
  {
    path: '/schools/oak-primary/phonics-every-day/',
    title: 'Phonics every day, without exception',
    authors: ['Ann Head'],
    school: 'Oak Primary School',
    date: '14 March 2025',
  },
  {
    path: '/schools/oak-primary/reading-rules/',
    title: 'Seven rules for reading aloud',
    authors: ['Ann Head', 'Ben Teacher'],
    school: 'Oak Primary School',
    date: '2 November 2024',
  },
  {
    path: '/schools/elm-academy/mentoring-ects/',
    title: 'Mentoring early career teachers in a secondary school',
    authors: ['Ben Teacher'],
    school: 'Elm Academy',
    date: '20 June 2024',
  },
  {
    path: '/schools/elm-academy/leading-change/',
    title: 'Leading change when everyone is tired',
    authors: ['Ben Teacher'],
    school: 'Elm Academy',
    date: '10 February 2023',
  },
  {
    path: '/schools/ysgol-derw/darllen-gyda-n-gilydd/',
    title: 'Darllen gyda’n gilydd bob bore',
    authors: ['Carys Pennaeth'],
    school: 'Ysgol Derw',
    date: '30 Medi 2025',
  },
  {
    path: '/families/river-trust/one-trust-one-calendar/',
    title: 'One trust, one calendar',
    authors: ['Dee Chief', 'Eve Adviser'],
    school: 'River Learning Trust',
    date: '1 May 2025',
  },
];

describe('the built fixture network', () => {
  it.each(published)(
    'has a page for $path with its title, authors, publisher and date',
    ({ path, title, authors, school, date }) => {
      const html = page(dir, path);
      expect(html.querySelector('h1')?.text).toBe(title);
      const head = html.querySelector('.post-head')!.text;
      for (const author of authors) expect(head).toContain(author);
      expect(head).toContain(school);
      expect(head).toContain(date);
    },
  );

  it('publishes exactly the published posts', () => {
    const postPages = htmlFiles(dir).filter((file) => /^(schools|families)\/[^/]+\/[^/]+\/index\.html$/.test(file));
    expect(postPages.map((f) => `/${f.replace('index.html', '')}`).sort()).toEqual(published.map((p) => p.path).sort());
  });

  it('leaves drafts and future posts out of every file', () => {
    for (const file of listFiles(dir)) {
      if (!/\.(html|xml|json|txt)$/.test(file)) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      for (const secret of ['quokkadraft', 'Our secret draft plans', 'futurequill', 'News from the future']) {
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
  });

  it('has one page per school, family, author and topic', () => {
    const count = (pattern: RegExp) => htmlFiles(dir).filter((f) => pattern.test(f)).length;
    expect(count(/^schools\/[^/]+\/index\.html$/)).toBe(3);
    expect(count(/^families\/[^/]+\/index\.html$/)).toBe(2);
    expect(count(/^authors\/[^/]+\/index\.html$/)).toBe(5);
    expect(count(/^topics\/[^/]+\/index\.html$/)).toBe(5);
  });

  it('has no broken internal link or fragment', () => {
    expect(findBrokenLinks(dir)).toEqual([]);
  });

  it('ships no script on reading pages', () => {
    for (const file of htmlFiles(dir).filter((f) => !f.startsWith('search/'))) {
      expect(page(dir, `/${file}`).querySelectorAll('script:not([type="application/ld+json"])'), file).toHaveLength(0);
    }
  });

  it('curls quotes and dashes in titles, descriptions and rules on pages, listings and feeds; the files stay as typed', () => {
    const source = readFileSync(join(fixture, 'posts/ysgol-derw/darllen-gyda-n-gilydd.md'), 'utf8');
    expect(source).toContain("title: Darllen gyda'n gilydd bob bore");
    const post = page(dir, '/schools/ysgol-derw/darllen-gyda-n-gilydd/');
    expect(post.querySelector('title')?.text).toMatch(/^Darllen gyda’n gilydd bob bore · /);
    expect(post.querySelector('meta[name=description]')?.getAttribute('content')).toContain('darllen gyda’n gilydd');
    expect(post.querySelector('meta[property="og:title"]')?.getAttribute('content')).toContain('gyda’n');
    expect(page(dir, '/rulebook/').text).toContain('Stop at the cliffhanger – don’t explain it');
    expect(page(dir, '/families/river-trust/').text).toContain('the trust’s central team');
    const straight = /gyda(?:'|&#39;|&#x27;)n|trust(?:'|&#39;|&#x27;)s|cliffhanger --|don(?:'|&#39;|&#x27;)t explain/;
    for (const file of listFiles(dir)) {
      if (!/\.(html|xml|json)$/.test(file) || file.startsWith('pagefind/')) continue;
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(straight);
    }
    expect(readFileSync(join(dir, 'feeds/atom.xml'), 'utf8')).toContain('Darllen gyda’n gilydd bob bore');
  });

  it('preloads the font files a page draws its first screen with, the menu’s 600 weight included', () => {
    const preloads = (path: string) =>
      page(dir, path)
        .querySelectorAll('link[rel=preload][as=font]')
        .map((link) => link.getAttribute('href') ?? '');
    const home = preloads('/');
    for (const weight of [400, 600, 700])
      expect(home.some((href) => href.includes(`source-sans-3-latin-${weight}-normal`))).toBe(true);
    expect(home.some((href) => href.includes('literata'))).toBe(false);
    const post = preloads('/schools/oak-primary/phonics-every-day/');
    for (const weight of [400, 700])
      expect(post.some((href) => href.includes(`literata-latin-${weight}-normal`))).toBe(true);
  });

  it('has a /kinds/ page, feeds listed by their own names, a footer without the name twice, and no "0 schools"', () => {
    const kinds = page(dir, '/kinds/')
      .querySelectorAll('main h2 a')
      .map((a) => a.getAttribute('href'));
    expect(kinds).toEqual(['/kinds/reflection/', '/kinds/case-study/', '/kinds/rules-of-thumb/']);
    const name = page(dir, '/').querySelector('.brand')!.childNodes[0]!.text.trim();
    const listed = page(dir, '/feeds/')
      .querySelectorAll('.feed-list > li > a:first-child')
      .map((a) => a.text);
    expect(listed.length).toBeGreaterThan(5);
    expect(listed.filter((text) => text.includes(` · ${name}`))).toEqual([]);
    expect(page(dir, '/feeds/').querySelector('h1')?.closest('.page-head')).toBeTruthy();
    expect(page(dir, '/').querySelector('.site-footer')!.text).not.toContain(`${name} —`);
    expect(page(dir, '/topics/').text).not.toMatch(/\b0 schools/);
  });

  it('tells readers whom to ask at a school, and how to follow a school, family, author or topic', () => {
    const ask = page(dir, '/schools/oak-primary/').querySelector('[aria-labelledby=ask-us]')!;
    expect(ask.text).toContain('Ask for Ann Head, headteacher');
    expect(ask.querySelector('a[href="mailto:ann.head@oak.example.sch.uk"]')).toBeTruthy();
    expect(ask.querySelector('a[href="tel:01584000123"]')?.text).toBe('01584 000 123');
    expect(page(dir, '/schools/elm-academy/').text).not.toContain('Ask for');
    for (const [path, feeds] of [
      ['/schools/oak-primary/', '/feeds/schools/oak-primary/'],
      ['/families/river-trust/', '/feeds/families/river-trust/'],
      ['/authors/ann-head/', '/feeds/authors/ann-head/'],
      ['/topics/reading/', '/feeds/topics/reading/'],
    ] as const) {
      const follow = page(dir, path).querySelector('.follow')!;
      expect(follow.querySelector('h2')?.text, path).toBe('Follow');
      expect(follow.querySelector('p')?.text, path).toMatch(/feed reader/);
      const hrefs = follow.querySelectorAll('ul a').map((a) => a.getAttribute('href'));
      expect(hrefs, path).toEqual([`${feeds}atom.xml`, `${feeds}rss.xml`, `${feeds}feed.json`]);
      for (const href of hrefs) expect(listFiles(dir), href!).toContain(href!.slice(1));
    }
  });

  it('offers WhatsApp and Facebook among plain share links, with no tracking parameters', () => {
    const links = page(dir, '/schools/oak-primary/phonics-every-day/')
      .querySelectorAll('.share a')
      .map((a) => a.getAttribute('href')!);
    const address = encodeURIComponent('https://fixture.example.org/schools/oak-primary/phonics-every-day/');
    expect(links.find((href) => href.startsWith('https://wa.me/?text='))).toContain(address);
    expect(links).toContain(`https://www.facebook.com/sharer/sharer.php?u=${address}`);
    for (const href of links) expect(href).not.toMatch(/utm_|fbclid|ref=/);
  });

  it('numbers the rules of a rules-of-thumb post and gathers them in the rulebook', () => {
    const post = page(dir, '/schools/oak-primary/reading-rules/');
    expect(post.querySelectorAll('li.rule').map((li) => li.id)).toEqual(['rule-1', 'rule-2', 'rule-3']);
    const rulebook = page(dir, '/rulebook/');
    const links = rulebook.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toContain('/schools/oak-primary/reading-rules/#rule-3');
    expect(rulebook.text).toContain('Stop at the cliffhanger');
    for (const n of [1, 2, 3]) {
      const link = post.querySelector(`li#rule-${n} a.rule-number`);
      expect(link?.getAttribute('href')).toBe(`#rule-${n}`);
      expect(link?.text).toBe(String(n));
      expect(link?.getAttribute('aria-label')).toBe(`Rule ${n}`);
    }
  });

  it('shows a case study’s at-a-glance panel with linked partner schools', () => {
    const glance = page(dir, '/schools/elm-academy/mentoring-ects/').querySelector('.glance')!;
    expect(glance.text).toContain('All six ECTs stayed for a second year');
    expect(glance.querySelector('a[href="/schools/oak-primary/"]')?.text).toBe('Oak Primary School');
  });

  it('renders GFM tables, footnotes and task lists', () => {
    const prose = page(dir, '/schools/oak-primary/phonics-every-day/').querySelector('.prose')!;
    expect(prose.querySelector('table td')?.text).toBe('2023');
    expect(prose.querySelector('[data-footnotes]')).not.toBeNull();
    expect(prose.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
  });

  it('marks a Welsh post as Welsh and speaks Welsh around it', () => {
    const html = page(dir, '/schools/ysgol-derw/darllen-gyda-n-gilydd/');
    expect(html.querySelector('html')?.getAttribute('lang')).toBe('cy');
    expect(html.querySelector('header.site-header')?.getAttribute('lang')).toBeUndefined();
    expect(html.querySelector('.site-nav a')?.text).toBe('Cofnodion');
    expect(html.querySelector('.brand span')?.getAttribute('lang')).toBe('en-GB');
  });

  it('gives a self-hosting school’s posts their canonical URL on its own site', () => {
    const html = page(dir, '/schools/elm-academy/mentoring-ects/');
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://elm.example.sch.uk/mentoring-ects/',
    );
  });

  it('paints a school page in its colour as declared, with text chosen for it and a deeper shade for text', () => {
    const style = page(dir, '/schools/oak-primary/').querySelector('body')?.getAttribute('style') ?? '';
    // Oak Primary declares the pale yellow #f2c94c.
    expect(style).toContain('--brand-fill:#f2c94c');
    expect(style).toContain('--brand-on-fill:#000000');
    expect(style).toMatch(/--brand:#[0-9a-f]{6}/);
    expect(style).not.toContain('--brand:#f2c94c');
  });
});
