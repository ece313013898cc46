import type { Author } from './network/types.ts';
import { sameLanguage } from './translate.ts';

/** Some of an author's own words, and the language they are in. */
export interface Words {
  text: string;
  lang: string;
}

/**
 * What a page in `pageLang` says of an author: the role and bio they gave in the page's language where there is
 * one, else as they wrote them; each with its language, so the page can mark words that are not its own.
 */
export function authorWords(author: Author, pageLang: string): { role: Words; bio: Words } {
  const own = { role: { text: author.role, lang: author.lang }, bio: { text: author.bio, lang: author.lang } };
  if (sameLanguage(author.lang, pageLang)) return own;
  const [code, local] = Object.entries(author.translations ?? {}).find(([code]) => sameLanguage(code, pageLang)) ?? [];
  if (!code || !local) return own;
  return {
    role: local.role ? { text: local.role, lang: code } : own.role,
    bio: { text: local.bio, lang: code },
  };
}
