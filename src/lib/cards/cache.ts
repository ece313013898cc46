import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageVersion } from '../package-version.ts';
import { fontsHash } from './fonts.ts';
import { readChecked, writeChecked, type CacheRead } from '../atomic-write.ts';
import type { CardInput, CardJob } from './input.ts';
import { devManifestFile } from './channel.ts';
import { TEMPLATE_VERSION } from './template.ts';

/** Source files whose every change can change a card's pixels. */
const drawingSources = ['template.ts', 'fit.ts', 'metrics.ts', 'render.ts', 'fonts.ts'];

/**
 * What every card's key shares: the template version and source, the fonts' bytes, and the versions of
 * satori and resvg. Computed once per build.
 */
export function cacheSalt(): string {
  const hash = createHash('sha256').update(`template:${TEMPLATE_VERSION}\n`);
  for (const file of drawingSources) hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
  hash.update(fontsHash());
  for (const pkg of ['satori', '@resvg/resvg-js']) hash.update(`${pkg}@${packageVersion(pkg)}\n`);
  return hash.digest('hex');
}

/** A card's cache key: its inputs, the logo's bytes and the shared salt. */
export function cardKey(input: CardInput, salt: string): string {
  const hash = createHash('sha256').update(salt).update(JSON.stringify(input));
  if (input.logo) {
    try {
      hash.update(readFileSync(input.logo));
    } catch {
      hash.update('no logo');
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** The cached drawing of a card with these inputs. */
export function cachedPngFile(cacheDir: string, input: CardInput, salt: string): string {
  return join(cacheDir, 'png', `${cardKey(input, salt)}.png`);
}

/** The manifest pages record their cards in: one per output folder, so builds into different folders share the cache. */
export function manifestFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, `manifest-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.jsonl`);
}

/** Parses records, one JSON line each; a page recorded twice keeps its last record. */
function parseJobs(text: string, skipBroken = false): CardJob[] {
  const jobs = new Map<string, CardJob>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    let job: CardJob;
    try {
      job = JSON.parse(line) as CardJob;
    } catch (error) {
      if (skipBroken) continue;
      throw error;
    }
    jobs.set(job.file, job);
  }
  return [...jobs.values()];
}

/** The cards a build recorded, if its manifest is whole (see `writeChecked`). */
export function readBuildManifest(file: string): CacheRead<CardJob[]> {
  const read = readChecked(file);
  if (read.status !== 'ok') return read;
  try {
    return { status: 'ok', value: parseJobs(read.value.toString('utf8')) };
  } catch {
    return { status: 'damaged', reason: 'not valid JSON lines' };
  }
}

/** Writes a build's card records in one piece. */
export function writeBuildManifest(file: string, jobs: CardJob[]): void {
  writeChecked(file, jobs.map((job) => `${JSON.stringify(job)}\n`).join(''));
}

/** The cards `astro dev` recorded; a line cut short by a stopped server is skipped. */
export function readDevManifest(file: string): CardJob[] {
  try {
    return parseJobs(readFileSync(file, 'utf8'), true);
  } catch {
    return [];
  }
}

/** How long after a folder's last build its card records still keep their drawings in the cache. */
export const RECORDS_KEPT_DAYS = 30;

/**
 * Deletes the cached drawings no recent build uses, so the cache does not grow with every edit and every
 * Commonroom update that redraws the cards. `using` holds the drawings the build writing `manifest` uses.
 * The records of builds into other folders (a school's own site, a preview) keep theirs for
 * `RECORDS_KEPT_DAYS` after those folders were last built; older records are deleted. A damaged record
 * cannot say what it keeps, so nothing is deleted while one is there. Returns how many drawings went.
 */
export function pruneCardCache(
  cacheDir: string,
  manifest: string,
  using: ReadonlySet<string>,
  salt: string,
  now = Date.now(),
): number {
  const keep = new Set([...using].map((file) => basename(file)));
  for (const name of readdirSync(cacheDir)) {
    const other = join(cacheDir, name);
    if (!/^manifest-[0-9a-f]+\.jsonl$/.test(name) || other === manifest) continue;
    if (now - statSync(other).mtimeMs > RECORDS_KEPT_DAYS * 24 * 60 * 60 * 1000) {
      rmSync(other, { force: true });
      rmSync(devManifestFile(other), { force: true });
      continue;
    }
    const read = readBuildManifest(other);
    if (read.status === 'damaged') return 0;
    if (read.status === 'ok') for (const job of read.value) keep.add(`${cardKey(job.input, salt)}.png`);
  }
  const unused = readdirSync(join(cacheDir, 'png')).filter((name) => name.endsWith('.png') && !keep.has(name));
  for (const name of unused) rmSync(join(cacheDir, 'png', name), { force: true });
  return unused.length;
}
