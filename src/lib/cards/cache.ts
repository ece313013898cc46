import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../package-version.ts';
import { fontsHash } from './fonts.ts';
import type { CardInput } from './input.ts';
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
