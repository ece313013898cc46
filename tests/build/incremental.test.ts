import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyFixture, tempDir } from '../helpers/build.ts';
import { listFiles } from '../helpers/html.ts';

// Pagefind's index file names carry hashes of build order, so its folder is compared by the search tests instead.
const compared = (dir: string) => listFiles(dir).filter((file) => !file.startsWith('pagefind/'));

/** Post pages and feeds the build rendered, from Astro's log (pages copied from the last build are not listed). */
const renderedPages = (stdout: string) =>
  [...stdout.matchAll(/[├└]─ (\/\S+)(.*)$/gm)]
    .filter((m) => !/\((cached|restored)\)/.test(m[2]!))
    .map((m) => m[1]!.replace(/\/$/, ''))
    .filter((path) => /^\/(schools|families)\/[^/]+\/[^/]+\/index\.html$|^\/feeds\/.+\.(xml|json)$/.test(path));

/** Pages of paginated listings: a school's, family's, author's, topic's, kind's or year's posts, and all posts. */
const listing = /^(?:(?:schools|families|authors|topics|kinds)\/[^/]+|archive\/\d{4}|posts)\/(?:\d+\/)?index\.html$/;

/** Listing pages the build rendered, from Astro's log, as output files. */
const renderedListings = (stdout: string) =>
  [...stdout.matchAll(/[├└]─ \/(\S+)(.*)$/gm)]
    .filter((m) => !/\((cached|restored)\)/.test(m[2]!))
    .map((m) => m[1]!)
    .filter((path) => listing.test(path));

function expectSameOutput(actual: string, expected: string) {
  expect(compared(actual)).toEqual(compared(expected));
  const differing = compared(expected).filter(
    (file) => !readFileSync(join(actual, file)).equals(readFileSync(join(expected, file))),
  );
  expect(differing).toEqual([]);
}

describe('incremental builds', () => {
  let content: string;
  let cache: string;
  let out: string;
  // A site is rebuilt into the same folder with the same cache, as `npm run build` does into dist/.
  const build = (astroCache = cache, dir = out) =>
    buildSite({ content, env: { COMMONROOM_CACHE_DIR: astroCache }, out: dir });
  const snapshot = (dir: string) => {
    const copy = join(tempDir('snapshot'), 'out');
    cpSync(dir, copy, { recursive: true });
    return copy;
  };

  beforeAll(() => {
    content = copyFixture('network');
    cache = tempDir('astro-cache');
    out = join(tempDir('dist'), 'out');
  });

  it('copies unchanged pages from the last build and gives the same output as a full build', async () => {
    const first = await build();
    const firstOutput = snapshot(first.dir);
    const second = await build();
    expect(renderedPages(first.stdout).length).toBeGreaterThan(20);
    expect(renderedPages(second.stdout)).toEqual([]);
    expect(second.stdout).toMatch(/\[cards\] 0 rendered/);
    expect(first.stdout).toMatch(/\[commonroom:mdx-cache\] 0 of 2 MDX files reused, 2 compiled/);
    expect(second.stdout).toMatch(/\[commonroom:mdx-cache\] 2 of 2 MDX files reused, 0 compiled/);
    expect(second.stdout).not.toMatch(/keep-output\] removed/);
    expect(second.stdout).toMatch(/Reused the index of 6 of/);
    expectSameOutput(second.dir, firstOutput);
  });

  it('after an edit, re-renders what shows the edited post and matches a full build of the new content', async () => {
    const file = join(content, 'posts/oak-primary/reading-rules.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'title: Seven rules for reading aloud',
        'title: Eight rules for reading aloud',
      ),
    );
    const incremental = await build();
    expect(incremental.stdout).toMatch(/pagefind\] Indexed 6 of/);
    const full = await build(tempDir('astro-cache'), join(tempDir('dist'), 'out'));
    expectSameOutput(incremental.dir, full.dir);
    const related = readFileSync(join(incremental.dir, 'schools/oak-primary/phonics-every-day/index.html'), 'utf8');
    expect(related).toContain('Eight rules for reading aloud');
    expect(readFileSync(join(incremental.dir, 'feeds/atom.xml'), 'utf8')).toContain('Eight rules for reading aloud');
    // Exactly the post pages and feeds that show the edited post were rendered again.
    const showing = compared(full.dir)
      .filter((file) => /^(schools|families)\/[^/]+\/[^/]+\/index\.html$|^feeds\//.test(file))
      .filter((file) => readFileSync(join(full.dir, file), 'utf8').includes('Eight rules for reading aloud'))
      .map((file) => `/${file}`);
    expect(renderedPages(incremental.stdout).sort()).toEqual(showing.sort());
  });

  it('compiles an edited MDX post again and reuses the rest, matching a full build', async () => {
    const file = join(content, 'posts/elm-academy/mentoring-ects.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('They stayed.', 'They stayed, and two now mentor "others".'),
    );
    const incremental = await build();
    expect(incremental.stdout).toMatch(/\[commonroom:mdx-cache\] 1 of 2 MDX files reused, 1 compiled/);
    const page = readFileSync(join(incremental.dir, 'schools/elm-academy/mentoring-ects/index.html'), 'utf8');
    expect(page).toContain('They stayed, and two now mentor “others”.');
    const full = await build(tempDir('astro-cache'), join(tempDir('dist'), 'out'));
    expectSameOutput(incremental.dir, full.dir);
    // Only the words changed, so of the listings only those that show the post were rendered again.
    const listings = compared(full.dir).filter((file) => listing.test(file));
    const showing = listings.filter((file) =>
      readFileSync(join(full.dir, file), 'utf8').includes('href="/schools/elm-academy/mentoring-ects/"'),
    );
    expect(showing.length).toBeGreaterThan(2);
    expect(listings.length).toBeGreaterThan(showing.length + 5);
    expect(renderedListings(incremental.stdout).sort()).toEqual(showing.sort());
  });

  it('keeps the output folder between builds but removes what the new build no longer makes', async () => {
    rmSync(join(content, 'posts/elm-academy/leading-change.md'));
    const incremental = await build();
    expect(incremental.stdout).toMatch(/\[commonroom:keep-output\] removed \d+ files of the last build/);
    expect(existsSync(join(incremental.dir, 'schools/elm-academy/leading-change/index.html'))).toBe(false);
    expect(listFiles(incremental.dir).filter((file) => file.includes('leading-change'))).toEqual([]);
    const full = await build(tempDir('astro-cache'), join(tempDir('dist'), 'out'));
    expectSameOutput(incremental.dir, full.dir);
    // The new index was written over the last one (`seedFromCache`): what the post took with it is gone.
    const index = listFiles(join(incremental.dir, 'pagefind'));
    expect(index).toEqual(listFiles(join(full.dir, 'pagefind')));
    for (const file of index)
      expect(readFileSync(join(incremental.dir, 'pagefind', file)), file).toEqual(
        readFileSync(join(full.dir, 'pagefind', file)),
      );
  });

  it('empties the output folder when another configuration built into it last', async () => {
    const other = await buildSite({
      content,
      env: { COMMONROOM_CACHE_DIR: tempDir('astro-cache'), COMMONROOM_BASE: '/sub/' },
      out,
    });
    expect(readFileSync(join(other.dir, 'index.html'), 'utf8')).toContain('href="/sub/');
    const again = await build();
    const full = await build(tempDir('astro-cache'), join(tempDir('dist'), 'out'));
    expectSameOutput(again.dir, full.dir);
  });
});
