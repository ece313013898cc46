import type { PagefindFilters } from './pagefind-api.ts';

import { facets, type Facet } from '../../lib/search-facets.ts';

export type SortOrder = 'relevance' | 'newest';

/** Everything that decides a search; it round-trips through the page URL. */
export interface SearchState {
  q: string;
  sort: SortOrder;
  filters: Partial<Record<Facet, string[]>>;
}

export const emptyState = (): SearchState => ({ q: '', sort: 'relevance', filters: {} });

const isFacet = (name: string): name is Facet => (facets as readonly string[]).includes(name);

/** Reads a state from a query string such as `?q=phonics&topic=Reading&topic=SEND&sort=newest`. */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  state.sort = params.get('sort') === 'newest' ? 'newest' : 'relevance';
  for (const [name, value] of params) {
    if (!isFacet(name) || !value) continue;
    const values = (state.filters[name] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  return state;
}

/** The query string for a state (`''` for an empty search), with facets in a stable order. */
export function formatState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of facets) for (const value of state.filters[facet] ?? []) params.append(facet, value);
  if (state.sort === 'newest') params.set('sort', 'newest');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const hasFilters = (state: SearchState) => facets.some((facet) => (state.filters[facet]?.length ?? 0) > 0);

/** True when the state asks for any results: a query, or at least one filter. */
export const isActive = (state: SearchState) => state.q.trim() !== '' || hasFilters(state);

/** Results are newest first when asked, and always when there is no query to rank by. */
export const sortsByDate = (state: SearchState) => state.sort === 'newest' || state.q.trim() === '';

/**
 * Pagefind filters for a state: values of one facet widen (any of them), facets narrow each other.
 * `except` leaves one facet out, to count what each of its values would add.
 */
export function pagefindFilters(state: SearchState, except?: Facet): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const facet of facets) {
    const values = state.filters[facet];
    if (facet !== except && values?.length) filters[facet] = { any: [...values] };
  }
  return filters;
}

/** A copy of the state with one facet value switched on or off. */
export function toggleFilter(state: SearchState, facet: Facet, value: string, on: boolean): SearchState {
  const current = state.filters[facet] ?? [];
  const values = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters, [facet]: values };
  if (!values.length) delete filters[facet];
  return { ...state, filters };
}
