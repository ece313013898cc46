import { describe, expect, it } from 'vitest';
import { authorWords } from '../../src/lib/author-words.ts';
import type { Author } from '../../src/lib/network/types.ts';

const author = (overrides: Partial<Author>): Author => ({
  id: 'gwen',
  file: 'authors/gwen.yaml',
  name: 'Gwen',
  role: 'Pennaeth',
  bio: 'Gwen yw’r pennaeth.',
  lang: 'cy',
  links: {},
  ...overrides,
});

describe('authorWords', () => {
  it('gives an author’s own words on a page in their language, whatever its region', () => {
    expect(authorWords(author({ lang: 'en', role: 'Head', bio: 'Hi.' }), 'en-GB')).toEqual({
      role: { text: 'Head', lang: 'en' },
      bio: { text: 'Hi.', lang: 'en' },
    });
  });

  it('gives the translation for the page’s language, falling back to the own role when it has none', () => {
    const bilingual = author({ translations: { en: { bio: 'Gwen is head.' } } });
    expect(authorWords(bilingual, 'en-GB')).toEqual({
      role: { text: 'Pennaeth', lang: 'cy' },
      bio: { text: 'Gwen is head.', lang: 'en' },
    });
  });

  it('keeps the own words, with their language, where there is no translation', () => {
    expect(authorWords(author({ translations: { fr: { bio: 'Gwen est directrice.' } } }), 'en').bio).toEqual({
      text: 'Gwen yw’r pennaeth.',
      lang: 'cy',
    });
  });
});
