import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { fileForPath, htmlFiles, page } from '../helpers/html.ts';
import { englishInterfaceText } from '../helpers/language.ts';
import { validateHtml } from '../quality/gates/html-validity.ts';

/** A network with a Welsh-medium school, a school that publishes in both languages and an English school. */
const fixture = 'tests/fixtures/bilingual';
const site = 'https://severn.example.org';
const english = '/schools/ysgol-dwy-afon/talking-in-two-languages/';
const welsh = '/schools/ysgol-dwy-afon/siarad-mewn-dwy-iaith/';

let dir: string;
let schoolDir: string;

beforeAll(async () => {
  // Cards are not drawn: their words (alt text) are decided without drawing them.
  ({ dir } = await buildSite({ content: fixture, env: { COMMONROOM_CARDS: 'off' } }));
  ({ dir: schoolDir } = await buildSite({
    content: fixture,
    env: { COMMONROOM_CARDS: 'off', COMMONROOM_SCOPE: 'school:ysgol-y-bont' },
  }));
});

const pages = (root: string) =>
  htmlFiles(root).map((file) => ({ file, html: parse(readFileSync(join(root, file), 'utf8')) }));
const langOf = (html: HTMLElement) => html.querySelector('html')?.getAttribute('lang') ?? '';
const text = (html: HTMLElement, selector: string) =>
  html
    .querySelectorAll(selector)
    .map((node) => node.text.replace(/\s+/g, ' ').trim())
    .join(' | ');
const meta = (html: HTMLElement, property: string) =>
  html.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? '';

describe('a network with Welsh and bilingual schools', () => {
  it('writes no English interface string on any Welsh page, outside the writers’ own words', () => {
    const welshPages = pages(dir).filter(({ html }) => langOf(html) === 'cy');
    expect(welshPages.map(({ file }) => file)).toEqual(
      expect.arrayContaining([
        'schools/ysgol-y-bont/index.html',
        'schools/ysgol-y-bont/darllen-yn-yr-awyr-agored/index.html',
        'schools/ysgol-y-bont/trochi-iaith/index.html',
        'schools/ysgol-dwy-afon/siarad-mewn-dwy-iaith/index.html',
      ]),
    );
    for (const { file, html } of welshPages) expect(englishInterfaceText(html), file).toEqual([]);
  });

  it('finds the English interface where there is one (the check can fail)', () => {
    const found = englishInterfaceText(page(dir, english), 'en');
    expect(found.length).toBeGreaterThan(10);
    expect(found.join('\n')).toContain('"Skip to content"');
  });

  it('writes a Welsh post’s furniture, dates and plurals in Welsh', () => {
    const html = page(dir, '/schools/ysgol-y-bont/darllen-yn-yr-awyr-agored/');
    expect(langOf(html)).toBe('cy');
    expect(text(html, '.byline > span')).toBe(
      'Gan Eleri Jones | 1 Mawrth 2025 | Diweddarwyd 15 Ebrill 2025 | 1 munud o ddarllen',
    );
    expect(text(html, '.post-head .kind-label')).toBe('Myfyrdod');
    expect(text(html, '#toc-title')).toBe('Ar y dudalen hon');
    expect(text(html, '#share-title')).toBe('Rhannu');
    expect(text(html, '#about-authors')).toBe('Am yr awdur');
    expect(text(html, '.skip')).toBe("Neidio i'r prif gynnwys");
    expect(meta(html, 'og:image:alt')).toBe(
      'Myfyrdod: “Darllen yn yr awyr agored” gan Eleri Jones, Ysgol y Bont, 1 Mawrth 2025. Severn Schools Network.',
    );
    // The network's English words on a Welsh page are marked as English.
    expect(html.querySelector('.brand span')?.getAttribute('lang')).toBe('en-GB');
    expect(html.querySelector('.post-aside .tags a')?.getAttribute('lang')).toBe('en-GB');

    const rules = page(dir, '/schools/ysgol-y-bont/rheolau-bawd-siarad/');
    expect(text(rules, '.byline > span').split(' | ')[0]).toBe('Gan Eleri Jones a Tom Price');
    expect(text(rules, '#about-authors')).toBe('Am yr awduron');
    expect(text(page(dir, '/schools/ysgol-y-bont/trochi-iaith/'), '#at-a-glance')).toBe('Cipolwg');
    // A task list in a post written in its school's language (the post names none) is read out in Welsh.
    expect(text(html, '.prose .task-list-item .sr-only')).toBe("Wedi'i wneud: | I'w wneud:");
  });

  it('speaks Welsh on a Welsh-medium school’s page in the network', () => {
    const html = page(dir, '/schools/ysgol-y-bont/');
    expect(langOf(html)).toBe('cy');
    expect(text(html, '.banner .eyebrow')).toBe('Ysgol gynradd · Y Drenewydd, Powys');
    expect(text(html, '.banner .facts li')).toBe('Oed 3–11 | 212 disgybl | Cyfrwng Cymraeg | 3 chofnod');
    expect(text(html, '.site-nav a')).toBe('Cofnodion | Ysgolion | Pynciau | Llyfr rheolau | Arbenigedd | Amdanom ni');
  });

  it('links a translation pair both ways with hreflang and a visible language switch', () => {
    for (const [from, to, lang, label] of [
      [english, welsh, 'cy', 'Darllen yn Gymraeg'],
      [welsh, english, 'en-GB', 'Read in English'],
    ] as const) {
      const html = page(dir, from);
      const alternates = html
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
      expect(alternates).toEqual(
        expect.arrayContaining([
          [lang, `${site}${to}`],
          [langOf(html), `${site}${from}`],
        ]),
      );
      expect(meta(html, 'og:locale:alternate')).toBe(lang === 'cy' ? 'cy_GB' : 'en_GB');
      const link = html.querySelector('.language-switch a')!;
      expect(link.text.trim()).toBe(label);
      expect(link.getAttribute('lang')).toBe(lang);
      expect(link.getAttribute('href')).toBe(to);
      expect(fileForPath(dir, to)).toBeTruthy();
    }
  });

  it('lists a translated post once, in the listing’s language, offering the other', () => {
    const listing = page(dir, '/posts/');
    const titles = listing.querySelectorAll('.post-title a').map((a) => a.getAttribute('href'));
    expect(titles).toContain(english);
    expect(titles).not.toContain(welsh);
    const offer = listing.querySelector(`.translations a[href="${welsh}"]`)!;
    expect(offer.text.trim()).toBe('Darllen yn Gymraeg');
    expect(offer.getAttribute('lang')).toBe('cy');
    // Each item carries its own language; the list's words stay English.
    expect(
      listing.querySelector('.post-title a[href$="/darllen-yn-yr-awyr-agored/"]')?.parentNode?.getAttribute('lang'),
    ).toBe('cy');
    expect(text(listing, 'time')).toContain('1 March 2025');
    expect(text(listing, '.post-list .meta')).toContain('1 min read');
  });

  it('lists both versions as alternates in the sitemap', () => {
    const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    for (const url of [english, welsh]) {
      const entry = new RegExp(`<url><loc>${site}${url}</loc>(.*?)</url>`).exec(sitemap)?.[1] ?? '';
      expect(entry).toContain(`hreflang="cy" href="${site}${welsh}"`);
      expect(entry).toContain(`hreflang="en-GB" href="${site}${english}"`);
    }
  });

  it('carries each post in its own language, with a feed per language', () => {
    const cy = readFileSync(join(dir, 'feeds/languages/cy/atom.xml'), 'utf8');
    expect(cy).toContain('<title>Severn Schools Network yn Gymraeg</title>');
    expect(cy.match(/<entry xml:lang="cy">/g)).toHaveLength(4);
    expect(cy).not.toContain('talking-in-two-languages');
    const en = JSON.parse(readFileSync(join(dir, 'feeds/languages/en/feed.json'), 'utf8')) as {
      title: string;
      items: { url: string }[];
    };
    expect(en.title).toBe('Severn Schools Network in English');
    expect(en.items.map((item) => item.url).sort()).toEqual([
      `${site}/schools/castle-view/reading-for-pleasure/`,
      `${site}${english}`,
    ]);
    const all = JSON.parse(readFileSync(join(dir, 'feeds/feed.json'), 'utf8')) as {
      items: { url: string; language?: string }[];
    };
    expect(all.items.find((item) => item.url === `${site}${welsh}`)?.language).toBe('cy');
    // The network's Atom feed mixes the languages and says which entry is in which.
    const atom = parse(readFileSync(join(dir, 'feeds/atom.xml'), 'utf8'));
    const entryLang = (url: string) =>
      atom
        .querySelectorAll('entry')
        .find((entry) => entry.querySelector('link')?.getAttribute('href') === url)
        ?.getAttribute('xml:lang');
    expect([entryLang(`${site}${welsh}`), entryLang(`${site}${english}`)]).toEqual(['cy', 'en-GB']);
  });

  it('introduces each author in the page’s language where they gave one, and marks the words that are not', () => {
    // On a Welsh post: Eleri wrote in Welsh; Tom wrote only in English, so his words are marked as English.
    const boxes = page(dir, '/schools/ysgol-y-bont/rheolau-bawd-siarad/').querySelectorAll('.author-box');
    const introduced = boxes.map((box) => [
      box.querySelector('.meta span')!.text,
      box.querySelector('.meta span')!.getAttribute('lang'),
      box.querySelector('.meta + p')!.text,
      box.querySelector('.meta + p')!.getAttribute('lang'),
    ]);
    expect(introduced).toEqual([
      ['Pennaeth', undefined, 'Eleri yw pennaeth Ysgol y Bont.', undefined],
      ['Deputy Headteacher', 'en-GB', 'Tom leads teaching and learning at Ysgol Dwy Afon.', 'en-GB'],
    ]);
    // On the network's English pages, Eleri's English words.
    const eleri = page(dir, '/authors/')
      .querySelectorAll('.author-box')
      .find((box) => box.querySelector('h2')!.text === 'Eleri Jones')!;
    expect([eleri.querySelector('.meta span')!.text, eleri.querySelector('.meta + p')!.text]).toEqual([
      'Headteacher',
      'Eleri is head of Ysgol y Bont.',
    ]);
    const lede = (root: string, author: string) => {
      const p = page(root, `/authors/${author}/`).querySelector('.lede')!;
      return [p.text, p.getAttribute('lang')];
    };
    expect(lede(dir, 'eleri-jones')).toEqual(['Eleri is head of Ysgol y Bont.', undefined]);
    expect(lede(schoolDir, 'eleri-jones')).toEqual(['Eleri yw pennaeth Ysgol y Bont.', undefined]);
    expect(lede(schoolDir, 'tom-price')).toEqual(['Tom leads teaching and learning at Ysgol Dwy Afon.', 'en-GB']);
  });
});

describe('a Welsh-medium school’s own site (COMMONROOM_SCOPE=school:ysgol-y-bont)', () => {
  it('is valid HTML on every page, as the network is', async () => {
    expect(await validateHtml(schoolDir)).toEqual([]);
    expect(await validateHtml(dir)).toEqual([]);
  });

  it('is Welsh on every page, with no English interface string', () => {
    const all = pages(schoolDir);
    expect(all.length).toBeGreaterThan(10);
    for (const { file, html } of all) {
      expect(langOf(html), file).toBe('cy');
      expect(englishInterfaceText(html), file).toEqual([]);
    }
  });

  it('gives search a Welsh interface and Pagefind a Welsh index', () => {
    const html = page(schoolDir, '/search/');
    const root = html.querySelector('[data-search]')!;
    const strings = JSON.parse(root.getAttribute('data-strings')!) as Record<string, string>;
    expect(strings['searchPage.showMore']).toBe('Dangos rhagor');
    expect(strings['facet.kind']).toBe('Math');
    expect(strings['count.results.few']).toBe('{count} chanlyniad');
    expect(text(html, '#search-form label')).toBe('Chwilio cofnodion');
    const entry = JSON.parse(readFileSync(join(schoolDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['cy']);
    expect(entry.languages['cy']!.page_count).toBe(3);
  });

  it('names topics in Welsh where they have a Welsh name, and marks those that do not as English', () => {
    const welshTopic = page(schoolDir, '/topics/bilingualism/').querySelector('h1')!;
    expect([welshTopic.text, welshTopic.getAttribute('lang')]).toEqual(['Dwyieithrwydd', undefined]);
    const englishTopic = page(schoolDir, '/topics/oracy/').querySelector('h1')!;
    expect([englishTopic.text, englishTopic.getAttribute('lang')]).toEqual(['Oracy', 'en-GB']);
    expect(page(dir, '/topics/bilingualism/').querySelector('h1')!.text).toBe('Bilingualism');
  });

  it('names a topic in each page’s own language where it has one, on the network and the school’s own site', () => {
    const chips = (html: HTMLElement, heading: string) =>
      html
        .querySelectorAll(`[aria-labelledby="${heading}"] .tags a[href^="/topics/"]`)
        .map((a) => [a.text.trim(), a.getAttribute('lang') ?? null]);
    // On the English network, a Welsh post and a Welsh school say "Dwyieithrwydd"; Oracy has no Welsh name.
    expect(chips(page(dir, welsh), 'filed-under')).toEqual([
      ['Oracy', 'en-GB'],
      ['Dwyieithrwydd', null],
    ]);
    expect(chips(page(dir, english), 'filed-under')).toEqual([
      ['Oracy', null],
      ['Bilingualism', null],
    ]);
    expect(chips(page(dir, '/schools/ysgol-y-bont/'), 'ask-us')).toEqual([
      ['Dwyieithrwydd', null],
      ['Oracy', 'en-GB'],
    ]);
    const keywords = (html: HTMLElement) =>
      (JSON.parse(html.querySelector('script[type="application/ld+json"]')!.text) as { keywords?: string[] }).keywords;
    expect(keywords(page(dir, welsh))).toEqual(['Oracy', 'Dwyieithrwydd']);
    // The Welsh school's own site shows the same: there the build's words are already Welsh.
    expect(chips(page(schoolDir, '/'), 'ask-us')).toEqual([
      ['Dwyieithrwydd', null],
      ['Oracy', 'en-GB'],
    ]);
  });

  it('has a Welsh 404, accessibility statement and feeds', () => {
    expect(text(page(schoolDir, '/404.html'), 'h1')).toBe(
      'Doedden ni ddim yn gallu dod o hyd i’r dudalen honno'.replace('’', "'"),
    );
    expect(text(page(schoolDir, '/accessibility/'), 'h1')).toBe('Datganiad hygyrchedd');
    const kindFeed = readFileSync(join(schoolDir, 'feeds/kinds/reflection/atom.xml'), 'utf8');
    expect(kindFeed).toContain('<title>Myfyrdodau · Ysgol y Bont</title>');
    expect(existsSync(join(schoolDir, 'feeds/languages/cy/atom.xml'))).toBe(true);
  });
});
