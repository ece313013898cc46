import { describe, expect, it } from 'vitest';
import { clampLines, fitTitle, normaliseText, wrap } from '../../src/lib/cards/fit.ts';
import { measureTitle } from '../../src/lib/cards/metrics.ts';
import { titleBox } from '../../src/lib/cards/template.ts';

const box = titleBox({ layout: 'post', subtitle: undefined });

describe('fitTitle', () => {
  it('sets a short title at the largest size on one line', () => {
    const fit = fitTitle('Phonics every day', box);
    expect(fit).toMatchObject({ fontSize: box.maxSize, lines: ['Phonics every day'], truncated: false });
  });

  it('shrinks a long title and cuts a 300-character one to the line limit with an ellipsis', () => {
    const title = 'Leading change when everyone is tired, and what we learned about workload, trust and time '
      .repeat(4)
      .slice(0, 300);
    expect(title).toHaveLength(300);
    const fit = fitTitle(title, box);
    expect(fit.fontSize).toBeGreaterThanOrEqual(box.minSize);
    expect(fit.fontSize).toBeLessThan(box.maxSize);
    expect(fit.lines.length).toBeGreaterThan(0);
    expect(fit.lines.length).toBeLessThanOrEqual(box.maxLines);
    expect(fit.lines.length * fit.fontSize * fit.lineHeight).toBeLessThanOrEqual(box.height);
    expect(fit.truncated).toBe(true);
    expect(fit.lines.at(-1)).toMatch(/…$/);
    for (const line of fit.lines) expect(measureTitle(line, fit.fontSize)).toBeLessThanOrEqual(box.width);
  });

  it('uses fewer lines for a title that sits above a subtitle', () => {
    const fit = fitTitle('word '.repeat(80), titleBox({ layout: 'school', subtitle: 'An ethos' }));
    expect(fit.lines.length).toBeLessThanOrEqual(3);
  });

  it('breaks a 60-character word that no line can hold', () => {
    const word = 'x'.repeat(60);
    const fit = fitTitle(`A ${word} B`, box);
    expect(fit.lines.join('')).toContain('x'.repeat(20));
    for (const line of fit.lines) expect(measureTitle(line, fit.fontSize)).toBeLessThanOrEqual(box.width);
    expect(fit.lines.join('').replace(/\s/g, '')).toBe(`A${word}B`);
  });

  it('keeps markup-like text as it is', () => {
    const title = '<script>alert(1)</script> & "quotes" &amp;';
    expect(fitTitle(title, box).lines.join(' ')).toBe(title);
  });
});

describe('wrap and clampLines', () => {
  it('breaks at spaces and never makes an empty line', () => {
    const lines = wrap('one two   three\nfour', 200, 40, measureTitle);
    expect(lines.every((line) => line.length > 0 && line === line.trim())).toBe(true);
    expect(lines.join(' ')).toBe('one two three four');
  });

  it('ends a clamped paragraph with an ellipsis that still fits', () => {
    const lines = clampLines('lorem ipsum dolor '.repeat(40), 500, 30, 2, measureTitle);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(measureTitle(lines[1]!, 30)).toBeLessThanOrEqual(500);
  });
});

describe('normaliseText', () => {
  it('composes accents and keeps Welsh and accented Latin', () => {
    expect(normaliseText('gwdihw\u0302 ŷd café Köln')).toBe('gwdihŵ ŷd café Köln');
  });

  it('drops characters no bundled font covers, such as emoji and CJK', () => {
    expect(normaliseText('Hello 👋 world 你好!')).toBe('Hello world !');
  });

  it('turns control characters and runs of whitespace into single spaces', () => {
    expect(normaliseText(' a\u0007b\t\n c ')).toBe('a b c');
  });
});
