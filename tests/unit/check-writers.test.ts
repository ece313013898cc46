import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { asWritten, dateWarnings, writtenField } from '../../src/lib/check/dates.ts';
import { notAPicture } from '../../src/lib/check/images.ts';
import { checkLink, linkIndex, type LinkTargetPost } from '../../src/lib/check/links.ts';
import { mdxProseProblems } from '../../src/lib/check/mdx.ts';
import { flagHelp, placeholdersIn, renderPost, resolveChoice } from '../../src/lib/check/new-post.ts';
import { textProblems } from '../../src/lib/check/text.ts';
import { conflictLines, parseYaml, quoted } from '../../src/lib/check/yaml.ts';
import { ContentError, uniqueIssues, type ContentIssue } from '../../src/lib/content-issue.ts';
import { buildNetwork, type RawContent } from '../../src/lib/network/build.ts';
import { checkEmbed } from '../../src/lib/embeds.ts';
import { holdBack } from '../../src/lib/publish.ts';
import { flag, hexColour, writtenDate } from '../../src/schemas/common.ts';
import { postSchema } from '../../src/schemas/post.ts';
import { rawNetworkInfo, rawPost, rawSchool } from '../helpers/raw-network.ts';

describe('dates as written', () => {
  it.each([
    ['2025-06-20', '2025-06-20T00:00:00.000Z'],
    ['2025-06-20T00:30:00+01:00', '2025-06-20T00:30:00.000Z'],
    ['2025-06-20T23:30:00-05:00', '2025-06-20T23:30:00.000Z'],
    ['2025-6-5', '2025-06-05T00:00:00.000Z'],
    ['2025-06-20 09:15', '2025-06-20T09:15:00.000Z'],
  ])('%s is the day written', (text, iso) => {
    expect(asWritten(text)?.toISOString()).toBe(iso);
    expect(writtenDate.parse(text).toISOString()).toBe(iso);
  });
  it('finds the written value of a field in front matter', () => {
    expect(writtenField('title: x\ndate: 2025-06-20T00:30:00+01:00 # late\n', 'date')).toBe(
      '2025-06-20T00:30:00+01:00',
    );
    expect(writtenField("updated: '2025-06-21'\n", 'updated')).toBe('2025-06-21');
  });
  it('warns about dates that are real but unlikely', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(dateWarnings(new Date('2026-06-03'), undefined, now).map((p) => p.code)).toEqual(['date-far-future']);
    expect(dateWarnings(new Date('2026-05-30'), undefined, now)).toEqual([]);
    expect(dateWarnings(new Date('1989-12-31'), new Date('2025-06-03'), now).map((p) => p.code)).toEqual([
      'date-too-old',
      'updated-in-future',
    ]);
  });
  it('says how updated and date relate when updated comes first', () => {
    const result = postSchema(z.string()).safeParse({
      title: 'T',
      description: 'D',
      date: '2025-03-01',
      updated: '2025-02-01',
      authors: ['a'],
      kind: 'reflection',
      topics: ['t'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "2025-02-01 is before the post's date (2025-03-01): updated is the day you last changed the post, so it comes on or after date",
    );
  });
});

describe('schema values writers type', () => {
  it('reads quoted true and false', () => {
    expect(flag.parse('"false"'.slice(1, -1))).toBe(false);
    expect(flag.parse('True')).toBe(true);
    expect(flag.safeParse('yes').success).toBe(false);
  });
  it('expands short hex colours', () => {
    expect(hexColour.parse('#c03')).toBe('#cc0033');
    expect(hexColour.parse('#FFF')).toBe('#ffffff');
    expect(hexColour.parse('#1D4E89')).toBe('#1d4e89');
    expect(hexColour.safeParse('#1d4e8').success).toBe(false);
  });
});

describe('YAML', () => {
  it('names a value a "#" cut short, and leaves comments after true, ids and dates alone', () => {
    const parsed = parseYaml('title: Year 6 #proud\ncolour: #fff\ndraft: true # soon\nkind: reflection # for now\n', 2);
    expect(parsed.problems).toEqual([
      {
        line: 2,
        field: 'title',
        code: 'yaml-comment',
        message:
          '"#" starts a comment in YAML, so title stops at "Year 6": put the whole value in quotes, title: "Year 6 #proud"',
      },
      {
        line: 3,
        field: 'colour',
        code: 'yaml-comment',
        message: '"#" starts a comment in YAML, so colour is empty: put the value in quotes, colour: "#fff"',
      },
    ]);
  });
  it('quotes a value with the quotes it does not hold', () => {
    expect(quoted('Ofsted: what we learnt')).toBe('"Ofsted: what we learnt"');
    expect(quoted('"Calon Lân" at our eisteddfod')).toBe(`'"Calon Lân" at our eisteddfod'`);
  });
  it('finds git conflict markers', () => {
    expect(conflictLines('a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\n======== not one\n')).toEqual([2, 4, 6]);
  });
});

describe('embeds', () => {
  it.each([
    'https://www.youtube-nocookie.com/embed/abc',
    'https://player.vimeo.com/video/123',
    'https://www.google.com/maps/embed?pb=x',
  ])('allows %s', (src) => {
    expect(checkEmbed(src)).toEqual({ ok: true });
  });
  it.each([
    ['https://www.youtube.com/watch?v=abc', 'https://www.youtube-nocookie.com/embed/abc'],
    ['https://youtu.be/abc', 'https://www.youtube-nocookie.com/embed/abc'],
    ['https://vimeo.com/123', 'https://player.vimeo.com/video/123'],
    ['https://www.google.com/search?q=x', 'link to it instead'],
  ])('refuses %s, saying what to use', (src, fix) => {
    const result = checkEmbed(src);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(fix);
  });
});

describe('text a reader sees', () => {
  it('finds invisible characters and titles without words', () => {
    expect(textProblems('Year 6\u200b trip', 'title').map((p) => p.code)).toEqual(['invisible-character']);
    expect(textProblems('🎉 📚', 'title').map((p) => p.code)).toEqual(['title-without-words']);
    expect(textProblems('Dŵr 🎉', 'title')).toEqual([]);
  });
});

describe('MDX prose', () => {
  it('names every "<" and "{" that MDX would read as code, outside code', () => {
    const text =
      'Under <10 and {child name}.\n\n`<5 {x}`\n\n```\n<3 {y}\n```\n\nAlso <= 4 and <Figure caption={x} />.\n';
    expect(mdxProseProblems(text).map((p) => [p.line, p.column, p.code])).toEqual([
      [1, 7, 'mdx-less-than'],
      [1, 15, 'mdx-brace'],
      [9, 6, 'mdx-less-than'],
    ]);
  });
});

describe('links', () => {
  const post = (id: string, slug: string): LinkTargetPost => ({
    publisher: { type: 'school', id },
    slug,
    rules: [],
    draft: false,
    date: new Date('2024-01-01'),
  });
  const self = post('oak', 'self');
  const index = linkIndex({
    schools: ['oak', 'elm'],
    families: [],
    authors: [],
    topics: [],
    posts: [self, post('elm', 'why')],
  });
  it('turns a link to a file or a bare name into the post address', () => {
    expect(checkLink('./why.mdx#rule-2', index, self, new Date())?.message).toBe(
      'link "./why.mdx#rule-2" goes to the post\'s file, which breaks on the site: write "/schools/elm/why/#rule-2"',
    );
    expect(checkLink('why', index, self, new Date())?.message).toBe(
      'link "why" is relative, so it breaks on the site: write "/schools/elm/why/"',
    );
    expect(checkLink('./handbook.pdf', index, self, new Date())).toBeUndefined();
  });
  it('knows the archive years that have posts', () => {
    expect(checkLink('/archive/2024/', index, self, new Date())).toBeUndefined();
    expect(checkLink('/archive/2023/', index, self, new Date())?.severity).toBe('error');
  });
});

describe('issues', () => {
  const issue = (message: string, code = 'unknown-reference'): ContentIssue => ({
    file: 'posts/oak/a.md',
    line: 5,
    field: 'authors[0]',
    message,
    severity: 'error',
    code,
  });
  it('are the same problem by code and place, whatever the wording', () => {
    expect(uniqueIssues([issue('"x" is not an author'), issue('"x" is not an author (reworded)')])).toHaveLength(1);
    expect(uniqueIssues([issue('same words'), issue('same words', 'other-code')])).toHaveLength(2);
  });
});

describe('publishing', () => {
  it('holds back drafts and scheduled posts, by the rule the build uses', () => {
    const now = new Date('2025-06-01');
    expect(holdBack({ draft: true, date: new Date('2025-01-01') }, now)).toBe('draft');
    expect(holdBack({ draft: false, date: new Date('2025-07-01') }, now)).toBe('scheduled');
    expect(holdBack({ draft: false, date: new Date('2025-05-01') }, now)).toBeUndefined();
  });
});

describe('npm run new', () => {
  const schools = [
    { id: 'onny-vale-school', name: 'Onny Vale School', aliases: ['Onny Vale'] },
    { id: 'send', name: 'SEND and ALN' },
  ];
  it.each(['Onny Vale School', 'onny vale', 'ONNY-VALE-SCHOOL', '“Onny Vale School”'])('resolves %s', (input) => {
    expect(resolveChoice(input, schools)?.id).toBe('onny-vale-school');
  });
  it('resolves an id in capitals and refuses what is not there', () => {
    expect(resolveChoice('SEND', schools)?.id).toBe('send');
    expect(resolveChoice('Oak', schools)).toBeUndefined();
  });
  it('answers flag slips in one line', () => {
    expect(flagHelp("Unknown option '--autor'", ['--autor'])).toMatch(
      /^--autor is not an option \(did you mean "--author"\?\)\. Usage/,
    );
    expect(
      flagHelp("Unexpected argument 'yes'. This command does not take positional arguments", ['--draft', 'yes']),
    ).toMatch(/^--draft and --ready take no value/);
    expect(flagHelp("Unexpected argument 'Seven rules'.", ['Seven rules'])).toMatch(/because "--" was missing/);
    expect(flagHelp("Option '--title <value>' argument missing", ['--title'])).toMatch(
      /^--title needs a value after it/,
    );
  });
  it('writes starter text the check recognises, for every kind', () => {
    for (const kind of ['reflection', 'case-study', 'rules-of-thumb'] as const) {
      const text = renderPost({ kind, title: 'T', date: '2025-01-01', authors: ['a'], topics: ['t'], draft: true });
      expect(placeholdersIn(text).length, kind).toBeGreaterThanOrEqual(2);
      expect(text).toContain('draft: true\n');
    }
  });
});

describe('pictures', () => {
  const dir = resolve('tests/.tmp/pictures');
  mkdirSync(dir, { recursive: true });
  const file = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  it('knows a picture from a renamed document', () => {
    expect(notAPicture(file('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).toBeUndefined();
    expect(notAPicture(file('b.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])))).toBeUndefined();
    expect(notAPicture(file('c.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toBeUndefined();
    expect(notAPicture(file('d.jpg', Buffer.from('%PDF-1.7')))).toBe('a PDF document');
    expect(notAPicture(file('e.jpg', Buffer.from('hello')))).toBe('not a picture');
  });
});

describe('the network model for writers', () => {
  const content = (posts: RawContent<string>['posts'], school = 'oak'): RawContent<string> => ({
    network: rawNetworkInfo,
    schools: [rawSchool('oak', []), rawSchool('elm', [], { colour: '#f2c94c' })],
    families: [{ id: 'trust', data: { name: 'Trust', kind: 'cluster', description: 'd', colour: '#f7c59f' } }],
    authors: [{ id: 'ann', data: { name: 'Ann', role: 'Head', school, bio: 'b', links: {} } }],
    topics: [{ id: 'reading', data: { name: 'Reading', description: 'd' } }],
    posts,
  });
  const context = { now: new Date('2026-01-31'), scope: { type: 'network' as const } };

  it('says nothing about pale colours of schools and families (shown as declared), and suggests family: for a family', () => {
    let issues: ContentIssue[] = [];
    try {
      buildNetwork(content([], 'trust'), { ...context, preview: false });
    } catch (error) {
      issues = (error as ContentError).issues;
    }
    expect(issues.map((issue) => [issue.file, issue.code, issue.message])).toEqual([
      [
        'authors/ann.yaml',
        'unknown-reference',
        '"trust" is a family, not a school: write family: trust instead of school: trust',
      ],
    ]);
  });

  it('in a preview, sets aside the posts with mistakes and keeps the rest', () => {
    const raw = content([
      rawPost('oak/good', '2025-01-01'),
      rawPost('oak/bad', '2025-01-01', { authors: ['anne'] }),
      { ...rawPost('oak/unreadable', '2025-01-01'), data: { brokenBy: 'title: Required' } as never },
    ]);
    const { network } = buildNetwork(raw, { ...context, preview: true });
    expect(network.posts.map((post) => post.id)).toEqual(['oak/good']);
    expect(network.broken.map((post) => [post.id, post.issues.map((issue) => issue.code)])).toEqual([
      ['oak/unreadable', ['unreadable']],
      ['oak/bad', ['unknown-reference']],
    ]);
    expect(() => buildNetwork(raw, { ...context, preview: false })).toThrow(ContentError);
  });

  it('dates a post by the day written in its file, whatever time zone the YAML reader applied', () => {
    const raw = content([{ ...rawPost('oak/late', '2025-06-19T23:30:00Z'), filePath: 'posts/oak/late.md' }]);
    const source = '---\ntitle: Late\ndate: 2025-06-20T00:30:00+01:00\n---\n';
    const { network } = buildNetwork(raw, { ...context, preview: false, readSource: () => source });
    expect(network.posts[0]?.date.toISOString()).toBe('2025-06-20T00:30:00.000Z');
  });
});
