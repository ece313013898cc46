import { describe, expect, it } from 'vitest';
import { isPlainMdx } from '../../src/lib/plain-mdx.ts';

describe('a plain MDX body, rendered as Markdown', () => {
  it('is one of headings, lists, tables, links, images, footnotes and emphasis', async () => {
    const body = [
      '## What we did',
      '',
      '1. **Start small.** One class first.',
      '2. Keep going.',
      '',
      '| Year | Roll |',
      '| --- | --- |',
      '| 2024 | 58 |',
      '',
      'A [link](/schools/oak/) and a picture: ![Pupils reading](./reading.jpg)[^1]',
      '',
      '- [x] Book the hall',
      '',
      '[^1]: A footnote.',
    ].join('\n');
    expect(await isPlainMdx(body)).toBe(true);
  });

  it('is not one with a component, an import, an expression or an HTML tag', async () => {
    expect(await isPlainMdx('import Chart from "./chart.astro";\n\n<Chart />')).toBe(false);
    expect(await isPlainMdx('We spent {1 + 1} days.')).toBe(false);
    expect(await isPlainMdx('<iframe src="https://www.youtube-nocookie.com/embed/x" title="x"></iframe>')).toBe(false);
    expect(await isPlainMdx('Line one<br />line two')).toBe(false);
  });

  it('is not one that MDX reads differently from Markdown, such as text indented four spaces', async () => {
    expect(await isPlainMdx('A paragraph.\n\n    indented, which Markdown makes code')).toBe(false);
  });

  it('is not one MDX cannot read', async () => {
    expect(await isPlainMdx('A link written <https://example.org> as in Markdown.')).toBe(false);
  });
});
