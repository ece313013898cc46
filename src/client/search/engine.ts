import type {
  FilterCounts,
  PagefindEntry,
  PagefindInstance,
  PagefindModule,
  PagefindResult,
  PagefindResultData,
} from './pagefind-api.ts';
import { facets } from '../../lib/search-facets.ts';
import { pagefindFilters, sortsByDate, type SearchState } from './search-state.ts';

export interface Partner {
  name: string;
  /** The partner site's root, ending in `/`. */
  url: string;
}

export interface EngineConfig {
  /** Absolute URL of this site's Pagefind bundle, ending in `/pagefind/`. */
  bundle: string;
  /** This build's `base`, the prefix of its result URLs. */
  base: string;
  /** This network's name, the `network` filter value of its own results. */
  network: string;
  /** The page's language, which picks the index Pagefind loads first. */
  lang: string;
  partners: Partner[];
}

/** One post found, ready to show. */
export interface SearchHit {
  url: string;
  title: string;
  school: string;
  kind: string;
  /** `YYYY-MM-DD` */
  date: string;
  description: string;
  /** Pagefind's excerpt: escaped text with `<mark>` around matched words. */
  excerpt: string;
  lang: string | undefined;
  network: string;
  /** Headings and rules of thumb inside the post that matched, each with its own anchor. */
  sections: { title: string; url: string; excerpt: string; rule?: number }[];
}

export interface SearchOutcome {
  total: number;
  /** Counts per facet value: what each unchosen value would narrow to, or each chosen value holds. */
  counts: FilterCounts;
  /** Hits `start` to `end` (loading their fragments on first use). */
  hits(start: number, end: number): Promise<SearchHit[]>;
}

/** Newest-first order needs every match's date; past this many matches the order covers the best ones only. */
export const dateSortLimit = 300;

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Accepts only web and root-relative links from an index (a partner's index is not trusted). */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

async function fetchEntry(bundle: string): Promise<PagefindEntry> {
  const response = await fetch(`${bundle}pagefind-entry.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.status} for ${bundle}pagefind-entry.json`);
  const entry = (await response.json()) as PagefindEntry;
  if (!entry || typeof entry.languages !== 'object') throw new Error(`${bundle} is not a Pagefind bundle`);
  return entry;
}

/** The language index Pagefind loads first for a page in `lang` (mirrors Pagefind's own choice). */
export function primaryLanguage(entry: PagefindEntry, lang: string): string | undefined {
  const wanted = lang.toLowerCase();
  if (entry.languages[wanted]) return wanted;
  const base = wanted.split('-')[0]!;
  if (entry.languages[base]) return base;
  return Object.entries(entry.languages).sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms)),
  ]);
}

export class EmptyIndexError extends Error {}

/**
 * Search over this site's Pagefind bundle merged with partner networks' bundles. A Commonroom build
 * writes one index in the search page's language (see `src/integrations/pagefind.ts`); a bundle with
 * several language indexes (an older partner) has each merged. Every index carries a synthetic `network`
 * filter naming whose posts it holds.
 */
export class SearchEngine {
  private constructor(
    private readonly instance: PagefindInstance,
    private readonly config: EngineConfig,
    /** Partners whose bundles could not be loaded (offline, or not sending CORS headers). */
    readonly unavailable: string[],
  ) {}

  static async open(config: EngineConfig, options: { partners: boolean }): Promise<SearchEngine> {
    const entry = await fetchEntry(config.bundle);
    const primary = primaryLanguage(entry, config.lang);
    if (!primary) throw new EmptyIndexError('The search index is empty.');
    const module = (await import(/* @vite-ignore */ `${config.bundle}pagefind.js`)) as PagefindModule;
    const instance = module.createInstance({ mergeFilter: { network: config.network }, excerptLength: 26 });
    await instance.init();
    for (const language of Object.keys(entry.languages)) {
      if (language === primary) continue;
      await instance.mergeIndex(config.bundle, {
        language,
        baseUrl: config.base,
        mergeFilter: { network: config.network },
      });
    }
    const unavailable: string[] = [];
    const partners = options.partners ? config.partners : [];
    await Promise.all(
      partners.map(async (partner) => {
        const bundle = `${withSlash(partner.url)}pagefind/`;
        try {
          const partnerEntry = await timeout(fetchEntry(bundle), 8000, partner.name);
          for (const language of Object.keys(partnerEntry.languages)) {
            const merge = instance.mergeIndex(bundle, {
              language,
              baseUrl: withSlash(partner.url),
              mergeFilter: { network: partner.name },
            });
            await timeout(merge, 8000, partner.name);
          }
        } catch (error) {
          console.warn(`Search: could not load ${partner.name} (${bundle}):`, error);
          unavailable.push(partner.name);
        }
      }),
    );
    if (!options.partners) unavailable.push(...config.partners.map((p) => p.name));
    return new SearchEngine(instance, config, unavailable);
  }

  /** Every filter value in the merged indexes with its number of posts. */
  filters(): Promise<FilterCounts> {
    return this.instance.filters();
  }

  async search(state: SearchState): Promise<SearchOutcome> {
    const term = state.q.trim() || null;
    const byDate = sortsByDate(state);
    const main = await this.instance.search(term, {
      filters: pagefindFilters(state),
      ...(byDate ? { sort: { date: 'desc' } } : {}),
    });
    if (!main) throw new Error('Search was cancelled.');
    const counts: FilterCounts = { ...main.filters };
    // A chosen facet widens its own results, so its values are counted as if it were not chosen yet.
    for (const facet of facets) {
      if (!state.filters[facet]?.length) continue;
      const without = await this.instance.search(term, { filters: pagefindFilters(state, facet) });
      counts[facet] = without?.filters[facet] ?? {};
    }

    let ordered: PagefindResult[] = main.results;
    const data = new Map<PagefindResult, Promise<PagefindResultData>>();
    const load = (result: PagefindResult) => {
      let pending = data.get(result);
      if (!pending) data.set(result, (pending = result.data()));
      return pending;
    };
    if (byDate) {
      // Each merged index sorts its own matches; merging them needs every match's date.
      const head = ordered.slice(0, dateSortLimit);
      const dates = await Promise.all(head.map(async (result) => (await load(result)).meta['date'] ?? ''));
      const order = head.map((result, index) => ({ result, date: dates[index]!, index }));
      order.sort((a, b) => (a.date === b.date ? a.index - b.index : a.date < b.date ? 1 : -1));
      ordered = [...order.map((o) => o.result), ...ordered.slice(dateSortLimit)];
    }
    return {
      total: ordered.length,
      counts,
      hits: async (start, end) =>
        Promise.all(ordered.slice(start, end).map(async (result) => this.toHit(await load(result)))),
    };
  }

  private toHit(data: PagefindResultData): SearchHit {
    const meta = data.meta;
    const url = safeUrl(data.url) ?? '#';
    const partner = this.config.partners.find((p) => url.startsWith(withSlash(p.url)));
    const sections: SearchHit['sections'] = [];
    const subResults = data.sub_results ?? [];
    // With matching sections listed, the main excerpt covers only the words before the first of them.
    const opening = subResults.find((sub) => !sub.anchor);
    const hasSections = subResults.some((sub) => sub.anchor);
    for (const sub of subResults) {
      const subUrl = safeUrl(sub.url);
      if (!sub.anchor || !subUrl || subUrl === url) continue;
      const rule = /^rule-(\d+)$/.exec(sub.anchor.id);
      sections.push({
        title: (sub.title ?? '').replace(/\s*#$/, ''),
        url: subUrl,
        excerpt: sub.excerpt ?? '',
        ...(rule ? { rule: Number(rule[1]) } : {}),
      });
    }
    return {
      url,
      title: meta['title'] ?? url,
      school: meta['school'] ?? '',
      kind: meta['kind'] ?? '',
      date: meta['date'] ?? '',
      description: meta['description'] ?? '',
      excerpt: hasSections ? (opening?.excerpt ?? '') : (data.excerpt ?? ''),
      lang: meta['lang'],
      network: partner?.name ?? this.config.network,
      sections: sections.slice(0, 3),
    };
  }

  destroy(): Promise<void> {
    return this.instance.destroy();
  }
}
