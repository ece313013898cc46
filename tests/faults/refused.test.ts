import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build.ts';
import { build, cleanTwin, digest, expectSameSite, newSite, startBuild } from './harness.ts';

/** Pages Astro rendered rather than copied from the last build, from its log. */
const rendered = (log: string) => [...log.matchAll(/[├└]─ (\/\S+)(.*)$/gm)].filter((m) => !/\(cached\)/.test(m[2]!));

describe('a build whose content the check refuses', () => {
  it(
    'shows the check’s message alone, leaves the site as it was, and leaves the next build incremental',
    { timeout: 600_000 },
    // Other tests hold the build lock as a dev server would, which stops any build started meanwhile.
    () =>
      withBuildLock(async () => {
        const site = newSite();
        await build(site);
        const before = digest(site.out);

        const bad = join(site.content, 'posts/oak-primary/bad.md');
        writeFileSync(
          bad,
          '---\ntitle: Bad\ndescription: A post by an author the network does not have.\ndate: 2025-03-01\n' +
            'authors: [ann-haed]\nkind: reflection\ntopics: [reading]\n---\n\nText.\n',
        );
        const refused = await startBuild(site).exited;
        expect(refused.code).toBe(1);
        expect(refused.log).toContain('"ann-haed" is not an author');
        expect(refused.log).toContain('The build stopped before writing anything.');
        expect(refused.log).not.toMatch(/\[content\]|\[build\]|\[vite\]|[├└]─/);
        expect(digest(site.out)).toEqual(before);
        expect(existsSync(`${site.out}.staging`)).toBe(false);

        rmSync(bad);
        const edited = join(site.content, 'posts/elm-academy/leading-change.md');
        writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more sentence.\n`);
        const log = await build(site);
        expect(log).not.toMatch(/did not finish|rendered again/);
        const pages = [...log.matchAll(/[├└]─ /g)].length;
        expect(rendered(log).length).toBeGreaterThan(0);
        expect(rendered(log).length).toBeLessThan(pages / 2);
        const twin = cleanTwin(site);
        await build(twin);
        expectSameSite(site.out, twin.out, 'after a refused build and an edit', /^pagefind\//);
      }),
  );
});
