import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { postSchema } from '../../src/schemas/post.ts';
import { schoolSchema } from '../../src/schemas/school.ts';
import { checkRawDate } from '../../src/lib/check/dates.ts';
import { checkLink, linkIndex, type LinkTargetPost } from '../../src/lib/check/links.ts';
import { parseBody } from '../../src/lib/check/markdown.ts';
import { renderPost, slugOf } from '../../src/lib/check/new-post.ts';
import { schemaProblems } from '../../src/lib/check/schema-messages.ts';
import { decodeText, splitFrontMatter } from '../../src/lib/check/text.ts';
import { parseYaml } from '../../src/lib/check/yaml.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeText', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a\r\nb\rc\n'))).toEqual({ ok: true, text: 'a\nb\nc\n' });
  });
  it('reports a file that is not UTF-8, with the line of the first bad byte', () => {
    expect(decodeText(bytes('ok\nCaf', [0xe9], '\n'))).toEqual({
      ok: false,
      line: 2,
      message: 'the file is not UTF-8 text (perhaps Windows-1252 or Latin-1): save it again as UTF-8',
    });
  });
  it('reports UTF-16', () => {
    expect(decodeText(Buffer.from('\ufeffname: x', 'utf16le'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/UTF-16/),
    });
  });
});

describe('splitFrontMatter', () => {
  it('finds the YAML and where the body starts', () => {
    const split = splitFrontMatter('---\ntitle: x\n---\n\nBody\n');
    expect(split).toMatchObject({ yaml: 'title: x', bodyLine: 4, body: '\nBody\n', blanked: '\n\n\n\nBody\n' });
  });
  it('says when the front matter is not closed', () => {
    expect(splitFrontMatter('---\ntitle: x\n\nBody')).toMatchObject({ message: expect.stringMatching(/not closed/) });
  });
});

describe('checkRawDate', () => {
  it.each(['2024-02-29', '2025-03-14', '2025-03-14T09:30:00Z', '2025-03-14 09:30'])('accepts %s', (value) => {
    expect(checkRawDate(value)).toBeUndefined();
  });
  it.each([
    ['2013-02-30', '"2013-02-30" is not a real date: February 2013 has 28 days'],
    ['2025-13-01', '"2025-13-01" is not a real date: there is no month 13'],
    ['2025-04-31', '"2025-04-31" is not a real date: April 2025 has 30 days'],
    ['14/03/2025', '"14/03/2025" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-14'],
  ])('rejects %s', (value, message) => {
    expect(checkRawDate(value)).toBe(message);
  });
});

describe('parseYaml', () => {
  it('reports tabs used for indentation on their file line', () => {
    expect(parseYaml('authors:\n\t- ann\n', 2)).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'YAML does not allow tabs for indentation; use spaces', code: 'yaml-tab' }],
    });
  });
  it('keeps dates as text so they can be checked', () => {
    expect(parseYaml('date: 2013-02-30\n')).toEqual({ ok: true, data: { date: '2013-02-30' }, problems: [] });
  });
  it('gives the line of a syntax error', () => {
    const parsed = parseYaml('name: x\ntopics: [a, b\nother: y\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('schemaProblems', () => {
  const posts = postSchema(z.string());
  const valid = { title: 'T', description: 'D', date: '2025-01-01', authors: ['a'], kind: 'reflection', topics: ['t'] };
  it('rewrites zod messages for writers', () => {
    expect(schemaProblems(posts, { ...valid, draft: 'yes', tags: 'x', titel: 'T' }).problems).toEqual([
      { field: 'tags', message: 'should be a list such as [x], not text', code: 'invalid-type' },
      { field: 'draft', message: 'should be true or false, not "yes": write draft: true', code: 'invalid-type' },
      { field: 'titel', message: 'is not a field here (did you mean "title"?)', code: 'unknown-field' },
    ]);
    expect(schemaProblems(schoolSchema, { name: 'n', phase: 'primry', town: 't', region: 'r' }).problems).toEqual([
      {
        field: 'phase',
        message:
          '"primry" is not one of nursery, primary, secondary, all-through, special, post-16 (did you mean "primary"?)',
        code: 'invalid-value',
      },
    ]);
  });
});

describe('links', () => {
  const rules: LinkTargetPost = {
    publisher: { type: 'school', id: 'oak' },
    slug: 'rules',
    kind: 'rules-of-thumb',
    rules: [1, 2, 3],
    draft: false,
    date: new Date('2024-03-01'),
  };
  const self: LinkTargetPost = {
    publisher: { type: 'school', id: 'oak' },
    slug: 'self',
    kind: 'reflection',
    rules: [],
    draft: false,
  };
  const index = linkIndex({
    schools: ['oak'],
    families: ['trust'],
    authors: ['ann'],
    topics: ['send'],
    posts: [rules, self],
  });
  const now = new Date('2025-06-01');
  it.each([
    '/schools/oak/rules/#rule-3',
    '/schools/oak/',
    '/families/trust/',
    '/authors/ann/',
    '/topics/send/',
    '/kinds/case-study/',
    '/rulebook/',
    '/search/?q=x',
    '/archive/2024/',
    'https://example.org/',
    'mailto:x@example.org',
    './file.pdf',
  ])('accepts %s', (href) => {
    expect(checkLink(href, index, self, now)).toBeUndefined();
  });
  it('rejects links to nothing, with a suggestion', () => {
    expect(checkLink('/topics/sen/', index, self, now)).toEqual({
      severity: 'error',
      message: 'link "/topics/sen/" goes to no page of the network (did you mean "/topics/send/"?)',
    });
    expect(checkLink('/schools/oak/rules/#rule-4', index, self, now)?.message).toBe(
      '"/schools/oak/rules/" has no rule 4: it has rules 1–3',
    );
  });
});

describe('parseBody', () => {
  it('reports MDX syntax errors at their line and column', async () => {
    expect(await parseBody('\n\nHello {1 +}\n', true)).toMatchObject({
      ok: false,
      line: 3,
      column: 11,
      message: 'MDX syntax error: Could not parse expression with acorn',
    });
  });
  it('finds images, including <img> in MDX', async () => {
    const body = await parseBody('![A](./a.png) <img src="./b.png" />\n', true);
    expect(body.ok && body.references).toEqual([
      { type: 'image', url: './a.png', alt: 'A', line: 1, column: 1 },
      { type: 'image', url: './b.png', alt: '', line: 1, column: 15 },
    ]);
  });
});

describe('new post', () => {
  it('makes slugs from titles, transliterating accents and Welsh letters', () => {
    expect(slugOf('Dŵr a ŷd: café & crème')).toBe('dwr-a-yd-cafe-and-creme');
  });
  it.each(['reflection', 'case-study', 'rules-of-thumb'] as const)('writes valid front matter for a %s', (kind) => {
    const text = renderPost({
      kind,
      title: 'A "quoted": title',
      date: '2025-09-01',
      authors: ['ann'],
      topics: ['send'],
    });
    const split = splitFrontMatter(text);
    if (!('yaml' in split)) throw new Error(split.message);
    const parsed = parseYaml(split.yaml);
    expect(parsed.ok && schemaProblems(postSchema(z.string()), parsed.data).problems).toEqual([]);
    if (kind === 'rules-of-thumb') expect(split.body).toContain('1. **Rule.** Why');
  });
});
