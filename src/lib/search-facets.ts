import { isoDate, kindLabels } from './format.ts';
import { languageName } from './language-name.ts';
import type { Network, Post } from './network/types.ts';

/**
 * The search page's filters: each facet's name (as indexed and as written in the URL, in this order),
 * its label and its place on the page. `network` is not indexed: it is added at search time for partner networks.
 */
export const searchFacets = [
  { name: 'kind', label: 'Kind', order: 2 },
  { name: 'school', label: 'School', order: 4 },
  { name: 'family', label: 'Family of schools', order: 5 },
  { name: 'topic', label: 'Topic', order: 3 },
  { name: 'author', label: 'Author', order: 6 },
  { name: 'year', label: 'Year', order: 7 },
  { name: 'language', label: 'Language', order: 8 },
  { name: 'network', label: 'Network', order: 1 },
] as const;

export type Facet = (typeof searchFacets)[number]['name'];

/** Facet names in their stable URL order. */
export const facets: readonly Facet[] = searchFacets.map((facet) => facet.name);

/** Facet names in the order the page shows them. */
export const facetOrder: readonly Facet[] = [...searchFacets]
  .sort((a, b) => a.order - b.order)
  .map((facet) => facet.name);

export const facetLabels = Object.fromEntries(searchFacets.map((facet) => [facet.name, facet.label])) as Record<
  Facet,
  string
>;

/** The filter values the index records for a post, facet by facet. */
export function postFacetValues<Hero>(post: Post<Hero>, network: Network<Hero>): [Facet, string][] {
  // A post a family publishes itself has no school: it is listed under that family instead.
  const families = new Set(post.publisher.type === 'family' ? [post.publisher.id, ...post.families] : post.families);
  return [
    ['kind', kindLabels[post.kind].one],
    ...(post.publisher.type === 'school' ? [['school', network.publisherName(post.publisher)] as [Facet, string]] : []),
    ...[...families].map((id): [Facet, string] => ['family', network.family(id)?.name ?? id]),
    ...post.topics.map((id): [Facet, string] => ['topic', network.topic(id)?.name ?? id]),
    ...post.authors.map((id): [Facet, string] => ['author', network.author(id)?.name ?? id]),
    ['year', String(post.year)],
    ['language', languageName(post.lang)],
  ];
}

/** What a search result shows besides its title and excerpt. */
export function postSearchMeta<Hero>(post: Post<Hero>, network: Network<Hero>): [string, string][] {
  return [
    ['school', network.publisherName(post.publisher)],
    ['kind', kindLabels[post.kind].one],
    ['date', isoDate(post.date)],
    ['description', post.description],
    ['lang', post.lang],
  ];
}
