import type { Author, Family, Network, Post, Topic } from './network/types.ts';
import { translator } from './i18n.ts';
import { listedPosts } from './listing.ts';
import { topicIn } from './topic-words.ts';
import type { Urls } from './urls.ts';

/** A heading of the rendered post, as Astro's `render()` reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A numbered section of "On this page", with its sub-sections listed under it unnumbered. */
export interface TocSection {
  heading: Heading;
  subsections: Heading[];
}

/** Everything a post page shows besides the post's own words, decided in one place. */
export interface PostPage<Hero> {
  authors: Author[];
  families: Family[];
  topics: Topic[];
  publisherName: string;
  /** The sections listed under "On this page", or none when the post is too short to need them. */
  toc: TocSection[];
  /** Where "Reply by email" writes to, and whose inbox that is; undefined when nobody declared one. */
  reply: { address: string; name: string } | undefined;
  /** The page's own absolute URL. */
  pageUrl: string;
  /** The canonical URL when it is not this page (a self-hosting school's site, or first published elsewhere). */
  canonical: string | undefined;
  /** The URL share links point at: the canonical one. */
  shareUrl: string;
  series: Post<Hero>[];
  previous: Post<Hero> | undefined;
  next: Post<Hero> | undefined;
  /** Related posts, leaving out the previous and next ones, which the page already links. */
  related: Post<Hero>[];
}

/** Footnotes' own heading is not a section of the post. */
const tocHeadings = (headings: Heading[]) => headings.filter((h) => h.depth <= 3 && h.slug !== 'footnote-label');

/** Sections (`##`) with their sub-sections (`###`); a sub-section before any section stands as one. */
export function tocSections(headings: Heading[]): TocSection[] {
  const sections: TocSection[] = [];
  for (const heading of headings) {
    const current = sections.at(-1);
    if (heading.depth > 2 && current) current.subsections.push(heading);
    else sections.push({ heading, subsections: [] });
  }
  return sections;
}

/** A table of contents helps from four sections, or three in a post of five minutes or more. */
function needsToc(headings: Heading[], readingMinutes: number): boolean {
  return headings.length >= 4 || (readingMinutes >= 5 && headings.length >= 3);
}

/** What the page of `post` shows around its body. */
export function postPage<Hero>(
  post: Post<Hero>,
  headings: Heading[],
  network: Network<Hero>,
  urls: Urls,
): PostPage<Hero> {
  const authors = post.authors.map((id) => network.author(id)!);
  const listed = tocHeadings(headings);
  const writer = authors.find((author) => author.email);
  const replyAddress = writer?.email ?? network.info.replyTo;
  const pageUrl = urls.absolute(urls.post(post));
  const canonical = urls.canonical(post);
  const { previous, next } = network.neighbours(post);
  return {
    authors,
    families: post.families.map((id) => network.family(id)!),
    topics: post.topics.map((id) => topicIn(network.topic(id)!, post.lang)),
    publisherName: network.publisherName(post.publisher),
    toc: needsToc(listed, post.readingMinutes) ? tocSections(listed) : [],
    reply: replyAddress
      ? {
          address: replyAddress,
          name: writer?.name ?? translator(post.lang)('post.replyEditors', { name: network.info.name }),
        }
      : undefined,
    pageUrl,
    canonical: canonical === pageUrl ? undefined : canonical,
    shareUrl: canonical,
    series: network.series(post),
    previous,
    next,
    // A post's own translation is not "related": the language switch offers it; nor are the previous and
    // next posts, which the page already links.
    related: listedPosts(
      network
        .related(post)
        .filter((other) => !post.translations.includes(other) && other !== previous && other !== next),
      post.lang,
    ),
  };
}
