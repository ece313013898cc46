import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../package-version.ts';
import { fontsHash } from './fonts.ts';
import { readChecked, writeChecked, type CacheRead } from '../atomic-write.ts';
import type { CardInput, CardJob } from './input.ts';
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
