import { contentHash } from './content-hash.ts';
import { FEED_LIMIT } from './feeds/render.ts';
import type { FeedSource } from './feeds/sources.ts';
import type { Network, Post } from './network/types.ts';
import type { FeedFormat } from './feeds/formats.ts';
import type { Scope } from './settings.ts';
import type { Urls } from './urls.ts';

/*
 * Cache keys for Astro's incremental builds. A page whose key and code are unchanged since the last build
 * is copied from that build instead of rendered, so a key must change whenever anything the page shows
 * changes. Astro itself tracks the page's code and the post body it renders; these keys cover the data.
 */

/** What a page shows of a post it only mentions: in a card, a list, a feed entry or as a neighbour. */
function mention<Hero>(network: Network<Hero>, post: Post<Hero> | undefined) {
  if (!post) return null;
  return {
    id: post.id,
    digest: post.digest,
    publisher: network.publisherName(post.publisher),
    brand: network.brandOf(post.publisher),
    authors: post.authors.map((id) => network.author(id)),
    topics: post.topics.map((id) => network.topic(id)),
  };
}

/** Everything a post page shows besides its own body: the post's data and the people, places and posts around it. */
export function postPageKey<Hero>(post: Post<Hero>, network: Network<Hero>, urls: Urls): string {
  const { previous, next } = network.neighbours(post);
  const authors = post.authors.map((id) => network.author(id));
  return contentHash(
    JSON.stringify({
      page: mention(network, post),
      scheduled: post.scheduled,
      where: [urls.site, urls.base, urls.post(post), urls.canonical(post)],
      network: network.info,
      publisher:
        post.publisher.type === 'school' ? network.school(post.publisher.id) : network.family(post.publisher.id),
      homes: authors.map((a) => [
        a?.school && network.school(a.school)?.name,
        a?.family && network.family(a.family)?.name,
      ]),
      families: post.families.map((id) => network.family(id)?.name),
      partners: post.caseStudy?.partners.map((id) => network.school(id)?.name ?? id),
      related: network.related(post).map((p) => mention(network, p)),
      neighbours: [mention(network, previous), mention(network, next)],
      series: network.series(post).map((p) => mention(network, p)),
    }),
  );
}

/** Everything a feed file carries: its own description and the newest posts it lists. */
export function feedKey<Hero>(
  source: FeedSource<Hero>,
  format: FeedFormat,
  network: Network<Hero>,
  urls: Urls,
): string {
  return contentHash(
    JSON.stringify({
      format,
      source: { ...source, posts: source.posts.length },
      where: [urls.site, urls.base, urls.feed(source.subject, format)],
      network: network.info,
      posts: source.posts.slice(0, FEED_LIMIT).map((post) => [mention(network, post), urls.canonical(post)]),
      updated: source.posts.map((post) => (post.updated ?? post.date).getTime()).reduce((a, b) => Math.max(a, b), 0),
    }),
  );
}

const summaries = new WeakMap<object, string>();

/**
 * Everything a listing can show of the network beyond the posts on its own page: every school, family, author
 * and topic, and every post's front matter (counts, translations, the pages around it). What comes from a
 * post's body (its digest, reading time, rules) is left out, so editing one post's words leaves the listings
 * that do not show it alone; those that show it have its digest in their keys. Worked out once per build.
 */
function networkSummary<Hero>(network: Network<Hero>): string {
  let summary = summaries.get(network);
  if (summary === undefined) {
    summary = contentHash(
      JSON.stringify({
        info: network.info,
        all: network.all,
        published: [network.schools, network.families, network.authors, network.topics].map((records) =>
          records.map((record) => record.id),
        ),
        posts: network.posts.map(
          ({ digest: _digest, readingMinutes: _minutes, rules: _rules, translations, ...post }) => ({
            ...post,
            translations: translations.map((version) => version.id),
          }),
        ),
      }),
    );
    summaries.set(network, summary);
  }
  return summary;
}

/** One page of a paginated listing, as `paginate` gives it. */
export interface ListingPage<Hero> {
  data: Post<Hero>[];
  currentPage: number;
  lastPage: number;
  total: number;
  url: { current: string };
}

/** Everything a page of a listing (a school's, an author's, a topic's, a year's posts…) shows. */
export function listingPageKey<Hero>(
  page: ListingPage<Hero>,
  site: { network: Network<Hero>; urls: Urls; scope: Scope; lang: string },
): string {
  const { network, urls, scope, lang } = site;
  return contentHash(
    JSON.stringify({
      where: [urls.site, urls.base, page.url.current],
      scope,
      lang,
      page: [page.currentPage, page.lastPage, page.total],
      posts: page.data.map((post) => [mention(network, post), post.readingMinutes, post.rules]),
      network: networkSummary(network),
    }),
  );
}
