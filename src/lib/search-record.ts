import { isoDate } from './format.ts';
import { translator } from './i18n.ts';
import { languageName } from './language-name.ts';
import type { Network, Post } from './network/types.ts';
import type { Facet } from './search-facets.ts';

/**
 * The filter values the index records for a post, facet by facet, in the site's language `lang` so one
 * kind is one filter whatever language its posts are in. Languages are named in their own language.
 */
export function postFacetValues<Hero>(post: Post<Hero>, network: Network<Hero>, lang: string): [Facet, string][] {
  // A post a family publishes itself has no school: it is listed under that family instead.
  const families = new Set(post.publisher.type === 'family' ? [post.publisher.id, ...post.families] : post.families);
  return [
    ['kind', translator(lang)(`kind.${post.kind}`)],
    ...(post.publisher.type === 'school' ? [['school', network.publisherName(post.publisher)] as [Facet, string]] : []),
    ...[...families].map((id): [Facet, string] => ['family', network.family(id)?.name ?? id]),
    ...post.topics.map((id): [Facet, string] => ['topic', network.topic(id)?.name ?? id]),
    ...post.authors.map((id): [Facet, string] => ['author', network.author(id)?.name ?? id]),
    ['year', String(post.year)],
    ['language', languageName(post.lang)],
  ];
}

/**
 * What a search result shows besides its title and excerpt, its kind in the site's language `lang`. `image` is
 * the post's own picture (its social card): Pagefind otherwise takes the first picture after the title, which
 * on a post without a photo at the top is a related post's card, and searches its description ("rated" found
 * a post whose only "rates" was in that card). Its description is the photo's, or else the title, which is
 * searched already; pictures in the text are searched as text.
 */
export function postSearchMeta<Hero>(
  post: Post<Hero>,
  network: Network<Hero>,
  lang: string,
  image: string,
): [string, string][] {
  return [
    ['school', network.publisherName(post.publisher)],
    ['kind', translator(lang)(`kind.${post.kind}`)],
    ['date', isoDate(post.date)],
    ['description', post.description],
    ['lang', post.lang],
    ['image', image],
    ['image_alt', post.heroAlt ?? post.title],
  ];
}
