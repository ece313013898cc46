import {
  EmptyIndexError,
  SearchEngine,
  dateSortLimit,
  type EngineConfig,
  type Partner,
  type SearchOutcome,
} from './engine.ts';
import type { FilterCounts } from './pagefind-api.ts';
import { facetOrder, facets, type Facet } from '../../lib/search-facets.ts';
import { renderFacet, renderHit, updateFacet } from './render.ts';
import { t } from './strings.ts';
import {
  formatState,
  hasFilters,
  isActive,
  parseState,
  sortsByDate,
  toggleFilter,
  type SearchState,
} from './search-state.ts';

const pageSize = 10;
const typingDelay = 300;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Search page is missing ${selector}`);
  return found;
}

const root = required<HTMLElement>(document, '[data-search]');
const form = required<HTMLFormElement>(document, '#search-form');
const input = required<HTMLInputElement>(form, 'input[name=q]');
const panel = required<HTMLElement>(root, '#search-panel');
const refine = required<HTMLDetailsElement>(root, '#search-refine');
const refineCount = required<HTMLElement>(root, '#search-refine-count');
const facetBox = required<HTMLElement>(root, '#search-facets');
const clearButton = required<HTMLButtonElement>(root, '#search-clear');
const status = required<HTMLElement>(root, '#search-status');
const hint = required<HTMLElement>(root, '#search-hint');
const empty = required<HTMLElement>(root, '#search-empty');
const notice = required<HTMLElement>(root, '#search-notice');
const list = required<HTMLOListElement>(root, '#search-results');
const more = required<HTMLButtonElement>(root, '#search-more');
const sortInputs = [...root.querySelectorAll<HTMLInputElement>('input[name=sort]')];
const failure = required<HTMLElement>(document, '#search-failure');

const partners = JSON.parse(root.dataset['partners'] ?? '[]') as Partner[];
const config: EngineConfig = {
  bundle: new URL(root.dataset['bundle'] ?? 'pagefind/', location.href).href,
  base: root.dataset['base'] ?? '/',
  network: root.dataset['network'] ?? '',
  lang: document.documentElement.lang || 'en',
  partners,
};

let state: SearchState = parseState(location.search);
let engine: SearchEngine | undefined;
let totals: FilterCounts = {};
let outcome: SearchOutcome | undefined;
let shown = 0;
// A second click while the next page loads would fetch the same page twice and list its posts twice.
let loadingMore: Promise<void> | undefined;
let run = 0;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** True while the current history entry was made by typing, so further typing replaces it. */
let typingEntry = false;

function describe(current: SearchState, total: number): string {
  const count = hasFilters(current) ? facets.reduce((n, f) => n + (current.filters[f]?.length ?? 0), 0) : 0;
  const filtered = count ? t('searchPage.withFilters', { filters: t.plural('count.filters', count) }) : '';
  const query = current.q.trim();
  if (query) {
    return total
      ? t('searchPage.resultsFor', { results: t.plural('count.results', total), query, filtered })
      : t('searchPage.noResultsFor', { query, filtered });
  }
  return total ? t.plural('searchPage.postsMatch', total) : t('searchPage.noPostsMatch');
}

function syncControls(current: SearchState) {
  if (document.activeElement !== input || input.value.trim() !== current.q) input.value = current.q;
  const byDate = sortsByDate(current);
  for (const radio of sortInputs) {
    radio.checked = radio.value === (byDate ? 'newest' : 'relevance');
    radio.disabled = radio.value === 'relevance' && !current.q.trim();
  }
  const chosen = facets.reduce((n, f) => n + (current.filters[f]?.length ?? 0), 0);
  refineCount.textContent = chosen ? t('searchPage.chosen', { count: chosen }) : '';
  clearButton.hidden = chosen === 0;
}

function updateFacets(counts: FilterCounts) {
  for (const fieldset of facetBox.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const facet = fieldset.dataset['facet'] as Facet;
    updateFacet(fieldset, counts[facet] ?? {}, state.filters[facet] ?? []);
  }
}

async function showMore(focusFirst: boolean) {
  if (!outcome) return;
  const current = outcome;
  const hits = await current.hits(shown, shown + pageSize);
  if (current !== outcome) return;
  const items = hits.map((hit) =>
    renderHit(hit, {
      showNetwork: (engine?.unavailable.length ?? 0) < partners.length,
      useDescription: !state.q.trim(),
    }),
  );
  list.append(...items);
  shown += hits.length;
  const left = current.total - shown;
  more.hidden = left <= 0;
  more.textContent = t('searchPage.showMoreOf', { count: Math.min(left, pageSize), total: current.total });
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

async function search(current: SearchState) {
  const id = ++run;
  syncControls(current);
  root.dataset['status'] = 'searching';
  if (!engine) return;
  if (!isActive(current)) {
    outcome = undefined;
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    more.hidden = true;
    empty.hidden = true;
    hint.hidden = false;
    status.textContent = '';
    updateFacets(totals);
    root.dataset['status'] = 'done';
    root.dataset['query'] = formatState(current);
    return;
  }
  list.setAttribute('aria-busy', 'true');
  let result: SearchOutcome;
  try {
    result = await engine.search(current);
  } catch (error) {
    if (id !== run) return;
    if (await reopenWithoutPartners(error)) return search(state);
    throw error;
  }
  if (id !== run) return;
  outcome = result;
  shown = 0;
  list.replaceChildren();
  hint.hidden = true;
  await showMore(false);
  if (id !== run) return;
  list.removeAttribute('aria-busy');
  updateFacets(result.counts);
  empty.hidden = result.total > 0;
  let summary = describe(current, result.total);
  if (sortsByDate(current) && result.total > dateSortLimit)
    summary += t('searchPage.newestOfBest', { limit: dateSortLimit });
  status.textContent = summary;
  root.dataset['status'] = 'done';
  root.dataset['query'] = formatState(current);
}

/** Applies a new state: records it in the history (typing replaces its own entry) and searches. */
function commit(next: SearchState, how: 'typing' | 'action') {
  clearTimeout(typingTimer);
  const url = `${location.pathname}${formatState(next)}`;
  if (url !== `${location.pathname}${location.search}`) {
    if (how === 'typing' && typingEntry) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  typingEntry = how === 'typing';
  state = next;
  void search(state).catch(fail);
}

let retried = false;
async function reopenWithoutPartners(error: unknown): Promise<boolean> {
  if (retried || !partners.length) return false;
  retried = true;
  console.warn('Search failed with partner networks; searching this network only.', error);
  await engine?.destroy();
  engine = await SearchEngine.open(config, { partners: false });
  showUnavailable();
  return true;
}

function showUnavailable() {
  const names = engine?.unavailable ?? [];
  const reached = [config.network, ...partners.map((p) => p.name).filter((name) => !names.includes(name))];
  notice.hidden = names.length === 0;
  notice.textContent = names.length
    ? t('searchPage.partnersFailed', { failed: t.list(names), reached: t.list(reached) })
    : '';
}

function fail(error: unknown) {
  console.error(error);
  panel.hidden = true;
  failure.hidden = false;
  const message = failure.querySelector('[data-reason]');
  if (!message) return;
  if (error instanceof EmptyIndexError) message.textContent = t('searchPage.emptyIndex');
  else if (import.meta.env.DEV) {
    message.textContent = t('searchPage.devServer');
  } else message.textContent = t('searchPage.loadFailed');
  root.dataset['status'] = 'failed';
}

function buildFacets() {
  const nodes: HTMLFieldSetElement[] = [];
  for (const facet of facetOrder) {
    const values = Object.keys(totals[facet] ?? {});
    // A facet with a single value (one language, one network) would not narrow anything.
    if (values.length < 2 && !(state.filters[facet]?.length ?? 0)) continue;
    nodes.push(renderFacet(facet, values));
  }
  facetBox.replaceChildren(...nodes);
}

function wire() {
  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit({ ...state, q: input.value }, 'typing'), typingDelay);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit({ ...state, q: input.value }, 'action');
  });
  facetBox.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox') return;
    commit(toggleFilter(state, target.name as Facet, target.value, target.checked), 'action');
  });
  facetBox.addEventListener('click', (event) => {
    const toggle = (event.target as Element).closest<HTMLButtonElement>('.facet-more');
    if (!toggle) return;
    const fieldset = toggle.closest('fieldset')!;
    const opening = toggle.getAttribute('aria-expanded') === 'false';
    toggle.setAttribute('aria-expanded', String(opening));
    const facet = fieldset.dataset['facet'] as Facet;
    updateFacet(fieldset as HTMLFieldSetElement, (outcome?.counts ?? totals)[facet] ?? {}, state.filters[facet] ?? []);
  });
  for (const radio of sortInputs) {
    radio.addEventListener('change', () => {
      if (radio.checked) commit({ ...state, sort: radio.value === 'newest' ? 'newest' : 'relevance' }, 'action');
    });
  }
  clearButton.addEventListener('click', () => {
    commit({ ...state, filters: {} }, 'action');
    input.focus();
  });
  more.addEventListener('click', () => {
    loadingMore ??= showMore(true)
      .catch(fail)
      .finally(() => (loadingMore = undefined));
  });
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    typingEntry = false;
    state = parseState(location.search);
    void search(state).catch(fail);
  });
  const wide = matchMedia('(min-width: 60rem)');
  const place = () => {
    refine.open = wide.matches || refine.open;
  };
  wide.addEventListener('change', place);
  place();
}

async function start() {
  syncControls(state);
  panel.hidden = false;
  root.dataset['status'] = 'loading';
  // Typing while the index loads is kept: the search below uses the latest state.
  wire();
  engine = await SearchEngine.open(config, { partners: true });
  showUnavailable();
  totals = await engine.filters();
  buildFacets();
  await search(state);
}

start().catch(fail);
