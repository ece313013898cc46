import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestFile, RECORDS_KEPT_DAYS } from '../../src/lib/cards/cache.ts';
import { buildSite, copyFixture, tempDir, type BuildResult } from '../helpers/build.ts';
import { htmlFiles, page } from '../helpers/html.ts';

const site = 'https://fixture.example.org';

/** `[cards] N rendered, M reused` from a build's log. */
function cardStats({ stdout, stderr }: BuildResult) {
  const match = /\[cards\] (\d+) rendered, (\d+) reused/.exec(stdout + stderr);
  if (!match) throw new Error(`No [cards] line in the build log:\n${stdout}\n${stderr}`);
  return { rendered: Number(match[1]), reused: Number(match[2]) };
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const meta = (html: ReturnType<typeof page>, key: string) =>
  html.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`).map((el) => el.getAttribute('content'));

describe('social cards', () => {
  let content: string;
  let cache: string;
  let first: BuildResult;
  let second: BuildResult;
  let pages: string[];
  const edited = 'posts/elm-academy/leading-change.md';

  beforeAll(async () => {
    content = copyFixture('network');
    cache = tempDir('card-cache');
    first = await buildSite({ content, env: { COMMONROOM_CARDS_CACHE: cache } });
    second = await buildSite({ content, env: { COMMONROOM_CARDS_CACHE: cache } });
    pages = htmlFiles(first.dir);
  });

  it('gives every HTML page an absolute og:image that is a 1200×630 PNG in the output', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = page(first.dir, `/${file.replace(/index\.html$/, '')}`);
      const [image] = meta(html, 'og:image');
      expect(image, file).toMatch(new RegExp(`^${site}/cards/.+\\.png$`));
      expect(meta(html, 'twitter:image'), file).toEqual([image]);
      expect(pngSize(join(first.dir, image!.slice(site.length))), file).toEqual({ width: 1200, height: 630 });
      expect(meta(html, 'og:image:width'), file).toEqual(['1200']);
      expect(meta(html, 'og:image:height'), file).toEqual(['630']);
      expect(meta(html, 'og:image:alt')[0], file).toBeTruthy();
      for (const key of ['og:title', 'og:description', 'og:site_name', 'og:locale', 'og:type'])
        expect(meta(html, key)[0], `${file} ${key}`).toBeTruthy();
      expect(meta(html, 'og:url')[0], file).toMatch(new RegExp(`^${site}/`));
      expect(meta(html, 'twitter:card'), file).toEqual(['summary_large_image']);
    }
  });

  it('marks posts as articles with their dates, authors and section', () => {
    const html = page(first.dir, '/schools/ysgol-derw/darllen-gyda-n-gilydd/');
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:locale')).toEqual(['cy_GB']);
    expect(meta(html, 'article:published_time')).toEqual(['2025-09-30T00:00:00.000Z']);
    expect(meta(html, 'article:author')).toEqual([`${site}/authors/carys-pennaeth/`]);
    expect(meta(html, 'article:section')).toEqual(['Myfyrdod']);
    expect(meta(html, 'og:image:alt')[0]).toContain('Darllen gyda');
    expect(meta(page(first.dir, '/schools/'), 'og:type')).toEqual(['website']);
  });

  it('draws every card on a cold build and none on a rebuild with nothing changed', () => {
    expect(cardStats(first)).toEqual({ rendered: pages.length, reused: 0 });
    expect(cardStats(second)).toEqual({ rendered: 0, reused: pages.length });
  });

  it('draws again only the cards whose inputs changed', async () => {
    const file = join(content, edited);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Leading change when everyone is tired (revised)'),
    );
    const card = 'cards/schools/elm-academy/leading-change.png';
    const before = readFileSync(join(second.dir, card));
    const drawingsBefore = new Set(readdirSync(join(cache, 'png')));
    // The first build's folder counts as abandoned, so only this build's own records keep drawings.
    const longAgo = new Date(Date.now() - (RECORDS_KEPT_DAYS + 1) * 24 * 60 * 60 * 1000);
    utimesSync(manifestFile(cache, first.dir), longAgo, longAgo);
    const third = await buildSite({ content, out: second.dir, env: { COMMONROOM_CARDS_CACHE: cache } });
    expect(cardStats(third)).toEqual({ rendered: 1, reused: pages.length - 1 });
    expect(readFileSync(join(third.dir, card)).equals(before)).toBe(false);
    // The old title's drawing is deleted: the cache holds what recent builds use, no more.
    const drawingsAfter = new Set(readdirSync(join(cache, 'png')));
    expect([...drawingsBefore].filter((name) => !drawingsAfter.has(name))).toHaveLength(1);
    expect([...drawingsAfter].filter((name) => !drawingsBefore.has(name))).toHaveLength(1);
    expect(drawingsAfter.size).toBe(drawingsBefore.size);
    expect(third.stdout + third.stderr).toContain('deleted 1 unused drawing from the cache');
  });

  it('serves cards from a school’s own site under a sub-path', async () => {
    const scoped = await buildSite({
      content,
      env: { COMMONROOM_CARDS_CACHE: cache, COMMONROOM_BASE: '/commonroom/', COMMONROOM_SCOPE: 'school:elm-academy' },
    });
    const origin = 'https://elm.example.sch.uk';
    const files = htmlFiles(scoped.dir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const html = page(scoped.dir, `/${file.replace(/index\.html$/, '')}`);
      const [image] = meta(html, 'og:image');
      expect(image, file).toMatch(new RegExp(`^${origin}/commonroom/cards/.+\\.png$`));
      expect(pngSize(join(scoped.dir, image!.slice(`${origin}/commonroom`.length))), file).toEqual({
        width: 1200,
        height: 630,
      });
    }
    const home = page(scoped.dir, '/');
    expect(meta(home, 'og:image')).toEqual([`${origin}/commonroom/cards/index.png`]);
  });
});
