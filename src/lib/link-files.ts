import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Puts a cached file into the output as a hard link, which is about thirty times faster than copying
 * thousands of small files; falls back to a copy across file systems. Caches only ever replace files
 * (write, then rename), so a link in the output never changes under it.
 */
export function linkFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** `linkFile` for every file of a folder tree. */
export function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) linkTree(source, join(to, entry.name));
    else linkFile(source, join(to, entry.name));
  }
}
