import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/content-issue.ts';
import { withBuildLock } from '../helpers/build.ts';
import { page } from '../helpers/html.ts';
import { inlineCases } from '../unit/corpus-cases.ts';
import { expectedOf } from '../unit/corpus.ts';
import { isPlainMdx } from '../../src/lib/plain-mdx.ts';

const TMP = resolve('tests/.tmp/writers-accepted');
const NOW = '2025-07-01';
/** The fixture network's own MDX posts, beside the cases laid over it. */
const fixtureMdx = ['posts/elm-academy/mentoring-ects.mdx', 'posts/oak-primary/phonics-every-day.mdx'];

/**
 * Check and build agree: every inline corpus case the check accepts (no errors, perhaps warnings) is laid over
 * the fixture network at once, each post under its case's name, and `npm run build` must build them all,
 * publishing exactly what the check lists as neither draft nor scheduled, and showing each as written.
 */
describe('inputs the check accepts, the build builds', () => {
  const accepted = inlineCases.filter((inline) =>
    expectedOf(inline.name).every((issue: ContentIssue) => issue.severity === 'warning'),
  );
  const used = new Set<string>();
  const laid: { name: string; post?: string }[] = [];
  let out = '';
  let status: number | null = null;
  let dist = '';

  beforeAll(async () => {
    rmSync(TMP, { recursive: true, force: true });
    const content = join(TMP, 'content');
    mkdirSync(content, { recursive: true });
    cpSync(resolve('tests/fixtures/network'), content, { recursive: true });
    for (const inline of accepted) {
      const files = Object.entries(inline.files ?? {}).map(
        ([path, text]) => [path.replace(/\/case(\.mdx?)$/, `/${inline.name}$1`), text] as const,
      );
      // Two cases that both rewrite one school file cannot both be laid down: the first is kept.
      if (files.some(([path]) => used.has(path)) || inline.links) continue;
      for (const [path, text] of files) {
        used.add(path);
        mkdirSync(dirname(join(content, path)), { recursive: true });
        writeFileSync(join(content, path), text);
      }
      const post = files.find(([path]) => /^posts\/.*\.mdx?$/.test(path))?.[0];
      laid.push({ name: inline.name, ...(post ? { post } : {}) });
    }
    // A school whose colour the model warns about: the build prints that warning once, as the check does.
    writeFileSync(
      join(content, 'schools/pale-primary.yaml'),
      'name: Pale Primary\nphase: primary\ntown: Clun\nregion: Shropshire\ncolour: "#f2c94c"\n',
    );
    dist = join(TMP, 'dist');
    ({ status, out } = await withBuildLock(
      () =>
        new Promise<{ status: number | null; out: string }>((done, reject) => {
          const child = spawn('npm', ['run', '--silent', 'build'], {
            env: {
              ...process.env,
              COMMONROOM_NOW: NOW,
              COMMONROOM_CONTENT: content,
              COMMONROOM_OUT: dist,
              NO_COLOR: '1',
            },
          });
          let text = '';
          child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
          child.on('error', reject);
          child.on('close', (code) => done({ status: code, out: text }));
        }),
    ));
  }, 600_000);

  it('lays down at least 20 accepted cases', () => {
    expect(laid.length).toBeGreaterThanOrEqual(20);
  });

  it('builds them all, with no stack trace', () => {
    expect(status, out).toBe(0);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('publishes every post the check does not hold back, and none it does', () => {
    const heldBack = new Set(['draft-quoted-true-accepted', 'placeholder-draft', 'date-far-future']);
    for (const { name, post } of laid) {
      if (!post) continue;
      const built = existsSync(join(dist, 'schools/oak-primary', name, 'index.html'));
      expect(built, name).toBe(!heldBack.has(name));
    }
  });

  it('prints each warning once', () => {
    for (const line of [
      'posts/oak-primary/topic-twice.md:7 topics[2]: warning: "reading" is listed twice: keep one',
      'posts/oak-primary/tag-twice.md:8 tags[2]: warning: "phonics" is listed twice: keep one',
    ]) {
      expect(out.split(line).length - 1, out).toBe(1);
    }
  });

  it('bundles only the MDX posts that need MDX, and renders plain ones as Markdown', async () => {
    const mdxPosts = [...laid.flatMap(({ post }) => (post?.endsWith('.mdx') ? [post] : [])), ...fixtureMdx];
    const needMdx: string[] = [];
    for (const post of mdxPosts) {
      const text = readFileSync(join(TMP, 'content', post), 'utf8');
      if (!(await isPlainMdx(text.replace(/^[\s\S]*?\n---\n/, '')))) needMdx.push(post);
    }
    expect(needMdx).toContain('posts/oak-primary/iframe-youtube-nocookie-accepted.mdx');
    expect(needMdx.length).toBeLessThan(mdxPosts.length);
    // Only the MDX compiler's files are counted: drafts and scheduled posts are compiled too, as before.
    const compiled = /\[commonroom:mdx-cache\] \d+ of (\d+) MDX files reused/.exec(out)?.[1];
    expect(Number(compiled), out).toBe(needMdx.length);
    // A plain MDX post is still shown whole: the fixture case study's headings, with their anchors.
    const study = page(dist, '/schools/elm-academy/mentoring-ects/');
    expect(study.querySelectorAll('.prose h2').map((h) => h.getAttribute('id'))).toEqual([
      'the-problem',
      'what-we-did',
      'what-happened',
    ]);
  });

  it('shows a date with a time zone as the day written', () => {
    const time = page(dist, '/schools/oak-primary/date-with-offset-accepted/').querySelector('article time');
    expect(time?.getAttribute('datetime')).toMatch(/^2025-06-20/);
    expect(time?.text).toContain('20 June 2025');
  });

  it('keeps titles a "#" does not cut, and quoted true and false', () => {
    expect(page(dist, '/schools/oak-primary/hash-without-space-accepted/').querySelector('h1')?.text).toBe(
      'Year 6#proud and Year6#proud',
    );
    expect(existsSync(join(dist, 'schools/oak-primary/draft-quoted-false-accepted/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'schools/oak-primary/blank-line-before-front-matter-accepted/index.html'))).toBe(true);
  });

  it('keeps an allowed embed whole in MDX, allowfullscreen included', () => {
    const iframe = page(dist, '/schools/oak-primary/iframe-youtube-nocookie-accepted/').querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(iframe?.getAttribute('title')).toBe('Sports day highlights');
    expect(iframe?.hasAttribute('allowfullscreen')).toBe(true);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers).toContain(
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.google.com',
    );
  });

  it('shows "<" and "{" in plain Markdown as text, and MDX comments not at all', () => {
    const text = page(dist, '/schools/oak-primary/md-less-than-accepted/').querySelector('.prose')?.text ?? '';
    expect(text).toContain('Attendance was <50%. Dear {child name}, welcome.');
    const mdx = readFileSync(join(dist, 'schools/oak-primary/mdx-comment-accepted/index.html'), 'utf8');
    expect(mdx).not.toContain('Check the figures');
  });

  it('publishes a picture whose name has a space when it is written in angle brackets', () => {
    const img = page(dist, '/schools/oak-primary/image-space-in-angle-brackets-accepted/').querySelector('.prose img');
    expect(img?.getAttribute('alt')).toBe('Sports day');
    expect(img?.getAttribute('src')).toMatch(/^\/_astro\/sports%20day\./);
  });

  it('reads a short hex colour as the full one', () => {
    const school = readFileSync(join(dist, 'schools/oak-primary/index.html'), 'utf8');
    expect(school).toContain('#cc0033');
  });
});
