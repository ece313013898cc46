import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { htmlFiles } from './html.ts';

/** Metadata a search result shows (and Pagefind searches): its title, school, kind and description. */
const shownMeta = ['title', 'school', 'kind', 'description'];

/**
 * The words search can see on each page: the text of its `data-pagefind-body`, its pictures' descriptions
 * and the metadata a result shows, as lower-case words.
 */
export function indexedWords(dir: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const file of htmlFiles(dir)) {
    const body = parse(readFileSync(join(dir, file), 'utf8')).querySelector('[data-pagefind-body]');
    if (!body) continue;
    const meta = shownMeta.map((name) => body.querySelector(`[data-pagefind-meta="${name}"]`)?.text ?? '');
    for (const hidden of body.querySelectorAll('.anchor, [data-footnote-backref], [data-pagefind-ignore]'))
      hidden.remove();
    // Pagefind also searches the first picture's description, part of the page for anyone who cannot see it.
    const alts = body.querySelectorAll('img[alt]').map((img) => img.getAttribute('alt') ?? '');
    const text = [body.structuredText, ...meta, ...alts].join(' ');
    const words = text.toLocaleLowerCase().match(/\p{L}+/gu) ?? [];
    pages.set(`/${file.replace(/index\.html$/, '')}`, words);
  }
  return pages;
}

/**
 * True when `word` is `query` or a form of it as a stemmer would see it: they share at least half of the
 * query and four letters, so "absence" answers "absences" and "spot" answers "spotting", but "a" does not.
 */
export function isFormOf(word: string, query: string): boolean {
  let shared = 0;
  while (shared < word.length && shared < query.length && word[shared] === query[shared]) shared++;
  return shared === query.length || shared >= Math.max(4, Math.ceil(query.length / 2));
}

/**
 * Words to search for, taken from the pages themselves: those found on one or two pages (spread through
 * the alphabet), plus any of `extra` the site holds.
 */
export function rareWords(pages: Map<string, string[]>, count: number, extra: string[] = []): string[] {
  const where = new Map<string, Set<string>>();
  for (const [page, words] of pages)
    for (const word of words) {
      if (word.length < 5) continue;
      let set = where.get(word);
      if (!set) where.set(word, (set = new Set()));
      set.add(page);
    }
  const rare = [...where]
    .filter(([, found]) => found.size <= 2)
    .map(([word]) => word)
    .sort();
  const step = Math.max(1, Math.floor(rare.length / count));
  const chosen = rare.filter((_, index) => index % step === 0).slice(0, count);
  return [...new Set([...extra.filter((word) => where.has(word)), ...chosen])];
}
