import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { gateOpened } from '../lib/build-gates.ts';
import { ownerOf, ownersFile, writeOwner } from '../lib/build-state.ts';

export interface KeepOutputOptions {
  /** Top-level folders of the output that an integration fills and prunes itself (e.g. `cards`, `pagefind`). */
  owned: string[];
}

/** Removes empty folders under `dir` (not `dir` itself), leaving any git checkout alone. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}

/**
 * With incremental builds on, keeps the last build's output folder instead of emptying it, so the pages
 * Astro skips stay where they are instead of being deleted and copied back from its cache, which was
 * most of a warm rebuild's page time. Whatever this build did not produce is then removed: a file is
 * kept if Astro lists it as a page of this build or wrote it during this build, so a deleted post's
 * page, or a renamed bundle, never lingers. A folder last built with another Astro cache (another scope,
 * base or network) is emptied first, since that cache would vouch for pages it never built (the owners
 * are recorded in `src/lib/build-state.ts`). Runs after the integrations that rewrite their own files
 * (sitemap, headers) and before those that read the output (cards, search).
 */
export default function keepOutput({ owned }: KeepOutputOptions): AstroIntegration {
  let enabled = false;
  let started = 0;
  let owners = '';
  let outDir = '';
  let cacheDir = '';
  let incremental = false;
  return {
    name: 'commonroom:keep-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        owners = ownersFile(fileURLToPath(config.root));
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        incremental = config.experimental.incrementalBuild === true;
        enabled = command === 'build' && incremental && ownerOf(owners, outDir) === resolve(cacheDir);
        if (enabled) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      // Under `npm run build`, the last site's pages are still being copied into the folder while Astro
      // starts; bundling writes into it, so it waits. Every copy is then older than `started`.
      'astro:build:start': async () => {
        await gateOpened('staging-ready');
        started = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        // A build without incremental builds leaves Astro's cache behind the folder: it owns nothing then.
        writeOwner(owners, outDir, incremental ? cacheDir : '');
        if (!enabled) return;
        const out = fileURLToPath(dir);
        const pages = new Set([...assets.values()].flat().map((url) => relative(out, fileURLToPath(url))));
        // Like Astro's own emptying of the folder, a git checkout in it (a GitHub Pages branch) is left alone.
        const skipped = ['.git', ...owned];
        let removed = 0;
        for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
          if (skipped.some((top) => file === top || file.startsWith(`${top}${sep}`))) continue;
          const path = join(out, file);
          const stats = statSync(path, { throwIfNoEntry: false });
          if (!stats?.isFile() || pages.has(file) || stats.mtimeMs >= started) continue;
          rmSync(path);
          removed++;
        }
        removeEmptyFolders(out);
        if (removed) logger.info(`removed ${removed} files of the last build that this one did not produce`);
      },
    },
  };
}
