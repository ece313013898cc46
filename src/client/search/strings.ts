import { createTranslator, type Table } from '../../lib/translate.ts';

/**
 * The search page's own words, from the page's interface string table: the page serialises the strings this
 * script uses into `data-strings`, so the script writes the same language as the page around it.
 */
const root = document.querySelector<HTMLElement>('[data-search]');
const table = JSON.parse(root?.dataset['strings'] ?? '{}') as Table;

export const t = createTranslator(root?.dataset['lang'] ?? document.documentElement.lang, table);
