import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'item', 'link', 'author', 'category'].includes(name),
});
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const absolute = (value: unknown) => typeof value === 'string' && /^(https?|urn|tag):/.test(value);
const text = (value: unknown): string | undefined =>
  Array.isArray(value)
    ? text(value[0])
    : typeof value === 'string'
      ? value
      : value && typeof value === 'object' && '#text' in value
        ? String((value as { '#text': unknown })['#text'])
        : undefined;

/** RFC 4287's required elements: feed and entry id, title and updated (RFC 3339), authors, an alternate link or content. */
export function validateAtom(xml: string): string[] {
  const feed = parser.parse(xml).feed;
  if (!feed || feed['@xmlns'] !== 'http://www.w3.org/2005/Atom')
    return ['not an Atom feed (no <feed xmlns="http://www.w3.org/2005/Atom">)'];
  const problems: string[] = [];
  if (!absolute(text(feed.id))) problems.push('feed: <id> missing or not an absolute IRI');
  if (!text(feed.title)) problems.push('feed: <title> missing');
  if (!rfc3339.test(text(feed.updated) ?? '')) problems.push('feed: <updated> missing or not RFC 3339');
  const entries = (feed.entry ?? []) as Record<string, unknown>[];
  const feedHasAuthor = Array.isArray(feed.author) && feed.author.length > 0;
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    if (!absolute(text(entry.id))) problems.push(`${where}: <id> missing or not an absolute IRI`);
    if (!text(entry.title)) problems.push(`${where}: <title> missing`);
    if (!rfc3339.test(text(entry.updated) ?? '')) problems.push(`${where}: <updated> missing or not RFC 3339`);
    if (entry.published !== undefined && !rfc3339.test(text(entry.published) ?? ''))
      problems.push(`${where}: <published> not RFC 3339`);
    const authors = (entry.author ?? []) as { name?: unknown }[];
    if (!feedHasAuthor && (authors.length === 0 || authors.some((a) => !text(a.name))))
      problems.push(`${where}: <author><name> missing`);
    const links = (entry.link ?? []) as Record<string, string>[];
    if (!entry.content && !links.some((l) => (l['@rel'] ?? 'alternate') === 'alternate'))
      problems.push(`${where}: neither <content> nor an alternate <link>`);
  });
  return problems;
}

/** RSS 2.0's required channel elements (title, link, description) and items with a title or description. */
export function validateRss(xml: string): string[] {
  const rss = parser.parse(xml).rss;
  if (!rss || rss['@version'] !== '2.0') return ['not an RSS 2.0 feed (no <rss version="2.0">)'];
  const channel = rss.channel;
  if (!channel) return ['no <channel>'];
  const problems: string[] = [];
  for (const name of ['title', 'link', 'description'])
    if (!text(channel[name])) problems.push(`channel: <${name}> missing`);
  if (channel.link && !absolute(text(channel.link))) problems.push('channel: <link> not absolute');
  ((channel.item ?? []) as Record<string, unknown>[]).forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (!text(item.title) && !text(item.description)) problems.push(`${where}: needs <title> or <description>`);
    if (item.link !== undefined && !absolute(text(item.link))) problems.push(`${where}: <link> not absolute`);
    if (item.pubDate !== undefined && !rfc822.test(text(item.pubDate) ?? ''))
      problems.push(`${where}: <pubDate> not RFC 822`);
    if (item.guid === undefined) problems.push(`${where}: <guid> missing`);
  });
  return problems;
}

/** JSON Feed 1.1's required fields: version, title, items with string ids and content; RFC 3339 dates. */
export function validateJsonFeed(json: string): string[] {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(json);
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (feed.version !== 'https://jsonfeed.org/version/1.1')
    problems.push('version is not https://jsonfeed.org/version/1.1');
  if (typeof feed.title !== 'string' || !feed.title) problems.push('title missing');
  if (feed.home_page_url !== undefined && !absolute(feed.home_page_url)) problems.push('home_page_url not absolute');
  if (feed.feed_url !== undefined && !absolute(feed.feed_url)) problems.push('feed_url not absolute');
  if (!Array.isArray(feed.items)) return [...problems, 'items is not an array'];
  (feed.items as Record<string, unknown>[]).forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (typeof item.id !== 'string' || !item.id) problems.push(`${where}: id missing or not a string`);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string')
      problems.push(`${where}: content_html or content_text missing`);
    if (item.url !== undefined && !absolute(item.url)) problems.push(`${where}: url not absolute`);
    for (const date of ['date_published', 'date_modified']) {
      if (item[date] !== undefined && !rfc3339.test(String(item[date])))
        problems.push(`${where}: ${date} not RFC 3339`);
    }
  });
  return problems;
}

/** Validates a feed file by its name (`atom.xml`, `rss.xml`, `feed.json`). */
export function validateFeedFile(name: string, content: string): string[] {
  if (name.endsWith('atom.xml')) return validateAtom(content);
  if (name.endsWith('rss.xml')) return validateRss(content);
  if (name.endsWith('.json')) return validateJsonFeed(content);
  throw new Error(`${name} is not a feed file`);
}
