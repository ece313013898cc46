/**
 * What a build needs to know about the builds before it: which Astro cache last filled each output
 * folder, and whether the last build that used an Astro cache finished. Astro writes its record of
 * rendered pages (`incremental-build.json`) in place and keeps pages' copies beside it; after a build
 * that did not finish, neither can be trusted to describe the output, so that record is dropped and
 * every page is rendered once more.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readCheckedJson, writeChecked, type CacheRead } from './atomic-write.ts';

/** The file that records which Astro cache last built into each output folder. */
export const ownersFile = (root: string): string => join(root, 'node_modules/.astro/output-owners.json');

function readOwners(file: string): Record<string, string> {
  const read = readCheckedJson<Record<string, string>>(file);
  return read.status === 'ok' ? read.value : {};
}

/** An output folder's owner: the Astro cache that built it, or '' when none can vouch for its pages. */
export function ownerOf(file: string, outDir: string): string {
  return readOwners(file)[resolve(outDir)] ?? '';
}

/** Records an output folder's owner; paths are compared with any trailing slash removed. */
export function writeOwner(file: string, outDir: string, cacheDir: string): void {
  const owner = cacheDir && resolve(cacheDir);
  writeChecked(file, JSON.stringify({ ...readOwners(file), [resolve(outDir)]: owner }, null, 2));
}

/** The state of the last build that used an Astro cache, kept in that cache. */
export interface Journal {
  /** `building` from the start of a build until its output is in place. */
  state: 'building' | 'done';
  /** The output folder the finished build's pages went to. */
  out: string;
  /** What a finished build was made from and left in `out` (`src/lib/build-inputs.ts`). */
  inputs?: string;
  /** The same but for the posts still scheduled (`buildSourcesKey`). */
  sources?: string;
  output?: string;
}

export const journalFile = (cacheDir: string): string => join(cacheDir, 'commonroom-build.json');

/** The journal of an Astro cache, if it is there and whole. */
export function readJournal(cacheDir: string): CacheRead<Journal> {
  return readCheckedJson<Journal>(journalFile(cacheDir));
}

export function writeJournal(cacheDir: string, journal: Journal): void {
  writeChecked(journalFile(cacheDir), JSON.stringify(journal));
}

/**
 * Makes Astro render every page in the next build: without its record of the last build's pages it
 * copies none from that build or from its cache.
 */
export function forgetRenderedPages(cacheDir: string): void {
  rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
  // Astro's own cache sits in a folder named after the Markdown pipeline's code (astro.config.mjs): forget
  // the record in each, so no pipeline's copy can outlive an unfinished build.
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(join(cacheDir, entry.name, 'incremental-build.json'), { force: true });
  }
}

/** How astro.config.mjs names a Markdown pipeline's cache folder: the start of its code's hash. */
const PIPELINE_FOLDER = /^[0-9a-f]{10}$/;

/**
 * The Astro caches in `cacheDir` of Markdown pipelines other than `current` (the one that built the live
 * site): left by Commonroom's code before an update, never read again, and each holding a copy of every
 * page. None when `current` is not one of them, since then nothing says which pipeline is in use.
 */
export function otherPipelineCaches(cacheDir: string, current: string): string[] {
  if (!current || resolve(dirname(current)) !== resolve(cacheDir) || !existsSync(cacheDir)) return [];
  return readdirSync(cacheDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && PIPELINE_FOLDER.test(entry.name) && entry.name !== basename(current))
    .map((entry) => join(cacheDir, entry.name));
}
