import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTranslator,
  isPluralForm,
  placeholders,
  pluralCategoriesOf,
  type Table,
  type Translator,
} from './translate.ts';

import type { Network } from './network/types.ts';
import { siteLanguage as siteLanguageOf } from './post-language.ts';
import type { Scope } from './settings.ts';

export type { Translator } from './translate.ts';

/**
 * Problems with the interface string tables, one sentence each, naming the file and the key: a key of `en.json`
 * missing from another table (or a plural form its language needs), a key `en.json` does not have, a string that
 * is not text, or a placeholder the English string does not offer. `tables` maps a file (`src/i18n/cy.json`) to
 * its parsed contents; the one named `en.json` is the reference.
 */
export function tableProblems(tables: Readonly<Record<string, unknown>>): string[] {
  const files = Object.keys(tables);
  const referenceFile = files.find((file) => /(^|\/)en\.json$/.test(file));
  if (!referenceFile) return ['src/i18n/en.json is missing: every other table is checked against it.'];
  const reference = tables[referenceFile] as Record<string, string>;
  const pluralBases = new Set(
    Object.keys(reference)
      .filter((key) => key.endsWith('.other'))
      .map((key) => key.slice(0, -'.other'.length)),
  );
  const plainKeys = Object.keys(reference).filter((key) => !(isPluralForm(key) && pluralBases.has(baseOf(key))));
  const problems: string[] = [];
  for (const file of files) {
    const table = tables[file];
    if (typeof table !== 'object' || table === null || Array.isArray(table)) {
      problems.push(`${file} must hold one object of "key": "text" pairs.`);
      continue;
    }
    const entries = table as Record<string, unknown>;
    const locale = typeof entries['locale'] === 'string' ? entries['locale'] : 'en';
    let categories: string[];
    try {
      categories = pluralCategoriesOf(locale);
    } catch {
      problems.push(`${file}: "locale" is "${locale}", which is not a language code (e.g. "cy" or "en-GB").`);
      continue;
    }
    const expected = new Map<string, string>();
    for (const key of plainKeys) expected.set(key, reference[key]!);
    for (const base of pluralBases) {
      for (const category of categories) expected.set(`${base}.${category}`, reference[`${base}.other`]!);
    }
    for (const [key, english] of expected) {
      if (!(key in entries)) {
        problems.push(`${file} is missing "${key}": add it, in this file's language, for the English "${english}".`);
      }
    }
    for (const [key, text] of Object.entries(entries)) {
      const plural = isPluralForm(key) && pluralBases.has(baseOf(key));
      if (!expected.has(key) && !plural) {
        problems.push(`${file} has "${key}", which en.json does not: remove it or correct its spelling.`);
        continue;
      }
      if (typeof text !== 'string') {
        problems.push(`${file}: "${key}" must be text in quotes.`);
        continue;
      }
      const english = expected.get(key) ?? reference[`${baseOf(key)}.other`] ?? '';
      const offered = new Set([...placeholders(english), ...(plural ? ['count'] : [])]);
      for (const name of placeholders(text)) {
        if (!offered.has(name)) {
          problems.push(
            `${file}: "${key}" uses {${name}}, which is never filled in; use only ${[...offered].map((n) => `{${n}}`).join(', ') || 'no placeholders'}.`,
          );
        }
      }
    }
  }
  return problems;
}

const baseOf = (key: string) => key.slice(0, key.lastIndexOf('.'));

/**
 * The tables by language (`src/i18n/cy.json` → `cy`), or an error listing every problem `tableProblems` finds:
 * thrown while the site's modules load, it stops the build before any page is written.
 */
export function checkedTables(files: Readonly<Record<string, unknown>>): Map<string, Table> {
  const problems = tableProblems(files);
  if (problems.length) {
    throw new Error(`The interface string tables are incomplete:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return new Map(
    Object.entries(files).map(([file, table]) => [file.replace(/^.*\/|\.json$/g, '').toLowerCase(), table as Table]),
  );
}

/**
 * The tables by path (`../i18n/cy.json`). Vite (the build, the dev server, tests) bundles them; plain Node (the
 * card worker that reads the content before pages render) has no `import.meta.glob`, so reads the folder.
 */
function tableFiles(): Record<string, unknown> {
  try {
    return import.meta.glob<unknown>('../i18n/*.json', { eager: true, import: 'default' });
  } catch {
    const folder = fileURLToPath(new URL('../i18n/', import.meta.url));
    return Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => [`../i18n/${name}`, JSON.parse(readFileSync(join(folder, name), 'utf8')) as unknown]),
    );
  }
}

// Adding a language is adding its file: every table in src/i18n/ is loaded and checked against en.json.
const tables = checkedTables(
  Object.fromEntries(Object.entries(tableFiles()).map(([path, table]) => [path.replace(/^\.\.\//, 'src/'), table])),
);
const translators = new Map<string, Translator>();
let defaultLanguage = 'en';

/** Languages with a table in `src/i18n/`. */
export const uiLanguages: readonly string[] = [...tables.keys()];

/** The table language that serves `lang`: itself, its base language (`cy-GB` → `cy`), or undefined. */
export function tableLanguage(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  if (tables.has(tag)) return tag;
  const base = tag.split(/[-_]/)[0]!;
  return tables.has(base) ? base : undefined;
}

/** The language whose table serves pages in a language without one: the network's own language. */
export function setDefaultLanguage(lang: string): void {
  defaultLanguage = tableLanguage(lang) ?? 'en';
}

/** The language a build's own pages speak (`siteLanguage` in `post-language.ts`), from the network model. */
export function siteLanguage(network: Network<unknown>, scope: Scope): string {
  return siteLanguageOf(scope.type === 'school' ? network.school(scope.id) : undefined, network.info.lang);
}

/** The interface strings of `lang` (`en-GB` → `en`, `cy-GB` → `cy`; another language gets the network's). */
export function translator(lang: string): Translator {
  const table = tableLanguage(lang) ?? defaultLanguage;
  let t = translators.get(table);
  if (!t) translators.set(table, (t = createTranslator(table, tables.get(table)!)));
  return t;
}

/**
 * The strings of `lang`'s table whose keys are, or start with, one of `prefixes` (`searchPage` takes
 * `searchPage.title`, `searchPage.postsMatch.one`…), for a browser script that cannot load the tables itself.
 */
export function tableExtract(lang: string, prefixes: readonly string[]): Table {
  const table = tables.get(translator(lang).lang)!;
  return Object.fromEntries(
    Object.entries(table).filter(
      ([key]) => key === 'locale' || prefixes.some((prefix) => key === prefix || key.startsWith(`${prefix}.`)),
    ),
  );
}
