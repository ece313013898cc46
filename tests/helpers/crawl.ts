import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BrokenLink {
  /** The page or file the link was found on. */
  from: string;
  url: string;
  reason: string;
}

export interface CrawlResult {
  /** Every URL fetched, with its status. */
  visited: Map<string, number>;
  broken: BrokenLink[];
  /** Links that leave the origin (not followed). */
  external: Set<string>;
}

export interface CrawlOptions {
  /**
   * Absolute URLs the site writes for itself (its `site`, e.g. `https://fixture.example.org`), mapped to
   * the origin being crawled, so absolute links in feeds, sitemaps and canonical tags are checked too.
   */
  aliases?: Record<string, string>;
  /** More places to start from, e.g. `robots.txt`, which no page links to. */
  also?: string[];
  /** Safety net for runaway crawls. */
  limit?: number;
}

const linkAttributes = ['href', 'src', 'poster'] as const;

interface Page {
  links: string[];
  ids: Set<string>;
}

function readHtml(html: string): Page {
  const links: string[] = [];
  const ids = new Set<string>();
  visit(fromHtml(html), 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string') ids.add(id);
    if (node.tagName === 'a' && typeof node.properties['name'] === 'string') ids.add(node.properties['name']);
    // `<link rel="canonical">` and `og:url` may name another site by design; they are checked through aliases.
    for (const name of linkAttributes) {
      const value = node.properties[name];
      if (typeof value === 'string') links.push(value);
    }
    const srcset = node.properties['srcSet'];
    if (Array.isArray(srcset)) for (const candidate of srcset) links.push(String(candidate).trim().split(/\s+/)[0]!);
    if (
      node.tagName === 'meta' &&
      typeof node.properties['content'] === 'string' &&
      /^https?:/.test(node.properties['content'])
    ) {
      links.push(node.properties['content']);
    }
  });
  return { links, ids };
}

/** Absolute URLs in a feed, sitemap, OPML or JSON file. */
const urlsInText = (text: string) =>
  [...text.matchAll(/https?:\/\/[^\s"'<>\\)]+/g)].map((match) => match[0].replace(/&amp;/g, '&'));

/** `url(...)` references in a stylesheet. */
const urlsInCss = (text: string) =>
  [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)]
    .map((match) => match[1]!)
    .filter((url) => !url.startsWith('data:'));

/**
 * Crawls a site from `start`, following every link, image, stylesheet and script inside its
 * origin (HTML, CSS, feeds and sitemaps alike), and reports each that does not answer 200 and each
 * `#fragment` that names no element on its target page.
 */
export async function crawl(start: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const origin = new URL(start).origin;
  const aliases = Object.entries(options.aliases ?? {});
  const limit = options.limit ?? 5000;
  const visited = new Map<string, number>();
  const pages = new Map<string, Page>();
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  const fragments: { from: string; page: string; id: string }[] = [];
  const queue = [start, ...(options.also ?? [])].map((url) => ({ url, from: '(start)' }));

  const localise = (raw: string, base: string): URL | undefined => {
    let href = raw;
    for (const [from, to] of aliases) if (href.startsWith(from)) href = to + href.slice(from.length);
    try {
      return new URL(href, base);
    } catch {
      broken.push({ from: base, url: raw, reason: 'not a URL' });
      return undefined;
    }
  };

  const enqueue = (raw: string, from: string) => {
    if (/^(mailto|tel|data|javascript):/i.test(raw)) return;
    const url = localise(raw, from);
    if (!url) return;
    if (url.origin !== origin) {
      external.add(url.href);
      return;
    }
    const hash = url.hash.slice(1);
    url.hash = '';
    if (hash) fragments.push({ from, page: url.href, id: decodeURIComponent(hash) });
    if (!visited.has(url.href) && !queue.some((item) => item.url === url.href)) queue.push({ url: url.href, from });
  };

  while (queue.length > 0) {
    if (visited.size >= limit) throw new Error(`crawl stopped after ${limit} URLs`);
    const { url, from } = queue.shift()!;
    const response = await fetch(url, { redirect: 'follow' });
    visited.set(url, response.status);
    if (response.status !== 200) {
      broken.push({ from, url, reason: `HTTP ${response.status}` });
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    const finalUrl = response.url || url;
    if (type.includes('text/html')) {
      const page = readHtml(await response.text());
      pages.set(url, page);
      if (finalUrl !== url) pages.set(finalUrl, page);
      for (const link of page.links) enqueue(link, finalUrl);
    } else if (type.includes('css')) {
      for (const link of urlsInCss(await response.text())) enqueue(link, finalUrl);
    } else if (/xml|json|opml|text\/plain/.test(type)) {
      for (const link of urlsInText(await response.text())) enqueue(link, finalUrl);
    } else {
      await response.arrayBuffer();
    }
  }

  for (const { from, page, id } of fragments) {
    const target = pages.get(page);
    if (target && !target.ids.has(id))
      broken.push({ from, url: `${page}#${id}`, reason: `no element with id "${id}"` });
  }
  return { visited, broken, external };
}
