import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import {
  astroProcess,
  build,
  cleanTwin,
  expectSameSite,
  isAlive,
  newSite,
  setVersion,
  startBuild,
  waitFor,
  writtenSince,
  type RunningBuild,
  type Site,
} from './harness.ts';

/**
 * A moment in a build, from the first step to the last, told by its log or by what it has written so far.
 * Each is a moment a real build is killed at: out of memory, a CI timeout, Ctrl-C, a power cut.
 */
interface KillPoint {
  name: string;
  reached: (run: RunningBuild, site: Site, started: number) => boolean;
  /** Which processes die: the whole group (Ctrl-C, a CI timeout), only the build script, or only Astro (the OOM killer). */
  kill: 'group' | 'script' | 'astro';
}

const staging = (site: Site) => `${site.out}.staging`;
const logged = (pattern: RegExp) => (run: RunningBuild) => pattern.test(run.log());

const points: KillPoint[] = [
  { name: 'content sync', reached: logged(/\[content\] Syncing content/), kill: 'group' },
  { name: 'bundling', reached: logged(/Building static entrypoints/), kill: 'group' },
  { name: 'the first pages', reached: logged(/├─ \/about\/index\.html/), kill: 'group' },
  { name: 'the feeds, killing only the build script', reached: logged(/├─ \/feeds\/atom\.xml/), kill: 'script' },
  { name: 'the pages, killing only Astro', reached: logged(/├─ \/authors\/index\.html/), kill: 'astro' },
  { name: 'the cards', reached: (_, site) => existsSync(join(staging(site), 'cards')), kill: 'group' },
  {
    name: 'the search index',
    reached: (_, site) => existsSync(join(staging(site), 'pagefind/pagefind-entry.json')),
    kill: 'group',
  },
  {
    name: 'the last search file (the search cache saved)',
    reached: (_, site, started) => searchKeyFiles(site).some((file) => writtenSince(file, started)),
    kill: 'group',
  },
];

/** The search cache's `key.json` files, each written once the index has been copied into the cache. */
function searchKeyFiles(site: Site): string[] {
  try {
    return readdirSync(site.caches.search).map((dir) => join(site.caches.search, dir, 'key.json'));
  } catch {
    return [];
  }
}

describe('a build killed at any moment', () => {
  let site: Site;
  const clean: Partial<Record<Site['version'], string>> = {};

  beforeAll(async () => {
    site = newSite();
    await withBuildLock(async () => {
      for (const version of ['B', 'A'] as const) {
        setVersion(site, version);
        const twin = cleanTwin(site);
        await build(twin);
        clean[version] = twin.out;
      }
      await build(site);
    });
    expectSameSite(site.out, clean.A!, 'the first build');
  }, 600_000);

  it.each(points)(
    'killed during $name, leaves the last good site in place, and the next build equals a clean one',
    { timeout: 600_000 },
    (point) =>
      withBuildLock(async () => {
        const live = site.version;
        const next = live === 'A' ? 'B' : 'A';
        setVersion(site, next);
        const started = Date.now();
        const run = startBuild(site);
        const reached = await waitFor(() => point.reached(run, site, started));
        expect(reached, `the build never reached ${point.name}:\n${run.log()}`).toBe(true);
        const astro = astroProcess();
        if (point.kill === 'group') process.kill(-run.pid, 'SIGKILL');
        if (point.kill === 'script') process.kill(run.pid, 'SIGKILL');
        if (point.kill === 'astro') process.kill(astro!, 'SIGKILL');
        const { code, signal, log } = await run.exited;
        expect(code === 0, `the build finished before it was killed:\n${log}`).toBe(false);
        if (point.kill === 'astro') {
          // The build script saw Astro die and says, in one line, that nothing changed.
          expect(signal).toBe(null);
          expect(log).toMatch(/The build failed; .*dist was left as it was\./);
        }
        // Astro must not write on once the script that would finish its build has gone.
        expect(await waitFor(() => astro === undefined || !isAlive(astro), 10_000), 'Astro outlived its build').toBe(
          true,
        );
        expectSameSite(site.out, clean[live]!, `after the kill during ${point.name}`);

        const after = await build(site);
        expectSameSite(site.out, clean[next]!, `the build after the kill during ${point.name}`);
        expectSameSite(`${site.out}.previous`, clean[live]!, `the kept previous site after ${point.name}`);
        expect(after).not.toMatch(/damaged/);
      }),
  );

  it('puts the previous site back with npm run rollback, and back again', { timeout: 120_000 }, () =>
    withBuildLock(async () => {
      if (!existsSync(`${site.out}.previous`)) {
        setVersion(site, site.version === 'A' ? 'B' : 'A');
        await build(site);
      }
      const live = site.version;
      const previous = live === 'A' ? 'B' : 'A';
      const first = await startBuild(site, 'scripts/rollback.ts').exited;
      expect(first.code, first.log).toBe(0);
      expect(first.log).toMatch(/^Rolled back: \S*dist now holds the site that was in \S*dist\.previous, and /m);
      expectSameSite(site.out, clean[previous]!, 'after a roll-back');
      expectSameSite(`${site.out}.previous`, clean[live]!, 'the site rolled back from');
      const again = await startBuild(site, 'scripts/rollback.ts').exited;
      expect(again.code, again.log).toBe(0);
      expectSameSite(site.out, clean[live]!, 'after rolling back twice');
      // A build after a roll-back cannot trust Astro's record of the rolled-back site, and still equals a clean one.
      await build(site);
      expectSameSite(site.out, clean[live]!, 'a build after the roll-backs');
      expect(readFileSync(join(site.out, 'index.html'), 'utf8')).toContain('<html');
    }),
  );
});
