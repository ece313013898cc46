import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, withBuildLock } from '../helpers/build.ts';
import { build, cleanTwin, expectSameSite, newSite, setVersion, startBuild, type Site } from './harness.ts';

/**
 * The output folder on a small disk of its own (a tmpfs, which needs root, as CI and the development
 * machines run), filled up until the next build cannot fit beside the live site.
 */
describe('a build that runs out of disk', () => {
  let site: Site;
  let clean: Record<'A' | 'B', string>;
  let disk = '';
  let mounted = false;

  beforeAll(
    () =>
      withBuildLock(async () => {
        site = newSite();
        disk = join(tempDir('faults-disk'), 'disk');
        mkdirSync(disk);
        mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', disk]).status === 0;
        if (!mounted) return;
        site.out = join(disk, 'dist');
        clean = { A: '', B: '' };
        for (const version of ['B', 'A'] as const) {
          setVersion(site, version);
          // On the same file system: Pagefind's file names follow the order the folder lists pages in.
          const twin = { ...cleanTwin(site), out: join(disk, `clean-${version}`) };
          await build(twin);
          clean[version] = twin.out;
        }
        await build(site);
      }),
    600_000,
  );

  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
  });

  it(
    'leaves the live site as it was, says so in one line, and the next build succeeds',
    { timeout: 600_000 },
    (context) =>
      withBuildLock(async () => {
        if (!mounted) return context.skip('mounting a tmpfs needs root');
        const filler = join(disk, 'filler');
        const { bavail, bsize } = statfsSync(disk);
        writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 300 * 1024)));
        setVersion(site, 'B');
        const { code, log } = await startBuild(site).exited;
        expect(code, log).not.toBe(0);
        expect(log).toMatch(
          /^The build (failed|could not prepare \S+: there is no space left on the disk \(ENOSPC\)); \S*dist was left as it was\.$/m,
        );
        expectSameSite(site.out, clean.A, 'the live site after running out of disk');

        rmSync(filler);
        await build(site);
        // A tmpfs lists a folder in the order its files were made, and Pagefind names its files after the
        // order it reads pages in, so only what the search index holds can be compared here.
        expectSameSite(site.out, clean.B, 'the build once there was room again', /^pagefind\//);
        const pages = (dir: string) => {
          const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          return Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]);
        };
        expect(pages(site.out)).toEqual(pages(clean.B));
      }),
  );
});
