import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readingTime from 'reading-time';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { openBodyCache } from '../../src/lib/check/body-cache.ts';
import { parseYaml } from '../../src/lib/check/yaml.ts';
import { readSitemapPosts } from '../../src/lib/discovery/sitemap.ts';
import { readingMinutes } from '../../src/lib/reading-minutes.ts';
import { generateNetwork } from '../../tools/generate/network.ts';
import { tempDir } from '../helpers/build.ts';

const now = new Date('2026-11-01');

describe('readingMinutes', () => {
  it('counts exactly as reading-time does, CJK and odd spacing included', () => {
    const network = generateNetwork({ posts: 60, schools: 6, seed: 'reading' });
    const samples = [
      ...network.files.flatMap((file) => ('text' in file && file.path.startsWith('posts/') ? [file.text] : [])),
      '',
      '   ',
      'one',
      '\t\tword  \r\n  another\n',
      'word '.repeat(699),
      'word '.repeat(700),
      '日本語の文章です。これはテスト。 and some English words too',
      '한국어 문장입니다 '.repeat(150),
    ];
    for (const text of samples) expect(readingMinutes(text)).toBe(Math.max(1, Math.round(readingTime(text).minutes)));
  });
});

describe('the check’s body cache', () => {
  it('parses a post once, then only when it changes, and reports the same either way', async () => {
    const root = tempDir('check-cache');
    cpSync(join(import.meta.dirname, '../fixtures/network'), root, { recursive: true });
    const cache = join(tempDir('check-cache-file'), 'bodies.json');
    const uncached = await checkContent({ root, now, cache: false, cwd: root });
    const first = await checkContent({ root, now, cache, cwd: root });
    expect(existsSync(cache)).toBe(true);
    const stored = readFileSync(cache, 'utf8');
    const second = await checkContent({ root, now, cache, cwd: root });
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
    // Nothing new was parsed, so the file was left alone.
    expect(readFileSync(cache, 'utf8')).toBe(stored);

    // A broken image in one post is found on the next check: its body is parsed again.
    const post = findPost(root);
    expect(post).toBeDefined();
    writeFileSync(post!, `${readFileSync(post!, 'utf8')}\n\n![A chart](./missing-chart.png)\n`);
    const third = await checkContent({ root, now, cache, cwd: root });
    expect(third.issues.some((issue) => /missing-chart\.png/.test(issue.message))).toBe(true);
    expect(third).toEqual(await checkContent({ root, now, cache: false, cwd: root }));
  });

  it('reads a front matter once and gives back what parseYaml gives, problems and positions included', () => {
    const file = join(tempDir('check-cache-yaml'), 'bodies.json');
    const samples = [
      'title: Reading aloud\ndate: 2026-03-01\ntopics: [reading, oracy]\n',
      'title: Colour #1 of 3\ndescription: #hashtag\n',
      'title: A\n\tdate: 2026-03-01\n',
      'title: [unclosed\n',
      'title: Forever\nweight: .inf\n',
    ];
    const first = openBodyCache(file);
    for (const text of samples) expect(first.frontMatter(text, 2)).toEqual(parseYaml(text, 2));
    first.save();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { frontMatter: Record<string, unknown> };
    // Every reading is kept but the one JSON cannot hold (.inf).
    expect(Object.keys(saved.frontMatter)).toHaveLength(samples.length - 1);
    const again = openBodyCache(file);
    for (const text of samples) expect(again.frontMatter(text, 2)).toEqual(parseYaml(text, 2));
    // The same text further down a file has other line numbers, so it is read again.
    expect(again.frontMatter(samples[1]!, 5)).toEqual(parseYaml(samples[1]!, 5));
    expect(parseYaml(samples[1]!, 5)).not.toEqual(parseYaml(samples[1]!, 2));
  });

  it('keeps the rules of a rules-of-thumb post with its body', async () => {
    const file = join(tempDir('check-cache-rules'), 'bodies.json');
    const body = '\nIntro.\n\n1. **Start small.** Then grow.\n2. **Write it down.** Memory fades.\n';
    const first = await openBodyCache(file).facts(body, body, { mdx: false, rules: true });
    const cache = openBodyCache(file);
    expect(first.ok && first.rules.map((rule) => rule.title)).toEqual(['Start small', 'Write it down']);
    await cache.facts(body, body, { mdx: false, rules: true });
    cache.save();
    const reread = await openBodyCache(file).facts(body, body, { mdx: false, rules: true });
    expect(reread).toEqual(first);
  });
});

function findPost(root: string): string | undefined {
  const entry = readdirSync(join(root, 'posts'), { recursive: true, encoding: 'utf8' }).find((name) =>
    name.endsWith('.md'),
  );
  return entry && join(root, 'posts', entry);
}

describe('the sitemap’s reading of posts', () => {
  it('takes each front matter from the check’s cache, and reads a changed post afresh', async () => {
    const root = tempDir('sitemap-posts');
    cpSync(join(import.meta.dirname, '../fixtures/network'), root, { recursive: true });
    const cache = join(tempDir('sitemap-cache'), 'bodies.json');
    await checkContent({ root, now, cache, cwd: root });
    const fresh = readSitemapPosts(root);
    expect(fresh.length).toBeGreaterThan(3);
    expect(readSitemapPosts(root, cache)).toEqual(fresh);

    // A reading planted in the cache shows it is used rather than the YAML parsed again.
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as {
      frontMatter: Record<string, { data: { date: string } }>;
    };
    for (const reading of Object.values(saved.frontMatter)) reading.data.date = '2001-02-03';
    writeFileSync(cache, JSON.stringify(saved));
    expect(new Set(readSitemapPosts(root, cache).map((post) => post.date.toISOString().slice(0, 10)))).toEqual(
      new Set(['2001-02-03']),
    );

    const file = join(root, 'posts/oak-primary/reading-rules.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 2024-06-07'));
    const read = readSitemapPosts(root, cache).find((post) => post.slug === 'reading-rules');
    expect(read?.date.toISOString().slice(0, 10)).toBe('2024-06-07');
  });
});
