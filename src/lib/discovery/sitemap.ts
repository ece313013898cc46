import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postFileLanguage } from '../post-language.ts';
import { isPublished } from '../publish.ts';
import { createUrls, type PostRef, type UrlOptions } from '../urls.ts';
import { asWritten } from '../check/dates.ts';
import { openBodyCache } from '../check/body-cache.ts';
import { decodeText, splitFrontMatter } from '../check/text.ts';
import { isPlainObject } from '../check/yaml.ts';
import { flag } from '../../schemas/common.ts';

/** What the sitemap needs from a post's front matter, read before the content layer runs. */
export interface SitemapPost extends PostRef {
  date: Date;
  updated?: Date | undefined;
  draft: boolean;
  authors: string[];
  topics: string[];
  families?: string[] | undefined;
  kind: string;
  /** The post's language: its own `lang`, else its school's, else the network's. */
  lang: string;
  translationOf?: string | undefined;
  translationKey?: string | undefined;
}

export interface SitemapPlan {
  /** Last-modified date of each page, by absolute URL. */
  lastmod: Map<string, Date>;
  /** Absolute URLs of post copies whose canonical URL is elsewhere (a self-hosting school's post on the network). */
  nonCanonical: Set<string>;
  /** Every language version of a translated post (itself included), by the absolute URL of each version. */
  alternates: Map<string, { lang: string; url: string }[]>;
}

const dateOf = (value: unknown) =>
  value instanceof Date ? value : typeof value === 'string' ? (asWritten(value) ?? new Date(value)) : undefined;

/**
 * Reads the front matter of every post under `<root>/posts/<publisher>/<slug>.md(x)` before the content layer
 * runs, as the content check reads it: the check has just read every post, and keeps each reading in its
 * cache (`cacheFile`), so this takes those instead of parsing the YAML again. A post the check would refuse
 * is left out; `npm run build` never gets this far with one.
 */
export function readSitemapPosts(root: string, cacheFile?: string): SitemapPost[] {
  const readings = openBodyCache(cacheFile, { threads: 1 });
  const frontMatter = (bytes: Buffer): Record<string, unknown> | undefined => {
    const decoded = decodeText(bytes);
    const split = decoded.ok ? splitFrontMatter(decoded.text) : undefined;
    if (!split || !('yaml' in split)) return undefined;
    const parsed = readings.frontMatter(split.yaml, split.yamlLine);
    return parsed.ok && isPlainObject(parsed.data) ? parsed.data : undefined;
  };
  const postsDir = join(root, 'posts');
  return readdirSync(postsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((publisher) => {
      return readdirSync(join(postsDir, publisher.name))
        .filter((name) => /\.mdx?$/.test(name))
        .flatMap((name): SitemapPost[] => {
          const data = frontMatter(readFileSync(join(postsDir, publisher.name, name)));
          const date = dateOf(data?.['date']);
          if (!data || !date) return [];
          return [
            {
              slug: name.replace(/\.mdx?$/, ''),
              // The content layer decides whether a folder is a school or a family; here, a school has a YAML file.
              publisher: { type: 'school', id: publisher.name },
              canonical: typeof data['canonical'] === 'string' ? data['canonical'] : undefined,
              date,
              updated: dateOf(data['updated']),
              draft: flag.safeParse(data['draft']).data === true,
              authors: (data['authors'] as string[] | undefined) ?? [],
              topics: (data['topics'] as string[] | undefined) ?? [],
              families: data['families'] as string[] | undefined,
              kind: String(data['kind']),
              lang: postFileLanguage(root, publisher.name, data['lang']),
              translationOf: typeof data['translationOf'] === 'string' ? data['translationOf'] : undefined,
              translationKey: typeof data['translationKey'] === 'string' ? data['translationKey'] : undefined,
            },
          ];
        });
    });
}

/**
 * Last-modified dates for the sitemap: a post page's is its `updated` or `date`; a listing's is that of the
 * newest post it lists. Applies the same publishing rule as the pages, so drafts and scheduled posts count for nothing.
 */
export function planSitemap(posts: SitemapPost[], options: UrlOptions, now: Date): SitemapPlan {
  const urls = createUrls(options);
  const schoolFamilies = new Map(options.schools.map((s) => [s.id, s.families]));
  const lastmod = new Map<string, Date>();
  const nonCanonical = new Set<string>();
  const versions = new Map<string, { lang: string; url: string }[]>();
  const groupOf = new Map<string, string>();
  const touch = (href: string, date: Date) => {
    if (!href.startsWith('/')) return;
    const url = urls.absolute(href);
    const previous = lastmod.get(url);
    if (!previous || previous < date) lastmod.set(url, date);
  };
  for (const raw of posts) {
    const post: SitemapPost = schoolFamilies.has(raw.publisher.id)
      ? raw
      : { ...raw, publisher: { type: 'family', id: raw.publisher.id } };
    if (!isPublished(post, { now, preview: false, scope: options.scope, schoolFamilies })) continue;
    const modified = post.updated ?? post.date;
    const page = urls.post(post);
    touch(page, modified);
    const group = post.translationKey
      ? `key:${post.translationKey}`
      : (post.translationOf ?? `${post.publisher.id}/${post.slug}`);
    groupOf.set(urls.absolute(page), group);
    versions.set(group, [...(versions.get(group) ?? []), { lang: post.lang, url: urls.absolute(page) }]);
    if (urls.canonical(post) !== urls.absolute(page)) nonCanonical.add(urls.absolute(page));
    for (const href of [
      urls.home(),
      urls.posts(),
      urls.feeds(),
      urls.archive(),
      urls.archive(post.date.getUTCFullYear()),
      urls.publisher(post.publisher),
    ])
      touch(href, modified);
    const families =
      post.publisher.type === 'family'
        ? [post.publisher.id]
        : (post.families ?? schoolFamilies.get(post.publisher.id) ?? []);
    for (const id of families) touch(urls.family(id), modified);
    for (const id of post.authors) touch(urls.author(id), modified);
    for (const id of post.topics) touch(urls.topic(id), modified);
    touch(urls.kind(post.kind as Parameters<typeof urls.kind>[0]), modified);
  }
  // A post named by another's `translationOf` joins that post's group; a key groups its posts directly.
  const alternates = new Map<string, { lang: string; url: string }[]>();
  for (const [url, group] of groupOf) {
    const members = versions.get(group) ?? [];
    if (members.length > 1) alternates.set(url, members);
  }
  return { lastmod, nonCanonical, alternates };
}
