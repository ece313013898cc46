import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { astroStore, build, newSite } from './harness.ts';

describe('Astro caches of Markdown pipelines that are no longer used', () => {
  it(
    'are deleted by the build that puts its site in place, and nothing else in the cache is',
    { timeout: 600_000 },
    () =>
      withBuildLock(async () => {
        const site = newSite();
        // What Commonroom's code before an update leaves: a pipeline folder holding a copy of every page.
        const old = join(site.caches.astro, '0a1b2c3d4e');
        mkdirSync(join(old, 'pages'), { recursive: true });
        writeFileSync(join(old, 'data-store.json'), '{}');
        writeFileSync(join(old, 'pages', 'index.html'), '<p>an old copy</p>');
        const unrelated = join(site.caches.astro, 'notes');
        mkdirSync(unrelated);

        await build(site);
        expect(existsSync(old), `${old} is still there`).toBe(false);
        expect(existsSync(join(astroStore(site), 'incremental-build.json'))).toBe(true);
        expect(existsSync(join(site.caches.astro, 'commonroom-check'))).toBe(true);
        expect(existsSync(unrelated)).toBe(true);
      }),
  );
});
