import type en from '../i18n/en.json';

/** Every key of the interface string tables, as `src/i18n/en.json` spells them: a wrong key is a type error. */
export type UiKey = keyof typeof en;

const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof pluralCategories)[number];

/** A key with plural forms (`count.posts` for `count.posts.one`, `count.posts.other`…). */
export type PluralKey = UiKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** One language's strings: every key of `en.json`, plural keys in that language's plural categories. */
export type Table = Readonly<Record<string, string>>;

type Vars = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The string for `key`, with `{name}` placeholders filled from `vars`. */
  (key: UiKey, vars?: Vars): string;
  /** The plural form of `key` that `count` takes in this language, with `{count}` filled in. */
  plural(key: PluralKey, count: number, vars?: Vars): string;
  /** `key` with its placeholders filled by HTML (links): the string's own text is escaped. */
  html(key: UiKey, vars: Readonly<Record<string, string>>): string;
  /** A date as readers of this language write it: `20 August 2013`, `1 Mawrth 2014`. */
  date(date: Date): string;
  /** A number with this language's digit grouping: `1,200`. */
  number(value: number): string;
  /** Names joined as a sentence: `Ann, Ben and Carys`, `Ann ac Elin`. */
  list(names: readonly string[]): string;
  /** What goes before `names[index]` when they are joined as a sentence (for names that are links). */
  separator(names: readonly string[], index: number): string;
  /** The language of the table in use (`en`, `cy`), for `lang` attributes. */
  lang: string;
}

const baseLanguage = (lang: string) => lang.split(/[-_]/)[0]!.toLowerCase();

/** True when two language tags name the same language (`en-GB` and `en`). */
export const sameLanguage = (a: string, b: string) => baseLanguage(a) === baseLanguage(b);

/**
 * The `lang` attribute for text in `lang` on a page in `pageLang`: none when they are the same language, so
 * only text in another language is marked (the network's English topic names on a Welsh page).
 */
export const langIfOther = (lang: string, pageLang: string) => (sameLanguage(lang, pageLang) ? undefined : lang);

/** Text made safe to place in HTML, for strings passed to `t.html`. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const placeholder = /\{(\w+)\}/g;

/** Placeholder names in a string: `{name}` and `{count}` in `"{name} has {count}"`. */
export const placeholders = (text: string) => [...text.matchAll(placeholder)].map((match) => match[1]!);

/** The plural categories a language's numbers fall into (`one`, `other` in English; six in Welsh). */
export function pluralCategoriesOf(locale: string): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}

/** True when `key` names one plural form, e.g. `count.posts.few`. */
export const isPluralForm = (key: string) => pluralCategories.some((category) => key.endsWith(`.${category}`));

/** Where a vowel follows, Welsh writes `ac` for `a` ("Ann ac Elin"); English writes `and` either way. */
const startsWithVowel = (word: string) => /^[aeiouyâêîôûŷáéíóúàèìòùäëïöü]/i.test(word);

/** A translator over one language's table, as pages (all tables) and the search script (a few strings) use it. */
export function createTranslator(lang: string, table: Table): Translator {
  const locale = table['locale'] ?? lang;
  const numbers = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  const lookup = (key: string) => {
    const text = table[key];
    if (text === undefined) throw new Error(`No interface string "${key}" in src/i18n/${lang}.json.`);
    return text;
  };
  // Placeholders are filled in one pass so a value that itself contains `{…}` is never read as a placeholder.
  const fill = (text: string, vars: Vars | undefined, escape: (value: string) => string = (value) => value) => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(placeholder)) {
      out += escape(text.slice(last, match.index));
      const value = vars?.[match[1]!];
      out += value === undefined ? escape(match[0]) : typeof value === 'number' ? numbers.format(value) : value;
      last = match.index + match[0].length;
    }
    return out + escape(text.slice(last));
  };

  const t = ((key: UiKey, vars?: Vars) => fill(lookup(key), vars)) as Translator;
  t.plural = (key, count, vars) => {
    const category = rules.select(count);
    const text = table[`${key}.${category}`] ?? lookup(`${key}.other`);
    return fill(text, { ...vars, count });
  };
  t.html = (key, vars) => fill(lookup(key), vars, escapeHtml);
  t.date = (date) =>
    fill(lookup('date.long'), {
      day: String(date.getUTCDate()),
      month: lookup(`month.${date.getUTCMonth() + 1}`),
      year: String(date.getUTCFullYear()),
    });
  t.number = (value) => numbers.format(value);
  t.separator = (names, index) => {
    if (index === 0) return '';
    if (index < names.length - 1) return ', ';
    return ` ${lookup(startsWithVowel(names[index]!) ? 'list.andBeforeVowel' : 'list.and')} `;
  };
  t.list = (names) => names.map((name, index) => t.separator(names, index) + name).join('');
  t.lang = lang;
  return t;
}
