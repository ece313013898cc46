import type { SearchHit } from './engine.ts';
import type { Facet } from '../../lib/search-facets.ts';
import { t } from './strings.ts';

/** Appends Pagefind's excerpt (escaped text with `<mark>`s) as DOM nodes, never as HTML. */
export function appendExcerpt(parent: HTMLElement, excerpt: string) {
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  excerpt.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = decode(marked[1]!);
      parent.append(mark);
    } else if (part) {
      parent.append(decode(part));
    }
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : t.date(date);
}

/** One result: kind, school, date (and network when it is a partner's), title, excerpt, matching sections. */
export function renderHit(hit: SearchHit, options: { showNetwork: boolean; useDescription: boolean }): HTMLLIElement {
  const item = element('li', 'search-hit');
  if (options.showNetwork) item.dataset['network'] = hit.network;

  const meta = element('p', 'search-hit-meta');
  if (hit.kind) meta.append(element('span', 'kind-label', hit.kind));
  if (hit.school) meta.append(element('span', 'search-hit-school', hit.school));
  if (hit.date) {
    const time = element('time', undefined, formatDate(hit.date));
    time.dateTime = hit.date;
    meta.append(time);
  }
  if (options.showNetwork) meta.append(element('span', 'search-hit-network', hit.network));
  item.append(meta);

  const heading = element('h3');
  const link = element('a', undefined, hit.title);
  link.href = hit.url;
  if (hit.lang) link.lang = hit.lang;
  heading.append(link);
  item.append(heading);

  const summary = element('p', 'search-hit-excerpt');
  if (hit.lang) summary.lang = hit.lang;
  if (options.useDescription || !hit.excerpt) summary.textContent = hit.description;
  else appendExcerpt(summary, hit.excerpt);
  item.append(summary);

  if (hit.sections.length) {
    const list = element('ul', 'search-hit-sections');
    list.setAttribute('aria-label', t('searchPage.sections', { title: hit.title }));
    for (const section of hit.sections) {
      const entry = element('li');
      const anchor = element(
        'a',
        undefined,
        section.rule ? t('searchPage.rule', { number: section.rule, title: section.title }) : section.title,
      );
      anchor.href = section.url;
      if (hit.lang) anchor.lang = hit.lang;
      entry.append(anchor);
      if (section.excerpt) {
        const excerpt = element('span', 'search-hit-section-excerpt');
        if (hit.lang) excerpt.lang = hit.lang;
        appendExcerpt(excerpt, section.excerpt);
        entry.append(excerpt);
      }
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

/** How many values a facet shows before "Show all". */
export const facetPreview = 8;

/** Values in reading order: years newest first, everything else alphabetically. */
export function sortValues(facet: Facet, values: string[]): string[] {
  return facet === 'year'
    ? [...values].sort((a, b) => b.localeCompare(a))
    : [...values].sort((a, b) => a.localeCompare(b));
}

/** A fieldset of checkboxes for one facet; counts are filled in by `updateFacet`. */
export function renderFacet(facet: Facet, values: string[]): HTMLFieldSetElement {
  const fieldset = element('fieldset', 'facet');
  fieldset.dataset['facet'] = facet;
  fieldset.append(element('legend', undefined, t(`facet.${facet}`)));
  const list = element('ul');
  sortValues(facet, values).forEach((value, index) => {
    const item = element('li');
    const id = `facet-${facet}-${index}`;
    const input = element('input');
    input.type = 'checkbox';
    input.id = id;
    input.name = facet;
    input.value = value;
    const label = element('label');
    label.htmlFor = id;
    label.append(element('span', 'facet-value', value), ' ', element('span', 'facet-count'));
    item.append(input, label);
    list.append(item);
  });
  fieldset.append(list);
  if (values.length > facetPreview) {
    const toggle = element('button', 'facet-more', t('searchPage.showAll', { count: values.length }));
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    fieldset.append(toggle);
  }
  return fieldset;
}

/**
 * Shows each value's count, hides values with no posts (unless chosen) and, while the facet is folded,
 * all but the first few. Returns whether any value is visible.
 */
export function updateFacet(fieldset: HTMLFieldSetElement, counts: Record<string, number>, chosen: string[]): boolean {
  const expanded = fieldset.querySelector('.facet-more')?.getAttribute('aria-expanded') !== 'false';
  let visible = 0;
  let available = 0;
  for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const count = counts[input.value] ?? 0;
    input.checked = chosen.includes(input.value);
    const item = input.closest('li')!;
    const show = count > 0 || input.checked;
    if (show) available++;
    const folded = !expanded && available > facetPreview && !input.checked;
    item.hidden = !show || folded;
    if (!item.hidden) visible++;
    const label = item.querySelector('.facet-count')!;
    label.textContent = `(${t.number(count)})`;
    item.querySelector('label')!.dataset['count'] = String(count);
  }
  const toggle = fieldset.querySelector<HTMLButtonElement>('.facet-more');
  if (toggle) {
    toggle.hidden = available <= facetPreview;
    toggle.textContent = expanded ? t('searchPage.showFewer') : t('searchPage.showAll', { count: available });
  }
  fieldset.hidden = visible === 0;
  return visible > 0;
}
