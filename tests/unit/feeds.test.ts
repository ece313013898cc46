import { describe, expect, it } from 'vitest';
import { absoluteHtml } from '../../src/lib/feeds/absolute-html.ts';
import {
  contentSecurityPolicy,
  headerRules,
  headersFor,
  parseHeadersFile,
  renderHeadersFile,
} from '../../src/lib/hosting/headers.ts';
import { createUrls, type UrlOptions } from '../../src/lib/urls.ts';

const schools = [
  { id: 'oak', families: ['trust'] },
  { id: 'elm', site: 'https://elm.example.sch.uk', families: ['trust'] },
];
const make = (overrides: Partial<UrlOptions> = {}) =>
  createUrls({ networkSite: 'https://net.example.org', base: '/', scope: { type: 'network' }, schools, ...overrides });

describe('feed URLs', () => {
  it('keeps every feed of a network build under /feeds/', () => {
    const urls = make({ base: '/commonroom/' });
    expect(urls.feed({ type: 'network' }, 'atom')).toBe('/commonroom/feeds/atom.xml');
    expect(urls.feed({ type: 'school', id: 'oak' }, 'rss')).toBe('/commonroom/feeds/schools/oak/rss.xml');
    expect(urls.feed({ type: 'kind', id: 'case-study' }, 'json')).toBe('/commonroom/feeds/kinds/case-study/feed.json');
    expect(urls.feedRoute({ type: 'topic', id: 'send' }, 'atom')).toBe('topics/send/atom.xml');
    expect(urls.opml()).toBe('/commonroom/feeds/feeds.opml');
  });

  it('makes a school’s feed its own site’s feed, and sends other schools and families to the network', () => {
    const urls = make({ scope: { type: 'school', id: 'elm' } });
    expect(urls.feed({ type: 'school', id: 'elm' }, 'atom')).toBe('/feeds/atom.xml');
    expect(urls.feedRoute({ type: 'school', id: 'elm' }, 'atom')).toBe('atom.xml');
    expect(urls.feed({ type: 'school', id: 'oak' }, 'atom')).toBe('https://net.example.org/feeds/schools/oak/atom.xml');
    expect(urls.feed({ type: 'family', id: 'trust' }, 'json')).toBe(
      'https://net.example.org/feeds/families/trust/feed.json',
    );
    expect(urls.absolute(urls.feed({ type: 'author', id: 'ann' }, 'rss'))).toBe(
      'https://elm.example.sch.uk/feeds/authors/ann/rss.xml',
    );
  });
});

describe('absoluteHtml', () => {
  const page = 'https://net.example.org/sub/schools/oak/why/';

  it('resolves links, images and srcset against the page, fragments included', () => {
    const html = absoluteHtml(
      '<p><a href="/sub/topics/send/">SEND</a> <a href="#fn-1">1</a> <img src="/sub/_astro/a.webp" srcset="/sub/_astro/a.webp 1x, /sub/_astro/b.webp 2x" alt=""></p>',
      page,
    );
    expect(html).toContain('href="https://net.example.org/sub/topics/send/"');
    expect(html).toContain('href="https://net.example.org/sub/schools/oak/why/#fn-1"');
    expect(html).toContain('src="https://net.example.org/sub/_astro/a.webp"');
    expect(html).toContain(
      'srcset="https://net.example.org/sub/_astro/a.webp 1x, https://net.example.org/sub/_astro/b.webp 2x"',
    );
  });

  it('leaves absolute and mailto links alone and drops heading anchors, scripts and Astro attributes', () => {
    const html = absoluteHtml(
      '<h2 id="a" data-astro-cid-x>A<a class="anchor" aria-hidden="true" href="#a">#</a></h2><a href="mailto:a@b.org">mail</a><a href="https://x.org/">x</a><script>alert(1)</script>',
      page,
    );
    expect(html).toBe('<h2 id="a">A</h2><a href="mailto:a@b.org">mail</a><a href="https://x.org/">x</a>');
  });
});

describe('hosting headers', () => {
  it('puts partner origins in the CSP for federated search', () => {
    const csp = contentSecurityPolicy(['https://northern.example.org/', 'https://severn.example.org/search/']);
    expect(csp).toContain("connect-src 'self' https://northern.example.org https://severn.example.org;");
    expect(csp).toContain("img-src 'self' data: https://northern.example.org https://severn.example.org;");
  });

  it('writes paths under the base and reads its own file back', () => {
    const rules = headerRules({ base: '/commonroom/' });
    const parsed = parseHeadersFile(renderHeadersFile(rules));
    expect(parsed).toEqual(rules);
    expect(headersFor(parsed, '/commonroom/_astro/x.css')['Cache-Control']).toContain('immutable');
    expect(headersFor(parsed, '/commonroom/_astro/x.css')['Content-Security-Policy']).toBeDefined();
    expect(headersFor(parsed, '/commonroom/pagefind/pagefind.js')['Access-Control-Allow-Origin']).toBe('*');
    expect(headersFor(parsed, '/_astro/x.css')).toEqual({});
  });
});
