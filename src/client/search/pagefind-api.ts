/**
 * The parts of Pagefind's browser API (`pagefind.js`, 1.6) the search page uses. Pagefind ships no
 * types for its browser bundle, which is loaded at runtime from the built site.
 */

/** Filter values for one search: `{ topic: { any: ['Reading', 'SEND'] } }`. */
export type PagefindFilters = Record<string, { any: string[] } | string[] | string>;

/** Counts per filter value: `{ topic: { Reading: 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindMergeOptions {
  /** Which language index of the merged bundle to load. */
  language?: string;
  /** Prefix for result URLs, e.g. `https://partner.example.org/`. */
  baseUrl?: string;
  /** A filter added to every page of the merged index, e.g. `{ network: 'Northern' }`. */
  mergeFilter?: Record<string, string>;
  indexWeight?: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string; location: number };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: PagefindMergeOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
  destroy(): Promise<void>;
}

export interface PagefindModule {
  createInstance(options?: { mergeFilter?: Record<string, string>; excerptLength?: number }): PagefindInstance;
}

/** `pagefind-entry.json`: the languages a bundle holds. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}
