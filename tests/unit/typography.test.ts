import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import remarkTypography from '../../src/integrations/markdown/remark-typography.ts';
import { educateQuotes, typeset } from '../../src/lib/typography.ts';

function typesetMarkdown(markdown: string): Root {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  remarkTypography()(tree);
  return tree;
}
const text = (markdown: string) => toString(typesetMarkdown(markdown));

describe('typography', () => {
  it('curls quotes and apostrophes, in English and Welsh', () => {
    expect(text(`"Hello," she said. "It's the '90s, isn't it?"`)).toBe('“Hello,” she said. “It’s the ’90s, isn’t it?”');
    expect(text(`Dysgodd y plant a'r staff "Calon Lân".`)).toBe('Dysgodd y plant a’r staff “Calon Lân”.');
  });

  it('pairs quotes around emphasis, links and code, and starts every block afresh', () => {
    expect(text(`"*Read aloud*," we said, and '[the guide](/guide/)' helped.`)).toBe(
      '“Read aloud,” we said, and ‘the guide’ helped.',
    );
    expect(text(`Type "\`npm run new\`" first.`)).toBe('Type “npm run new” first.');
    expect(text(`# "Why" we changed\n\n"Because" it worked`)).toBe('“Why” we changed“Because” it worked');
  });

  it('turns -- into an en dash, --- into an em dash and ... into an ellipsis', () => {
    expect(text('Years 3 -- 6 read daily --- even on Fridays...')).toBe('Years 3 – 6 read daily — even on Fridays…');
  });

  it('leaves code alone and keeps the characters SmartyPants would read as HTML', () => {
    const tree = typesetMarkdown('`"as typed"` and\n\n```\n"raw" -- code\n```\n\n5 < 6 & "x" > 2 \\\\ done');
    expect(toString(tree.children[0]!)).toBe('"as typed" and');
    expect(toString(tree.children[1]!)).toBe('"raw" -- code');
    expect(toString(tree.children[2]!)).toBe('5 < 6 & “x” > 2 \\ done');
  });

  it('curls quotes in table cells', () => {
    expect(text(`| Term | Meaning |\n| --- | --- |\n| "Catch-up" | Extra 'small-group' time |`)).toBe(
      'TermMeaning“Catch-up”Extra ‘small-group’ time',
    );
  });

  it('never changes the length of text when curling quotes', () => {
    const alphabet = ['"', "'", '&', '<', '>', '\\', 'a', ' ', '1', '&amp;', '&#92;', '-', '.', '`'];
    let seed = 3;
    for (let i = 0; i < 500; i++) {
      let input = '';
      for (let j = 0; j < 20; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        input += alphabet[seed % alphabet.length];
      }
      expect(educateQuotes(input).length, input).toBe(input.length);
    }
  });

  it('never changes code, scripts, styles or attributes in MDX', () => {
    const tree = createProcessor().parse(
      [
        '<iframe title="Sports day \'24" src="https://www.youtube-nocookie.com/embed/x" allowfullscreen></iframe>',
        '',
        '<style>{`p::before { content: "it\'s" }`}</style>',
        '',
        '<code>"as typed" -- here</code> and "prose" -- here',
        '',
        '<pre>',
        '"raw" ... text',
        '</pre>',
      ].join('\n'),
    ) as Root;
    remarkTypography()(tree);
    const texts: string[] = [];
    const attributes: unknown[] = [];
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        texts.push(node.value);
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        attributes.push(...node.attributes.map((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.value));
      }
    });
    expect(attributes).toEqual(["Sports day '24", 'https://www.youtube-nocookie.com/embed/x', null]);
    expect(texts).toEqual([
      '`p::before { content: "it\'s" }`',
      '"as typed" -- here',
      ' and “prose” – here',
      '"raw" ... text',
    ]);
  });
});

describe('typeset', () => {
  it('curls quotes and makes dashes and ellipses in a title', () => {
    expect(typeset(`"Calon Lân" -- what we learned... and what we didn't`)).toBe(
      '“Calon Lân” – what we learned… and what we didn’t',
    );
    expect(typeset(`Offa's Dyke --- a cluster`)).toBe('Offa’s Dyke — a cluster');
  });

  it('leaves code, web addresses and email addresses as typed', () => {
    expect(typeset('Run `npm run new -- --kind "rules"` first')).toBe('Run `npm run new -- --kind "rules"` first');
    expect(typeset(`See https://example.org/a--b?x='1' -- it's there`)).toBe(
      `See https://example.org/a--b?x='1' – it’s there`,
    );
    expect(typeset(`Write to head--office@example.org, it's quicker`)).toBe(
      'Write to head--office@example.org, it’s quicker',
    );
  });

  it('pairs quotes around code', () => {
    expect(typeset('"Use `a--b` here"')).toBe('“Use `a--b` here”');
  });

  it('returns plain text unchanged', () => {
    expect(typeset('Phonics for the last fifth')).toBe('Phonics for the last fifth');
    expect(typeset('a < b & c > d \\ e')).toBe('a < b & c > d \\ e');
  });
});
