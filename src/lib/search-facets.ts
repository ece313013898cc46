/**
 * The search page's filters: each facet's name (as indexed and as written in the URL, in this order) and its
 * place on the page; its label is the interface string `facet.<name>`. `network` is not indexed: it is added at
 * search time for partner networks.
 */
export const searchFacets = [
  { name: 'kind', order: 2 },
  { name: 'school', order: 4 },
  { name: 'family', order: 5 },
  { name: 'topic', order: 3 },
  { name: 'author', order: 6 },
  { name: 'year', order: 7 },
  { name: 'language', order: 8 },
  { name: 'network', order: 1 },
] as const;

export type Facet = (typeof searchFacets)[number]['name'];

/** Facet names in their stable URL order. */
export const facets: readonly Facet[] = searchFacets.map((facet) => facet.name);

/** Facet names in the order the page shows them. */
export const facetOrder: readonly Facet[] = [...searchFacets]
  .sort((a, b) => a.order - b.order)
  .map((facet) => facet.name);
