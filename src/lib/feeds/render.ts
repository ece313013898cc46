import { Feed, type Item } from 'feed';
import type { Network, Post } from '../network/types.ts';
import type { Urls } from '../urls.ts';
import type { FeedFormat } from './formats.ts';
import type { FeedSource } from './sources.ts';

/** What a feed entry carries beyond the post's data: its body as HTML with absolute URLs, and its hero image. */
export interface EntryContent {
  html: string;
  /** Absolute URL of the hero image. */
  image?: string | undefined;
}

export interface FeedContext<Hero> {
  network: Network<Hero>;
  urls: Urls;
  content: (post: Post<Hero>) => Promise<EntryContent>;
  /** The feed's `updated` time when it has no posts yet. */
  now: Date;
}

const modified = (post: Post) => post.updated ?? post.date;

interface Entry {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  image?: string | undefined;
  published: Date;
  updated?: Date | undefined;
  authors: { name: string; url: string }[];
  topics: { id: string; name: string; url: string }[];
  lang: string;
}

/**
 * Newest entries a feed carries. Readers poll feeds for what is new; a full archive in every feed would
 * make the network's feed grow without bound (full content, three formats) as a network reaches thousands of posts.
 */
export const FEED_LIMIT = 50;

async function entries<Hero>(
  source: FeedSource<Hero>,
  { network, urls, content }: FeedContext<Hero>,
): Promise<Entry[]> {
  return Promise.all(
    source.posts.slice(0, FEED_LIMIT).map(async (post) => {
      const { html, image } = await content(post);
      return {
        // The canonical URL identifies the post wherever it is syndicated, so readers see one entry; an imported
        // post keeps the id its old blog's feed gave it, so subscribers who move over do not see it again.
        id: post.guid ?? urls.canonical(post),
        url: urls.absolute(urls.post(post)),
        title: post.title,
        summary: post.description,
        html,
        image,
        published: post.date,
        updated: post.updated,
        authors: post.authors.map((id) => ({
          name: network.author(id)?.name ?? id,
          url: urls.absolute(urls.author(id)),
        })),
        topics: post.topics.map((id) => ({
          id,
          name: network.topic(id)?.name ?? id,
          url: urls.absolute(urls.topic(id)),
        })),
        lang: post.lang,
      };
    }),
  );
}

/** A feed of the source in one format, as the text of the file. */
export async function renderFeed<Hero>(
  source: FeedSource<Hero>,
  format: FeedFormat,
  context: FeedContext<Hero>,
): Promise<string> {
  const { urls } = context;
  const items = await entries(source, context);
  const self = urls.absolute(urls.feed(source.subject, format));
  const home = urls.absolute(source.page);
  const updated =
    source.posts.reduce<Date | undefined>(
      (latest, post) => (!latest || modified(post) > latest ? modified(post) : latest),
      undefined,
    ) ?? context.now;
  if (format === 'json') return jsonFeed(source, items, { self, home });

  const feed = new Feed({
    id: self,
    title: source.title,
    description: source.description,
    link: home,
    language: source.lang,
    updated,
    generator: 'Commonroom',
    feedLinks: { [format]: self },
    favicon: urls.absolute(urls.file('favicon.svg')),
  });
  for (const entry of items) {
    const item: Item = {
      id: entry.id,
      link: entry.url,
      title: entry.title,
      description: entry.summary,
      content: entry.html,
      date: entry.updated ?? entry.published,
      published: entry.published,
      author: entry.authors.map((author) => ({ name: author.name, link: author.url })),
      category: entry.topics.map((topic) => ({
        name: topic.name,
        term: topic.id,
        scheme: urls.absolute(urls.topics()),
        domain: urls.absolute(urls.topics()),
      })),
    };
    if (entry.image) item.image = entry.image;
    feed.addItem(item);
  }
  return format === 'atom' ? withEntryLanguages(feed.atom1(), items) : feed.rss2();
}

/**
 * Marks each Atom entry with its post's language (`xml:lang`), which the `feed` package cannot: a network's feed
 * mixes English and Welsh posts, and a reader's screen reader or translator needs to know which is which.
 * The package writes one `<entry>` line per item, in order.
 */
function withEntryLanguages(atom: string, items: Entry[]): string {
  let index = 0;
  const marked = atom.replace(/^(\s*)<entry>$/gm, (_, indent: string) => {
    const lang = items[index++]?.lang;
    return `${indent}<entry xml:lang="${lang}">`;
  });
  if (index !== items.length)
    throw new Error(`Atom feed: marked ${index} of ${items.length} entries with their language.`);
  return marked;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), which the `feed` package does not write. */
function jsonFeed(source: FeedSource, items: Entry[], links: { self: string; home: string }): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: source.title,
    home_page_url: links.home,
    feed_url: links.self,
    description: source.description,
    language: source.lang,
    items: items.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.html,
      ...(entry.image ? { image: entry.image } : {}),
      date_published: entry.published.toISOString(),
      ...(entry.updated ? { date_modified: entry.updated.toISOString() } : {}),
      authors: entry.authors,
      tags: entry.topics.map((topic) => topic.name),
      language: entry.lang,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
