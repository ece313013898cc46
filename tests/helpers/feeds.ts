import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { listFiles } from './html.ts';

/** A feed entry as every format is read back, for comparing Atom, RSS and JSON Feed alike. */
export interface ReadEntry {
  id: string;
  url: string;
  title: string;
  published: string | null;
  updated: string | null;
  content: string;
  authors: string[];
  categories: string[];
}

export interface ReadFeed {
  title: string;
  url: string | null;
  entries: ReadEntry[];
}

/** Throws, naming the file, unless the text is well-formed XML. */
export function assertWellFormed(text: string, file: string): void {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    throw new Error(`${file} is not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
}

/** Every feed file of a build, as paths relative to it (`feeds/atom.xml`, `feeds/schools/oak/feed.json`…). */
export const feedFiles = (dir: string) =>
  listFiles(dir).filter((file) => /^feeds\/(.+\/)?(atom\.xml|rss\.xml|feed\.json)$/.test(file));

/**
 * Reads a built feed file: XML must be well-formed and parse with a real feed parser; JSON must be
 * JSON Feed 1.1. Throws with the file name otherwise.
 */
export function readFeed(dir: string, file: string): ReadFeed {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.json')) {
    const json = JSON.parse(text) as {
      version: string;
      title: string;
      home_page_url?: string;
      items: {
        id: string;
        url: string;
        title: string;
        content_html: string;
        date_published?: string;
        date_modified?: string;
        authors?: { name: string }[];
        tags?: string[];
      }[];
    };
    if (json.version !== 'https://jsonfeed.org/version/1.1') throw new Error(`${file} is not JSON Feed 1.1`);
    return {
      title: json.title,
      url: json.home_page_url ?? null,
      entries: json.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        published: item.date_published ?? null,
        updated: item.date_modified ?? null,
        content: item.content_html,
        authors: (item.authors ?? []).map((author) => author.name),
        categories: item.tags ?? [],
      })),
    };
  }
  assertWellFormed(text, file);
  const feed = parseFeed(text);
  return {
    title: feed.title ?? '',
    url: feed.url,
    entries: feed.items.map((item) => ({
      id: item.id ?? '',
      url: item.url ?? '',
      title: item.title ?? '',
      published: item.published?.toISOString() ?? null,
      updated: item.updated?.toISOString() ?? null,
      content: item.content ?? '',
      authors: item.authors.map((author) => author.name ?? ''),
      categories: item.categories.map((category) => category.label ?? category.term),
    })),
  };
}

/** `xmlUrl` of every feed in an OPML file. */
export function opmlFeedUrls(text: string): string[] {
  assertWellFormed(text, 'OPML');
  const urls: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['@_xmlUrl'] === 'string') urls.push(record['@_xmlUrl']);
    Object.values(record).forEach(walk);
  };
  walk(new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'outline' }).parse(text));
  return urls;
}

/** Every URL in `href`, `src` and `srcset` attributes of an HTML fragment. */
export function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\s(href|src|srcset|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const value = match[3] ?? match[4] ?? match[5] ?? '';
    if (match[1]!.toLowerCase() === 'srcset')
      urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
    else urls.push(value);
  }
  return urls;
}

/** The post slug an entry links to (`…/oak-primary/phonics-every-day/` → `phonics-every-day`). */
export const slugOf = (url: string) => new URL(url).pathname.split('/').filter(Boolean).at(-1)!;
