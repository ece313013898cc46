import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkedTables, tableLanguage, tableProblems, translator, uiLanguages } from '../../src/lib/i18n.ts';
import { pluralCategoriesOf } from '../../src/lib/translate.ts';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/${file}`, import.meta.url), 'utf8'));
const files = readdirSync(new URL('../../src/i18n/', import.meta.url)).filter((file) => file.endsWith('.json'));
const tables = Object.fromEntries(files.map((file) => [`src/i18n/${file}`, read(file)]));

describe('interface string tables', () => {
  it('ships complete English and Welsh tables, and every file in src/i18n is a language', () => {
    expect(tableProblems(tables)).toEqual([]);
    expect(uiLanguages).toEqual(expect.arrayContaining(['en', 'cy']));
    expect([...uiLanguages].sort()).toEqual(files.map((file) => file.replace('.json', '')).sort());
  });

  it('names the file and the key when a table lacks a string', () => {
    const { ['post.by']: _, ...cy } = read('cy.json');
    const problems = tableProblems({ ...tables, 'src/i18n/cy.json': cy });
    expect(problems).toEqual([
      'src/i18n/cy.json is missing "post.by": add it, in this file\'s language, for the English "By".',
    ]);
  });

  it('stops the build when a table is incomplete, naming the file and the key', () => {
    const { ['toc.title']: _, ...cy } = read('cy.json');
    expect(() => checkedTables({ ...tables, 'src/i18n/cy.json': cy })).toThrow(
      'The interface string tables are incomplete:\n  src/i18n/cy.json is missing "toc.title"',
    );
    expect(checkedTables(tables).get('cy')?.['toc.title']).toBe('Ar y dudalen hon');
  });

  it('asks for every plural form the language uses', () => {
    const { ['count.posts.two']: _, ...cy } = read('cy.json');
    expect(tableProblems({ ...tables, 'src/i18n/cy.json': cy })).toEqual([
      'src/i18n/cy.json is missing "count.posts.two": add it, in this file\'s language, for the English "{count} posts".',
    ]);
    expect(pluralCategoriesOf('cy')).toHaveLength(6);
  });

  it('rejects a misspelt key and a placeholder nobody fills', () => {
    const cy = { ...read('cy.json'), 'post.bye': 'Hwyl', 'post.scheduled': 'Ar {dyddiad}' };
    expect(tableProblems({ ...tables, 'src/i18n/cy.json': cy })).toEqual([
      'src/i18n/cy.json: "post.scheduled" uses {dyddiad}, which is never filled in; use only {date}.',
      'src/i18n/cy.json has "post.bye", which en.json does not: remove it or correct its spelling.',
    ]);
  });

  it('checks a new language against English as soon as its file exists', () => {
    const ga = { locale: 'ga', 'post.by': 'Le' };
    const problems = tableProblems({ ...tables, 'src/i18n/ga.json': ga });
    expect(problems.length).toBeGreaterThan(100);
    expect(problems).toContain(
      'src/i18n/ga.json is missing "site.skip": add it, in this file\'s language, for the English "Skip to content".',
    );
  });
});

describe('translator', () => {
  it('falls back from a regional tag to its language', () => {
    expect(translator('en-GB').lang).toBe('en');
    expect(translator('cy-GB').lang).toBe('cy');
    expect(translator('CY').lang).toBe('cy');
    expect(tableLanguage('fr')).toBeUndefined();
    expect(translator('fr').lang).toBe('en');
  });

  it('writes dates as British and Welsh readers do', () => {
    expect(translator('en').date(new Date('2013-08-20T23:30:00Z'))).toBe('20 August 2013');
    expect(translator('cy').date(new Date('2014-03-01T00:00:00Z'))).toBe('1 Mawrth 2014');
    const months = Array.from({ length: 12 }, (_, i) => translator('cy').date(new Date(Date.UTC(2025, i, 5))));
    expect(months.map((d) => d.split(' ')[1])).toEqual([
      'Ionawr',
      'Chwefror',
      'Mawrth',
      'Ebrill',
      'Mai',
      'Mehefin',
      'Gorffennaf',
      'Awst',
      'Medi',
      'Hydref',
      'Tachwedd',
      'Rhagfyr',
    ]);
  });

  it('picks Welsh plural forms with their mutations', () => {
    const cy = translator('cy');
    expect([0, 1, 2, 3, 4, 6, 12].map((n) => cy.plural('count.posts', n))).toEqual([
      'Dim cofnodion',
      '1 cofnod',
      '2 gofnod',
      '3 chofnod',
      '4 cofnod',
      '6 chofnod',
      '12 cofnod',
    ]);
    expect(cy.plural('post.readingTime', 3)).toBe('3 munud o ddarllen');
    expect(cy.plural('post.readingTime', 2)).toBe('2 funud o ddarllen');
    const en = translator('en');
    expect([1, 2, 1200].map((n) => en.plural('count.posts', n))).toEqual(['1 post', '2 posts', '1,200 posts']);
  });

  it('fills placeholders, escapes around HTML ones, and joins names', () => {
    const en = translator('en');
    expect(en('post.moreFrom', { publisher: 'Ysgol Bryn Derw' })).toBe('More from Ysgol Bryn Derw');
    expect(en.html('rulebook.ruleOf', { number: '3', post: '<a href="/x/">A & B</a>' })).toBe(
      'Rule 3 of <a href="/x/">A & B</a>',
    );
    expect(en.list(['Ann', 'Ben', 'Carys'])).toBe('Ann, Ben and Carys');
    expect(translator('cy').list(['Ann', 'Elin'])).toBe('Ann ac Elin');
    expect(translator('cy').list(['Ann', 'Gwen'])).toBe('Ann a Gwen');
  });

  it('uses established Welsh interface words', () => {
    const cy = translator('cy');
    expect([cy('share.title'), cy('search.submit'), cy('toc.title'), cy('post.by')]).toEqual([
      'Rhannu',
      'Chwilio',
      'Ar y dudalen hon',
      'Gan',
    ]);
    expect(cy('language.readIn')).toBe('Darllen yn Gymraeg');
    expect(translator('en')('language.readIn')).toBe('Read in English');
  });
});
