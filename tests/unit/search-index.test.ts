import { describe, expect, it } from 'vitest';
import { indexLanguage, spacedForIndex } from '../../src/integrations/pagefind.ts';

describe('the text handed to Pagefind', () => {
  it('keeps a space between table cells, list items and definition terms', () => {
    expect(spacedForIndex('<td>day by day</td><td>Partners</td>')).toBe('<td>day by day</td> <td>Partners</td>');
    expect(spacedForIndex('<tr><td>Cost</td><td>£410</td></tr><tr>')).toBe(
      '<tr><td>Cost</td> <td>£410</td> </tr> <tr>',
    );
    expect(spacedForIndex('<ul><li>one</li><li>two</li></ul>')).toBe('<ul><li>one</li> <li>two</li> </ul>');
  });

  it('reads a panel of terms and values as sentences: a colon after each term, a full stop after each value', () => {
    expect(spacedForIndex('<dl><dt>Focus</dt><dd>day by day</dd><dt>Partners</dt><dd>Local hub</dd></dl>')).toBe(
      '<dl><dt>Focus:</dt> <dd>day by day.</dd> <dt>Partners:</dt> <dd>Local hub.</dd> </dl>',
    );
    // Punctuation already there is kept as it is, and a value that is a list gets none.
    expect(spacedForIndex('<dt>Cost:</dt><dd>£410!</dd><dt>Oed</dt><dd><ul><li>3–11</li></ul></dd>')).toBe(
      '<dt>Cost:</dt> <dd>£410!</dd> <dt>Oed:</dt> <dd><ul><li>3–11</li> </ul></dd>',
    );
  });

  it('leaves inline elements joined, so a word split by markup stays one word', () => {
    expect(spacedForIndex('<p>un<em>believ</em>able</p>')).toBe('<p>un<em>believ</em>able</p>');
  });
});

describe('the language of the one index', () => {
  it('is the search page’s own, lower-cased as Pagefind names indexes', () => {
    expect(indexLanguage('<!doctype html><html lang="en-GB" dir="ltr"><head>')).toBe('en-gb');
    expect(indexLanguage('<html lang="cy">')).toBe('cy');
  });

  it('is left to Pagefind when there is no search page', () => {
    expect(indexLanguage(undefined)).toBeUndefined();
  });
});
