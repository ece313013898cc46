import { existsSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { astroStore, build, cleanTwin, expectSameSite, filesIn, newSite, touchContent, type Site } from './harness.ts';

/** Cuts a file to half its length, in place, as a full disk or a killed writer would. */
const cutShort = (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2));

/** Changes one byte in the middle of a file, in place, as a bad sector would. */
function flipByte(file: string): void {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x20;
  writeFileSync(file, bytes);
}

const one = (files: string[], what: string) => {
  expect(files.length, `no ${what} to damage`).toBeGreaterThan(0);
  return files[0]!;
};

interface Damage {
  name: string;
  damage: (site: Site) => void;
  /** The build's report of it, or undefined for caches Astro checks itself. */
  reported?: RegExp;
}

const damages: Damage[] = [
  {
    name: 'a card, cut short',
    damage: (site) => cutShort(one(filesIn(join(site.caches.cards, 'png'), /\.png$/), 'card')),
    reported: /\[cards\] 1 damaged card cache entry was ignored and made again: \w+\.png \(cut short\)/,
  },
  {
    name: 'the card records',
    damage: (site) => cutShort(one(filesIn(site.caches.cards, /^manifest-\w+\.jsonl$/), 'card record')),
    reported: /The card records \S+ were damaged \(\d+ bytes where \d+ were written\): every page is rendered again/,
  },
  {
    name: 'a compiled MDX file',
    damage: (site) => flipByte(one(filesIn(join(astroStore(site), 'commonroom-mdx'), /\.json$/), 'MDX entry')),
    reported: /1 damaged compiled MDX entry was ignored and made again: \w+\.json \(contents do not match their hash\)/,
  },
  {
    name: 'a file of the search index',
    damage: (site) => flipByte(one(filesIn(site.caches.search, /pagefind-entry\.json$/), 'search file')),
    reported:
      /1 damaged search index cache entry was ignored and made again: pagefind \(pagefind-entry\.json does not match its hash\)/,
  },
  {
    name: 'the search cache’s key',
    damage: (site) => cutShort(one(filesIn(site.caches.search, /key\.json$/), 'search key')),
    reported: /1 damaged search index cache entry was ignored and made again: key\.json/,
  },
  {
    name: 'Astro’s content store and record of pages',
    damage: (site) => {
      cutShort(join(astroStore(site), 'data-store.json'));
      cutShort(join(astroStore(site), 'incremental-build.json'));
    },
  },
  {
    name: 'the build journal',
    damage: (site) => flipByte(join(site.caches.astro, 'commonroom-build.json')),
    reported:
      /^The record of the last build, \S+commonroom-build\.json, was damaged \(.+\), so every page is rendered again\.$/,
  },
];

describe('a damaged cache entry', () => {
  let site: Site;
  let clean: string;

  beforeAll(
    () =>
      withBuildLock(async () => {
        site = newSite();
        const twin = cleanTwin(site);
        await build(twin);
        clean = twin.out;
        await build(site);
        await build(site);
      }),
    600_000,
  );

  it.each(damages)(
    'is never trusted: after damage to $name, the next build equals a clean one and says so once',
    { timeout: 600_000 },
    ({ name, damage, reported }) =>
      withBuildLock(async () => {
        damage(site);
        // Caches share no file with the live site, so damaging one leaves the site as it was.
        expectSameSite(site.out, clean, `the live site once ${name} was damaged`);
        touchContent(site);
        const log = await build(site);
        const reports = log.split('\n').filter((line) => /damaged/.test(line));
        if (reported) {
          expect(reports.length, log).toBe(1);
          expect(reports[0]).toMatch(reported);
        } else expect(reports, log).toEqual([]);
        expectSameSite(site.out, clean, `the build after ${name} was damaged`);
        expectSameSite(`${site.out}.previous`, clean, `the previous site after ${name} was damaged`);
      }),
  );

  it(
    'is not read while the live site has its card, and is reported and drawn again once a build needs it',
    { timeout: 600_000 },
    () =>
      withBuildLock(async () => {
        const card = join(site.out, 'cards/schools/oak-primary/reading-rules.png');
        const bytes = readFileSync(card);
        const drawing = filesIn(join(site.caches.cards, 'png'), /\.png$/).find((file) =>
          readFileSync(file).equals(bytes),
        );
        expect(drawing, 'the card’s drawing in the cache').toBeDefined();
        flipByte(drawing!);
        touchContent(site);
        const untouched = await build(site);
        expect(
          untouched.split('\n').filter((line) => /damaged/.test(line)),
          untouched,
        ).toEqual([]);
        expectSameSite(site.out, clean, 'the build after a drawing it did not need was damaged');
        rmSync(card);
        const needed = await build(site);
        const reports = needed.split('\n').filter((line) => /damaged/.test(line));
        expect(reports, needed).toHaveLength(1);
        expect(reports[0]).toMatch(
          /\[cards\] 1 damaged card cache entry was ignored and made again: \w+\.png \(a chunk does not match its checksum\)/,
        );
        expectSameSite(site.out, clean, 'the build that needed the damaged drawing');
      }),
  );

  it(
    'is not read by a build with nothing to do, which leaves the site as it is and says so',
    { timeout: 600_000 },
    () =>
      withBuildLock(async () => {
        const page = join(site.out, 'index.html');
        const written = statSync(page).mtimeMs;
        const log = await build(site);
        expect(log).toMatch(
          /^Nothing has changed since the last build \(content, code and settings are the same\), so \S*dist is up to date\./m,
        );
        expect(log).not.toMatch(/Syncing content|damaged/);
        expect(statSync(page).mtimeMs).toBe(written);
        expectSameSite(site.out, clean, 'the site after a build with nothing to do');
      }),
  );

  it('is rebuilt when a file of the live site was removed by hand', { timeout: 600_000 }, () =>
    withBuildLock(async () => {
      const page = join(site.out, 'index.html');
      rmSync(page);
      const log = await build(site);
      expect(log).toMatch(/Syncing content/);
      // Unchanged post pages are copied from the live site, not rendered again.
      expect(log).toMatch(/─ \/schools\/[^/]+\/[^/]+\/index\.html \(cached\)/);
      expect(existsSync(page)).toBe(true);
      expectSameSite(site.out, clean, 'the site after a page was removed by hand');
    }),
  );

  it('leaves no temporary file behind in the caches', () => {
    const leftovers = [site.caches.cards, site.caches.search, site.caches.astro].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tmp')),
    );
    expect(leftovers).toEqual([]);
  });
});
