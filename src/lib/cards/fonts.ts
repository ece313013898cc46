import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 700;
  style: 'normal';
}

/**
 * Font stacks the template uses. Satori keeps one font per name, weight and style, so each subset gets its
 * own name and the stack lists both.
 */
export const SERIF = 'Literata, LiterataExt';
export const SANS = 'SourceSans, SourceSansExt';

const require = createRequire(import.meta.url);

// Both subsets of each face: `latin-ext` carries Welsh ŵ ŷ and most accented Latin. Satori reads WOFF, not WOFF2.
const faces: { name: string; pkg: string; weight: CardFont['weight'] }[] = [
  { name: 'Literata', pkg: '@fontsource/literata/files/literata', weight: 600 },
  { name: 'SourceSans', pkg: '@fontsource/source-sans-3/files/source-sans-3', weight: 400 },
  { name: 'SourceSans', pkg: '@fontsource/source-sans-3/files/source-sans-3', weight: 700 },
];
const subsets = ['latin', 'latin-ext'] as const;

/** Absolute paths of every font file a card uses, in load order. */
export const fontFiles = (): string[] =>
  faces.flatMap(({ pkg, weight }) =>
    subsets.map((subset) => require.resolve(`${pkg}-${subset}-${weight}-normal.woff`)),
  );

let loaded: CardFont[] | undefined;

/**
 * The card fonts, read from npm packages once per process (per worker) and never fetched. Satori caches its
 * font engine by this array's identity, so callers must pass the same array every time.
 */
export function loadFonts(): CardFont[] {
  if (loaded) return loaded;
  const files = fontFiles();
  loaded = faces.flatMap(({ name, weight }, index) =>
    subsets.map((subset, n) => ({
      name: subset === 'latin' ? name : `${name}Ext`,
      weight,
      style: 'normal' as const,
      data: readFileSync(files[index * subsets.length + n]!),
    })),
  );
  return loaded;
}

/** A hash of every font file's bytes, part of each card's cache key. */
export function fontsHash(): string {
  const hash = createHash('sha256');
  for (const file of fontFiles()) hash.update(readFileSync(file));
  return hash.digest('hex');
}
